/** The pool register's JSON API: shapes, filters and paging, edits with versions, CSV import, privacy. */
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditTrail } from '../../../db/queries/audit.ts'
import { allFunctionaries, applyImport } from '../../../db/queries/functionaries.ts'
import { auditEvents, functionaries } from '../../../db/schema/index.ts'
import { ORIGIN, type TestApp, testApp } from '../../helpers/app.ts'

let t: TestApp
let coordinator: string
let esther: string // functionary1@demo.ccpm, pool member demo-f001
beforeAll(async () => {
  t = await testApp()
  coordinator = await t.login('coordinator@demo.ccpm')
  esther = await t.login('functionary1@demo.ccpm')
})
afterAll(() => t.close())

const KEYS = [
  'id',
  'name',
  'email',
  'phone',
  'base',
  'organisation',
  'roles',
  'languages',
  'remoteCapable',
  'travelDocumentExpiry',
  'medicalFitnessExpiry',
  'active',
]
const json = async (res: Response) => ({
  status: res.status,
  // biome-ignore lint/suspicious/noExplicitAny: JSON answers, checked by the assertions
  body: (await res.json()) as Record<string, any>,
})
const patch = (path: string, body: unknown, cookie: string) =>
  t.app.request(`${ORIGIN}${path}`, {
    method: 'PATCH',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', cookie },
  })
const csv = (text: string, query = '', type = 'text/csv; charset=utf-8') =>
  t.app.request(`${ORIGIN}/api/v1/functionaries/import${query}`, {
    method: 'POST',
    body: text,
    headers: { 'content-type': type, cookie: coordinator },
  })
const count = async () => (await t.db.select().from(functionaries)).length

describe('GET /api/v1/functionaries', () => {
  it('answers {items, total} with the documented shape, 50 by default', async () => {
    const { status, body } = await json(await t.get('/api/v1/functionaries', coordinator))
    expect(status).toBe(200)
    expect(body.total).toBe(240)
    expect(body.items).toHaveLength(50)
    for (const key of KEYS) expect(body.items[0]).toHaveProperty(key)
    const one = body.items.find((f: { id: string }) => f.id === 'demo-f001') ?? body.items[0]
    expect(one.roles[0]).toEqual({
      role: expect.any(String),
      level: expect.stringMatching(/^(trainee|qualified|senior)$/),
    })
    expect(one.languages.every((l: unknown) => typeof l === 'string')).toBe(true)
  })

  it('takes the filters and limit/offset as query parameters', async () => {
    const all = (
      await json(await t.get('/api/v1/functionaries?role=plotter&level=senior&limit=200', coordinator))
    ).body
    expect(all.total).toBeGreaterThan(0)
    for (const f of all.items) expect(f.roles).toContainEqual({ role: 'plotter', level: 'senior' })
    const page = (
      await json(await t.get('/api/v1/functionaries?base=SA&language=pap&limit=2&offset=1', coordinator))
    ).body
    expect(page).toMatchObject({ limit: 2, offset: 1 })
    expect(page.items.length).toBeLessThanOrEqual(2)
    for (const f of page.items)
      expect(f).toMatchObject({ base: 'SA', languages: expect.arrayContaining(['pap']) })
  })

  it('refuses a bad filter with 422', async () => {
    const { status, body } = await json(await t.get('/api/v1/functionaries?free_from=tomorrow', coordinator))
    expect(status).toBe(422)
    expect(body.error).toMatchObject({ status: 422, code: 'http.422' })
    expect(body.error.fields.free_from).toEqual({
      code: 'field.date',
      message: 'Enter a date as YYYY-MM-DD, for example 2026-09-06.',
    })
  })

  for (const email of [
    'saba@demo.ccpm',
    'dispatcher@demo.ccpm',
    'observer@demo.ccpm',
    'admin@demo.ccpm',
    'functionary1@demo.ccpm',
  ])
    it(`is 403 for ${email}`, async () => {
      expect((await t.get('/api/v1/functionaries', await t.login(email))).status).toBe(403)
    })
})

describe('one functionary', () => {
  it('shows contact details to a coordinator', async () => {
    const { body } = await json(await t.get('/api/v1/functionaries/demo-f002', coordinator))
    expect(body).toMatchObject({
      id: 'demo-f002',
      email: 'functionary2@demo.ccpm',
      phone: expect.any(String),
    })
  })

  it('shows a functionary themself, and nobody else (404)', async () => {
    const own = await json(await t.get('/api/v1/functionaries/demo-f001', esther))
    expect(own).toMatchObject({ status: 200, body: { id: 'demo-f001', email: 'functionary1@demo.ccpm' } })
    expect((await t.get('/api/v1/functionaries/demo-f002', esther)).status).toBe(404)
    expect((await patch('/api/v1/functionaries/demo-f002', { phone: '1' }, esther)).status).toBe(404)
  })

  it('is 403 for an island user', async () => {
    expect((await t.get('/api/v1/functionaries/demo-f001', await t.login('saba@demo.ccpm'))).status).toBe(403)
  })
})

