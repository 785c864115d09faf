/**
 * Alerts end to end on real parts: a coordinator alerts a pool member, the mail reaches a real
 * SMTP server through the outbox, its link is followed in Chromium with JavaScript off and no
 * sign-in, and the answer appears on the coordinator's open need page by htmx polling.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { linkIn } from '../helpers/alerts.ts'
import {
  expectNoAxeViolations,
  launchBrowser,
  newPage,
  signIn,
  startTestServer,
  type TestServer,
} from '../helpers/browser.ts'
import { sabaRequest } from '../helpers/requests.ts'
import { startSmtp } from '../helpers/smtp.ts'

let smtp: Awaited<ReturnType<typeof startSmtp>>
let server: TestServer
let browser: Browser
beforeAll(async () => {
  smtp = await startSmtp()
  server = await startTestServer({ SMTP_URL: smtp.url })
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
  await smtp?.close()
})

describe('an availability alert by e-mail', () => {
  it('is answered from the mail link without JavaScript and shows on the coordinator’s page', async () => {
    // Saba files and submits, LOCC-KCR2 acknowledges (through the API, with the browser's session)
    const saba = await newPage(browser, { javaScriptEnabled: false, baseURL: server.url })
    await signIn(saba.page, 'saba@demo.ccpm')
    const created = await (
      await saba.context.request.post('/api/v1/requests', { data: sabaRequest() })
    ).json()
    await saba.context.request.post(`/api/v1/requests/${created.id}/status`, {
      data: { status: 'submitted' },
    })
    const coord = await newPage(browser, { javaScriptEnabled: true, baseURL: server.url })
    await signIn(coord.page, 'coordinator@demo.ccpm')
    await coord.context.request.post(`/api/v1/requests/${created.id}/status`, {
      data: { status: 'acknowledged' },
    })

    // the coordinator opens the need from the request page and alerts the first candidate
    await coord.page.goto(`/requests/${created.id}`)
    await coord.page.getByRole('link', { name: 'Find and alert people' }).first().click()
    await coord.page.waitForURL(/\/needs\//)
    await expectNoAxeViolations(coord.page)
    const first = coord.page.locator('input[name="functionaryIds"]').first()
    const name = (await first.locator('xpath=..').innerText()).split(' — ')[0]!.trim()
    await first.check()
    await Promise.all([
      coord.page.waitForLoadState('load'),
      coord.page.getByRole('button', { name: 'Alert the ticked people' }).click(),
    ])
    expect(await coord.page.locator('#answers').innerText()).toContain(
      '0 available, 0 not available, 1 waiting',
    )

    // the outbox delivers it to the SMTP server
    const alertMails = () => smtp.received.filter((m) => m.subject.startsWith('Available'))
    await expect.poll(() => alertMails().length, { timeout: 20_000, interval: 250 }).toBe(1)
    const mail = alertMails()[0]!
    expect(mail.subject).toBe('Available 6–20 Sep for Saba as information manager?')
    expect(smtp.received.some((m) => m.subject.startsWith('URGENT – Saba requests'))).toBe(true)
    const link = linkIn(mail.text)

    // the functionary follows the link with JavaScript off, without signing in
    const phone = await newPage(browser, { javaScriptEnabled: false, baseURL: server.url })
    await phone.page.goto(`${link}?a=available`)
    expect(await phone.page.locator('h1').innerText()).toBe(
      'Are you available as information manager for Saba, 6–20 Sep?',
    )
    expect(await phone.page.getByLabel('Yes, I am available').isChecked()).toBe(true)
    await expectNoAxeViolations(phone.page)
    await phone.page.getByLabel('Note for LOCC-KCR2 (optional)').fill('Passport valid, can leave Sunday')
    await Promise.all([
      phone.page.waitForLoadState('load'),
      phone.page.getByRole('button', { name: 'Send my answer' }).click(),
    ])
    expect(await phone.page.locator('main').innerText()).toContain('Recorded: available. Thank you.')
    // a second visit shows the recorded answer, and a form to change it until the deadline
    await phone.page.goto(link)
    expect(await phone.page.locator('main').innerText()).toContain(
      'Your answer: available. You can change it until',
    )
    expect(await phone.page.getByLabel('Yes, I am available').isChecked()).toBe(true)
    expect(await phone.page.getByRole('button', { name: 'Change my answer' }).count()).toBe(1)

    // the coordinator's open page picks the answer up by polling (every 20 s), without a reload
    await expect
      .poll(() => coord.page.locator('#answers').innerText(), { timeout: 30_000, interval: 1000 })
      .toContain('Passport valid, can leave Sunday')
    const board = await coord.page.locator('#answers').innerText()
    expect(board).toContain('1 available, 0 not available, 0 waiting')
    expect(board).toContain(name)
    expect(coord.errors).toEqual([])
    expect(phone.errors).toEqual([])
    for (const p of [saba, coord, phone]) await p.context.close()
  }, 120_000) // the board polls every 20 s; a loaded CI machine needs headroom
})
