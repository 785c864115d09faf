/**
 * Browser tests: Debian's Chromium driven by playwright-core against the real Node server
 * (`startServer`, the same code `npm start` runs) on a fresh libSQL file, plus helpers to sign in
 * through the form and to assert that axe finds nothing. Never a browser downloaded by Playwright.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core'
import { expect } from 'vitest'
import type { Db } from '../../db/types.ts'
import { parseConfig } from '../../server/config.ts'
import { startServer } from '../../server/serve.ts'

export const CHROMIUM = '/usr/bin/chromium'
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
export const DEMO_PASSWORD = 'demo'

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true })
}

/** A port nobody listens on right now, so that BASE_URL can name the origin the browser uses. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '0.0.0.0', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => resolve(port))
    })
  })
}

export interface TestServer {
  url: string
  port: number
  logs: Record<string, unknown>[]
  /** The server's own database, for setting up data no page makes (an expired passport) and reading the outbox. */
  db: Db
  close: () => Promise<void>
}

/** The real server on a fresh database (migrated and demo-seeded by startServer itself). */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'ccpm-browser-'))
  const logs: Record<string, unknown>[] = []
  const port = await freePort()
  const config = {
    ...parseConfig({
      PORT: String(port),
      DATABASE_URL: `file:${join(dir, 'test.db')}`,
      BASE_URL: `http://localhost:${port}`,
      ...env,
    }),
    // No test waits on the real intervals: mail leaves within 100 ms, the answers board polls every second.
    deliveryIntervalMs: 100,
    pollSeconds: 1,
    passwordIterations: 1000,
  }
  const server = await startServer(config, { log: (line) => logs.push(line) })
  return {
    url: server.url,
    port: server.port,
    logs,
    db: server.db,
    close: async () => {
      await server.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/** Console errors and uncaught exceptions of a page (a CSP violation shows up here too). */
export function watchErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`)
  })
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`))
  return errors
}

/** Pages opened with JavaScript off: axe cannot run in them (its timers never fire). */
const scriptless = new WeakSet<Page>()

export async function newPage(
  browser: Browser,
  opts: { javaScriptEnabled: boolean; baseURL: string },
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    javaScriptEnabled: opts.javaScriptEnabled,
    baseURL: opts.baseURL,
    locale: 'en-GB',
  })
  const page = await context.newPage()
  if (!opts.javaScriptEnabled) scriptless.add(page)
  return { context, page, errors: watchErrors(page) }
}

/**
 * Signs in through the login form, as a person would: type, press the button, wait for the page
 * that follows. Finds the fields by name, so that it works in every language.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  if (!new URL(page.url(), 'http://x').pathname.startsWith('/login')) await page.goto('/login')
  const form = page.locator('main form[action^="/login"]')
  await form.locator('input[name="email"]').fill(email)
  await form.locator('input[name="password"]').fill(password)
  await Promise.all([
    page.waitForURL((url) => url.pathname !== '/login', { waitUntil: 'load' }),
    form.locator('button[type="submit"]').click(),
  ])
}

export interface AxeSummary {
  url: string
  passes: number
  violations: string[]
}

/** Every axe run of this test process, for the summary a test file may print at the end. */
export const axeRuns: AxeSummary[] = []

async function runAxe(page: Page): Promise<AxeSummary> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .options({ resultTypes: ['violations'] }) // details only for violations: much faster
    .analyze()
  return {
    url: page.url(),
    passes: results.passes.length,
    violations: results.violations.map(
      (v) =>
        `${v.id} (${v.impact}): ${v.help}\n` +
        v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('\n'),
    ),
  }
}

interface Audit {
  page: Page
  html: Map<string, string>
}

/** One scripting page per browser that shows copied DOMs at their own URL, scripts blocked. */
const audits = new WeakMap<Browser, Promise<Audit>>()

function auditPage(page: Page): Promise<Audit> {
  const browser = page.context().browser()
  if (!browser) throw new Error('page has no browser')
  let audit = audits.get(browser)
  if (!audit) {
    audit = (async () => {
      const html = new Map<string, string>()
      const context = await browser.newContext({ javaScriptEnabled: true, locale: 'en-GB' })
      await context.route('**/*', (route) => {
        const request = route.request()
        const body = html.get(request.url())
        if (body !== undefined && request.resourceType() === 'document')
          return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body })
        if (request.resourceType() === 'script') return route.abort()
        return route.continue()
      })
      return { page: await context.newPage(), html }
    })()
    audits.set(browser, audit)
  }
  return audit
}

/**
 * Runs axe (WCAG 2.x A/AA and best practices) on what the page shows now and fails on any
 * violation. With JavaScript off axe cannot run in the page itself, so the exact DOM is copied
 * into a page of a scripting context that serves it at the same URL, with the app's own scripts
 * blocked: the audit sees what a user without JavaScript sees, styles included.
 */
export async function expectNoAxeViolations(page: Page): Promise<AxeSummary> {
  let summary: AxeSummary
  if (!scriptless.has(page)) {
    summary = await runAxe(page)
  } else {
    const url = page.url()
    const audit = await auditPage(page)
    audit.html.set(url, await page.content())
    try {
      // The same viewport: a table that scrolls on a 360 px phone does not scroll at 1280 px.
      const viewport = page.viewportSize()
      if (viewport) await audit.page.setViewportSize(viewport)
      await audit.page.goto(url)
      summary = await runAxe(audit.page)
    } finally {
      audit.html.delete(url)
    }
  }
  axeRuns.push(summary)
  expect(summary.violations, `axe violations on ${summary.url}`).toEqual([])
  return summary
}
