/**
 * The readiness board: what it shows (units by state and place, per island what is there, coming
 * and asked for, open threats with the hours to the winds) and what polling it costs: an unchanged
 * board is a 304 with no body, for the page and for the htmx fragment alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestApp, testApp } from '../../helpers/app.ts'
import { HOUR, orderBody, sabaCapacityNeed, sabaTrack, UNITS } from '../../helpers/hrc.ts'

let t: TestApp
const cookies: Record<string, string> = {}
beforeAll(async () => {
  t = await testApp()
  t.config.pollSeconds = 5 // injected like any other setting: the board reads it from the config
  for (const who of ['dispatcher', 'coordinator', 'observer', 'saba'])
    cookies[who] = await t.login(`${who}@demo.ccpm`)
})
afterAll(() => t.close())

const FRAGMENT = { 'hx-request': 'true', 'hx-request-type': 'partial' }

describe('the board', () => {
  it('is for the dispatcher, coordinators and observers; not for an island', async () => {
    for (const who of ['dispatcher', 'coordinator', 'observer'])
      expect((await t.get('/hrc', cookies[who])).status).toBe(200)
    expect((await t.get('/hrc', cookies.saba)).status).toBe(403)
  })

  it('shows the threat’s hours to winds per island, what Saba asked for, and what is on its way', async () => {
    await t.postJson(
      '/api/v1/hrc/threats',
      { name: 'Testa', track: sabaTrack(t.clock.now) },
      cookies.coordinator,
    )
    const need = await sabaCapacityNeed(t, cookies as never, 2, 'light_usar')
    const order = await t.postJson(
      '/api/v1/hrc/dispatches',
      orderBody(t.clock.now, { unitIds: [UNITS.lusar1], needId: need.needId }),
      cookies.dispatcher,
    )
    const d = (await order.json()) as { id: string }
    await t.postJson(`/api/v1/hrc/dispatches/${d.id}/status`, { status: 'accepted' }, cookies.saba)
    const html = await (await t.get('/hrc', cookies.dispatcher)).text()
    expect(html).toContain('Testa</a> — Hurricane category 2')
    expect(html).toMatch(/Saba<\/th><td data-label="Tropical-storm-force winds">in 60 h<\/td>/)
    expect(html).toMatch(/Bonaire<\/th><td data-label="Tropical-storm-force winds">—<\/td>/)
    expect(html).toContain(`<a href="/hrc/dispatches/new?needId=${need.needId}">Saba: 2 × Light USAR for`)
    expect(html).toContain('(1 filled, 0 offered)')
    expect(html).toMatch(
      /data-label="On the way"><div><a href="\/hrc\/dispatches\/[a-z0-9]+">LUSAR-1<\/a> <span class="badge d-accepted">Accepted/,
    )
    expect(html).toContain('hx-trigger="every 5s"')
    // An observer sees the same, without the links to dispatch.
    expect(await (await t.get('/hrc', cookies.observer)).text()).not.toContain('/hrc/dispatches/new')
  })

  it('answers an unchanged poll with 304 and no body, the fragment without the layout', async () => {
    const first = await t.get('/hrc', cookies.dispatcher, FRAGMENT)
    expect(first.status).toBe(200)
    const tag = first.headers.get('etag')!
    expect(tag).toMatch(/^W\/"hrc-[0-9a-z]+"$/)
    const body = await first.text()
    expect(body).toMatch(/^<div id="board"/)
    expect(body).not.toContain('<html')
    const again = await t.get('/hrc', cookies.dispatcher, { ...FRAGMENT, 'if-none-match': tag })
    expect(again.status).toBe(304)
    expect(await again.text()).toBe('')
    // The full page has its own tag (it carries the clocks), also 304 when unchanged.
    const page = await t.get('/hrc', cookies.dispatcher)
    expect(page.headers.get('etag')).not.toBe(tag)
    expect(
      (await t.get('/hrc', cookies.dispatcher, { 'if-none-match': page.headers.get('etag')! })).status,
    ).toBe(304)
  })

  it('draws again after any change it shows: a readiness step, an hour passing, another language', async () => {
    const tagOf = async (headers: Record<string, string> = {}) =>
      (await t.get('/hrc', cookies.dispatcher, { ...FRAGMENT, ...headers })).headers.get('etag')!
    const before = await tagOf()
    await t.postJson(
      `/api/v1/hrc/units/${UNITS.water1}/status`,
      { status: 'unavailable' },
      cookies.dispatcher,
    )
    const stepped = await tagOf()
    expect(stepped).not.toBe(before)
    const changed = await t.get('/hrc', cookies.dispatcher, { ...FRAGMENT, 'if-none-match': before })
    expect(changed.status).toBe(200)
    expect(await changed.text()).toContain('r-unavailable')
    t.clock.now += 10 * 60_000 // ten minutes: the hours shown are the same
    expect(await tagOf()).toBe(stepped)
    t.clock.now += HOUR
    const later = await t.get('/hrc', cookies.dispatcher, FRAGMENT)
    expect(later.headers.get('etag')).not.toBe(stepped)
    expect(await later.text()).toMatch(/Saba<\/th><td data-label="Tropical-storm-force winds">in 59 h/)
    const dutch = (await t.get('/hrc', `${cookies.dispatcher}; ccpm_lang=nl`, FRAGMENT)).headers.get('etag')
    expect(dutch).not.toBe(later.headers.get('etag'))
  })
})
