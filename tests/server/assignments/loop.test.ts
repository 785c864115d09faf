/**
 * The whole loop over HTTP: request → alert → answer → candidates → propose → offer →
 * the island accepts → travelling → on site → released → completed, checking at each step the
 * status, the audit trail and the outbox (the offer to the island, the .ics to the person).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditTrail } from '../../../db/queries/audit.ts'
import { outbox } from '../../../db/schema/index.ts'
import { acknowledgedRequest } from '../../helpers/alerts.ts'
import { type TestApp, testApp } from '../../helpers/app.ts'
import { ANNA, answerAlert, mailsTo, propose, stepTo, TRAVEL } from '../../helpers/assignments.ts'

let t: TestApp
let saba: string
let coordinator: string
beforeAll(async () => {
  t = await testApp()
  saba = await t.login('saba@demo.ccpm')
  coordinator = await t.login('coordinator@demo.ccpm')
})
afterAll(() => t.close())

const actions = async (id: string) => (await auditTrail(t.db, 'assignment', id)).map((e) => e.action)
const newMail = async (before: number) => (await t.db.select().from(outbox)).slice(before)
const outboxSize = async () => (await t.db.select().from(outbox)).length

describe('the loop, need to completion', () => {
  it('goes from a need to a completed deployment, with the audit and the mails at each step', async () => {
    const { id: requestId, needId } = await acknowledgedRequest(t, saba, coordinator)
    await answerAlert(t, coordinator, needId, ANNA)

    // the candidates: Anna answered available, so she ranks first, the answer bonus among her parts
    const candidates = await (await t.get(`/api/v1/needs/${needId}/candidates`, coordinator)).json()
    const top = candidates.eligible[0]
    expect(top).toMatchObject({ functionaryId: ANNA.id, alert: 'available' })
    expect(top.parts.answer).toBe(131)
    expect(top.score).toBe(Object.values(top.parts as Record<string, number>).reduce((a, b) => a + b, 0))
    expect(Object.keys(top.parts)).toEqual([
      'travel',
      'local',
      'level',
      'languages',
      'rest',
      'fairness',
      'answer',
    ])
    for (let i = 1; i < candidates.eligible.length; i++)
      expect(candidates.eligible[i - 1].score).toBeGreaterThanOrEqual(candidates.eligible[i].score)
    expect(candidates.excluded.length).toBeGreaterThan(100) // nobody dropped: the whole pool is there
    expect(candidates.excluded[0].reasons[0]).toMatchObject({
      code: expect.stringMatching(/^matching\.excluded\./),
    })

    // propose: 201, proposed, audit; no mail yet
    let before = await outboxSize()
    const proposed = await propose(t, coordinator, needId, ANNA.id)
    expect(proposed.status).toBe(201)
    const a = proposed.body
    expect(a).toMatchObject({
      needId,
      requestId,
      island: 'SA',
      functionaryId: ANNA.id,
      status: 'proposed',
      periodStart: '2026-09-06',
      periodEnd: '2026-09-20',
      travel: null,
      reason: null,
      version: 1,
    })
    expect(Object.keys(a).sort()).toEqual(
      [
        'functionaryId',
        'id',
        'island',
        'needId',
        'periodEnd',
        'periodStart',
        'reason',
        'requestId',
        'status',
        'travel',
        'version',
      ].sort(),
    )
    expect(await actions(a.id)).toEqual(['assignment.proposed'])
    expect(await newMail(before)).toEqual([])

    // offer: her "available" answer suffices; the island is mailed what it needs to decide
    before = await outboxSize()
    const offered = await stepTo(t, coordinator, a.id, { status: 'offered', version: 1 })
    expect(offered).toMatchObject({ status: 200, body: { status: 'offered', version: 2 } })
    expect(await actions(a.id)).toEqual(['assignment.proposed', 'assignment.offered'])
    const [offer] = await newMail(before)
    expect(offer!.to).toBe('saba@demo.ccpm')
    expect(offer!.subject).toMatch(
      /^Offer: .+, information manager for Saba, 6–20 Sep 2026: accept or decline$/,
    )
    for (const line of [
      'Role:          Information manager, qualified',
      'Languages:',
      'Organisation:',
      'Based on:      Saba',
    ])
      expect(offer!.text).toContain(line)
    expect(offer!.text).toContain(`/assignments/${a.id}`)

    // Saba accepts: the person is mailed with the .ics attached
    before = await outboxSize()
    expect((await stepTo(t, saba, a.id, { status: 'accepted' })).body.status).toBe('accepted')
    const [accepted] = await newMail(before)
    expect(accepted!.to).toBe(ANNA.email)
    expect(accepted!.subject).toBe('Deployment confirmed: Information manager for Saba, 6–20 Sep 2026')
    expect(accepted!.text).toContain('Report to:')
    expect(accepted!.attachments).toHaveLength(1)
    const ics = accepted!.attachments![0]!
    expect(ics.filename).toBe(`deployment-${a.id}.ics`)
    expect(ics.contentType).toMatch(/^text\/calendar/)
    expect(ics.content).toMatch(/^BEGIN:VCALENDAR\r\n/)
    expect(ics.content).toContain(`UID:assignment-${a.id}@ccpm`)
    expect(ics.content).toContain('DTSTART;VALUE=DATE:20260906')
    expect(ics.content).toContain('DTEND;VALUE=DATE:20260921')
    expect(ics.content.match(/BEGIN:VEVENT/g)).toHaveLength(1)
    const request = await (await t.get(`/api/v1/requests/${requestId}`, saba)).json()
    expect(request.needs[0]).toMatchObject({ filled: 1, offered: 0 })

    // travelling: the coordinator records the flight; a new mail and .ics (island time zone)
    before = await outboxSize()
    const travelling = await stepTo(t, coordinator, a.id, { status: 'travelling', travel: TRAVEL })
    expect(travelling.body).toMatchObject({ status: 'travelling', travel: TRAVEL })
    const [trip] = await newMail(before)
    expect(trip!.to).toBe(ANNA.email)
    expect(trip!.text).toContain('Departure:   Mon 7 Sep 10:00 (island time)')
    expect(trip!.text).toContain('Reference:   WM 123')
    expect(trip!.attachments![0]!.content).toContain('DTSTART;TZID=America/Kralendijk:20260907T100000')

    // on site: the island confirms; the acknowledged request moves to in progress by itself
    expect((await stepTo(t, saba, a.id, { status: 'on_site' })).body.status).toBe('on_site')
    expect((await (await t.get(`/api/v1/requests/${requestId}`, saba)).json()).status).toBe('in_progress')
    const requestTrail = await auditTrail(t.db, 'request', requestId)
    expect(requestTrail.at(-1)).toMatchObject({
      action: 'request.in_progress_on_arrival',
      actorId: null,
      actorLabel: 'CCPM',
    })

    // released by the island, completed by LOCC-KCR2
    expect((await stepTo(t, saba, a.id, { status: 'released' })).body.status).toBe('released')
    expect((await stepTo(t, coordinator, a.id, { status: 'completed' })).body).toMatchObject({
      status: 'completed',
      version: 7, // one write per step
    })
    expect(await actions(a.id)).toEqual([
      'assignment.proposed',
      'assignment.offered',
      'assignment.accepted',
      'assignment.travelling',
      'assignment.on_site',
      'assignment.released',
      'assignment.completed',
    ])
    // a completed deployment still fills the need, and the person sees it on /me with the .ics
    expect((await (await t.get(`/api/v1/requests/${requestId}`, saba)).json()).needs[0].filled).toBe(1)
    const me = await t.login(ANNA.email)
    const page = await (await t.get('/me', me)).text()
    expect(page).toContain('My deployments')
    expect(page).toContain(`/assignments/${a.id}/calendar.ics`)
    const file = await t.get(`/api/v1/assignments/${a.id}/calendar.ics`, me)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('text/calendar; charset=utf-8')
    expect(await file.text()).toContain('STATUS:CONFIRMED')
    // the person got exactly the two deployment mails (and the alert)
    expect((await mailsTo(t, ANNA.email)).map((m) => m.subject.split(':')[0])).toEqual([
      'Available 6–20 Sep for Saba as information manager?'.split(':')[0],
      'Deployment confirmed',
      'Travel details',
    ])
  })
})
