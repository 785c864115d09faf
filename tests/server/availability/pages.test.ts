/** Availability pages without JavaScript: own periods, a coordinator's planning, the 8-week overview, own alerts. */
import { gzipSync } from 'node:zlib'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditTrail } from '../../../db/queries/audit.ts'
import { functionaries, functionaryRoles, unavailability } from '../../../db/schema/index.ts'
import { type TestApp, testApp } from '../../helpers/app.ts'

const BUDGET = 14 * 1024
let t: TestApp
let anna: string // functionary1@demo.ccpm → demo-f001
let bob: string // functionary2@demo.ccpm → demo-f002
let coordinator: string
const sizes: string[] = []

beforeAll(async () => {
  t = await testApp() // the clock: 6 Sep 2026, 08:00 on the islands
  anna = await t.login('functionary1@demo.ccpm')
  bob = await t.login('functionary2@demo.ccpm')
  coordinator = await t.login('coordinator@demo.ccpm')
})
afterAll(() => {
  if (sizes.length) console.log(`availability page sizes (gzip):\n${sizes.join('\n')}`)
  t.close()
})

const periodsOf = (id: string) =>
  t.db.select().from(unavailability).where(eq(unavailability.functionaryId, id))
const leave = (over: Record<string, string> = {}) => ({
  start: '2026-09-10',
  end: '2026-09-20',
  reason: 'leave',
  note: 'Family visit in Bonaire',
  ...over,
})

async function measure(label: string, path: string, cookie: string, locale = 'en') {
  const res = await t.get(path, `${cookie}; ccpm_lang=${locale}`)
  expect(res.status).toBe(200)
  const html = await res.text()
  const gzip = gzipSync(html).byteLength
  sizes.push(`${label} ${locale} ${path}: ${gzip} B (${Buffer.byteLength(html)} B raw)`)
  return { html, gzip }
}

describe('my availability (functionary)', () => {
  it('shows the form with a one-time key and the empty state', async () => {
    const res = await t.get('/me/availability', anna)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toMatch(/<form method="post" action="\/me\/availability"/)
    expect(html).toMatch(/name="_key" value="[a-z0-9]{24}"/)
    expect(html).toContain('No periods entered: available every day.')
  })

  it('adds a period (303 to the page), once per key, with an audit event in the trail', async () => {
    const body = { ...leave(), _key: 'anna-leave-key-1' }
    const [a, b] = [
      await t.post('/me/availability', body, anna),
      await t.post('/me/availability', body, anna),
    ]
    expect(a.status).toBe(303)
    expect(a.headers.get('location')).toBe('/me/availability')
    expect(b.status).toBe(303)
    const rows = await periodsOf('demo-f001')
    expect(rows).toHaveLength(1)
    expect(rows[0]).toMatchObject({
      start: '2026-09-10',
      end: '2026-09-20',
      reason: 'leave',
      createdBy: 'demo-fu1',
    })
    const html = await (await t.get('/me/availability', anna)).text()
    expect(html).toContain('Family visit in Bonaire')
    expect(html).toContain('11 days')
    const trail = await auditTrail(t.db, 'functionary', 'demo-f001')
    expect(trail.filter((e) => e.action === 'unavailability.added')).toHaveLength(1)
    expect(trail.at(-1)).toMatchObject({
      actorId: 'demo-fu1',
      after: { periodId: rows[0]!.id, reason: 'leave' },
    })
  })

  it('refuses bad input with 422, the summary, the field message and the text kept; nothing written', async () => {
    const before = (await periodsOf('demo-f001')).length
    const res = await t.post('/me/availability', leave({ end: '2026-09-01', note: 'Keep this note' }), anna)
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('class="error-summary"')
    expect(html).toContain('href="#f-end"')
    expect(html).toContain('id="e-end"')
    expect(html).toContain('The last day cannot be before the first day.')
    expect(html).toContain('value="2026-09-01"')
    expect(html).toContain('Keep this note')
    expect(html).toMatch(/<option value="leave" selected/)
    expect((await periodsOf('demo-f001')).length).toBe(before)
    const long = await t.post('/me/availability', leave({ note: 'x'.repeat(501), reason: 'holiday' }), anna)
    expect(long.status).toBe(422)
    const text = await long.text()
    expect(text).toContain('href="#f-note"')
    expect(text).toContain('href="#f-reason"')
  })

  it('deletes an own period with an audit event, and never someone else’s', async () => {
    await t.post(
      '/me/availability',
      leave({ start: '2026-10-01', end: '2026-10-02', reason: 'training' }),
      bob,
    )
    const [bobs] = await periodsOf('demo-f002')
    expect((await t.post(`/me/availability/${bobs!.id}/delete`, {}, anna)).status).toBe(404)
    expect(await periodsOf('demo-f002')).toHaveLength(1)
    const res = await t.post(`/me/availability/${bobs!.id}/delete`, { _key: 'bob-delete-key-1' }, bob)
    expect(res.status).toBe(303)
    expect(await periodsOf('demo-f002')).toHaveLength(0)
    const removed = (await auditTrail(t.db, 'functionary', 'demo-f002')).filter(
      (e) => e.action === 'unavailability.removed',
    )
    expect(removed).toHaveLength(1)
    expect(removed[0]).toMatchObject({
      actorId: 'demo-fu2',
      before: { periodId: bobs!.id, reason: 'training' },
    })
    expect((await t.post(`/me/availability/${bobs!.id}/delete`, {}, bob)).status).toBe(404)
  })

  it('is only for functionaries', async () => {
    expect((await t.get('/me/availability', coordinator)).status).toBe(403)
    expect((await t.post('/me/availability', leave(), coordinator)).status).toBe(403)
    const anonymous = await t.get('/me/availability')
    expect(anonymous.status).toBe(303)
    expect(anonymous.headers.get('location')).toMatch(/^\/login/)
  })
})

