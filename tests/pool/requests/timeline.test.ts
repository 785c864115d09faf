/** A request's history with its alerts folded in: one line per round and per answer, nobody named. */
import { describe, expect, it } from 'vitest'
import { type AlertTrailEvent, requestTimeline } from '../../../pool/requests/index.ts'
import type { AuditEvent } from '../../../pool/shared/index.ts'
import { translatorFor } from '../../../views/i18n/index.ts'
import { fuelNeed, imNeed, NOW, recceNeed } from '../../fixtures/requests.ts'

const needs = [imNeed, recceNeed, fuelNeed]
const event = (over: Partial<AuditEvent>): AuditEvent => ({
  id: `e-${over.at}-${over.action}-${over.entityId}`,
  at: NOW,
  actorId: 'u-locc',
  actorLabel: 'Duty officer LOCC',
  action: 'request.acknowledged',
  entity: 'request',
  entityId: 'req-saba',
  before: null,
  after: null,
  ...over,
})
const sent = (alert: string, at: number, needId = imNeed.id): AlertTrailEvent => ({
  ...event({ at, action: 'alert.sent', entity: 'alert', entityId: alert }),
  after: { needId, functionaryId: `f-${alert}`, name: `Person ${alert}`, deadline: NOW + 86_400_000 },
  needId,
})
const answered = (alert: string, at: number, answer: string): AlertTrailEvent => ({
  ...event({ at, action: 'alert.answered', entity: 'alert', entityId: alert }),
  actorId: null,
  actorLabel: `Person ${alert}`,
  before: { answer: null },
  after: { answer, note: 'my phone +599 555 0101' },
  needId: imNeed.id,
})
const en = translatorFor('en')

describe('requestTimeline', () => {
  const own = [
    event({ at: NOW, action: 'request.acknowledged' }),
    event({ at: NOW + 30 * 60_000, action: 'request.edited', after: { title: 'x' } }),
  ]
  const alerts = [
    sent('a1', NOW + 10 * 60_000),
    sent('a2', NOW + 10 * 60_000),
    sent('a3', NOW + 10 * 60_000),
    answered('a1', NOW + 20 * 60_000, 'available'),
    sent('a4', NOW + 40 * 60_000), // a second round: a line of its own
    sent('b1', NOW + 40 * 60_000, 'need-gone'), // a need since removed
    answered('a2', NOW + 50 * 60_000, 'unavailable'),
  ] // oldest first, as db/queries/alerts.ts reads them

  it('folds a round into one line with its count, an answer into one line without its author, in time order', () => {
    const lines = requestTimeline(own, alerts, needs)
    expect(lines.map((e) => [e.at - NOW, e.action, e.after])).toEqual([
      [0, 'request.acknowledged', null],
      [10 * 60_000, 'request.alerted', { need: 1, role: 'information_manager', count: 3 }],
      [20 * 60_000, 'request.answered', { need: 1, role: 'information_manager', answer: 'available' }],
      [30 * 60_000, 'request.edited', { title: 'x' }],
      [40 * 60_000, 'request.alerted', { need: 1, role: 'information_manager', count: 1 }],
      [40 * 60_000, 'request.alerted', { need: null, role: null, count: 1 }],
      [50 * 60_000, 'request.answered', { need: 1, role: 'information_manager', answer: 'unavailable' }],
    ])
  })

  it('names no person and carries no note or contact in any line', () => {
    const lines = requestTimeline(own, alerts, needs)
    const said = JSON.stringify(lines) + lines.map((e) => en.audit(e)).join('\n')
    expect(said).not.toMatch(/Person a\d|f-a\d|\+599/)
    expect(lines.filter((e) => e.action === 'request.answered').every((e) => e.actorLabel === '')).toBe(true)
  })

  it('reads as sentences in each language', () => {
    const [, round, answer, , , gone] = requestTimeline(own, alerts, needs)
    expect(en.audit(round!)).toBe(
      'Duty officer LOCC asked 3 people whether they are available for need 1 (information manager)',
    )
    expect(en.audit(answer!)).toBe('A person asked for need 1 (information manager) answered: available')
    expect(en.audit(gone!)).toBe(
      'Duty officer LOCC asked 1 person whether they are available for a need no longer on the request',
    )
    expect(translatorFor('nl').audit(answer!)).toBe(
      'Een gevraagde persoon voor behoefte 1 (Informatiemanager) antwoordde: beschikbaar',
    )
    expect(translatorFor('pap').audit(round!)).toMatch(
      /^Duty officer LOCC a puntra 3 persona si nan ta disponibel pa nesesidat 1 \(/,
    )
  })

  it('leaves the request’s own history as it is when there are no alerts', () => {
    expect(requestTimeline(own, [], needs)).toEqual(own)
  })
})
