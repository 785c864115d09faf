/**
 * The page budget (poor links are the normal case): every page of every role's
 * navigation, and the login page, fits compressed in the first TCP flight (14 KB gzip) and needs
 * no other host. Driven by `navigation(role)`, so a page added to a role's navigation is covered.
 */
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { navigation } from '../../pool/access/index.ts'
import type { Role } from '../../pool/shared/index.ts'
import { acknowledgedRequest, linkIn } from '../helpers/alerts.ts'
import { type TestApp, testApp } from '../helpers/app.ts'
import { ANNA, answerAlert, propose, stepTo } from '../helpers/assignments.ts'

const BUDGET = 14 * 1024

/** One demo account per role. */
const accounts: Record<Role, string> = {
  admin: 'admin@demo.ccpm',
  coordinator: 'coordinator@demo.ccpm',
  dispatcher: 'dispatcher@demo.ccpm',
  observer: 'observer@demo.ccpm',
  island: 'saba@demo.ccpm',
  functionary: 'functionary1@demo.ccpm',
}

const LOCALES = ['en', 'nl'] as const

/**
 * Every URL the page points at, in an attribute that loads or links something or in a CSS url().
 * (hono/jsx always quotes attributes; unquoted ones are matched too, for hand-written HTML.)
 */
function referencedUrls(html: string): string[] {
  const urls: string[] = []
  const attr =
    /\s(?:src|href|action|formaction|poster|data|cite|background|manifest|longdesc|ping|srcset|imagesrcset|hx-(?:get|post|put|patch|delete))\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))/gi
  for (const m of html.matchAll(attr)) {
    const name = m[0].trim().split(/\s*=/)[0]!.toLowerCase()
    const value = (m[1] ?? m[2] ?? m[3] ?? '').replace(/&amp;/g, '&').trim()
    if (name.endsWith('srcset')) urls.push(...value.split(',').map((part) => part.trim().split(/\s+/)[0]!))
    else if (name === 'ping') urls.push(...value.split(/\s+/))
    else urls.push(value)
  }
  for (const m of html.matchAll(/url\(\s*(?:"([^"]*)"|'([^']*)'|([^)\s]*))\s*\)/gi))
    urls.push((m[1] ?? m[2] ?? m[3] ?? '').trim())
  for (const m of html.matchAll(/@import\s+(?:"([^"]*)"|'([^']*)')/gi)) urls.push(m[1] ?? m[2] ?? '')
  for (const m of html.matchAll(/http-equiv\s*=\s*"?refresh"?[^>]*content\s*=\s*"[^"]*url=([^"]*)"/gi))
    urls.push(m[1]!.trim())
  return urls.filter((u) => u !== '')
}

/**
 * Only relative references: a path on this host, a fragment or a query. `data:` (inline, no
 * host) and `mailto:`/`tel:` links (they leave the browser, not load from elsewhere) are fine;
 * anything with another scheme or a host (`http://`, `https://`, `//cdn…`) is not.
 */
function isLocal(url: string): boolean {
  if (/^\s*(?:data|mailto|tel):/i.test(url)) return true
  if (/^[\\/]{2}/.test(url)) return false // protocol-relative: another host
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return false // any scheme: http:, https:, javascript:, ftp:
  return true
}

describe('the budget checks themselves', () => {
  it('find a script, stylesheet, image, form or CSS url() on another host', () => {
    const bad = [
      '<script src="https://cdn.example/htmx.js"></script>',
      '<link rel="stylesheet" href="http://fonts.example/css">',
      '<img src=//img.example/x.png>',
      '<form action="https://elsewhere.example/login">',
      '<div style="background:url(\'https://img.example/bg.png\')">',
      '<img srcset="/a.png 1x, https://img.example/b.png 2x">',
      '<a href="javascript:alert(1)">',
      '<button hx-get="https://api.example/poll">',
    ]
    for (const html of bad)
      expect(
        referencedUrls(html).filter((u) => !isLocal(u)),
        html,
      ).not.toEqual([])
  })

  it('let relative paths, fragments, data: and mailto: pass', () => {
    const html =
      '<link rel="icon" href="data:,"><a href="/requests?status=new&amp;page=2">x</a><a href="#main">' +
      '<form action="/login?next=%2Freference"><a href="mailto:ops@example.org"><img src="logo.svg">'
    expect(referencedUrls(html)).toHaveLength(6)
    expect(referencedUrls(html).filter((u) => !isLocal(u))).toEqual([])
  })
})

let t: TestApp
const measured: { role: string; path: string; locale: string; raw: number; gzip: number }[] = []

beforeAll(async () => {
  t = await testApp()
})

afterAll(() => {
  t?.close()
  if (measured.length === 0) return
  const rows = measured.map((m) => `${m.role.padEnd(12)} ${m.locale} ${m.path.padEnd(16)} ${m.gzip} B gzip`)
  const max = measured.reduce((a, b) => (b.gzip > a.gzip ? b : a))
  console.log(
    `page budget ${BUDGET} B gzip; largest ${max.gzip} B (${max.role} ${max.locale} ${max.path})\n${rows.join('\n')}`,
  )
})

async function checkPage(role: string, path: string, locale: string, cookie?: string) {
  const cookies = [cookie, `ccpm_lang=${locale}`].filter(Boolean).join('; ')
  const res = await t.get(path, cookies)
  expect(res.status, `${role} ${path}`).toBe(200)
  expect(res.headers.get('content-type')).toMatch(/^text\/html/)
  const html = await res.text()
  expect(html).toMatch(/^<!doctype html>/i)
  expect(html).toContain(`<html lang="${locale}"`)

  const gzip = gzipSync(html).byteLength
  measured.push({ role, path, locale, raw: Buffer.byteLength(html), gzip })
  expect(gzip, `${role} ${locale} ${path}: ${gzip} B gzip`).toBeLessThanOrEqual(BUDGET)

  const foreign = referencedUrls(html).filter((u) => !isLocal(u))
  expect(foreign, `${role} ${path} points at another host`).toEqual([])

  // What the CSP (script-src 'self') would block: inline scripts and inline event handlers.
  for (const m of html.matchAll(/<script\b([^>]*)>/gi))
    expect(m[1], `${role} ${path}: inline <script>`).toMatch(/\ssrc=/)
  expect(html.match(/<[^>]+\son[a-z]+\s*=/gi) ?? [], `${role} ${path}: inline event handler`).toEqual([])
}

describe('the login page', () => {
  for (const locale of LOCALES) {
    it(`fits the budget and needs no other host (${locale})`, async () => {
      await checkPage('anonymous', '/login', locale)
    })
  }
})

for (const [role, email] of Object.entries(accounts) as [Role, string][]) {
  describe(`${role} (${email})`, () => {
    let cookie: string
    beforeAll(async () => {
      cookie = await t.login(email)
    })

    const pages = navigation(role).map((item) => item.href)
    it('has a navigation to walk', () => {
      expect(pages.length).toBeGreaterThan(0)
    })

    for (const path of pages) {
      for (const locale of LOCALES) {
        it(`${path} fits the budget and needs no other host (${locale})`, async () => {
          await checkPage(role, path, locale, cookie)
        })
      }
    }
  })
}

/**
 * The pages of matching and assignments with data in them: a need's candidates with ~200 excluded
 * people, the excluded list, an assignment, the plan, the island's offers, /me with a deployment.
 */
describe('matching and assignment pages with data', () => {
  const pages: [string, string, () => string][] = []
  let ids = { request: '', need: '', assignment: '' }
  beforeAll(async () => {
    const saba = await t.login('saba@demo.ccpm')
    const coordinator = await t.login('coordinator@demo.ccpm')
    const { id, needId } = await acknowledgedRequest(t, saba, coordinator)
    await answerAlert(t, coordinator, needId, ANNA)
    const a = await propose(t, coordinator, needId, ANNA.id)
    await stepTo(t, coordinator, a.body.id, { status: 'offered' })
    ids = { request: id, need: needId, assignment: a.body.id }
  })
  const at = (role: string, email: string, path: () => string) => pages.push([role, email, path])
  at('coordinator', 'coordinator@demo.ccpm', () => `/needs/${ids.need}`)
  at('coordinator', 'coordinator@demo.ccpm', () => `/needs/${ids.need}/excluded`)
  at('coordinator', 'coordinator@demo.ccpm', () => `/assignments/${ids.assignment}`)
  at('coordinator', 'coordinator@demo.ccpm', () => '/plan')
  at('coordinator', 'coordinator@demo.ccpm', () => '/assignments')
  at('island', 'saba@demo.ccpm', () => '/offers')
  at('island', 'saba@demo.ccpm', () => `/assignments/${ids.assignment}`)
  at('island', 'saba@demo.ccpm', () => `/requests/${ids.request}`)
  at('functionary', ANNA.email, () => '/me')
  for (const [role, email, path] of pages)
    for (const locale of LOCALES)
      it(`${role}: a page with data fits the budget (${locale})`, async () => {
        await checkPage(role, path(), locale, await t.login(email))
      })
})

/**
 * The alert pages with data: a need whose answers table holds everyone ranked (answers with
 * notes, reminders, someone now unavailable), and a functionary with ten open questions on
 * "My alerts" and the overview, each with its answer form; the answer link's page.
 */
describe('alert pages with data', () => {
  let needId = ''
  let link = ''
  beforeAll(async () => {
    const start = t.clock.now
    const saba = await t.login('saba@demo.ccpm')
    const coordinator = await t.login('coordinator@demo.ccpm')
    ;({ needId } = await acknowledgedRequest(t, saba, coordinator))
    const html = await (await t.get(`/needs/${needId}`, coordinator)).text()
    const ids = [...html.matchAll(/name="functionaryIds" value="([\w-]+)"/g)].map((m) => m[1]!)
    const deadline = new Date(t.clock.now + 86_400_000).toISOString()
    const round = (functionaryIds: string[]) =>
      t.postJson(`/api/v1/needs/${needId}/alerts`, { functionaryIds, deadline }, coordinator)
    expect((await round(ids)).status).toBe(201)
    const mails = await t.db.query.outbox.findMany()
    const links = mails.filter((m) => m.text.includes('/answer/')).map((m) => linkIn(m.text))
    for (const [i, path] of links.slice(0, 6).entries())
      await t.post(path, {
        answer: i % 2 ? 'unavailable' : 'available',
        note: 'Can leave on the first flight; passport valid until 2030.'.repeat(2),
      })
    t.clock.now += 3_600_000
    // everyone but those who said no gets a reminder
    const no = (await t.db.query.alerts.findMany()).filter(
      (a) => a.needId === needId && a.answer === 'unavailable',
    )
    const again = ids.filter((id) => !no.some((a) => a.functionaryId === id))
    expect((await round(again)).status).toBe(201)
    t.clock.now = start
    const yes = (await t.db.query.alerts.findMany()).find(
      (a) => a.needId === needId && a.answer === 'available' && a.reminders > 0,
    )!
    // the reminder (in the person's language) carries the link that answers now
    const toYes = (await t.db.query.outbox.findMany()).filter((m) => m.text.includes(`/answer/${yes.id}.`))
    expect(toYes).toHaveLength(2)
    link = linkIn(toYes[1]!.text)
    for (let i = 0; i < 10; i++) {
      const other = await acknowledgedRequest(t, saba, coordinator, {
        title: `Relief for shelters, part ${i + 1}`,
      })
      await t.postJson(
        `/api/v1/needs/${other.needId}/alerts`,
        { functionaryIds: [ANNA.id], deadline },
        coordinator,
      )
    }
  })
  const pages: [string, string, () => string][] = [
    ['coordinator', 'coordinator@demo.ccpm', () => `/needs/${needId}`],
    ['coordinator', 'coordinator@demo.ccpm', () => `/needs/${needId}/answers`],
    ['functionary', ANNA.email, () => '/me/alerts'],
    ['functionary', ANNA.email, () => '/'],
  ]
  for (const [role, email, path] of pages)
    for (const locale of LOCALES)
      it(`${role}: ${path.toString().includes('answers') ? 'the answers board' : 'a page'} with data fits the budget (${locale})`, async () => {
        await checkPage(role, path(), locale, await t.login(email))
      })
  it('the answer link’s page (a changeable answer) stays under 5 KB raw', async () => {
    const html = await (await t.get(link)).text()
    expect(html).toContain('You can change it until')
    expect(Buffer.byteLength(html)).toBeLessThan(5 * 1024)
  })
})
