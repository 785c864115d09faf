/**
 * A 360 px phone without JavaScript, on pages with real data: no page
 * of any role's navigation, nor /me, a pool member's page, a request with four needs, its need with
 * answers or an incident, scrolls sideways; axe finds no serious or critical violation where tables,
 * answers and long addresses are. Data is made through the API as the roles would make it.
 */
import { eq } from 'drizzle-orm'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { functionaries, outbox } from '../../db/schema/index.ts'
import {
  type AxeSummary,
  expectNoAxeViolations,
  launchBrowser,
  newPage,
  signIn,
  startTestServer,
  type TestServer,
} from '../helpers/browser.ts'

const PHONE = { width: 360, height: 740 }
const LONG_EMAIL = 'anna-maria.van-den-berg-hassell@veiligheidsregio-rotterdam-rijnmond.example.nl'

let server: TestServer
let browser: Browser
const pages: Record<string, { context: BrowserContext; page: Page }> = {}
const data = { requestId: '', needId: '', incidentId: '' }

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10)

/** A signed-in phone without JavaScript for `who` (the part of the demo address before @). */
async function phone(who: string) {
  const { context, page } = await newPage(browser, { javaScriptEnabled: false, baseURL: server.url })
  await page.setViewportSize(PHONE)
  await signIn(page, `${who}@demo.ccpm`)
  pages[who] = { context, page }
  return page
}

async function api(who: string, path: string, body: unknown, expected = [200, 201]) {
  const res = await pages[who]!.page.request.post(path, { data: body })
  expect(expected, `${path}: ${await res.text()}`).toContain(res.status())
  return res.json()
}

beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
  for (const who of ['saba', 'coordinator', 'dispatcher', 'observer', 'admin', 'functionary1'])
    await phone(who)

  const incident = await api('coordinator', '/api/v1/incidents', {
    name: 'Hurricane Erin',
    hazard: 'hurricane',
    islands: ['SX', 'SA', 'SE'],
    phase: 'warm',
  })
  data.incidentId = incident.id
  const request = await api('saba', '/api/v1/requests', {
    title: 'Back-up for the EOT after Hurricane Erin: information management, communication and a recce',
    situation:
      'Roofs gone at The Bottom and Windwardside; the EOC runs on a generator. Our EOT has worked 40 hours without relief and two of our three information managers are themselves affected.',
    phase: 'warm',
    priority: 'urgent',
    periodStart: day(5),
    periodEnd: day(19),
    incidentId: incident.id,
    contact: 'EOC Saba, +599 416 3311 (satellite), eoc-saba-operations@publicentitysaba.example.org',
    needs: [
      {
        kind: 'functionary',
        role: 'information_manager',
        count: 2,
        minLevel: 'qualified',
        languages: ['en'],
      },
      {
        kind: 'functionary',
        role: 'crisis_communication_adviser',
        count: 1,
        minLevel: 'senior',
        languages: ['en', 'nl'],
        preferredLanguages: ['pap'],
        periodStart: day(7),
        notes: 'Radio Saba and the island government’s social media; press enquiries from the Netherlands.',
      },
      { kind: 'capacity', unitType: 'light_usar', count: 1, notes: 'Collapsed structures at Windwardside' },
      { kind: 'other', description: 'Satellite phones (Iridium) with spare batteries', quantity: 4 },
    ],
  })
  data.requestId = request.id
  data.needId = request.needs[0].id
  await api('saba', `/api/v1/requests/${request.id}/status`, { status: 'submitted' })
  await api('coordinator', `/api/v1/requests/${request.id}/status`, { status: 'acknowledged' })

  // Alerts to three candidates; two answer, one with a long note: the answers table has data.
  const coord = pages.coordinator!.page
  await coord.goto(`/needs/${data.needId}`)
  const ids = await coord
    .locator('input[name="functionaryIds"]')
    .evaluateAll((els) => els.slice(0, 3).map((e) => (e as HTMLInputElement).value))
  await api('coordinator', `/api/v1/needs/${data.needId}/alerts`, {
    functionaryIds: ids,
    deadline: `${day(2)}T12:00`,
  })
  const mails = await server.db.select().from(outbox)
  const links = mails.flatMap(
    (m) => /(\/answer\/[a-z0-9]{16}\.[a-z0-9]{32})\?a=available/.exec(m.text)?.[1] ?? [],
  )
  for (const [i, link] of links.slice(0, 2).entries()) {
    const res = await pages.saba!.page.request.post(link, {
      form: {
        answer: i === 0 ? 'available' : 'unavailable',
        note: 'Available from Sunday; I can take the morning ferry from Sint Maarten, or fly with Winair if it is flying again.',
      },
      headers: { origin: server.url },
    })
    expect(res.status()).toBe(200)
  }
  // functionary1 (an operational leader) has an open question: their overview and My alerts hold it.
  const second = await api('saba', '/api/v1/requests', {
    title: 'An operational leader to relieve the EOT leader',
    situation: 'The EOT leader has worked 40 hours.',
    phase: 'warm',
    priority: 'high',
    periodStart: day(5),
    periodEnd: day(12),
    needs: [
      { kind: 'functionary', role: 'operational_leader', count: 1, minLevel: 'trainee', languages: [] },
    ],
  })
  await api('saba', `/api/v1/requests/${second.id}/status`, { status: 'submitted' })
  await api('coordinator', `/api/v1/requests/${second.id}/status`, { status: 'acknowledged' })
  await api('coordinator', `/api/v1/needs/${second.needs[0].id}/alerts`, {
    functionaryIds: ['demo-f001'],
    deadline: `${day(2)}T12:00`,
  })
  // A pool member with a long address and a lapsed passport: /me and /pool/:id must still fit.
  await server.db
    .update(functionaries)
    .set({ email: LONG_EMAIL, travelDocumentExpiry: '2025-06-30' })
    .where(eq(functionaries.id, 'demo-f001'))
}, 120_000)

