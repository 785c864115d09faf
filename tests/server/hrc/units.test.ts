/** HRC units through the JSON API and the pages: the register, edits, ladder steps per role, audit and mail. */
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditTrail } from '../../../db/queries/audit.ts'
import { outbox } from '../../../db/schema/index.ts'
import { type TestApp, testApp } from '../../helpers/app.ts'
import { patchJson, UNITS } from '../../helpers/hrc.ts'

let t: TestApp
const cookies: Record<string, string> = {}
beforeAll(async () => {
  t = await testApp()
  for (const who of ['dispatcher', 'coordinator', 'observer', 'saba', 'functionary1'])
    cookies[who] = await t.login(`${who}@demo.ccpm`)
})
afterAll(() => t.close())

const newUnit = {
  name: 'Light USAR team 2',
  type: 'light_usar',
  people: 18,
  leader: { name: 'Lotte Lindeman', phone: '+31 6 1100 2299', email: 'lusar2@usar.example' },
  weightKg: 4300,
  volumeM3: 33.5,
  selfSufficientDays: 10,
  base: 'NL',
}

describe('GET /api/v1/hrc/units', () => {
  it('lists the five demo units to those who read HRC', async () => {
    const res = await t.get('/api/v1/hrc/units', cookies.observer)
    expect(res.status).toBe(200)
    const body = (await res.json()) as { items: Record<string, unknown>[]; total: number }
    expect(body.total).toBe(5)
    expect(body.items.map((u) => u.code)).toEqual(['COMMS-1', 'LOG-1', 'LUSAR-1', 'RECCE-1', 'WATER-1'])
    expect(body.items.find((u) => u.code === 'LUSAR-1')).toEqual({
      id: UNITS.lusar1,
      code: 'LUSAR-1',
      name: 'Light USAR team 1',
      type: 'light_usar',
      people: 18,
      leader: { name: 'Lotte Lindeman', phone: '+31 6 1100 2202', email: 'lusar1@usar.demo.ccpm' },
      weightKg: 4200,
      volumeM3: 32,
      selfSufficientDays: 10,
      base: 'NL',
      location: 'NL',
      islands: ['AW', 'CW', 'SX', 'BO', 'SE', 'SA'],
      notes: 'Light rescue kit, generators.',
      status: 'standby',
      statusAt: null,
      version: 1,
    })
  })

  it('GET /api/v1/hrc/units/:id gives one unit; 404 for an unknown id', async () => {
    const res = await t.get(`/api/v1/hrc/units/${UNITS.comms1}`, cookies.coordinator)
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({
      code: 'COMMS-1',
      type: 'communications',
      people: 4,
      status: 'standby',
    })
    expect((await t.get('/api/v1/hrc/units/nope', cookies.coordinator)).status).toBe(404)
  })

  it('is 403 for an island and a functionary, 401 without a session', async () => {
    expect((await t.get('/api/v1/hrc/units', cookies.saba)).status).toBe(403)
    expect((await t.get('/api/v1/hrc/units', cookies.functionary1)).status).toBe(403)
    expect((await t.get('/api/v1/hrc/units')).status).toBe(401)
  })
})

