/**
 * A satellite link in Chromium: CDP network emulation (600 ms round trip, 32 KB/s), and a dropped
 * response — the server did the work, the browser never heard back. The user goes back and sends
 * the same form again; its one-time key makes the server replay, so there is still one request.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, newPage, signIn, startTestServer, type TestServer } from '../helpers/browser.ts'

let server: TestServer
let browser: Browser
beforeAll(async () => {
  server = await startTestServer()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

async function fillForm(page: Page, title: string) {
  await page.getByLabel('Title').fill(title)
  await page.getByLabel(/^Situation/).fill('Typed for ten minutes on a satellite phone.')
  await page.getByLabel(/Period wanted: From/).fill('2026-12-06')
  await page.getByLabel('Until', { exact: true }).first().fill('2026-12-20')
  await page.locator('#need-0').getByLabel('Role').selectOption('plotter')
}

describe('on a poor link', () => {
  it('a form sent again after a dropped response files one request, JavaScript off', async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false, baseURL: server.url })
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 600,
      downloadThroughput: 32 * 1024,
      uploadThroughput: 16 * 1024,
    })
    await signIn(page, 'saba@demo.ccpm')
    await page.goto('/requests/new')
    const title = `Dropped response ${Date.now()}`
    await fillForm(page, title)

    // The first POST reaches the server, which files the request; the answer is lost on the way
    // back, and the satellite terminal's proxy shows its own timeout page instead.
    let dropped = 0
    await page.route('**/requests', async (route) => {
      if (route.request().method() !== 'POST' || dropped > 0) return route.continue()
      dropped++
      await route.fetch({ maxRedirects: 0 })
      await route.fulfill({
        status: 504,
        contentType: 'text/plain',
        body: 'Gateway timeout (satellite terminal)',
      })
    })
    await page.getByRole('button', { name: 'Save draft' }).click()
    await expect.poll(() => page.locator('body').innerText()).toContain('Gateway timeout')
    expect(dropped).toBe(1)

    // Back to the form and send it again. Chromium usually restores what was typed, but fetches
    // the form anew (a new hidden key); where it does not restore, the user types the same again.
    await page.goBack()
    await page.waitForLoadState('load')
    const restored = await expect
      .poll(() => page.getByLabel('Title').inputValue(), { timeout: 3000 })
      .toBe(title)
      .then(() => true)
      .catch(() => false)
    if (!restored) await fillForm(page, title)
    await Promise.all([
      page.waitForURL(/\/requests\/[a-z0-9]{16}$/),
      page.getByRole('button', { name: 'Save draft' }).click(),
    ])
    expect(await page.locator('h1').innerText()).toBe(title)

    const list = await (await context.request.get('/api/v1/requests')).json()
    expect(list.items.filter((r: { title: string }) => r.title === title)).toHaveLength(1)
    await context.close()
  }, 120_000)
})