afterAll(async () => {
  for (const { context } of Object.values(pages)) await context.close()
  await browser?.close()
  await server?.close()
})

/** Every page of the role's navigation, read from the page itself, plus the ones with data. */
async function pathsOf(who: string, extra: string[]) {
  const page = pages[who]!.page
  await page.goto('/')
  const nav = await page.locator('header nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')!))
  return [...new Set([...nav, ...extra])]
}

const EXTRA: Record<string, () => string[]> = {
  saba: () => [
    `/requests/${data.requestId}`,
    `/requests/${data.requestId}/edit`,
    `/incidents/${data.incidentId}`,
  ],
  coordinator: () => [
    `/requests/${data.requestId}`,
    `/needs/${data.needId}`,
    `/incidents/${data.incidentId}`,
    '/pool/demo-f001',
    '/pool/demo-f001/edit',
    '/pool/availability/demo-f001',
  ],
  dispatcher: () => [`/requests/${data.requestId}`],
  observer: () => [`/requests/${data.requestId}`, `/incidents/${data.incidentId}`],
  admin: () => [],
  functionary1: () => ['/me'],
}

describe('at 360 px without JavaScript', () => {
  const widths: string[] = []
  afterAll(() => console.log(`page widths at 360 px:\n  ${widths.join('\n  ')}`))

  it.each(Object.keys(EXTRA))(
    'no page of %s scrolls sideways',
    async (who) => {
      const page = pages[who]!.page
      const wide: string[] = []
      for (const path of await pathsOf(who, EXTRA[who]!())) {
        const res = await page.goto(path)
        expect(res?.status(), `${who} ${path}`).toBe(200)
        const width = await page.evaluate(() => document.documentElement.scrollWidth)
        widths.push(`${who.padEnd(13)} ${path.padEnd(40)} ${width}`)
        if (width > PHONE.width) wide.push(`${path}: ${width} px`)
      }
      expect(wide, `${who}: pages wider than 360 px`).toEqual([])
    },
    120_000,
  )

  it('shows an available person’s note and the request’s figures without scrolling', async () => {
    const coord = pages.coordinator!.page
    await coord.goto(`/needs/${data.needId}`)
    const note = coord.getByText('Available from Sunday').first()
    const box = await note.boundingBox()
    expect(box!.x).toBeGreaterThanOrEqual(0)
    expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width)
    const saba = pages.saba!.page
    await saba.goto(`/requests/${data.requestId}`)
    expect(await saba.locator('main').innerText()).toContain('3 asked, 1 available')
  })

  it('lines up the candidates’ check boxes with their names, each card inside the screen', async () => {
    const coord = pages.coordinator!.page
    await coord.goto(`/needs/${data.needId}`)
    // Each check box sits on its name's first line, and every card ends inside the screen.
    const rows = await coord.locator('form[action$="/alerts"] table.cards tbody tr').evaluateAll((trs) =>
      trs.map((tr) => {
        const label = tr.querySelector('label.check')!.getBoundingClientRect()
        const box = tr.querySelector('input[type=checkbox]')!.getBoundingClientRect()
        return { top: box.top - label.top, right: Math.max(label.right, tr.getBoundingClientRect().right) }
      }),
    )
    expect(rows.length).toBeGreaterThan(3)
    for (const r of rows) {
      expect(r.top).toBeLessThan(12)
      expect(r.right).toBeLessThanOrEqual(PHONE.width)
    }
  })
})

describe('the functionary’s open question', () => {
  it('is answerable on the overview and under My alerts', async () => {
    const page = pages.functionary1!.page
    for (const path of ['/', '/me/alerts']) {
      await page.goto(path)
      expect(await page.locator('form[action^="/me/alerts/"]').count(), path).toBe(1)
    }
  })
})

describe('axe on pages with data', () => {
  const runs: AxeSummary[] = []
  afterAll(() =>
    console.log(
      `axe, JavaScript off, at 360 px unless marked:\n  ${runs.map((r) => `${r.url.replace(server.url, '')}: ${r.violations.length} violations`).join('\n  ')}`,
    ),
  )

  it.each([
    ['coordinator', () => `/requests/${data.requestId}`],
    ['saba', () => `/requests/${data.requestId}`],
    ['coordinator', () => `/needs/${data.needId}`],
    ['coordinator', () => '/pool'],
    ['coordinator', () => '/pool/demo-f001'],
    ['coordinator', () => `/incidents/${data.incidentId}`],
    ['coordinator', () => '/pool/availability'],
    ['coordinator', () => '/requests'],
    ['functionary1', () => '/me'],
    ['functionary1', () => '/'],
    ['functionary1', () => '/me/alerts'],
  ])(
    '%s: %s',
    async (who, path) => {
      const page = pages[who]!.page
      await page.goto(path())
      runs.push(await expectNoAxeViolations(page))
    },
    60_000,
  )

  // Between a phone and a desktop (700 px) list tables are tables again and may scroll sideways:
  // their region must then be reachable from the keyboard (scrollable-region-focusable).
  it.each([
    () => `/needs/${data.needId}`,
    () => `/requests/${data.requestId}`,
    () => '/pool',
    () => '/pool/availability',
  ])(
    'coordinator at 700 px: %s',
    async (path) => {
      const page = pages.coordinator!.page
      await page.setViewportSize({ width: 700, height: 900 })
      try {
        await page.goto(path())
        const summary = await expectNoAxeViolations(page)
        runs.push({ ...summary, url: `${summary.url} (700 px)` })
      } finally {
        await page.setViewportSize(PHONE)
      }
    },
    60_000,
  )
})
