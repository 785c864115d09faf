/**
 * What assignments do to their request, and the request to them, and what an
 * offer does to the alert link: in progress on the first arrival, cancelled with a withdrawal or
 * rejection (and mailed), no withdrawal past a racing proposal, closing only with none active, a
 * count never below the accepted, the answer locked once offered, a taken-back yes flagged.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditTrail } from '../../../db/queries/audit.ts'
import { alerts, assignments, outbox } from '../../../db/schema/index.ts'
import { acknowledgedRequest } from '../../helpers/alerts.ts'
import { type TestApp, testApp } from '../../helpers/app.ts'
import { ANNA, answerAlert, BERT, mailsTo, propose, stepTo, TRAVEL } from '../../helpers/assignments.ts'
import { barrier } from '../../helpers/barrier.ts'

let t: TestApp
let saba: string
let coordinator: string
/** Writes the barrier holds back while a test races them. */
let racing: ((sql: string) => boolean) | null = null
beforeAll(async () => {
  t = await testApp({}, { wrapDb: barrier((sql) => racing?.(sql) ?? false, 2, 400) })
  saba = await t.login('saba@demo.ccpm')
  coordinator = await t.login('coordinator@demo.ccpm')
})
afterAll(() => t.close())

const row = async (id: string) => (await t.db.select().from(assignments)).find((a) => a.id === id)!
const requestOf = async (id: string, who = saba) => (await t.get(`/api/v1/requests/${id}`, who)).json()
const status = (id: string, body: Record<string, unknown>, who: string) =>
  t.postJson(`/api/v1/requests/${id}/status`, body, who)

/** Later tests take a period of their own: Anna stays deployed in the earlier ones. */
const OCTOBER = { periodStart: '2026-10-05', periodEnd: '2026-10-16' }
const NOVEMBER = { periodStart: '2026-11-02', periodEnd: '2026-11-13' }

/** Anna (information manager) accepted by Saba; Bert (communication adviser) proposed only. */
async function staffed() {
  const { id, needId } = await acknowledgedRequest(t, saba, coordinator)
  const adviserNeed = (await requestOf(id)).needs[1].id
  await answerAlert(t, coordinator, needId, ANNA)
  const anna = (await propose(t, coordinator, needId, ANNA.id)).body
  await stepTo(t, coordinator, anna.id, { status: 'offered' })
  await stepTo(t, saba, anna.id, { status: 'accepted' })
  const bert = (await propose(t, coordinator, adviserNeed, BERT.id)).body
  expect(bert.status).toBe('proposed')
  return { id, needId, adviserNeed, anna: anna.id, bert: bert.id }
}

describe("the request's end cancels what is not yet on site", () => {
  it('withdrawn: both cancelled with events; the accepted person mailed a cancelled .ics', async () => {
    const s = await staffed()
    const before = (await t.db.select().from(outbox)).length
    const res = await status(s.id, { status: 'withdrawn', reason: 'The storm turned north' }, saba)
    expect(res.status).toBe(200)
    for (const a of [s.anna, s.bert]) {
      expect(await row(a)).toMatchObject({ status: 'cancelled', reason: 'The storm turned north' })
      const trail = await auditTrail(t.db, 'assignment', a)
      expect(trail.at(-1)).toMatchObject({
        action: 'assignment.cancelled',
        actorLabel: 'Crisis team Saba',
        after: expect.objectContaining({ cause: 'request_withdrawn' }),
      })
    }
    const mails = (await t.db.select().from(outbox)).slice(before)
    const toAnna = mails.filter((m) => m.to === ANNA.email)
    expect(toAnna).toHaveLength(1)
    expect(toAnna[0]!.subject).toBe('Cancelled: your deployment to Saba, 6–20 Sep 2026')
    expect(toAnna[0]!.text).toContain('Saba has withdrawn its request')
    expect(toAnna[0]!.attachments![0]!.content).toContain('STATUS:CANCELLED')
    expect(mails.filter((m) => m.to === BERT.email)).toHaveLength(0) // never told of a mere proposal
    expect(
      mails.filter((m) => m.to === 'saba@demo.ccpm' && m.subject.startsWith('Offer withdrawn')),
    ).toHaveLength(0)
    expect((await requestOf(s.id)).needs[0]).toMatchObject({ filled: 0, offered: 0 })
  })

  it('rejected: the same, caused by the rejection', async () => {
    const s = await staffed()
    expect(
      (
        await status(
          s.id,
          { status: 'rejected', reason: 'Covered by the Dutch Caribbean Coast Guard' },
          coordinator,
        )
      ).status,
    ).toBe(200)
    expect((await row(s.anna)).status).toBe('cancelled')
    const trail = await auditTrail(t.db, 'assignment', s.anna)
    expect(trail.at(-1)!.after).toMatchObject({ cause: 'request_rejected' })
  })

  it('a proposal committed after the withdrawal read it makes the withdrawal lose (409), not the person', async () => {
    const { id, needId } = await acknowledgedRequest(t, saba, coordinator)
    racing = (sql) => sql.startsWith('update "requests"')
    const withdrawal = status(id, { status: 'withdrawn', reason: 'Not needed' }, saba)
    await new Promise((r) => setTimeout(r, 100)) // the withdrawal has read and waits at the barrier
    racing = null
    const proposal = await propose(t, coordinator, needId, ANNA.id)
    expect(proposal.status).toBe(201)
    const res = await withdrawal
    expect(res.status).toBe(409)
    expect((await requestOf(id)).status).toBe('acknowledged')
    expect((await row(proposal.body.id)).status).toBe('proposed')
    // the withdrawal again, now that it has seen the proposal: it cancels it
    expect((await status(id, { status: 'withdrawn', reason: 'Not needed' }, saba)).status).toBe(200)
    expect((await row(proposal.body.id)).status).toBe('cancelled')
  })
})