describe("a coordinator plans someone's availability", () => {
  it('adds a period for a functionary, who then sees who entered it', async () => {
    const page = await t.get('/pool/availability/demo-f003', coordinator)
    expect(page.status).toBe(200)
    expect(await page.text()).toMatch(/action="\/pool\/availability\/demo-f003"/)
    const res = await t.post(
      '/pool/availability/demo-f003',
      leave({ reason: 'island_duty', note: '' }),
      coordinator,
    )
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/pool/availability/demo-f003')
    const own = await (await t.get('/me/availability', await t.login('functionary3@demo.ccpm'))).text()
    expect(own).toContain('Duty on own island')
    expect(own).toContain('Carla Coordinator')
    const trail = await auditTrail(t.db, 'functionary', 'demo-f003')
    expect(trail.at(-1)).toMatchObject({ action: 'unavailability.added', actorLabel: 'Carla Coordinator' })
  })

  it('answers 422 on its own form, and 404 for an unknown functionary', async () => {
    const res = await t.post('/pool/availability/demo-f003', leave({ start: '' }), coordinator)
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('action="/pool/availability/demo-f003"')
    expect((await t.get('/pool/availability/nobody', coordinator)).status).toBe(404)
  })

  it('is closed to functionaries, islands, dispatchers, observers and admins', async () => {
    expect((await t.get('/pool/availability/demo-f001', anna)).status).toBe(403)
    expect((await t.post('/pool/availability/demo-f002', leave(), anna)).status).toBe(403)
    for (const email of ['saba@demo.ccpm', 'dispatcher@demo.ccpm', 'observer@demo.ccpm', 'admin@demo.ccpm']) {
      const cookie = await t.login(email)
      expect((await t.get('/pool/availability', cookie)).status, email).toBe(403)
      expect((await t.get('/pool/availability/demo-f001', cookie)).status, email).toBe(403)
    }
    expect((await t.get('/pool/availability', anna)).status).toBe(403)
  })
})

