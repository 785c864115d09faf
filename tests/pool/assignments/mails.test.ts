/** What each step writes besides the row: its audit event and the mails it decides, with what each carries. */
import { describe, expect, it } from 'vitest'
import { type StepResult, step } from '../../../pool/assignments/index.ts'
import type { AssignmentStatus } from '../../../pool/reference/index.ts'
import { actors, anna, assignment, NOW, recipients, stepCtx, TRAVEL } from './fixtures.ts'

const refusal = (r: StepResult) => (r.ok ? 'ok' : `${r.error} ${r.message.code}`)

describe('events', () => {
  it('name the actor, the step and the person', () => {
    const r = step(assignment({ status: 'on_site' }), { status: 'released' }, actors.sabaTeam, stepCtx())
    if (!r.ok) throw new Error(refusal(r))
    expect(r.event).toEqual({
      id: 'id-1',
      at: NOW,
      actorId: 'u-saba',
      actorLabel: 'EOT Saba',
      action: 'assignment.released',
      entity: 'assignment',
      entityId: 'asg-anna',
      before: { status: 'on_site', version: 4 },
      after: {
        status: 'released',
        version: 5,
        needId: 'need-im',
        functionaryId: 'f-anna',
        name: 'Anna de Vries',
        island: 'SA',
      },
    })
    expect(r.assignment).toEqual({
      id: 'asg-anna',
      expect: { status: 'on_site', version: 4 },
      patch: { status: 'released', version: 5, updatedAt: NOW, releasedAt: NOW },
    })
  })
})

describe('mails', () => {
  const run = (from: AssignmentStatus, to: AssignmentStatus, who: keyof typeof actors, extra = {}) => {
    const r = step(
      assignment({ status: from, ...extra }),
      { status: to, reason: 'Storm.', travel: TRAVEL },
      actors[who],
      stepCtx(),
    )
    if (!r.ok) throw new Error(refusal(r))
    return r.mails.map((m) => [
      m.to,
      m.locale,
      m.message.code,
      (m.attachments ?? []).map((a) => a.calendar.cancelled),
    ])
  }
  const island = recipients.island.map((r) => [r.address, r.locale])
  const coordinators = recipients.coordinators.map((r) => [r.address, r.locale])
  const person = [anna.email, anna.locale]

  it.each([
    ['proposed', 'offered', 'dutyOfficer', island.map((r) => [...r, 'assignment.mail.offered', []])],
    ['offered', 'accepted', 'sabaTeam', [[...person, 'assignment.mail.accepted', [false]]]],
    ['offered', 'declined', 'sabaTeam', coordinators.map((r) => [...r, 'assignment.mail.declined', []])],
    ['accepted', 'travelling', 'dutyOfficer', [[...person, 'assignment.mail.travelling', [false]]]],
    ['travelling', 'on_site', 'sabaTeam', []],
    ['on_site', 'released', 'sabaTeam', []],
    ['released', 'completed', 'dutyOfficer', []],
    ['proposed', 'cancelled', 'dutyOfficer', []],
    ['offered', 'cancelled', 'dutyOfficer', island.map((r) => [...r, 'assignment.mail.offerCancelled', []])],
    [
      'accepted',
      'cancelled',
      'dutyOfficer',
      [
        ...island.map((r) => [...r, 'assignment.mail.offerCancelled', []]),
        [...person, 'assignment.mail.cancelled', [true]],
      ],
    ],
  ] as const)('%s → %s', (from, to, who, expected) => {
    expect(run(from, to, who)).toEqual(expected)
  })

  it('the offer carries what the island needs to decide', () => {
    const r = step(assignment(), { status: 'offered' }, actors.dutyOfficer, stepCtx())
    expect(r.ok && r.mails[0]!.message).toEqual({
      code: 'assignment.mail.offered',
      params: {
        name: 'Anna de Vries',
        island: 'SA',
        role: 'information_manager',
        periodStart: '2026-09-06',
        periodEnd: '2026-09-20',
        requestTitle: 'Information management after Hurricane Erin',
        url: 'https://ccpm.example/assignments/asg-anna',
        level: 'senior',
        minLevel: 'qualified',
        languages: ['nl', 'en', 'pap'],
        organisation: 'Veiligheidsregio Haaglanden',
        base: 'NL',
        travelMinutes: 810,
      },
    })
  })

  it('the acceptance carries the travel known so far, the contact and the calendar', () => {
    const r = step(assignment({ status: 'offered' }), { status: 'accepted' }, actors.sabaTeam, stepCtx())
    if (!r.ok) throw new Error(refusal(r))
    const mail = r.mails[0]!
    expect(mail.message.params).toMatchObject({
      contact: 'EOT Saba, +599 416 3311 (satellite)',
      etd: null,
      eta: null,
      zone: 'America/Kralendijk',
      departureZone: 'Europe/Amsterdam',
    })
    expect(mail.attachments).toEqual([
      {
        filename: 'deployment-asg-anna.ics',
        contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
        calendar: {
          assignmentId: 'asg-anna',
          sequence: 5,
          stamp: NOW,
          island: 'SA',
          role: 'information_manager',
          periodStart: '2026-09-06',
          periodEnd: '2026-09-20',
          travel: null,
          contact: 'EOT Saba, +599 416 3311 (satellite)',
          cancelled: false,
        },
      },
    ])
  })

  it('the decline carries the reason', () => {
    const r = step(
      assignment({ status: 'offered' }),
      { status: 'declined', reason: 'We need a Papiamentu speaker.' },
      actors.sabaTeam,
      stepCtx(),
    )
    expect(r.ok && r.mails[0]!.message.params).toMatchObject({ reason: 'We need a Papiamentu speaker.' })
  })

  it('one mail per address, whatever its case', () => {
    const ctx = stepCtx({
      recipients: {
        ...recipients,
        island: [
          { address: 'EOT@saba.example', locale: 'en' },
          { address: 'eot@saba.example ', locale: 'nl' },
          { address: ' ', locale: 'en' },
        ],
      },
    })
    const r = step(assignment(), { status: 'offered' }, actors.dutyOfficer, ctx)
    expect(r.ok && r.mails.map((m) => m.to)).toEqual(['EOT@saba.example'])
  })
})
