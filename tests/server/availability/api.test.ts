/** The JSON API of unavailability periods: who may add and read whose, the body, errors, replays, audit. */
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditTrail } from '../../../db/queries/audit.ts'
import { unavailability } from '../../../db/schema/index.ts'
import { ORIGIN, type TestApp, testApp } from '../../helpers/app.ts'

let t: TestApp
let anna: string // functionary1 → demo-f001
let coordinator: string
beforeAll(async () => {
  t = await testApp()
  anna = await t.login('functionary1@demo.ccpm')
  coordinator = await t.login('coordinator@demo.ccpm')
})
afterAll(() => t.close())

const url = (id: string) => `/api/v1/functionaries/${id}/unavailability`
const body = { start: '2026-09-10', end: '2026-09-20', reason: 'training', note: 'Exercise Caribe Wave' }
/** As a script sends it: no Origin, so a content type that no HTML form can send (server/middleware/csrf.ts). */
const del = (path: string, cookie: string) =>
  t.app.request(`${ORIGIN}${path}`, {
    method: 'DELETE',
    headers: { cookie, 'content-type': 'application/json' },
  })

describe('POST /api/v1/functionaries/:id/unavailability', () => {
  it('a functionary adds their own: 201, the period, a Location, an audit event', async () => {
    const res = await t.postJson(url('demo-f001'), body, anna)
    expect(res.status).toBe(201)
    const period = await res.json()
    expect(period).toEqual({
      id: expect.stringMatching(/^[a-z0-9]{16}$/),
      functionaryId: 'demo-f001',
      start: '2026-09-10',
      end: '2026-09-20',
      reason: 'training',
      note: 'Exercise Caribe Wave',
      createdBy: 'demo-fu1',
      createdByName: expect.any(String),
      createdAt: '2026-09-06T12:00:00.000Z',
    })
    expect(res.headers.get('location')).toBe(`${url('demo-f001')}/${period.id}`)
    const one = await t.get(res.headers.get('location')!, anna)
    expect(await one.json()).toEqual(period)
    const trail = await auditTrail(t.db, 'functionary', 'demo-f001')
    expect(trail.at(-1)).toMatchObject({
      action: 'unavailability.added',
      actorId: 'demo-fu1',
      after: { periodId: period.id, reason: 'training' },
    })
  })

  it('a coordinator adds one for anyone; the note may be left out', async () => {
    const res = await t.postJson(
      url('demo-f010'),
      { start: '2026-09-06', end: '2026-09-06', reason: 'leave' },
      coordinator,
    )
    expect(res.status).toBe(201)
    expect(await res.json()).toMatchObject({
      functionaryId: 'demo-f010',
      note: '',
      createdByName: 'Carla Coordinator',
    })
  })

  it("refuses someone else's planning to a functionary (404) and to other roles (403)", async () => {
    const before = (await t.db.select().from(unavailability)).length
    expect((await t.postJson(url('demo-f002'), body, anna)).status).toBe(404)
    for (const email of ['saba@demo.ccpm', 'dispatcher@demo.ccpm', 'observer@demo.ccpm', 'admin@demo.ccpm']) {
      const res = await t.postJson(url('demo-f001'), body, await t.login(email))
      expect(res.status, email).toBe(403)
      expect((await res.json()).error.status).toBe(403)
    }
    expect((await t.postJson(url('nobody'), body, coordinator)).status).toBe(404)
    expect((await t.postJson(url('demo-f001'), body)).status).toBe(401)
    expect((await t.db.select().from(unavailability)).length).toBe(before)
  })

  it('answers 422 with a message per field, and 400 for a body that is not an object', async () => {
    const res = await t.postJson(
      url('demo-f001'),
      { start: '2026-09-20', end: '2026-09-10', reason: 'holiday' },
      anna,
    )
    expect(res.status).toBe(422)
    const { error } = await res.json()
    expect(Object.keys(error.fields).sort()).toEqual(['end', 'reason'])
    expect((await t.postJson(url('demo-f001'), [body], anna)).status).toBe(400)
  })

  it('does it once for one Idempotency-Key', async () => {
    const headers = { 'idempotency-key': 'api-period-once-1' }
    const first = await t.postJson(url('demo-f001'), { ...body, note: 'once' }, anna, headers)
    const again = await t.postJson(url('demo-f001'), { ...body, note: 'once' }, anna, headers)
    expect(first.status).toBe(201)
    expect(again.status).toBe(201)
    expect(again.headers.get('idempotent-replay')).toBe('true')
    expect((await again.json()).id).toBe((await first.json()).id)
    const rows = await t.db.select().from(unavailability).where(eq(unavailability.note, 'once'))
    expect(rows).toHaveLength(1)
  })
})

describe('GET /api/v1/functionaries/:id/unavailability', () => {
  it('lists the periods in order of start, to the person and to coordinators', async () => {
    const mine = await (await t.get(url('demo-f001'), anna)).json()
    const seen = await (await t.get(url('demo-f001'), coordinator)).json()
    expect(mine.items.length).toBeGreaterThan(0)
    expect(seen).toEqual(mine)
    const starts = mine.items.map((p: { start: string }) => p.start)
    expect(starts).toEqual([...starts].sort())
  })

  it('filters with ?from (periods ending on or after it) and checks it', async () => {
    await t.postJson(
      url('demo-f005'),
      { start: '2026-09-07', end: '2026-09-08', reason: 'leave' },
      coordinator,
    )
    await t.postJson(
      url('demo-f005'),
      { start: '2026-12-01', end: '2026-12-24', reason: 'leave' },
      coordinator,
    )
    const later = await (await t.get(`${url('demo-f005')}?from=2026-09-09`, coordinator)).json()
    expect(later.items.map((p: { start: string }) => p.start)).toEqual(['2026-12-01'])
    expect((await t.get(`${url('demo-f005')}?from=today`, coordinator)).status).toBe(200)
    expect((await t.get(`${url('demo-f005')}?from=soon`, coordinator)).status).toBe(422)
  })

  it("keeps a person's periods from other functionaries (404) and other roles (403)", async () => {
    expect((await t.get(url('demo-f005'), anna)).status).toBe(404)
    expect((await t.get(url('demo-f001'), await t.login('observer@demo.ccpm'))).status).toBe(403)
    expect((await t.get(url('demo-f001'), await t.login('saba@demo.ccpm'))).status).toBe(403)
  })
})

describe('DELETE /api/v1/functionaries/:id/unavailability/:periodId', () => {
  it('removes a period once, with an audit event; another functionary gets 404', async () => {
    const period = await (await t.postJson(url('demo-f001'), { ...body, note: 'to delete' }, anna)).json()
    const bob = await t.login('functionary2@demo.ccpm')
    expect((await del(`${url('demo-f001')}/${period.id}`, bob)).status).toBe(404)
    expect((await del(`${url('demo-f002')}/${period.id}`, bob)).status).toBe(404) // not Bob's period
    expect((await del(`${url('demo-f001')}/${period.id}`, anna)).status).toBe(204)
    expect((await del(`${url('demo-f001')}/${period.id}`, anna)).status).toBe(404)
    const removed = (await auditTrail(t.db, 'functionary', 'demo-f001')).filter(
      (e) => e.action === 'unavailability.removed',
    )
    expect(removed).toHaveLength(1)
    expect(removed[0]!.before).toMatchObject({ periodId: period.id, note: 'to delete' })
  })
})
