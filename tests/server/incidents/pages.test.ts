/** Incidents through the HTML forms: open, edit, close, and who sees which. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditTrail } from '../../../db/queries/audit.ts'
import { outbox } from '../../../db/schema/index.ts'
import { type TestApp, testApp } from '../../helpers/app.ts'
import { visibleText } from '../../helpers/text.ts'

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
    // An island does not open an incident: it proposes one (see below).
    const proposed = await t.post(
      '/incidents',
      { name: 'x', hazard: 'fire', islands: ['BO'], phase: 'warm' },
      bonaire,
    )
    expect(proposed.status).toBe(303)
    const row = await t.db.query.incidents.findFirst({
      where: (i, { eq }) => eq(i.id, proposed.headers.get('location')!.split('/').pop()!),
    })
    expect(row).toMatchObject({ status: 'proposed', proposedBy: 'BO' })
    for (const who of ['observer', 'dispatcher']) {
      const cookie = await t.login(`${who}@demo.ccpm`)
      expect(
        (await t.post('/incidents', { name: 'x', hazard: 'fire', islands: ['BO'], phase: 'warm' }, cookie))
          .status,
      ).toBe(403)
    }
  })
})

describe('an island proposes an incident', () => {
  it('from the form; LOCC-KCR2 is mailed, the island’s request form offers it, a coordinator opens it', async () => {
    const saba = await t.login('saba@demo.ccpm')
    const form = await (await t.get('/incidents/new', saba)).text()
    expect(form).toContain('<h1>Propose an incident</h1>')
    expect(form).toMatch(/name="islands" value="SA" checked/)
    const before = (await t.db.select().from(outbox)).length
    const res = await t.post(
      '/incidents',
      { name: 'Landslide at Windwardside', hazard: 'other', islands: ['SA'], phase: 'warm' },
      saba,
    )
    expect(res.status).toBe(303)
    const id = res.headers.get('location')!.split('/').pop()!
    const mails = (await t.db.select().from(outbox)).slice(before)
    expect(mails.map((m) => [m.to, m.subject])).toEqual([
      ['coordinator@demo.ccpm', 'Proposed incident – Saba: Landslide at Windwardside'],
    ])

    const offered = await (await t.get('/requests/new', saba)).text()
    expect(offered).toContain(`<option value="${id}">Landslide at Windwardside (proposed)</option>`)
    expect(offered).toMatch(
      /<select id="f-incidentId" name="incidentId"><option value="">No incident<\/option>/,
    )
    const request = await t.post(
      '/requests',
      { title: 'Heavy machinery', incidentId: id, _action: 'save' },
      saba,
    )
    expect(request.status).toBe(303)
    const requestPage = visibleText(await (await t.get(request.headers.get('location')!, saba)).text())
    expect(requestPage).toContain('Incident Landslide at Windwardside (proposed)')

    // Nobody else but LOCC-KCR2 sees a proposal.
    for (const who of ['sintmaarten', 'observer', 'dispatcher']) {
      const cookie = await t.login(`${who}@demo.ccpm`)
      expect((await t.get(`/incidents/${id}`, cookie)).status, who).toBe(404)
      expect(await (await t.get('/incidents', cookie)).text()).not.toContain('Windwardside')
    }

    const page = await (await t.get(`/incidents/${id}`, coordinator)).text()
    expect(visibleText(page)).toContain('Proposed by Saba')
    expect(page).toContain('<button type="submit">Open the incident</button>')
    const opened = await t.post(`/incidents/${id}/status`, { status: 'open', version: '1' }, coordinator)
    expect(opened.status).toBe(303)
    const told = (await t.db.select().from(outbox)).filter((m) => m.to === 'saba@demo.ccpm').at(-1)!
    expect(told.subject).toBe('Opened – the incident you proposed: Landslide at Windwardside')
    expect((await auditTrail(t.db, 'incident', id)).map((e) => e.action)).toEqual([
      'incident.proposed',
      'incident.opened',
    ])
    const observer = await t.login('observer@demo.ccpm')
    expect((await t.get(`/incidents/${id}`, observer)).status).toBe(200) // open now: every role reads it
  })

  it('a coordinator rejects it with a reason, asked for again when missing; the island reads it', async () => {
    const saba = await t.login('saba@demo.ccpm')
    const res = await t.post(
      '/incidents',
      { name: 'Power cut', hazard: 'power_failure', islands: ['SA'], phase: 'warm' },
      saba,
    )
    const id = res.headers.get('location')!.split('/').pop()!
    const missing = await t.post(
      `/incidents/${id}/status`,
      { status: 'rejected', version: '1', reason: '' },
      coordinator,
    )
    expect(missing.status).toBe(422)
    expect(visibleText(await missing.text())).toContain(
      'Give a reason: the island that proposed it will read it.',
    )
    const rejected = await t.post(
      `/incidents/${id}/status`,
      { status: 'rejected', version: '1', reason: 'Covered by Hurricane Erin.' },
      coordinator,
    )
    expect(rejected.status).toBe(303)
    const seen = visibleText(await (await t.get(`/incidents/${id}`, saba)).text())
    expect(seen).toContain('rejected Reason: Covered by Hurricane Erin.')
    expect(seen).toContain('Carla Coordinator rejected the proposed incident')
    const told = (await t.db.select().from(outbox)).filter((m) => m.to === 'saba@demo.ccpm').at(-1)!
    expect(told.text).toContain('Reason:\nCovered by Hurricane Erin.')
    expect(await (await t.get('/requests/new', saba)).text()).not.toContain('Power cut') // no longer offered
  })

  it('through the API: 201 with status "proposed", then opened by a coordinator', async () => {
    const saba = await t.login('saba@demo.ccpm')
    const res = await t.postJson(
      '/api/v1/incidents',
      { name: 'Drought', hazard: 'water_failure', islands: ['SA'], phase: 'cold' },
      saba,
    )
    expect(res.status).toBe(201)
    const proposal = await res.json()
    expect(proposal).toMatchObject({ status: 'proposed', proposedBy: 'SA', reason: null })
    const other = await t.postJson(
      '/api/v1/incidents',
      { name: 'x', hazard: 'fire', islands: ['SX'], phase: 'warm' },
      saba,
    )
    expect(other.status).toBe(422)
    expect((await other.json()).error.fields.islands.code).toBe('incidents.islands.ownIsland')
    const byIsland = await t.postJson(`/api/v1/incidents/${proposal.id}/status`, { status: 'open' }, saba)
    expect(byIsland.status).toBe(403)
    const open = await t.postJson(
      `/api/v1/incidents/${proposal.id}/status`,
      { status: 'open', version: 1 },
      coordinator,
    )
    expect(await open.json()).toMatchObject({ status: 'open', version: 2 })
  })
})

describe('an incident with many requests', () => {
  it('lists them 50 a page, with plain links to the next page', async () => {
    const { incidents, requests, users } = await import('../../../db/schema/index.ts')
    const [author] = await t.db.select({ id: users.id }).from(users).limit(1)
    const id = 'paged-incident'
    await t.db.insert(incidents).values({
      id,
      name: 'Hurricane Many',
      hazard: 'hurricane',
      islands: ['SA'],
      phase: 'warm',
      openedAt: Date.UTC(2026, 8, 1),
    })
    const rows = Array.from({ length: 55 }, (_, n) => ({
      id: `paged-r${String(n).padStart(2, '0')}`,
      island: 'SA',
      status: 'submitted' as const,
      phase: 'warm' as const,
      priority: 'high' as const,
      title: `Request ${String(n).padStart(2, '0')} of the storm`,
      situation: 'Roofs gone.',
      periodStart: '2026-09-06',
      periodEnd: '2026-09-20',
      incidentId: id,
      createdBy: author!.id,
      createdAt: Date.UTC(2026, 8, 1) + n,
      updatedAt: Date.UTC(2026, 8, 1) + n,
    }))
    for (let i = 0; i < rows.length; i += 5) await t.db.insert(requests).values(rows.slice(i, i + 5))

    const first = await t.get(`/incidents/${id}`, coordinator)
    expect(first.status).toBe(200)
    const one = visibleText(await first.text())
    expect(one).toContain('Page 1 of 2 (55 requests)')
    expect(one).toContain('Request 00 of the storm')
    expect(one).toContain('Request 49 of the storm')
    expect(one).not.toContain('Request 50 of the storm')
    const two = await (await t.get(`/incidents/${id}?page=2`, coordinator)).text()
    expect(two).toContain(`href="/incidents/${id}?page=1" rel="prev"`)
    expect(visibleText(two)).toContain('Page 2 of 2 (55 requests)')
    expect(two).toContain('Request 54 of the storm')
    expect(two).not.toContain('Request 49 of the storm')
  })
})
