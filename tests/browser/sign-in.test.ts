/**
 * Sign-in in a real browser: the login form, the navigation of the role, who is signed in,
 * every page of the navigation, signing out, and the language switch. axe runs on every page
 * visited and must find nothing. All of it once with JavaScript (htmx loaded) and once without.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { navigation } from '../../pool/access/index.ts'
import type { Role } from '../../pool/shared/index.ts'
import { type MessageKey, translator } from '../../views/i18n/index.ts'

const en = (key: MessageKey) => translator('en')(key)
const nl = (key: MessageKey) => translator('nl')(key)

import {
  axeRuns,
  expectNoAxeViolations,
  launchBrowser,
  newPage,
  signIn,
  startTestServer,
  type TestServer,
} from '../helpers/browser.ts'

const users: { email: string; role: Role; name: string; roleLine: string }[] = [
  {
    email: 'coordinator@demo.ccpm',
    role: 'coordinator',
    name: 'Carla Coordinator',
    roleLine: en('role.coordinator'),
  },
  {
    email: 'saba@demo.ccpm',
    role: 'island',
    name: 'Crisis team Saba',
    roleLine: `${en('role.island')} · Saba`,
  },
]

/** The links of the main navigation, as the user sees them. */
async function navLinks(page: Page) {
  const nav = page.getByRole('navigation', { name: en('nav.label') })
  return nav
    .getByRole('link')
    .evaluateAll((links) => links.map((a) => ({ text: a.textContent?.trim(), href: a.getAttribute('href') })))
}

async function expectScripting(page: Page, on: boolean) {
  // htmx loads only when scripts run: proves the context really is what the test says it is.
  expect(await page.evaluate(() => typeof (window as unknown as { htmx?: unknown }).htmx)).toBe(
    on ? 'object' : 'undefined',
  )
}

let server: TestServer
let browser: Browser
/** A browser step does round trips and an axe run; two busy cores make that slow. */
const SLOW = 60_000

beforeAll(async () => {
  ;[server, browser] = await Promise.all([startTestServer(), launchBrowser()])
})

afterAll(async () => {
  await browser?.close()
  await server?.close()
  const pages = new Set(axeRuns.map((r) => new URL(r.url).pathname))
  const violations = axeRuns.reduce((n, r) => n + r.violations.length, 0)
  console.log(
    `axe: ${axeRuns.length} runs on ${[...pages].join(', ')}; ${violations} violations; ` +
      `${Math.min(...axeRuns.map((r) => r.passes))}–${Math.max(...axeRuns.map((r) => r.passes))} rules passed per run`,
  )
})

for (const javaScriptEnabled of [true, false]) {
  describe(`with JavaScript ${javaScriptEnabled ? 'on' : 'off'}`, () => {
    const open = () => newPage(browser, { javaScriptEnabled, baseURL: server.url })

    for (const user of users) {
      // One browser context per user, shared by the steps below (they run in order): a failing
      // step names the page, and every step gets its own time on a slow machine.
      describe(`as ${user.email} (${user.role})`, () => {
        const expected = navigation(user.role).map((item) => ({
          text: translator('en')(item.label as MessageKey),
          href: item.href,
        }))
        let session: Awaited<ReturnType<typeof open>>
        beforeAll(async () => {
          session = await open()
        })
        afterAll(async () => {
          await session?.context.close()
        })
        /** A step on the shared page: its own console errors (CSP violations included) fail it. */
        const step = (name: string, body: (page: Page) => Promise<void>) =>
          it(
            name,
            async () => {
              session.errors.length = 0
              await body(session.page)
              expect(session.errors, 'console errors').toEqual([])
            },
            SLOW,
          )

        step('signs in through the form', async (page) => {
          const login = await page.goto('/login')
          expect(login?.status()).toBe(200)
          await expect.poll(() => page.title()).toBe(`${en('login.title')} · CCPM`)
          await expectScripting(page, javaScriptEnabled)
          await expectNoAxeViolations(page)

          await signIn(page, user.email)
          expect(new URL(page.url()).pathname).toBe('/')
          await expectScripting(page, javaScriptEnabled)
          expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(en('home.title'))
        })

        step(`shows the ${user.role} navigation and who is signed in`, async (page) => {
          // The navigation is exactly the role's, in its order.
          expect(await navLinks(page)).toEqual(expected)
          expect(expected.map((item) => item.href)).toContain('/reference')
          // Who is signed in, in which role, for which island.
          const banner = page.getByRole('banner')
          expect(await banner.locator('.who-name').textContent()).toBe(user.name)
          expect((await banner.locator('.who-role').textContent())?.trim()).toBe(user.roleLine)
          await expectNoAxeViolations(page)
        })

        // Every page of the navigation, reached by its link, marked current, and clean for axe.
        for (const item of expected) {
          step(`opens ${item.href} from the navigation`, async (page) => {
            const link = page
              .getByRole('navigation', { name: en('nav.label') })
              .getByRole('link', { name: item.text, exact: true })
            const [response] = await Promise.all([
              page.waitForResponse((r) => new URL(r.url()).pathname === item.href),
              link.click(),
            ])
            await page.waitForLoadState('load')
            expect(response.status(), item.href).toBe(200)
            expect(new URL(page.url()).pathname).toBe(item.href)
            expect(await link.getAttribute('aria-current')).toBe('page')
            if (item.href !== '/') await expectNoAxeViolations(page) // the overview was checked above
          })
        }

        step('signs out to the login page, and the session is gone', async (page) => {
          await Promise.all([
            page.waitForURL((url) => url.pathname === '/login', { waitUntil: 'load' }),
            page.getByRole('button', { name: en('logout.submit') }).click(),
          ])
          expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(en('login.title'))
          expect(await page.getByRole('navigation', { name: en('nav.label') }).count()).toBe(0)
          await page.goto('/reference')
          expect(new URL(page.url()).pathname).toBe('/login')
        })
      })
    }

    it(
      'switches the language to Nederlands and keeps it after signing in',
      async () => {
        const { context, page, errors } = await open()
        try {
          await page.goto('/login')
          await page.getByLabel(en('lang.label')).selectOption({ label: 'Nederlands' })
          await Promise.all([
            page.waitForURL((url) => url.pathname === '/login', { waitUntil: 'load' }),
            page.getByRole('button', { name: en('lang.switch') }).click(),
          ])
          expect(await page.locator('html').getAttribute('lang')).toBe('nl')
          expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(nl('login.title'))
          expect(nl('login.title')).toBe('Inloggen')
          expect(await page.getByRole('button', { name: nl('login.submit') }).count()).toBe(1)
          await expectNoAxeViolations(page)

          await signIn(page, 'coordinator@demo.ccpm')
          expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Overzicht')
          const links = await page
            .getByRole('navigation', { name: nl('nav.label') })
            .getByRole('link')
            .allTextContents()
          expect(links).toEqual(
            navigation('coordinator').map((item) => translator('nl')(item.label as MessageKey)),
          )
          expect(await page.getByRole('button', { name: nl('logout.submit') }).count()).toBe(1)
          await expectNoAxeViolations(page)
          expect(errors).toEqual([])
        } finally {
          await context.close()
        }
      },
      SLOW,
    )
  })
}
