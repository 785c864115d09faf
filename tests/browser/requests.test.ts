/**
 * Requests end to end in Chromium: Saba files a request with two functionary needs and one HRC
 * need and submits it, the coordinator acknowledges it, Saba sees "acknowledged": once with
 * JavaScript (htmx adds the rows in place), once without (the form comes back with the row).
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

/**
 * "Add … need" fills the first blank row with that kind. With JavaScript htmx swaps the form in
 * place and focus moves to the row's first field; without, the page comes back at the row
 * (#new-need).
 */
async function addNeed(page: Page, button: string, javaScript: boolean, index: number, first: string) {
  const before = page.url()
  await page.getByRole('button', { name: button }).click()
  const kind = page.locator(`#need-${index} fieldset.kind input:checked`)
  await expect.poll(() => kind.count()).toBe(1)
  if (javaScript) {
    expect(page.url()).toBe(before) // swapped in place by htmx, no navigation
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe(`f-needs.${index}.${first}`)
  } else {
    expect(new URL(page.url()).hash).toBe('#new-need')
    const box = await page.locator(`#need-${index} legend`).first().boundingBox()
    const viewport = page.viewportSize()!
    // The new row's heading is on screen (scrolled to the top), not 2,000 px down.
    expect(box!.y + box!.height).toBeGreaterThan(0)
    expect(box!.y).toBeLessThan(viewport.height / 2)
  }
}

async function fileRequest(page: Page, javaScript: boolean, title: string) {
  await page.goto('/requests/new')
  await page.getByLabel('Title').fill(title)
  await page.getByLabel(/^Situation/).fill('Hurricane Erin: roofs gone, EOT exhausted after 40 hours.')
  await page.getByLabel('Priority').selectOption('urgent')
  await page.getByLabel(/Period wanted: From/).fill('2026-09-06')
  await page.getByLabel('Until', { exact: true }).first().fill('2026-09-20')
  const first = page.locator('#need-0')
  await first.getByLabel('Role').selectOption('information_manager')
  await first.getByLabel('Number').fill('2')
  await first.locator('fieldset.langs').first().getByLabel('English').check()
  await addNeed(page, 'Add functionary need', javaScript, 1, 'role')
  await expect.poll(() => page.getByLabel('Title').inputValue()).toBe(title) // nothing typed lost
  const second = page.locator('#need-1')
  await second.getByLabel('Role').selectOption('crisis_communication_adviser')
  await addNeed(page, 'Add HRC need', javaScript, 2, 'unitType')
  await page.locator('#need-2').getByLabel('Unit type').selectOption('reconnaissance')
  await expectNoAxeViolations(page)
  await Promise.all([
    page.waitForURL(/\/requests\/[a-z0-9]{16}$/),
    page.getByRole('button', { name: 'Save draft' }).click(),
  ])
  expect(await page.locator('main table tbody tr').count()).toBe(3)
  expect(await page.locator('main').innerText()).toContain('0 of 2')
  await Promise.all([page.waitForLoadState('load'), page.getByRole('button', { name: 'Submit' }).click()])
  await expect.poll(() => page.locator('main .badge.s-submitted').count()).toBe(1)
  return page.url()
}

for (const javaScript of [true, false]) {
  describe(`filing and acknowledging a request, JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    it('goes from Saba to LOCC-KCR2 and back', async () => {
      const title = `Back-up EOT Saba (${javaScript ? 'js' : 'no js'})`
      const saba = await newPage(browser, { javaScriptEnabled: javaScript, baseURL: server.url })
      await signIn(saba.page, 'saba@demo.ccpm')
      const url = await fileRequest(saba.page, javaScript, title)
      await expectNoAxeViolations(saba.page)

      const coord = await newPage(browser, { javaScriptEnabled: javaScript, baseURL: server.url })
      await signIn(coord.page, 'coordinator@demo.ccpm')
      await coord.page.goto('/requests')
      await expectNoAxeViolations(coord.page)
      const row = coord.page.locator('tr', { hasText: title })
      await Promise.all([
        coord.page.waitForLoadState('load'),
        row.getByRole('button', { name: 'Acknowledge' }).click(),
      ])
      await expect.poll(() => coord.page.locator('tr', { hasText: title }).count()).toBe(0) // left the inbox

      await saba.page.goto(url)
      expect(await saba.page.locator('main .badge.s-acknowledged').innerText()).toBe('acknowledged')
      expect(await saba.page.locator('.timeline').innerText()).toContain('Carla Coordinator')
      expect(saba.errors).toEqual([])
      expect(coord.errors).toEqual([])
      await saba.context.close()
      await coord.context.close()
    }, 120_000)
  })
}
