/** The overview: each role's figures, scoped as the lists are. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestApp, testApp } from '../../helpers/app.ts'
import { sabaRequest } from '../../helpers/requests.ts'

let t: TestApp
beforeAll(async () => {
  t = await testApp()
  const saba = await t.login('saba@demo.ccpm')
  for (let i = 0; i < 3; i++) {
    const r = await (await t.postJson('/api/v1/requests', sabaRequest(), saba)).json()
    if (i > 0) await t.postJson(`/api/v1/requests/${r.id}/status`, { status: 'submitted' }, saba)
  }
})
afterAll(() => t.close())

const figures = async (email: string) => {
  const html = await (await t.get('/', await t.login(email))).text()
  const count = (status: string) =>
    Number(new RegExp(`href="/requests\\?status=${status}"><b>(\\d+)</b>`).exec(html)?.[1] ?? Number.NaN)
  return { html, draft: count('draft'), submitted: count('submitted') }
}

describe('the overview', () => {
  it('counts the island’s own requests, drafts included', async () => {
    expect(await figures('saba@demo.ccpm')).toMatchObject({ draft: 1, submitted: 2 })
    expect(await figures('sintmaarten@demo.ccpm')).toMatchObject({ draft: 0, submitted: 0 })
  })

  it('shows coordinators and observers the submitted ones but not the island’s drafts', async () => {
    expect(await figures('coordinator@demo.ccpm')).toMatchObject({ draft: 0, submitted: 2 })
    expect(await figures('observer@demo.ccpm')).toMatchObject({ draft: 0, submitted: 2 })
  })

  it('gives roles without requests no figures', async () => {
    for (const email of ['admin@demo.ccpm', 'functionary1@demo.ccpm']) {
      expect((await figures(email)).html).not.toContain('href="/requests?status=')
    }
  })

  it('promises the observer only what their home and navigation hold (issue 11, item 19)', async () => {
    const cookie = await t.login('observer@demo.ccpm')
    const html = await (await t.get('/', cookie)).text()
    expect(html).toContain(
      'Read only: the requests for assistance by status, the incidents, and the readiness',
    )
    expect(html).not.toMatch(/deployment/i)
    // Each promise is kept: the figures by status, the incidents in the navigation, the units' readiness.
    expect(html).toContain('href="/requests?status=submitted"')
    expect(html).toContain('href="/incidents"')
    expect(html).toContain('RECCE-1')
    for (const [locale, absent] of [
      ['nl', /inzet/i],
      ['pap', /asignashon/i],
    ] as const) {
      const text = await (await t.get('/', `${cookie}; ccpm_lang=${locale}`)).text()
      expect(text).not.toMatch(absent)
      expect(text).toContain('HRC')
    }
  })
})
