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

/** 600 ms round trip, 32 KB/s down, 16 KB/s up: a satellite terminal after a hurricane. */
async function satellite(context: import('playwright-core').BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: 600,
    downloadThroughput: 32 * 1024,
    uploadThroughput: 16 * 1024,
  })
}

describe('on a poor link', () => {
  it('files a four-need request from the overview in at most 5 document requests, JavaScript off', async () => {
    const { context, page } = await newPage(browser, { javaScriptEnabled: false, baseURL: server.url })
    await page.setViewportSize({ width: 360, height: 740 })
    await satellite(context, page)
    await signIn(page, 'saba@demo.ccpm')
    expect(new URL(page.url()).pathname).toBe('/') // the signed-in overview: the count starts here

    // Pages, form posts and the GET after each redirect; cached static files are not documents.
    const documents: string[] = []
    page.on('request', (r) => {
      if (r.isNavigationRequest() || r.resourceType() === 'document')
        documents.push(`${r.method()} ${new URL(r.url()).pathname}`)
    })
    const started = Date.now()
    await Promise.all([
      page.waitForURL('**/requests/new'),
      page.getByRole('link', { name: 'New request' }).click(),
    ])
    const title = `Four needs ${Date.now()}`
    await page.getByLabel('Title').fill(title)
    await page.getByLabel(/^Situation/).fill('Hurricane Erin: roofs gone, EOT exhausted after 40 hours.')
    await page.getByLabel('Priority').selectOption('urgent')
    await page.getByLabel(/Period wanted: From/).fill('2026-09-06')
    await page.getByLabel('Until', { exact: true }).first().fill('2026-09-20')
    const row = (i: number) => page.locator(`#need-${i}`)
    await row(0).getByLabel('Role').selectOption('information_manager')
    await row(0).getByLabel('Number').fill('2')
    await row(1).getByLabel('HRC capacity').check()
    await row(1).getByLabel('Unit type').selectOption('light_usar')
    await row(2).getByLabel('Other').check()
    await row(2).getByLabel('Description').fill('Satellite phones')
    await row(2).getByLabel('Quantity').fill('4')
    await row(3).getByLabel('Functionary').check()
    await row(3).getByLabel('Role').selectOption('plotter')
    await Promise.all([
      page.waitForURL(/\/requests\/[a-z0-9]{16}$/),
      page.getByRole('button', { name: 'Save draft' }).click(),
    ])
    expect(await page.locator('main table tbody tr').count()).toBe(4)
    await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Submit' }).click()])
    await expect.poll(() => page.locator('main .badge.s-submitted').count()).toBe(1)
    const seconds = (Date.now() - started) / 1000

    console.log(
      `four-need request: ${documents.length} document requests, ${seconds.toFixed(1)} s\n  ${documents.join('\n  ')}`,
    )
    expect(documents).toEqual([
      'GET /requests/new',
      'POST /requests',
      expect.stringMatching(/^GET \/requests\/[a-z0-9]{16}$/),
      expect.stringMatching(/^POST \/requests\/[a-z0-9]{16}\/status$/),
      expect.stringMatching(/^GET \/requests\/[a-z0-9]{16}$/),
    ])
    expect(documents.length).toBeLessThanOrEqual(5)
    await context.close()
  }, 120_000)

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
      page.waitForURL(/\/requests\/[a-z0-9]{16}\?replayed=\d+$/),
      page.getByRole('button', { name: 'Save draft' }).click(),
    ])
    expect(await page.locator('h1').innerText()).toBe(title)
    // The earlier request opens, and the page says it was already sent.
    const notice = page.locator('#replayed')
    expect(await notice.innerText()).toMatch(/^You already sent this at .+; it was not done a second time\./)
    expect(await notice.getByRole('link', { name: 'Open it' }).getAttribute('href')).toBe(
      new URL(page.url()).pathname,
    )

    const list = await (await context.request.get('/api/v1/requests?limit=200')).json()
    expect(list.items.filter((r: { title: string }) => r.title === title)).toHaveLength(1)
    await context.close()
  }, 120_000)
})