describe('POST and PATCH /api/v1/hrc/units', () => {
  it('makes the code from the type when none is given (LUSAR-2), 201 with a Location', async () => {
    const res = await t.postJson('/api/v1/hrc/units', newUnit, cookies.dispatcher)
    expect(res.status).toBe(201)
    const u = (await res.json()) as {
      id: string
      code: string
      status: string
      location: string
      islands: string[]
    }
    expect(u).toMatchObject({ code: 'LUSAR-2', status: 'standby', location: 'NL' })
    expect(u.islands).toHaveLength(6)
    expect(res.headers.get('location')).toBe(`/api/v1/hrc/units/${u.id}`)
    const trail = await auditTrail(t.db, 'hrc_unit', u.id)
    expect(trail.map((e) => e.action)).toEqual(['hrc.unit.created'])
  })

  it('refuses a taken code and bad fields with 422 per field', async () => {
    const taken = await t.postJson('/api/v1/hrc/units', { ...newUnit, code: 'lusar-1' }, cookies.dispatcher)
    expect(taken.status).toBe(422)
    expect(((await taken.json()) as { error: { fields: Record<string, unknown> } }).error.fields).toEqual({
      code: { code: 'hrc.unit.codeTaken', message: 'Another unit has the code LUSAR-1.' },
    })
    const bad = await t.postJson(
      '/api/v1/hrc/units',
      { ...newUnit, people: 0, base: 'US', leader: { name: 'X', email: 'not-mail' } },
      cookies.dispatcher,
    )
    expect(bad.status).toBe(422)
    const fields = ((await bad.json()) as { error: { fields: Record<string, unknown> } }).error.fields
    expect(Object.keys(fields).sort()).toEqual(['base', 'leader.email', 'people'])
  })

  it('only the dispatcher keeps units: coordinator and observer 403, island 403', async () => {
    for (const who of ['coordinator', 'observer', 'saba'])
      expect((await t.postJson('/api/v1/hrc/units', newUnit, cookies[who])).status, who).toBe(403)
  })

  it('PATCH changes only what is sent, audits it, and refuses a stale version with 409', async () => {
    const res = await patchJson(
      t,
      `/api/v1/hrc/units/${UNITS.water1}`,
      { weightKg: 6600, version: 1 },
      cookies.dispatcher,
    )
    expect(res.status).toBe(200)
    const u = (await res.json()) as { weightKg: number; volumeM3: number; version: number; name: string }
    expect(u).toMatchObject({ weightKg: 6600, volumeM3: 40, version: 2, name: 'Water purification unit 1' })
    const stale = await patchJson(
      t,
      `/api/v1/hrc/units/${UNITS.water1}`,
      { weightKg: 1, version: 1 },
      cookies.dispatcher,
    )
    expect(stale.status).toBe(409)
    const trail = await auditTrail(t.db, 'hrc_unit', UNITS.water1)
    expect(trail.map((e) => [e.action, e.before, e.after])).toEqual([
      ['hrc.unit.updated', { code: 'WATER-1', weightKg: 6500 }, { code: 'WATER-1', weightKg: 6600 }],
    ])
    expect((await patchJson(t, '/api/v1/hrc/units/nope', { weightKg: 1 }, cookies.dispatcher)).status).toBe(
      404,
    )
  })
})

describe('POST /api/v1/hrc/units/:id/status: the ladder', () => {
  const step = (who: string, id: string, body: Record<string, unknown>) =>
    t.postJson(`/api/v1/hrc/units/${id}/status`, body, cookies[who])

  it('a coordinator raises the warning rungs; mobilising is the dispatcher’s; each step audited and mailed', async () => {
    const before = (await t.db.select().from(outbox)).length
    expect((await step('coordinator', UNITS.recce1, { status: 'pre_alert', version: 1 })).status).toBe(200)
    const alert = await step('coordinator', UNITS.recce1, { status: 'alert' })
    expect(alert.status).toBe(200)
    expect(await alert.json()).toMatchObject({
      status: 'alert',
      version: 3,
      statusAt: '2026-09-06T12:00:00.000Z',
    })
    const forbidden = await step('coordinator', UNITS.recce1, { status: 'mobilising' })
    expect(forbidden.status).toBe(403)
    expect(((await forbidden.json()) as { error: { message: string } }).error.message).toBe(
      'Only the dispatcher (USAR.NL) can move a unit from alert to mobilising.',
    )
    expect((await step('dispatcher', UNITS.recce1, { status: 'mobilising' })).status).toBe(200)
    const trail = await auditTrail(t.db, 'hrc_unit', UNITS.recce1)
    expect(trail.map((e) => [e.actorLabel, e.before?.readiness, e.after?.readiness])).toEqual([
      ['Carla Coordinator', 'standby', 'pre_alert'],
      ['Carla Coordinator', 'pre_alert', 'alert'],
      ['Dirk Dispatcher', 'alert', 'mobilising'],
    ])
    // Each step: the leader and the coordinator; a coordinator's step also the dispatcher.
    const mails = (await t.db.select().from(outbox)).slice(before)
    expect(mails.map((m) => m.to)).toEqual([
      'recce1@usar.demo.ccpm',
      'coordinator@demo.ccpm',
      'dispatcher@demo.ccpm',
      'recce1@usar.demo.ccpm',
      'coordinator@demo.ccpm',
      'dispatcher@demo.ccpm',
      'recce1@usar.demo.ccpm',
      'coordinator@demo.ccpm',
    ])
    expect(mails[6]).toMatchObject({ subject: 'RECCE-1: Alert → Mobilising' })
    expect(mails[6]!.text).toContain('- RECCE-1 Reconnaissance team 1: Alert → Mobilising')
  })

  it('409 for a step the ladder does not allow, 409 for a stale version, 422 for an unknown status', async () => {
    const skip = await step('dispatcher', UNITS.log1, { status: 'operational' })
    expect(skip.status).toBe(409)
    expect(await skip.json()).toMatchObject({
      error: {
        status: 409,
        message: 'LOG-1 cannot go from standby to operational.',
        current: { status: 'standby', version: 1 },
      },
    })
    expect((await step('dispatcher', UNITS.log1, { status: 'pre_alert', version: 7 })).status).toBe(409)
    expect((await step('dispatcher', UNITS.log1, { status: 'ready' })).status).toBe(422)
    expect((await step('observer', UNITS.log1, { status: 'pre_alert' })).status).toBe(403)
    expect((await step('saba', UNITS.log1, { status: 'pre_alert' })).status).toBe(403)
  })
})