describe('POST and PATCH', () => {
  const body = {
    name: 'Omar Lake',
    email: 'omar.lake@example.se',
    base: 'SE',
    roles: [{ role: 'crisis_communication_adviser', level: 'senior' }],
    languages: ['en', 'nl:working'],
  }
  let id: string

  it('creates with 201 and a Location, and records it', async () => {
    const res = await t.postJson('/api/v1/functionaries', body, coordinator)
    expect(res.status).toBe(201)
    const created = await res.json()
    id = created.id
    expect(res.headers.get('location')).toBe(`/api/v1/functionaries/${id}`)
    expect(created).toMatchObject({ ...body, languages: ['en', 'nl'], active: true, phone: '', version: 1 })
    expect((await auditTrail(t.db, 'functionary', id)).map((e) => e.action)).toEqual(['functionary.created'])
  })

  it('answers 422 with the fields at fault, and 403 for a functionary', async () => {
    const bad = await json(
      await t.postJson('/api/v1/functionaries', { ...body, email: 'omar@', roles: [] }, coordinator),
    )
    expect(bad.status).toBe(422)
    expect(Object.keys(bad.body.error.fields).sort()).toEqual(['email', 'roles'])
    expect((await t.postJson('/api/v1/functionaries', body, esther)).status).toBe(403)
  })

  it('patches the fields given, keeps the rest, and refuses a stale version with 409 and the current one', async () => {
    const ok = await json(
      await patch(`/api/v1/functionaries/${id}`, { phone: '+599 318 0000', version: 1 }, coordinator),
    )
    expect(ok).toMatchObject({ status: 200, body: { phone: '+599 318 0000', name: 'Omar Lake', version: 2 } })
    const stale = await json(
      await patch(`/api/v1/functionaries/${id}`, { phone: '0', version: 1 }, coordinator),
    )
    expect(stale).toMatchObject({ status: 409, body: { error: { current: { version: 2 } } } })
    const off = await json(await patch(`/api/v1/functionaries/${id}`, { active: false }, coordinator))
    expect(off.body).toMatchObject({ active: false, version: 3 })
  })

  it('lets a functionary patch their own phone and languages, not their roles', async () => {
    const own = await json(
      await patch('/api/v1/functionaries/demo-f001', { phone: '+599 416 7777', languages: ['en'] }, esther),
    )
    expect(own).toMatchObject({ status: 200, body: { phone: '+599 416 7777', languages: ['en'] } })
    const roles = await patch(
      '/api/v1/functionaries/demo-f001',
      { roles: [{ role: 'plotter', level: 'senior' }] },
      esther,
    )
    expect(roles.status).toBe(403)
    const get = (await json(await t.get('/api/v1/functionaries/demo-f001', esther))).body
    expect(get.roles).not.toContainEqual({ role: 'plotter', level: 'senior' })
    // Sending back what GET answered (roles unchanged) is fine.
    expect(
      (await patch('/api/v1/functionaries/demo-f001', { ...get, phone: '+599 416 8888' }, esther)).status,
    ).toBe(200)
  })
})

describe('POST /api/v1/functionaries/import', () => {
  const good =
    'name,email,base,roles,languages\r\n' +
    'Ilse Groen,ilse.groen@example.nl,NL,logistics_coordinator:qualified,nl:native|en\r\n' +
    'Ray Gumbs,ray.gumbs@example.sx,SX,liaison_officer:senior,en\r\n'

  it('?dry_run=1 answers the preview and writes nothing', async () => {
    const before = await count()
    const { status, body } = await json(await csv(good, '?dry_run=1'))
    expect(status).toBe(200)
    expect(body).toMatchObject({
      dryRun: true,
      ok: true,
      summary: { new: 2, updated: 0, unchanged: 0, error: 0 },
    })
    expect(body.rows[0]).toEqual({
      row: 2,
      email: 'ilse.groen@example.nl',
      outcome: 'new',
      errors: [],
      changed: [],
    })
    expect(await count()).toBe(before)
  })

  it('writes all rows with an event each, and a re-import updates instead of duplicating', async () => {
    const before = await count()
    const first = await json(await csv(good))
    expect(first).toMatchObject({ status: 200, body: { summary: { new: 2 } } })
    expect(await count()).toBe(before + 2)
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'functionary.imported'))
    expect(events).toHaveLength(2)
    const again = await json(await csv(good.replace('liaison_officer:senior', 'liaison_officer:qualified')))
    expect(again.body.summary).toEqual({ new: 0, updated: 1, unchanged: 1, error: 0 })
    expect(again.body.rows[1]).toMatchObject({ row: 3, outcome: 'updated', changed: ['roles'] })
    expect(await count()).toBe(before + 2)
  })

  it('writes nothing at all when one row is bad (422 with the row errors)', async () => {
    const before = await count()
    const text = `${good.replace(/ilse/g, 'ilsa').replace(/ray/g, 'rae')}Bad Row,bad@example.nl,XX,plotter:senior,en\r\n`
    const { status, body } = await json(await csv(text))
    expect(status).toBe(422)
    expect(body.error.code).toBe('functionaries.csv.rowsRefused')
    expect(body.error.rows.filter((r: { errors: unknown[] }) => r.errors.length)).toEqual([
      {
        row: 4,
        email: 'bad@example.nl',
        outcome: 'error',
        errors: [{ column: 'base', code: 'functionaries.base.unknown', message: 'Unknown base: XX.' }],
        changed: [],
      },
    ])
    expect(await count()).toBe(before)
  })

  it('rolls the whole batch back when someone changed a person between plan and write', async () => {
    const [ilse] = await allFunctionaries(t.db).then((all) =>
      all.filter((f) => f.email === 'ilse.groen@example.nl'),
    )
    const stale = { ...ilse!, version: ilse!.version - 1 }
    const newcomer = { ...ilse!, id: 'f-newcomer', email: 'newcomer@example.nl', version: 1 }
    const before = await count()
    await expect(
      applyImport(
        t.db,
        [newcomer],
        [{ before: stale, after: { ...ilse!, phone: '123', version: ilse!.version } }],
        [],
        0,
      ),
    ).rejects.toThrow()
    expect(await count()).toBe(before)
    const [row] = await t.db.select().from(functionaries).where(eq(functionaries.id, ilse!.id))
    expect(row!.phone).toBe(ilse!.phone)
  })

  it('wants text/csv', async () => {
    expect((await csv(good, '', 'application/json')).status).toBe(415)
  })
})
