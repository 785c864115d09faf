/** The overview: each role's figures, scoped as the lists are; a functionary's own questions, time away and deployments. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { acknowledgedRequest } from '../../helpers/alerts.ts'
import { type TestApp, testApp } from '../../helpers/app.ts'
import { ANNA, answerAlert, propose, stepTo } from '../../helpers/assignments.ts'
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

  it('promises the observer only what their home and navigation hold', async () => {
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

describe('the functionary’s overview', () => {
  it('shows their pending alerts answerable there, their time away ahead and their deployments', async () => {
    const saba = await t.login('saba@demo.ccpm')
    const coordinator = await t.login('coordinator@demo.ccpm')
    const me = await t.login(ANNA.email)
    const empty = await (await t.get('/', me)).text()
    expect(empty).toContain('No questions are waiting for your answer.')
    expect(empty).toContain('No unavailability ahead.')
    expect(empty).toContain('No deployments ahead.')

    // A question waiting, another answered and proposed and offered (a deployment), a week away later.
    const waiting = await acknowledgedRequest(t, saba, coordinator)
    const sent = await t.postJson(
      `/api/v1/needs/${waiting.needId}/alerts`,
      { functionaryIds: [ANNA.id], deadline: '2026-09-07T12:00:00Z' },
      coordinator,
    )
    const alertId = (await sent.json()).items[0].id as string
    const deployed = await acknowledgedRequest(t, saba, coordinator)
    await answerAlert(t, coordinator, deployed.needId, ANNA)
    const proposal = await propose(t, coordinator, deployed.needId, ANNA.id)
    expect((await stepTo(t, coordinator, proposal.body.id, { status: 'offered' })).status).toBe(200)
    const away = await t.postJson(
      `/api/v1/functionaries/${ANNA.id}/unavailability`,
      { start: '2026-10-01', end: '2026-10-05', reason: 'leave', note: 'Family' },
      me,
    )
    expect(away.status).toBe(201)

    const html = await (await t.get('/', me)).text()
    const pending = html.slice(html.indexOf('id="home-alerts"'), html.indexOf('id="home-away"'))
    expect(pending.match(/<li id="alert-/g)).toHaveLength(1) // the answered one is on My alerts
    expect(pending).toContain(`action="/me/alerts/${alertId}"`)
    expect(pending).toContain('<input type="hidden" name="back" value="/"/>')
    expect(pending).toContain(
      '<time datetime="2026-09-07T12:00:00.000Z">7 Sep 08:00 Islands · 14:00 Amsterdam</time>',
    )
    expect(html).toContain('<b>1–5 Oct 2026</b> — Leave (Family)')
    expect(html).toContain(
      `<a href="/assignments/${proposal.body.id}">Information manager, Saba</a> 6–20 Sep 2026`,
    )
    expect(html).toMatch(/class="badge as-offered">[^<]+<\/span>/)

    // Answered on the overview: back to it, with the confirmation; a refusal re-renders it (422).
    const key = /name="_key" value="([^"]+)"/.exec(pending)![1]!
    const none = await t.post(`/me/alerts/${alertId}`, { _key: key, back: '/', note: 'hm' }, me)
    expect(none.status).toBe(422)
    const refused = await none.text()
    expect(refused).toContain('Questions waiting for your answer')
    expect(refused).toMatch(/Choose available or not available\.[\s\S]*>hm<\/textarea>/)
    const res = await t.post(`/me/alerts/${alertId}`, { _key: key, back: '/', answer: 'available' }, me)
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/?answered=${alertId}#alert-${alertId}`)
    const after = await (await t.get(`/?answered=${alertId}`, me)).text()
    expect(after).toContain('Recorded: available. Thank you.')
    expect((await (await t.get('/', me)).text()).match(/<li id="alert-/g)).toBeNull()

    const nl = await (await t.get('/', `${me}; ccpm_lang=nl`)).text()
    expect(nl).toContain('Mijn onbeschikbaarheid')
    expect(nl).toContain('Mijn inzetten')
    const pap = await (await t.get('/', `${me}; ccpm_lang=pap`)).text()
    expect(pap).toContain('Preguntanan ku ta warda bo kontesta')
  })
})