describe('the unit pages', () => {
  it('the dispatcher adds a unit through the form: 303, and a 422 keeps what was typed', async () => {
    const bad = await t.post(
      '/hrc/units',
      { name: 'Medical team 1', type: 'medical', people: 'many', base: 'NL', _key: 'unit-form-0001' },
      cookies.dispatcher,
    )
    expect(bad.status).toBe(422)
    const html = await bad.text()
    expect(html).toContain('value="Medical team 1"')
    expect(html).toContain('Give a whole number from 1 to 500.')
    expect(html).toContain('href="#f-people"')
    const ok = await t.post(
      '/hrc/units',
      {
        name: 'Medical team 1',
        type: 'medical',
        people: '12',
        weightKg: '2500',
        volumeM3: '18,5',
        base: 'NL',
        location: 'CW',
        islands: ['CW', 'BO', 'AW'],
        'leader.name': 'Mila Martis',
        'leader.email': 'med1@usar.example',
        _key: 'unit-form-0002',
      },
      cookies.dispatcher,
    )
    expect(ok.status).toBe(303)
    const page = await t.get(ok.headers.get('location')!, cookies.dispatcher)
    const text = await page.text()
    expect(text).toContain('MED-1 · Medical team 1')
    expect(text).toContain('2,500 kg, 18.5 m³')
    expect(text).toContain('Aruba, Curaçao and Bonaire')
  })

  it('a ladder step from the unit page: 303 back; a refused one re-renders the page with 409 and the reason', async () => {
    const ok = await t.post(
      `/hrc/units/${UNITS.comms1}/status`,
      { status: 'unavailable', version: '1' },
      cookies.dispatcher,
    )
    expect(ok.status).toBe(303)
    const [unit] = await t.db.query.hrcUnits.findMany({ where: (u) => eq(u.id, UNITS.comms1) })
    expect(unit?.readiness).toBe('unavailable')
    const stale = await t.post(
      `/hrc/units/${UNITS.comms1}/status`,
      { status: 'standby', version: '1' },
      cookies.dispatcher,
    )
    expect(stale.status).toBe(409)
    expect(await stale.text()).toContain('COMMS-1 has changed since you opened it; it is now unavailable.')
  })

  it('the register reads for the observer without the add button, and is 403 for an island', async () => {
    const res = await t.get('/hrc/units', cookies.observer)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('LUSAR-1')
    expect(html).not.toContain('/hrc/units/new')
    expect((await t.get('/hrc/units', cookies.saba)).status).toBe(403)
    expect((await t.get(`/hrc/units/${UNITS.lusar1}/edit`, cookies.coordinator)).status).toBe(403)
  })

  it('an edit through the form keeps the leader and clears the notes when sent blank', async () => {
    const form = await (await t.get(`/hrc/units/${UNITS.log1}/edit`, cookies.dispatcher)).text()
    expect(form).toContain('value="Gert Gorter"')
    const res = await t.post(
      `/hrc/units/${UNITS.log1}`,
      {
        name: 'Logistics element 1',
        type: 'logistics',
        people: '9',
        'leader.name': 'Gert Gorter',
        'leader.phone': '+31 6 1100 2203',
        'leader.email': 'log1@usar.demo.ccpm',
        weightKg: '7500',
        volumeM3: '55',
        selfSufficientDays: '14',
        base: 'NL',
        location: 'NL',
        islands: ['AW', 'CW', 'SX', 'BO', 'SE', 'SA'],
        notes: '',
        version: '1',
      },
      cookies.dispatcher,
    )
    expect(res.status).toBe(303)
    const [row] = await t.db.query.hrcUnits.findMany({ where: (u) => and(eq(u.id, UNITS.log1)) })
    expect(row).toMatchObject({ people: 9, notes: '', leaderName: 'Gert Gorter', version: 2 })
  })
})