/** The texts of the cells in the row of `id`. */
function rowOf(html: string, id: string): string[] {
  const row = html.split('<tr>').find((r) => r.includes(`href="/pool/availability/${id}"`))
  if (!row) return []
  return [...row.matchAll(/<td[^>]*>(.*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, ''))
}

describe('who is free when (the 8-week overview)', () => {
  it('shows the first role of the catalogue by default, from today, with a GET role chooser', async () => {
    const html = await (await t.get('/pool/availability', coordinator)).text()
    expect(html).toMatch(/<form method="get" action="\/pool\/availability"/)
    expect(html).toMatch(/<option value="operational_leader" selected/)
    expect(html).toContain('value="2026-09-06"')
    expect(html).toContain('<th scope="col">6–12 Sep</th>')
    expect(html).toContain('<th scope="col">25–31 Oct</th>')
  })

  it('marks a seeded unavailability week by week, in words', async () => {
    const [member] = await t.db.select().from(functionaryRoles).where(eq(functionaryRoles.role, 'plotter'))
    const id = member!.functionaryId
    // 9 to 22 Sep: weeks 6–12 (4 days free), 13–19 (none), 20–26 (4 days free); 27 Sep on free.
    await t.post(`/pool/availability/${id}`, leave({ start: '2026-09-09', end: '2026-09-22' }), coordinator)
    const html = await (await t.get('/pool/availability?role=plotter&from=2026-09-06', coordinator)).text()
    expect(rowOf(html, id)).toEqual(['3 d free', 'busy', '4 d free', 'free', 'free', 'free', 'free', 'free'])
    const nl = await (await t.get('/pool/availability?role=plotter', `${coordinator}; ccpm_lang=nl`)).text()
    expect(rowOf(nl, id).slice(0, 3)).toEqual(['3 d vrij', 'bezet', '4 d vrij'])
    // Eight weeks later, the period is out of sight.
    const later = await (await t.get('/pool/availability?role=plotter&from=2026-11-01', coordinator)).text()
    expect(rowOf(later, id)).toEqual(Array(8).fill('free'))
  })

  it('counts who is free all week, and lists only active members of the role', async () => {
    const role = 'fire_service_commander'
    const members = await t.db.select().from(functionaryRoles).where(eq(functionaryRoles.role, role))
    const html = await (await t.get(`/pool/availability?role=${role}`, coordinator)).text()
    expect(html).toContain(`${members.length} active members`)
    const gone = members[0]!.functionaryId
    await t.db.update(functionaries).set({ active: false }).where(eq(functionaries.id, gone))
    const after = await (await t.get(`/pool/availability?role=${role}`, coordinator)).text()
    expect(after).toContain(`${members.length - 1} active members`)
    expect(rowOf(after, gone)).toEqual([])
    expect(after).toMatch(new RegExp(`Free all week</th>(<td>${members.length - 1}</td>){8}`))
    await t.db.update(functionaries).set({ active: true }).where(eq(functionaries.id, gone))
  })

  it('pages a large role by 40, with links that need no script', async () => {
    const role = 'medical_coordinator'
    const count = (await t.db.select().from(functionaryRoles).where(eq(functionaryRoles.role, role))).length
    expect(count).toBeGreaterThan(40)
    const rows = (html: string) => html.match(/<th scope="row"><a href="\/pool\/availability\//g)?.length
    const first = await (await t.get(`/pool/availability?role=${role}&from=2026-09-06`, coordinator)).text()
    expect(rows(first)).toBe(40)
    expect(first).toContain('Page 1 of 2')
    expect(first).toContain(`href="/pool/availability?role=${role}&amp;from=2026-09-06&amp;page=2"`)
    const second = await (
      await t.get(`/pool/availability?role=${role}&from=2026-09-06&page=2`, coordinator)
    ).text()
    expect(rows(second)).toBe(count - 40)
    expect(second).toContain('Previous page')
  })

  it('answers 404 for an unknown role and ignores a malformed date', async () => {
    expect((await t.get('/pool/availability?role=astronaut', coordinator)).status).toBe(404)
    const html = await (await t.get('/pool/availability?from=next-week', coordinator)).text()
    expect(html).toContain('value="2026-09-06"')
  })
})

describe('page budget: 14 KB gzip', () => {
  it('holds for the largest role on both pages of the overview, in both languages', async () => {
    for (const locale of ['en', 'nl']) {
      for (const page of [1, 2]) {
        const path = `/pool/availability?role=medical_coordinator&page=${page}`
        expect((await measure('coordinator', path, coordinator, locale)).gzip).toBeLessThanOrEqual(BUDGET)
      }
    }
  })

  it('holds for my availability with 30 periods and long notes', async () => {
    const cookie = await t.login('functionary4@demo.ccpm')
    for (let i = 0; i < 30; i++) {
      const start = `2026-${String(10 + Math.floor(i / 10)).padStart(2, '0')}-${String(1 + (i % 10) * 2).padStart(2, '0')}`
      const note = `Period ${i}: ${'lorem ipsum dolor sit amet '.repeat(18)}`.slice(0, 500)
      expect((await t.post('/me/availability', leave({ start, end: start, note }), cookie)).status).toBe(303)
    }
    for (const locale of ['en', 'nl'])
      expect((await measure('functionary', '/me/availability', cookie, locale)).gzip).toBeLessThanOrEqual(
        BUDGET,
      )
    expect((await measure('functionary', '/me/alerts', cookie)).gzip).toBeLessThanOrEqual(BUDGET)
  })
})