describe('arrival and closing', () => {
  it('the first arrival moves an acknowledged request to in progress; closing waits until none is active', async () => {
    const s = await staffed()
    await stepTo(t, coordinator, s.bert, { status: 'cancelled', reason: 'Not needed after all' })
    expect((await stepTo(t, coordinator, s.anna, { status: 'travelling', travel: TRAVEL })).status).toBe(200)
    // a coordinator confirms the arrival on the island's behalf: recorded as such
    expect((await stepTo(t, coordinator, s.anna, { status: 'on_site' })).status).toBe(200)
    expect(await row(s.anna)).toMatchObject({ status: 'on_site', onBehalf: true })
    expect((await requestOf(s.id)).status).toBe('in_progress')
    expect((await auditTrail(t.db, 'request', s.id)).map((e) => e.action)).toContain(
      'request.in_progress_on_arrival',
    )
    // people on site: no withdrawal (in progress), no closing
    expect((await status(s.id, { status: 'withdrawn', reason: 'x' }, saba)).status).toBe(409)
    const close = await status(s.id, { status: 'closed' }, saba)
    expect(close.status).toBe(409)
    expect((await close.json()).error.code).toBe('assignment.request.active')
    expect((await stepTo(t, saba, s.anna, { status: 'released' })).status).toBe(200)
    expect((await status(s.id, { status: 'closed', reason: 'Thank you' }, saba)).status).toBe(200)
    // the coordinator still completes the released assignment after the request closed
    expect((await stepTo(t, coordinator, s.anna, { status: 'completed' })).body.status).toBe('completed')
  })

  it("a coordinator's manual step to in progress stays, once someone is accepted", async () => {
    const DECEMBER = { periodStart: '2026-12-07', periodEnd: '2026-12-18' }
    const { id, needId } = await acknowledgedRequest(t, saba, coordinator, DECEMBER)
    // nothing filled yet: the step is refused rather than promising people who are not there
    const early = await status(id, { status: 'in_progress' }, coordinator)
    expect(early.status).toBe(409)
    expect((await early.json()).error.code).toBe('requests.progress.nothingFilled')
    await answerAlert(t, coordinator, needId, ANNA)
    const anna = (await propose(t, coordinator, needId, ANNA.id)).body
    await stepTo(t, coordinator, anna.id, { status: 'offered' })
    await stepTo(t, saba, anna.id, { status: 'accepted' })
    expect((await status(id, { status: 'in_progress' }, coordinator)).status).toBe(200)
  })
})

/** The request's edit form as the island posts it, with the needs as they are now and `change` applied. */
async function editForm(id: string, change: (needs: Record<string, unknown>[]) => Record<string, unknown>[]) {
  const r = await requestOf(id)
  const form: Record<string, string | string[]> = {
    title: r.title,
    situation: r.situation,
    phase: r.phase,
    priority: r.priority,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    contact: r.contact || 'EOC Saba',
    version: String(r.version),
  }
  change(r.needs).forEach((n, i) => {
    for (const [k, v] of Object.entries(n)) {
      if (['filled', 'offered'].includes(k) || v === null || v === undefined) continue
      if (k === 'remoteOk') {
        if (v) form[`needs[${i}][remoteOk]`] = 'on'
        continue
      }
      form[`needs[${i}][${k}]`] = Array.isArray(v) ? v.map(String) : String(v)
    }
  })
  return t.post(`/requests/${id}`, form, saba)
}

