/**
 * Matching and assignments in Chromium, with JavaScript off and on: the coordinator opens the candidates of a Saba
 * need, proposes the top person and offers them with a recorded phone confirmation; Saba accepts
 * from its offers page; the person sees the deployment on /me. Without JavaScript on a 360 px
 * phone, where no page may scroll sideways. The mails (the offer to the island,
 * the confirmation with its .ics) reach a real SMTP server. axe on every page with data.
 */
import type { Browser, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
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

/**
 * Each run asks for a role whose top candidate, by the demo data, has an account: Jurgen Hodge
 * (functionary3, information manager on Saba) and Mirjam Every (functionary5, crisis
 * communication adviser on Saba), both Dutch native with Papiamentu.
 */
const runs = [
  {
    js: false,
    role: 'information_manager',
    roleName: 'Information manager',
    top: { name: 'Jurgen Hodge', email: 'functionary3@demo.ccpm' },
    parts: 'travel 30 · local 20 · languages 15 · rest 10 · fairness 10',
  },
  {
    js: true,
    role: 'crisis_communication_adviser',
    roleName: 'Crisis communication adviser',
    top: { name: 'Mirjam Every', email: 'functionary5@demo.ccpm' },
    parts: 'travel 30 · local 20 · languages 12 · rest 10 · fairness 10',
  },
]

/** With JavaScript off the run is on a 360 px phone: no page may scroll sideways. */
async function fitsPhone(where: Page | Locator, phone: boolean) {
  if (!phone) return
  const width =
    'goto' in where
      ? await where.evaluate(() => document.documentElement.scrollWidth)
      : await where.evaluate((e) => e.scrollWidth)
  expect(width, `${width} px wide`).toBeLessThanOrEqual(360)
}

describe('from candidates to a deployment on /me', () => {
  for (const run of runs) {
    it(`works with JavaScript ${run.js ? 'on' : 'off'}`, async () => {
      const { js, top: TOP } = run
      const phone = !js
      // Saba files and submits an information-manager need; LOCC-KCR2 acknowledges
      const saba = await newPage(browser, { javaScriptEnabled: js, baseURL: server.url })
      if (phone) await saba.page.setViewportSize({ width: 360, height: 780 })
      await signIn(saba.page, 'saba@demo.ccpm')
      const created = await (
        await saba.context.request.post('/api/v1/requests', {
          data: sabaRequest({
            needs: [
              {
                kind: 'functionary',
                role: run.role,
                count: 1,
                minLevel: 'qualified',
                languages: ['en'],
                preferredLanguages: ['nl', 'pap'],
              },
            ],
          }),
        })
      ).json()
      await saba.context.request.post(`/api/v1/requests/${created.id}/status`, {
        data: { status: 'submitted' },
      })
      const coord = await newPage(browser, { javaScriptEnabled: js, baseURL: server.url })
      if (phone) await coord.page.setViewportSize({ width: 360, height: 780 })
      await signIn(coord.page, 'coordinator@demo.ccpm')
      await coord.context.request.post(`/api/v1/requests/${created.id}/status`, {
        data: { status: 'acknowledged' },
      })

      // the candidates of the need, from the request page
      await coord.page.goto(`/requests/${created.id}`)
      await Promise.all([
        coord.page.waitForURL(/\/needs\/[a-z0-9]{16}$/),
        coord.page.getByRole('link', { name: 'Find and alert people' }).click(),
      ])
      await expectNoAxeViolations(coord.page)
      await fitsPhone(coord.page, phone)
      const candidatesPath = new URL(coord.page.url()).pathname
      const first = coord.page.locator('#ranked ~ form tbody tr').first()
      expect((await first.locator('label').innerText()).trim()).toBe(TOP.name)
      expect(await first.innerText()).toContain(run.parts)
      expect(await first.innerText()).toContain('not asked')
      await coord.page.locator('#excluded summary').click()
      expect(await coord.page.locator('#excluded').innerText()).toMatch(/not enough English/)

      // propose the top person: the assignment page, then the offer with a phone call recorded
      await Promise.all([
        coord.page.waitForURL(/\/assignments\/[a-z0-9]{16}$/),
        first.getByRole('button', { name: `Propose ${TOP.name}` }).click(),
      ])
      await expectNoAxeViolations(coord.page)
      await fitsPhone(coord.page, phone)
      await coord.page.getByRole('radio', { name: 'phone' }).check()
      await coord.page.getByLabel('Note (who, when)').fill('Called at 09:10, can go')
      await Promise.all([
        coord.page.waitForLoadState('load'),
        coord.page.getByRole('button', { name: 'Offer to Saba' }).click(),
      ])
      expect(await coord.page.locator('dl.summary').innerText()).toContain('offered')
      expect(await coord.page.locator('dl.summary').innerText()).toContain('phone: Called at 09:10')
      const assignmentUrl = coord.page.url()
      // the coordinator's other new pages, with data in them: the excluded, the board, the plan
      for (const path of [`${candidatesPath}/excluded`, '/assignments', '/plan']) {
        await coord.page.goto(path)
        await expectNoAxeViolations(coord.page)
        await fitsPhone(coord.page, phone)
      }

      // Saba accepts from its offers page
      await saba.page.goto('/offers')
      const offer = saba.page.locator('section.offer', { hasText: TOP.name })
      expect(await offer.innerText()).toContain(`${run.roleName}, qualified`)
      await expectNoAxeViolations(saba.page)
      await fitsPhone(saba.page, phone)
      // the same URL comes back (303 to /offers): wait for the document that answers the post
      await Promise.all([
        saba.page.waitForResponse((r) => r.url().endsWith('/offers') && r.request().method() === 'GET'),
        offer.getByRole('button', { name: `Accept ${TOP.name}` }).click(),
      ])
      await saba.page.waitForLoadState('load')
      const after = await saba.page.locator('main').innerText()
      expect(after).toContain('Waiting for your decision (0)')
      expect(after.slice(after.indexOf('On their way or on site'))).toContain(TOP.name)
      await expectNoAxeViolations(saba.page)

      // the person sees the deployment on /me, with the calendar file
      const person = await newPage(browser, { javaScriptEnabled: js, baseURL: server.url })
      if (phone) await person.page.setViewportSize({ width: 360, height: 780 })
      await signIn(person.page, TOP.email)
      await person.page.goto('/me')
      const deployments = person.page.locator('#deployments')
      expect(await deployments.innerText()).toContain(`${run.roleName}, Saba`)
      expect(await deployments.innerText()).toContain('6–20 Sep 2026')
      const ics = await person.context.request.get(
        (await deployments
          .getByRole('link', { name: 'Download the calendar file (.ics)' })
          .getAttribute('href'))!,
      )
      expect(ics.headers()['content-type']).toBe('text/calendar; charset=utf-8')
      await expectNoAxeViolations(person.page)
      // (/me at 360 px has its own test in tests/browser/phone.test.ts)
      await fitsPhone(person.page.locator('#deployments'), phone)

      // the mails went out through the outbox: the offer to Saba, the confirmation with its .ics
      const id = assignmentUrl.split('/').pop()!
      await expect
        .poll(
          () =>
            smtp.received.filter(
              (m) =>
                m.to.includes(TOP.email) && m.attachments.some((a) => a.filename === `deployment-${id}.ics`),
            ).length,
          { timeout: 20_000, interval: 250 },
        )
        .toBe(1)
      expect(
        smtp.received.some((m) => m.to.includes('saba@demo.ccpm') && m.text.includes(`/assignments/${id}`)),
      ).toBe(true)
      for (const p of [saba, coord, person]) {
        expect(p.errors).toEqual([])
        await p.context.close()
      }
    }, 90_000)
  }
})
