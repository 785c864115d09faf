/**
 * HRC end to end in Chromium at 360 px, once with JavaScript and once without: the dispatcher
 * records a storm by pasting an NHC advisory, applies the proposed readiness, dispatches the units to
 * Saba and sends them on their way; Saba sees them en route. Each page with data is checked by axe
 * (the threat with its proposals, the board with every unit busy) and for sideways scrolling.
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
import { sabaAdvisory } from '../helpers/hrc.ts'

let browser: Browser
beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** No page may scroll sideways on a 360 px phone. */
async function fitsWidth(page: Page) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  expect(width, `${page.url()} is ${width} px wide`).toBeLessThanOrEqual(360)
}

async function submit(page: Page, button: string) {
  await Promise.all([
    page.waitForLoadState('load'),
    page.getByRole('button', { name: button, exact: true }).click(),
  ])
}

for (const javaScript of [true, false]) {
  describe(`the dispatcher's job, JavaScript ${javaScript ? 'on' : 'off'}`, () => {
    let server: TestServer
    beforeAll(async () => {
      server = await startTestServer()
    })
    afterAll(async () => {
      await server?.close()
    })

    it('records a pasted advisory, applies the proposals, dispatches to Saba; Saba sees the units en route', async () => {
      const usar = await newPage(browser, { javaScriptEnabled: javaScript, baseURL: server.url })
      await usar.page.setViewportSize({ width: 360, height: 800 })
      await signIn(usar.page, 'dispatcher@demo.ccpm')
      const { page } = usar

      // A storm: the advisory's text pasted as it comes from the NHC.
      await page.goto('/hrc/threats/new')
      await fitsWidth(page)
      await page
        .getByLabel('NHC forecast/advisory (paste the whole text)')
        .fill(sabaAdvisory(Date.now(), 'TESTA'))
      await Promise.all([
        page.waitForURL(/\/hrc\/threats\/[a-z0-9]{16}$/),
        page.getByRole('button', { name: 'Record a threat' }).click(),
      ])
      expect(await page.locator('h1').innerText()).toBe('Testa — Hurricane category 2')
      const saba = page.locator('tr', { has: page.locator('th', { hasText: /^Saba$/ }) })
      expect(await saba.innerText()).toMatch(/in (5\d|6\d) h/)
      expect(await page.locator('input[name="apply"]:checked').count()).toBe(5)
      await expectNoAxeViolations(page)
      await fitsWidth(page)
      await submit(page, 'Apply the ticked steps')
      expect(await page.locator('input[name="apply"]').count()).toBe(0)
      expect(await page.locator('.timeline').innerText()).not.toContain('Nothing recorded yet.')

      // Every unit to Saba, pre-positioned before landfall, and on its way.
      await page.goto('/hrc/dispatches/new')
      await fitsWidth(page)
      for (const box of await page.locator('input[name="unitIds"]').all()) await box.check()
      await page.getByLabel('Island', { exact: true }).selectOption('SA')
      await page.getByLabel('Carrier (flight, ship)').fill('RNLAF C-130 "Bravo"')
      await Promise.all([
        page.waitForURL(/\/hrc\/dispatches\/[a-z0-9]{16}$/),
        page.getByRole('button', { name: 'Dispatch', exact: true }).click(),
      ])
      expect(await page.locator('main .badge.d-ordered').count()).toBe(1)
      await submit(page, 'On the way')
      expect(await page.locator('main p .badge.d-in_transit').count()).toBe(1)
      await fitsWidth(page)

      // The board with every unit busy.
      await page.goto('/hrc')
      expect(await page.locator('#board .badge.r-in_transit').count()).toBe(6) // one in the figures, five in the table
      await expectNoAxeViolations(page)
      await fitsWidth(page)
      for (const path of ['/hrc/units', '/hrc/threats', '/hrc/dispatches', '/hrc/units/new']) {
        await page.goto(path)
        await fitsWidth(page)
        await expectNoAxeViolations(page)
      }

      // Saba sees them coming.
      const island = await newPage(browser, { javaScriptEnabled: javaScript, baseURL: server.url })
      await island.page.setViewportSize({ width: 360, height: 800 })
      await signIn(island.page, 'saba@demo.ccpm')
      await island.page.getByRole('link', { name: 'HRC units for us' }).click()
      await island.page.waitForURL(/\/hrc\/dispatches$/)
      const row = island.page.locator('tbody tr').first()
      expect(await row.innerText()).toContain('In transit')
      expect(await row.innerText()).toContain('LUSAR-1')
      await expectNoAxeViolations(island.page)
      await fitsWidth(island.page)
      await row.getByRole('link').click()
      await island.page.waitForURL(/\/hrc\/dispatches\/[a-z0-9]{16}$/)
      expect(await island.page.getByRole('button', { name: 'Arrived' }).count()).toBe(1)
      await expectNoAxeViolations(island.page)
      await fitsWidth(island.page)

      expect(usar.errors).toEqual([])
      expect(island.errors).toEqual([])
      await usar.context.close()
      await island.context.close()
    }, 180_000)
  })
}
