/** Threats through the API and the pages: record (track, pasted advisory, island estimates), proposals, apply, update, close. */
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditTrail } from '../../../db/queries/audit.ts'
import { hrcAdvisories, hrcUnits, outbox } from '../../../db/schema/index.ts'
import { type TestApp, testApp } from '../../helpers/app.ts'
import { HOUR, patchJson, sabaAdvisory, sabaTrack, UNITS } from '../../helpers/hrc.ts'

let t: TestApp
const cookies: Record<string, string> = {}
beforeAll(async () => {
  t = await testApp()
  for (const who of ['dispatcher', 'coordinator', 'observer', 'saba'])
    cookies[who] = await t.login(`${who}@demo.ccpm`)
})
afterAll(() => t.close())

interface ThreatJson {
  id: string
  name: string
  category: string
  status: string
  version: number
  advisories: number
  islands: {
    island: string
    closestApproachKm: number | null
    closestApproachAt: string
    tropicalStormWindsAt: string | null
  }[]
  proposals: {
    unitId: string
    unitCode: string
    status: string
    reason: string
    island: string
    hours: number
  }[]
}

const record = async (body: unknown, who = 'dispatcher') => {
  const res = await t.postJson('/api/v1/hrc/threats', body, cookies[who])
  expect(res.status, await res.clone().text()).toBe(201)
  return (await res.json()) as ThreatJson
}

describe('a threat whose winds reach Saba in 60 h', () => {
  let threat: ThreatJson

  it('is recorded from a typed track: per island closest approach and winds; "alert" proposed for every unit serving Saba', async () => {
    threat = await record({ name: 'Testa', track: sabaTrack(t.clock.now) })
    expect(threat).toMatchObject({ name: 'Testa', category: 'hurricane_2', status: 'open', advisories: 1 })
    const saba = threat.islands.find((i) => i.island === 'SA')!
    expect(saba.closestApproachKm).toBe(0)
    expect(saba.closestApproachAt).toBe(new Date(t.clock.now + 72 * HOUR).toISOString())
    const windsH = (Date.parse(saba.tropicalStormWindsAt!) - t.clock.now) / HOUR
    expect(windsH).toBeCloseTo(60, 1)
    expect(threat.islands.find((i) => i.island === 'BO')!.tropicalStormWindsAt).toBeNull()
    expect(threat.proposals.map((p) => [p.unitCode, p.status, p.reason])).toEqual([
      ['COMMS-1', 'alert', 'ts_winds'],
      ['LOG-1', 'alert', 'ts_winds'],
      ['LUSAR-1', 'alert', 'ts_winds'],
      ['RECCE-1', 'alert', 'ts_winds'],
      ['WATER-1', 'alert', 'ts_winds'],
    ])
    expect(threat.proposals.every((p) => ['SA', 'SE', 'SX'].includes(p.island) && p.hours <= 72)).toBe(true)
  })

  it('applies two proposals: each unit climbs standby → pre-alert → alert, one event per rung, one mail per reader', async () => {
    const before = (await t.db.select().from(outbox)).length
    const res = await t.postJson(
      `/api/v1/hrc/threats/${threat.id}/apply`,
      {
        proposals: [
          { unitId: UNITS.lusar1, status: 'alert' },
          { unitId: UNITS.recce1, status: 'alert' },
        ],
      },
      cookies.dispatcher,
    )
    expect(res.status).toBe(200)
    const body = (await res.json()) as { items: { code: string; status: string; version: number }[] }
    expect(body.items.map((u) => [u.code, u.status, u.version])).toEqual([
      ['LUSAR-1', 'alert', 2],
      ['RECCE-1', 'alert', 2],
    ])
    const trail = await auditTrail(t.db, 'hrc_unit', UNITS.lusar1)
    expect(trail.map((e) => [e.before?.readiness, e.after?.readiness, e.after?.threat])).toEqual([
      ['standby', 'pre_alert', threat.id],
      ['pre_alert', 'alert', threat.id],
    ])
    const mails = (await t.db.select().from(outbox)).slice(before)
    expect(mails.map((m) => m.to).sort()).toEqual([
      'coordinator@demo.ccpm',
      'lusar1@usar.demo.ccpm',
      'recce1@usar.demo.ccpm',
    ])
    const coord = mails.find((m) => m.to === 'coordinator@demo.ccpm')!
    expect(coord.subject).toBe('Readiness of 2 HRC units changed (Testa)')
    expect(coord.text).toContain('- LUSAR-1 Light USAR team 1: Standby → Alert')
    // What was applied is no longer proposed.
    const now = (await (
      await t.get(`/api/v1/hrc/threats/${threat.id}`, cookies.observer)
    ).json()) as ThreatJson
    expect(now.proposals.map((p) => p.unitCode)).toEqual(['COMMS-1', 'LOG-1', 'WATER-1'])
  })

  it('refuses all of an apply when one unit cannot climb (no partial write); observers may not apply', async () => {
    const res = await t.postJson(
      `/api/v1/hrc/threats/${threat.id}/apply`,
      {
        proposals: [
          { unitId: UNITS.log1, status: 'alert' },
          { unitId: UNITS.lusar1, status: 'pre_alert' },
        ],
      },
      cookies.dispatcher,
    )
    expect(res.status).toBe(409)
    const [log] = await t.db.select().from(hrcUnits).where(eq(hrcUnits.id, UNITS.log1))
    expect(log?.readiness).toBe('standby')
    const observer = await t.postJson(
      `/api/v1/hrc/threats/${threat.id}/apply`,
      { proposals: [{ unitId: UNITS.log1, status: 'alert' }] },
      cookies.observer,
    )
    expect(observer.status).toBe(403)
  })

  it('a coordinator may apply the warning rungs but not mobilising (403, nothing written)', async () => {
    const res = await t.postJson(
      `/api/v1/hrc/threats/${threat.id}/apply`,
      { proposals: [{ unitId: UNITS.log1, status: 'mobilising' }] },
      cookies.coordinator,
    )
    expect(res.status).toBe(403)
  })

  it('is updated with a pasted advisory (history kept, outlook recomputed), then closed', async () => {
    const res = await patchJson(
      t,
      `/api/v1/hrc/threats/${threat.id}`,
      { advisory: sabaAdvisory(t.clock.now, 'TESTA', '8'), version: threat.version },
      cookies.coordinator,
    )
    expect(res.status, await res.clone().text()).toBe(200)
    const updated = (await res.json()) as ThreatJson
    expect(updated).toMatchObject({ advisories: 2, version: 2, name: 'Testa' })
    const history = await t.db.select().from(hrcAdvisories).where(eq(hrcAdvisories.threatId, threat.id))
    expect(history.map((a) => [a.seq, a.source, a.number])).toEqual([
      [1, 'track', null],
      [2, 'advisory', '8'],
    ])
    const stale = await patchJson(
      t,
      `/api/v1/hrc/threats/${threat.id}`,
      { track: sabaTrack(t.clock.now), version: 1 },
      cookies.dispatcher,
    )
    expect(stale.status).toBe(409)
    const closed = await t.postJson(
      `/api/v1/hrc/threats/${threat.id}/status`,
      { status: 'closed' },
      cookies.dispatcher,
    )
    expect(closed.status).toBe(200)
    expect(await closed.json()).toMatchObject({ status: 'closed', proposals: [] })
    const again = await t.postJson(
      `/api/v1/hrc/threats/${threat.id}/status`,
      { status: 'closed' },
      cookies.dispatcher,
    )
    expect(again.status).toBe(409)
    const trail = await auditTrail(t.db, 'hrc_threat', threat.id)
    expect(trail.map((e) => e.action)).toEqual([
      'hrc.threat.recorded',
      'hrc.threat.updated',
      'hrc.threat.closed',
    ])
  })
})

