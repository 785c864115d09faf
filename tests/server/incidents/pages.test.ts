/** Incidents through the HTML forms: open, edit, close, and who sees which. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditTrail } from '../../../db/queries/audit.ts'
import { type TestApp, testApp } from '../../helpers/app.ts'

let t: TestApp
let coordinator: string
beforeAll(async () => {
  t = await testApp()
  coordinator = await t.login('coordinator@demo.ccpm')
})
afterAll(() => t.close())

const open = (over: Record<string, string | string[]> = {}) =>
  t.post(
    '/incidents',
    {
      name: 'Hurricane Erin',
      hazard: 'hurricane',
      islands: ['SX', 'SA'],
      phase: 'warm',
      openedAt: '2026-09-05T18:00',
      ...over,
    },
    coordinator,
  )

describe('incidents', () => {
  it('opens one from the form, with the time read as island time, and records it', async () => {
    const res = await open()
    expect(res.status).toBe(303)
    const id = res.headers.get('location')!.split('/').pop()!
    const html = await (await t.get(`/incidents/${id}`, coordinator)).text()
    expect(html).toContain('Hurricane Erin')
    expect(html).toContain('Sint Maarten, Saba')
    const row = await t.db.query.incidents.findFirst({ where: (i, { eq }) => eq(i.id, id) })
    expect(row!.openedAt).toBe(Date.UTC(2026, 8, 5, 22, 0))
    expect((await auditTrail(t.db, 'incident', id)).map((e) => e.action)).toEqual(['incident.opened'])
  })

  it('refuses a bad form with 422, messages at the fields, and the input kept', async () => {
    const res = await open({ name: '', islands: [] })
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('href="#f-name"')
    expect(html).toContain('href="#f-islands"')
    expect(html).toContain('value="2026-09-05T18:00"')
  })

  it('edits, then closes; a stale edit is a 409 and closing twice is a 409', async () => {
    const id = (await open({ name: 'TS Fiona' })).headers.get('location')!.split('/').pop()!
    const edited = await t.post(
      `/incidents/${id}`,
      { name: 'Hurricane Fiona', hazard: 'hurricane', islands: ['SA'], phase: 'warm', version: '1' },
      coordinator,
    )
    expect(edited.status).toBe(303)
    const stale = await t.post(
      `/incidents/${id}`,
      { name: 'Old', hazard: 'hurricane', islands: ['SA'], phase: 'warm', version: '1' },
      coordinator,
    )
    expect(stale.status).toBe(409)
    expect(
      (await t.post(`/incidents/${id}/status`, { status: 'closed', version: '2' }, coordinator)).status,
    ).toBe(303)
    expect(
      (await t.post(`/incidents/${id}/status`, { status: 'closed', version: '3' }, coordinator)).status,
    ).toBe(409)
    expect((await auditTrail(t.db, 'incident', id)).map((e) => e.action)).toEqual([
      'incident.opened',
      'incident.edited',
      'incident.closed',
    ])
  })

  it('shows island users only the incidents that affect their island, and lets every role read', async () => {
    const id = (await open({ name: 'Flood Bonaire', hazard: 'flood', islands: ['BO'] })).headers
      .get('location')!
      .split('/')
      .pop()!
    const saba = await t.login('saba@demo.ccpm')
    expect((await t.get(`/incidents/${id}`, saba)).status).toBe(404)
    expect(await (await t.get('/incidents', saba)).text()).not.toContain('Flood Bonaire')
    const bonaire = await t.login('bonaire@demo.ccpm')
    expect(await (await t.get('/incidents', bonaire)).text()).toContain('Flood Bonaire')
    for (const who of ['observer', 'dispatcher', 'admin', 'functionary1']) {
      expect((await t.get(`/incidents/${id}`, await t.login(`${who}@demo.ccpm`))).status, who).toBe(200)
    }
    expect(
      (await t.post('/incidents', { name: 'x', hazard: 'fire', islands: ['BO'], phase: 'warm' }, bonaire))
        .status,
    ).toBe(403)
  })
})