describe('editing the needs people fill', () => {
  it('refuses a count below the accepted (409), keeps alerts and assignments through an edit', async () => {
    const s = await staffed()
    const alertsBefore = (await t.db.select().from(alerts)).filter((a) => a.needId === s.needId).length
    // count 2 → 0 accepted below? one accepted: lowering to 1 is fine, and nothing is lost
    const down = await editForm(s.id, (needs) => needs.map((n, i) => (i === 0 ? { ...n, count: 1 } : n)))
    expect(down.status).toBe(303)
    const after = await requestOf(s.id)
    expect(after.needs[0]).toMatchObject({ id: s.needId, count: 1, filled: 1 })
    expect((await t.db.select().from(alerts)).filter((a) => a.needId === s.needId)).toHaveLength(alertsBefore)
    expect((await row(s.anna)).status).toBe('accepted')
    // a second person accepted on a raised count, then lowering below two is refused
    await editForm(s.id, (needs) => needs.map((n, i) => (i === 0 ? { ...n, count: 2 } : n)))
    const list = await (await t.get(`/api/v1/needs/${s.needId}/candidates`, coordinator)).json()
    const other = (await propose(t, coordinator, s.needId, list.eligible[0].functionaryId)).body
    await stepTo(t, coordinator, other.id, { status: 'offered', confirmedBy: { channel: 'phone', note: '' } })
    expect((await stepTo(t, saba, other.id, { status: 'accepted' })).status).toBe(200)
    const refused = await editForm(s.id, (needs) => needs.map((n, i) => (i === 0 ? { ...n, count: 1 } : n)))
    expect(refused.status).toBe(409)
    expect(await refused.text()).toContain('2 people have already been accepted for this need')
    expect((await requestOf(s.id)).needs[0].count).toBe(2)
    // and a need with a proposal on it cannot be removed
    const removed = await editForm(s.id, (needs) => needs.filter((_, i) => i !== 1))
    expect(removed.status).toBe(409)
    expect(await removed.text()).toContain('1 person is proposed or assigned for this need')
  })
})

describe('the alert link once offered, and a yes taken back', () => {
  it('locks the answer after the offer: the page says to call LOCC-KCR2, a post changes nothing (409)', async () => {
    const { needId } = await acknowledgedRequest(t, saba, coordinator, OCTOBER)
    const link = await answerAlert(t, coordinator, needId, ANNA)
    const a = (await propose(t, coordinator, needId, ANNA.id)).body
    // still proposed: the link works (and its answer is asked again)
    expect((await t.get(link)).status).toBe(200)
    await stepTo(t, coordinator, a.id, { status: 'offered' })
    const page = await t.get(link)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('Call LOCC-KCR2 if anything has changed.')
    const post = await t.post(link, { answer: 'unavailable', note: 'ill' })
    expect(post.status).toBe(409)
    const [mine] = (await t.db.select().from(alerts)).filter((x) => x.needId === needId)
    expect(mine!.answer).toBe('available')
    expect((await row(a.id)).flaggedAt).toBeNull()
  })

  it('flags a proposal when "available" becomes "not available", and mails the coordinator', async () => {
    const { needId } = await acknowledgedRequest(t, saba, coordinator, NOVEMBER)
    const link = await answerAlert(t, coordinator, needId, ANNA)
    const a = (await propose(t, coordinator, needId, ANNA.id)).body
    const before = (await mailsTo(t, 'coordinator@demo.ccpm')).length
    const changed = await t.post(link, { answer: 'unavailable', note: 'Broke my ankle' })
    expect(changed.status).toBe(200)
    expect(await row(a.id)).toMatchObject({ status: 'proposed', version: 2, flaggedAt: t.clock.now })
    const trail = await auditTrail(t.db, 'assignment', a.id)
    expect(trail.at(-1)).toMatchObject({ action: 'assignment.flagged', actorId: null })
    const [mail] = (await mailsTo(t, 'coordinator@demo.ccpm')).slice(before)
    expect(mail!.subject).toMatch(/^Check: .+ is no longer available for Saba, 2–13 Nov 2026$/)
    expect(mail!.text).toContain('Broke my ankle')
    // offering now needs a yes heard another way
    const offer = await stepTo(t, coordinator, a.id, { status: 'offered', version: 2 })
    expect(offer.status).toBe(422)
    expect(offer.body.error.code).toBe('assignment.confirm.required')
    // the candidates say so too
    const list = await (await t.get(`/api/v1/needs/${needId}/candidates`, coordinator)).json()
    const excluded = list.excluded.find((x: { functionaryId: string }) => x.functionaryId === ANNA.id)
    expect(excluded.reasons.map((r: { code: string }) => r.code)).toEqual([
      'matching.excluded.assigned',
      'matching.excluded.saidUnavailable',
    ])
  })
})