describe('other ways to record a threat', () => {
  it('from a pasted NHC advisory: name, category and track read from the text', async () => {
    const th = await record({ advisory: sabaAdvisory(t.clock.now, 'URSULA', '12') }, 'coordinator')
    expect(th).toMatchObject({ name: 'Ursula', category: 'hurricane_2' })
    const saba = th.islands.find((i) => i.island === 'SA')!
    const h = (Date.parse(saba.tropicalStormWindsAt!) - t.clock.now) / HOUR
    expect(h).toBeGreaterThan(56)
    expect(h).toBeLessThan(64)
  })

  it('from estimates per island without a track: proposals from the winds when given, else from the closest approach', async () => {
    const at = (h: number) => new Date(t.clock.now + h * HOUR).toISOString()
    const th = await record({
      name: 'Victor',
      category: 'tropical_storm',
      islands: [
        { island: 'BO', closestApproach: at(40) },
        { island: 'AW', closestApproach: at(90), tropicalStormWindsAt: at(80) },
      ],
    })
    expect(th.islands).toEqual([
      { island: 'BO', closestApproachKm: null, closestApproachAt: at(40), tropicalStormWindsAt: null },
      { island: 'AW', closestApproachKm: null, closestApproachAt: at(90), tropicalStormWindsAt: at(80) },
    ])
    const water = th.proposals.find((p) => p.unitCode === 'WATER-1')!
    expect(water).toMatchObject({ status: 'mobilising', reason: 'closest_approach', island: 'BO', hours: 40 })
  })

  it('422 per field for a bad body; 403 for an observer; 404-free reads for an observer', async () => {
    const bad = await t.postJson(
      '/api/v1/hrc/threats',
      { name: 'X', track: [{ at: 'soon', lat: 95, lon: -63 }] },
      cookies.dispatcher,
    )
    expect(bad.status).toBe(422)
    const fields = ((await bad.json()) as { error: { fields: Record<string, unknown> } }).error.fields
    expect(Object.keys(fields).sort()).toEqual(['category', 'track.0.at', 'track.0.lat'])
    const both = await t.postJson(
      '/api/v1/hrc/threats',
      { name: 'X', category: '1', track: sabaTrack(0), advisory: 'x' },
      cookies.dispatcher,
    )
    type Fields = { error: { fields: Record<string, { code: string; message: string }> } }
    expect(((await both.json()) as Fields).error.fields.source).toEqual({
      code: 'hrc.threat.oneSource',
      message: 'Give one of: a forecast track, the text of an NHC advisory, or estimates per island.',
    })
    expect((await t.postJson('/api/v1/hrc/threats', { name: 'X' }, cookies.observer)).status).toBe(403)
    expect((await t.get('/api/v1/hrc/threats', cookies.observer)).status).toBe(200)
    expect((await t.get('/api/v1/hrc/threats', cookies.saba)).status).toBe(403)
  })
})

