/**
 * Accounts end to end in Chromium, at 360 px wide and without JavaScript: an admin invites a
 * coordinator, the invitation reaches a real SMTP server, the coordinator sets a password through
 * its link and signs in. axe runs on the users list (with data) and on the pages on the way.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  expectNoAxeViolations,
  launchBrowser,
  newPage,
  signIn,
  startTestServer,
  type TestServer,
} from '../helpers/browser.ts'
import { startSmtp } from '../helpers/smtp.ts'

let smtp: Awaited<ReturnType<typeof startSmtp>>
let server: TestServer
let browser: Browser
beforeAll(async () => {
  smtp = await startSmtp()
  ;[server, browser] = await Promise.all([startTestServer({ SMTP_URL: smtp.url }), launchBrowser()])
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
  await smtp?.close()
})

/** A phone-sized page with JavaScript off. */
async function phone() {
  const p = await newPage(browser, { javaScriptEnabled: false, baseURL: server.url })
  await p.page.setViewportSize({ width: 360, height: 740 })
  return p
}
/** Nothing may scroll sideways at 360 px. */
async function expectNoSideways(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(width, `page width of ${page.url()}`).toBeLessThanOrEqual(360)
}
async function submit(page: Page, button: string) {
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: button }).click()])
}

describe('an admin invites a coordinator', () => {
  it('who sets a password from the mail and signs in — at 360 px, without JavaScript', async () => {
    const admin = await phone()
    await signIn(admin.page, 'admin@demo.ccpm')
    await Promise.all([
      admin.page.waitForURL('**/admin/users'),
      admin.page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Users' }).click(),
    ])
    expect(await admin.page.locator('main').innerText()).toContain('1–15 of 15')
    await expectNoSideways(admin.page)
    await expectNoAxeViolations(admin.page)

    await Promise.all([
      admin.page.waitForURL('**/admin/users/new'),
      admin.page.getByRole('link', { name: 'New user' }).click(),
    ])
    await admin.page.getByLabel('Name').fill('Corinne Coordinator')
    await admin.page.getByLabel('E-mail address').fill('corinne@example.org')
    await admin.page.getByLabel('Role').selectOption('coordinator')
    await expectNoSideways(admin.page)
    await expectNoAxeViolations(admin.page)
    await submit(admin.page, 'Create and send the invitation')
    expect(await admin.page.locator('h1').innerText()).toBe('Corinne Coordinator')
    expect(await admin.page.getByRole('status').innerText()).toBe(
      'The account is made and the invitation is in the mail outbox.',
    )
    await expectNoAxeViolations(admin.page)

    // The users list with the new account in it: axe-clean with data, no sideways scroll.
    await admin.page.goto('/admin/users?active=all')
    expect(await admin.page.locator('main').innerText()).toContain('Invited, no password yet')
    await expectNoSideways(admin.page)
    await expectNoAxeViolations(admin.page)

    // The delivery loop (every 5 s) hands the invitation to the SMTP server.
    const invitation = () => smtp.received.find((m) => m.to.includes('corinne@example.org'))
    await expect.poll(() => invitation() !== undefined, { timeout: 20_000, interval: 250 }).toBe(true)
    const link = /http:\/\/localhost:\d+(\/password\/[a-z0-9]{16}\.[a-z0-9]{32})/.exec(
      invitation()!.text,
    )![1]!

    const coordinator = await phone()
    const page = coordinator.page
    await page.goto(link)
    expect(await page.locator('h1').innerText()).toBe('Welcome: choose your password')
    await expectNoSideways(page)
    await expectNoAxeViolations(page)
    await page.getByLabel('New password').fill('trade winds over willemstad')
    await submit(page, 'Set the password')
    expect(await page.getByRole('status').innerText()).toBe(
      'Your password is set. Sign in with corinne@example.org and your new password.',
    )
    await Promise.all([
      page.waitForURL('**/login'),
      page.getByRole('link', { name: 'Sign in' }).first().click(),
    ])
    await signIn(page, 'corinne@example.org', 'trade winds over willemstad')
    expect(new URL(page.url()).pathname).toBe('/')
    expect(await page.locator('.who-name').innerText()).toBe('Corinne Coordinator')
    await expectNoSideways(page)

    expect(admin.errors).toEqual([])
    expect(coordinator.errors).toEqual([])

    // The link is used now: it says so (410 Gone), with the way to a new one.
    expect((await page.goto(link))?.status()).toBe(410)
    expect(await page.locator('h1').innerText()).toBe('This link has already been used')
    expect(await page.getByRole('link', { name: 'Ask for a new link' }).getAttribute('href')).toBe(
      '/password-reset',
    )
    await expectNoAxeViolations(page)
    for (const p of [admin, coordinator]) await p.context.close()
  }, 120_000)
})
