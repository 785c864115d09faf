/**
 * The assignments API by role and scope (exact statuses): a coordinator reads all, an island its
 * own, a functionary their own; another island's assignment is a 404; a role that may not take a
 * step is a 403; a step the machine does not allow from here is a 409. And the plans.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assignments } from '../../../db/schema/index.ts'
import { acknowledgedRequest } from '../../helpers/alerts.ts'
import { type TestApp, testApp } from '../../helpers/app.ts'
import { ANNA, answerAlert, BERT, propose, stepTo } from '../../helpers/assignments.ts'
import { sabaRequest } from '../../helpers/requests.ts'

let t: TestApp
let saba: string
let sxm: string
let coordinator: string
let observer: string
let anna: string
let bert: string
let sabaAssignment: string
let sxmAssignment: string
beforeAll(async () => {
  t = await testApp()
  saba = await t.login('saba@demo.ccpm')
  sxm = await t.login('sintmaarten@demo.ccpm')
  coordinator = await t.login('coordinator@demo.ccpm')
  observer = await t.login('observer@demo.ccpm')
  anna = await t.login(ANNA.email)
  bert = await t.login(BERT.email)
  const { needId } = await acknowledgedRequest(t, saba, coordinator)
  await answerAlert(t, coordinator, needId, ANNA)
  sabaAssignment = (await propose(t, coordinator, needId, ANNA.id)).body.id
  // Sint Maarten asks for a communication adviser later in the year: Bert
  const created = await (
    await t.postJson(
      '/api/v1/requests',
      sabaRequest({
        periodStart: '2026-10-01',
        periodEnd: '2026-10-10',
        needs: [
          {
            kind: 'functionary',
            role: 'crisis_communication_adviser',
            count: 1,
            minLevel: 'qualified',
            languages: ['en'],
          },
        ],
      }),
      sxm,
    )
  ).json()
  await t.postJson(`/api/v1/requests/${created.id}/status`, { status: 'submitted' }, sxm)
  await t.postJson(`/api/v1/requests/${created.id}/status`, { status: 'acknowledged' }, coordinator)
  sxmAssignment = (await propose(t, coordinator, created.needs[0].id, BERT.id)).body.id
})
afterAll(() => t.close())

const ids = async (who: string) =>
  ((await (await t.get('/api/v1/assignments', who)).json()).items as { id: string }[]).map((a) => a.id).sort()

describe('who reads which assignments', () => {
  it('a coordinator all, an island its own, a functionary their own', async () => {
    expect(await ids(coordinator)).toEqual([sabaAssignment, sxmAssignment].sort())
    expect(await ids(observer)).toEqual([sabaAssignment, sxmAssignment].sort())
    expect(await ids(saba)).toEqual([sabaAssignment])
    expect(await ids(sxm)).toEqual([sxmAssignment])
    expect(await ids(anna)).toEqual([sabaAssignment])
    expect(await ids(bert)).toEqual([sxmAssignment])
    expect((await t.get('/api/v1/assignments', await t.login('admin@demo.ccpm'))).status).toBe(403)
    expect((await t.get('/api/v1/assignments')).status).toBe(401)
  })

  it('another island, or another person, gets 404 for one assignment and its calendar', async () => {
    expect((await t.get(`/api/v1/assignments/${sabaAssignment}`, saba)).status).toBe(200)
    expect((await t.get(`/api/v1/assignments/${sabaAssignment}`, sxm)).status).toBe(404)
    expect((await t.get(`/api/v1/assignments/${sabaAssignment}`, bert)).status).toBe(404)
    expect((await t.get(`/api/v1/assignments/${sabaAssignment}/calendar.ics`, sxm)).status).toBe(404)
    expect((await t.get(`/assignments/${sabaAssignment}`, sxm)).status).toBe(404)
    expect((await t.get('/api/v1/assignments/nothing-here-0000')).status).toBe(401)
    expect((await t.get('/api/v1/assignments/nothing-here-0000', coordinator)).status).toBe(404)
  })
})

describe('who takes which step', () => {
  it('404 for an island that is not the request’s, 403 for a role that may not, 409 from the wrong state', async () => {
    const offered = await stepTo(t, coordinator, sabaAssignment, { status: 'offered' })
    expect(offered.status).toBe(200)
    // Sint Maarten cannot see it: 404, and nothing changes
    const other = await stepTo(t, sxm, sabaAssignment, { status: 'accepted' })
    expect(other.status).toBe(404)
    expect(other.body.error).toMatchObject({ status: 404, code: 'assignment.notFound' })
    // the coordinator, the observer and Anna herself may not accept: 403
    for (const who of [coordinator, observer, anna]) {
      const r = await stepTo(t, who, sabaAssignment, { status: 'accepted' })
      expect(r.status).toBe(403)
      expect(r.body.error.code).toBe('assignment.step.forbidden')
    }
    // Saba may not take a coordinator's step: 403; and a step not allowed from offered: 409
    expect((await stepTo(t, saba, sabaAssignment, { status: 'completed' })).status).toBe(403)
    const early = await stepTo(t, saba, sabaAssignment, { status: 'released' })
    expect(early.status).toBe(409)
    expect(early.body.error).toMatchObject({
      code: 'assignment.step.notFrom',
      current: { id: sabaAssignment, status: 'offered', version: 2 },
    })
    // a stale version: 409 with the current one
    const stale = await stepTo(t, saba, sabaAssignment, { status: 'accepted', version: 1 })
    expect(stale.status).toBe(409)
    expect(stale.body.error).toMatchObject({ code: 'assignment.step.stale', current: { version: 2 } })
    // declining needs a reason: 422 with the field
    const bare = await stepTo(t, saba, sabaAssignment, { status: 'declined' })
    expect(bare.status).toBe(422)
    expect(bare.body.error.fields.reason.code).toBe('assignment.reason.required')
    // Saba declines with a reason: the coordinator is mailed; the person excluded from the need
    const declined = await stepTo(t, saba, sabaAssignment, {
      status: 'declined',
      reason: 'We need Papiamentu',
    })
    expect(declined.body).toMatchObject({ status: 'declined', reason: 'We need Papiamentu' })
    const needId = declined.body.needId
    const list = await (await t.get(`/api/v1/needs/${needId}/candidates`, coordinator)).json()
    const why = list.excluded.find((x: { functionaryId: string }) => x.functionaryId === ANNA.id)
    expect(why.reasons).toEqual([
      { code: 'matching.excluded.declined', message: 'declined by the island for this need' },
    ])
    const again = await propose(t, coordinator, needId, ANNA.id)
    expect(again.status).toBe(422)
    expect(again.body.error.reasons).toEqual([
      { code: 'matching.excluded.declined', message: 'declined by the island for this need' },
    ])
  })

  it('only coordinators propose (403), an unknown person is a 422, an unknown need a 404', async () => {
    const { needId } = await acknowledgedRequest(t, saba, coordinator, {
      periodStart: '2026-12-01',
      periodEnd: '2026-12-05',
    })
    for (const who of [saba, observer, anna])
      expect((await propose(t, who, needId, ANNA.id)).status).toBe(403)
    const nobody = await propose(t, coordinator, needId, 'nobody-at-all')
    expect(nobody.status).toBe(422)
    expect(nobody.body.error.fields.functionaryId.code).toBe('assignment.propose.unknownPerson')
    expect((await propose(t, coordinator, 'no-such-need-000', ANNA.id)).status).toBe(404)
    expect((await t.get(`/api/v1/needs/${needId}/candidates`, saba)).status).toBe(403)
  })

  it('an overlapping active assignment is always a 409 with `current`; other rules a 422 with reasons', async () => {
    const first = await acknowledgedRequest(t, saba, coordinator, {
      periodStart: '2027-01-04',
      periodEnd: '2027-01-15',
    })
    const second = await acknowledgedRequest(t, saba, coordinator, {
      periodStart: '2027-01-10',
      periodEnd: '2027-01-20',
    })
    const a = await propose(t, coordinator, first.needId, ANNA.id)
    expect(a.status).toBe(201)
    const b = await propose(t, coordinator, second.needId, ANNA.id)
    expect(b.status).toBe(409)
    expect(b.body.error).toMatchObject({
      status: 409,
      code: 'assignment.propose.overlap',
      current: { id: a.body.id, status: 'proposed', periodStart: '2027-01-04', periodEnd: '2027-01-15' },
    })
    // someone who lacks the role: 422 with every reason
    const outsider = (
      await (await t.get(`/api/v1/needs/${second.needId}/candidates`, coordinator)).json()
    ).excluded.find((x: { reasons: { code: string }[] }) =>
      x.reasons.some((r) => r.code === 'matching.excluded.role'),
    )
    const c = await propose(t, coordinator, second.needId, outsider.functionaryId)
    expect(c.status).toBe(422)
    expect(c.body.error.code).toBe('assignment.propose.excluded')
    expect(c.body.error.reasons[0].code).toBe('matching.excluded.role')
    // a draft's need is not there for coordinators (404), nor one of a submitted request to propose on (409)
    const submitted = await (await t.postJson('/api/v1/requests', sabaRequest(), saba)).json()
    await t.postJson(`/api/v1/requests/${submitted.id}/status`, { status: 'submitted' }, saba)
    const early = await propose(t, coordinator, submitted.needs[0].id, BERT.id)
    expect(early.status).toBe(409)
    expect(early.body.error.code).toBe('assignment.propose.requestNotOpen')
  })
})

describe('plans', () => {
  it('plans every open need (nothing written), and applies lines: those that lost are reported', async () => {
    const before = (await t.db.select().from(assignments)).length
    const res = await t.postJson('/api/v1/plans', {}, coordinator)
    expect(res.status).toBe(200)
    const plan = await res.json()
    expect(Object.keys(plan).sort()).toEqual(['assignments', 'greedy', 'shortfall'])
    expect(plan.assignments.length).toBeGreaterThan(0)
    expect(plan.assignments[0]).toEqual({
      needId: expect.any(String),
      functionaryId: expect.any(String),
      score: expect.any(Number),
    })
    expect(plan.greedy.filled).toBeLessThanOrEqual(plan.assignments.length)
    const people = plan.assignments.map((l: { functionaryId: string }) => l.functionaryId)
    expect(new Set(people).size).toBe(people.length) // each person at most once
    expect((await t.db.select().from(assignments)).length).toBe(before)
    for (const s of plan.shortfall)
      for (const r of s.reasons)
        expect(r).toEqual({
          code: expect.stringMatching(/^allocation\.shortfall\./),
          count: expect.any(Number),
          message: expect.any(String),
        })

    // apply two lines, one of them already taken meanwhile: one created, one failed with its error
    const [line, other] = plan.assignments
    expect((await propose(t, coordinator, other.needId, other.functionaryId)).status).toBe(201)
    const applied = await t.postJson(
      '/api/v1/plans/apply',
      { lines: [line, other].map(({ needId, functionaryId }) => ({ needId, functionaryId })) },
      coordinator,
    )
    expect(applied.status).toBe(200)
    const out = await applied.json()
    expect(out.created).toHaveLength(1)
    expect(out.created[0]).toMatchObject({
      needId: line.needId,
      functionaryId: line.functionaryId,
      status: 'proposed',
    })
    expect(out.failed).toEqual([
      {
        needId: other.needId,
        functionaryId: other.functionaryId,
        error: { status: 409, code: 'assignment.propose.overlap', message: expect.any(String) },
      },
    ])
    expect((await t.postJson('/api/v1/plans/apply', { lines: 'all' }, coordinator)).status).toBe(422)
    expect((await t.postJson('/api/v1/plans', {}, saba)).status).toBe(403)
  })
})