describe('the threat pages (no JavaScript needed)', () => {
  it('records a pasted advisory through the form, shows per island both clocks and the proposals, and applies the ticked ones', async () => {
    const res = await t.post(
      '/hrc/threats',
      {
        name: '',
        category: '',
        advisory: sabaAdvisory(t.clock.now, 'WANDA', '3'),
        track: '',
        _key: 'threat-form-01',
      },
      cookies.dispatcher,
    )
    expect(res.status).toBe(303)
    const url = res.headers.get('location')!
    const html = await (await t.get(url, cookies.dispatcher)).text()
    expect(html).toContain('Wanda — Hurricane category 2')
    expect(html).toMatch(/Saba<\/th><td data-label="Closest approach">[\d.]+ km · <time/)
    expect(html).toContain('(Amsterdam)')
    expect(html).toContain('COMMS-1 to alert: tropical-storm-force winds may reach')
    const ids = [...html.matchAll(/name="apply" value="([^"]+)"/g)].map((m) => m[1]!)
    expect(ids).toHaveLength(3)
    const apply = await t.post(`${url}/apply`, { apply: ids, _key: 'threat-apply-01' }, cookies.dispatcher)
    expect(apply.status).toBe(303)
    const units = await t.db.select().from(hrcUnits)
    expect(
      units
        .filter((u) => u.readiness === 'alert')
        .map((u) => u.code)
        .sort(),
    ).toEqual(['COMMS-1', 'LOG-1', 'LUSAR-1', 'RECCE-1', 'WATER-1'])
  })

  it('a form without a source comes back 422 with what was typed', async () => {
    const res = await t.post(
      '/hrc/threats',
      { name: 'Xavier', category: 'hurricane_1', advisory: '', track: '' },
      cookies.coordinator,
    )
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('value="Xavier"')
    expect(html).toContain('Give one of: a forecast track')
  })

  it('a typed track in the text area, one point per line, is read like the API’s', async () => {
    const lines = sabaTrack(t.clock.now)
      .map((p) => `${p.at} ${p.lat} ${p.lon} ${p.maxWindKt} 60/40/30/50`)
      .join('\n')
    const res = await t.post('/hrc/threats', { name: 'Yara', track: lines }, cookies.coordinator)
    expect(res.status).toBe(303)
    expect(await (await t.get(res.headers.get('location')!, cookies.observer)).text()).toContain('Yara')
  })

  it('a new advisory through the threat page keeps the history; a bad one comes back 422 in place; then close', async () => {
    const created = await t.post(
      '/hrc/threats',
      { name: 'Zeta', track: '', advisory: sabaAdvisory(t.clock.now, 'ZETA', '1') },
      cookies.dispatcher,
    )
    const url = created.headers.get('location')!
    const bad = await t.post(
      url,
      { advisory: 'nothing useful here', track: '', version: '1' },
      cookies.dispatcher,
    )
    expect(bad.status).toBe(422)
    const badHtml = await bad.text()
    expect(badHtml).toContain('No position found.')
    expect(badHtml).toContain('nothing useful here</textarea>')
    const ok = await t.post(
      url,
      { advisory: sabaAdvisory(t.clock.now + HOUR, 'ZETA', '2'), track: '', version: '1' },
      cookies.dispatcher,
    )
    expect(ok.status).toBe(303)
    const html = await (await t.get(url, cookies.dispatcher)).text()
    expect(html).toContain('2 advisories')
    expect(html).toMatch(/NHC advisory number 1[\s\S]*NHC advisory number 2/)
    const stale = await t.post(`${url}/status`, { status: 'closed', version: '1' }, cookies.dispatcher)
    expect(stale.status).toBe(409)
    expect(await stale.text()).toContain('Zeta has a newer advisory since you opened it.')
    expect(
      (await t.post(`${url}/status`, { status: 'closed', version: '2' }, cookies.dispatcher)).status,
    ).toBe(303)
    const closed = await (await t.get(url, cookies.dispatcher)).text()
    expect(closed).toContain('Closed (passed)')
    expect(closed).not.toContain('name="apply"')
    expect((await t.post(`${url}/status`, { status: 'closed' }, cookies.observer)).status).toBe(403)
  })
})
