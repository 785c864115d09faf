/** Requests through the HTML forms, as a browser without JavaScript sends them (and as htmx does). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditTrail } from '../../../db/queries/audit.ts'
import { outbox, requests } from '../../../db/schema/index.ts'
import { translatorFor } from '../../../views/i18n/index.ts'
import { type TestApp, testApp } from '../../helpers/app.ts'

let t: TestApp
let saba: string
let coordinator: string
beforeAll(async () => {
  t = await testApp()
  saba = await t.login('saba@demo.ccpm')
  coordinator = await t.login('coordinator@demo.ccpm')
})
afterAll(() => t.close())

const form = (over: Record<string, string | string[]> = {}) => ({
  title: 'Relief for the EOT',
  situation: 'Power out island-wide since Tuesday.',
  phase: 'warm',
  priority: 'high',
  periodStart: '2026-09-06',
  periodEnd: '2026-09-20',
  incidentId: '',
  contact: 'EOC Saba, +599 416 3311',
  'needs[0][kind]': 'functionary',
  'needs[0][role]': 'information_manager',
  'needs[0][count]': '2',
  'needs[0][minLevel]': 'qualified',
  'needs[0][languages]': ['en', 'nl'],
  'needs[1][kind]': 'capacity',
  'needs[1][unitType]': 'communications',
  'needs[1][count]': '1',
  ...over,
})
/** "6 Sep 08:01": the time on the islands (UTC−4), as the pages write it. */
const islandTime = (at: number) => translatorFor('en').f.dayTime(at, 'America/Kralendijk')
const idOf = (res: Response) => res.headers.get('location')!.split('/').pop()!

describe('the request form without JavaScript', () => {
  it('shows a form for a new request with the account as contact', async () => {
    const res = await t.get('/requests/new', saba)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('name="needs[0][role]"')
    expect(html).toContain('value="Crisis team Saba, saba@demo.ccpm"')
    expect(html).toMatch(/name="_key" value="[a-z0-9]{24}"/)
  })

  it('adds a need row and keeps everything typed; nothing is written', async () => {
    const before = (await t.db.select().from(requests)).length
    const res = await t.post('/requests', form({ _key: 'add-row-key-1', _action: 'add:other' }), saba)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toMatch(/name="needs\[2\]\[kind\]" value="other" checked/)
    expect(html).toContain('<legend id="new-need">Need 3</legend>') // the page lands on it
    expect(html).toMatch(
      /<input id="f-needs\.2\.description" name="needs\[2\]\[description\]"[^>]* autofocus/,
    )
    expect(html).toContain('formaction="/requests#new-need"')
    expect(html).toContain('value="Relief for the EOT"')
    expect(html).toContain('Power out island-wide since Tuesday.')
    expect(html).toMatch(/name="needs\[0\]\[languages\]" value="nl" checked/)
    expect((await t.db.select().from(requests)).length).toBe(before)
    // the same key then saves for real: the re-render did not use it up
    const saved = await t.post('/requests', form({ _key: 'add-row-key-1', _action: 'save' }), saba)
    expect(saved.status).toBe(303)
  })

  it('removes a need row', async () => {
    const html = await (await t.post('/requests', form({ _action: 'remove:0' }), saba)).text()
    expect(html).toMatch(/name="needs\[0\]\[kind\]" value="capacity" checked/)
    expect(html).not.toMatch(/name="needs\[[1-9]\]\[kind\]" value="\w+" checked/) // the rest are blank rows
    expect(html).toMatch(
      /name="needs\[0\]\[unitType\]"[^>]*>(?:(?!<\/select>).)*value="communications" selected/s,
    )
  })

  it('answers the htmx row request with the form fragment only', async () => {
    const res = await t.post(
      '/requests/form',
      form({ _form: '/requests', _action: 'add:functionary' }),
      saba,
      { 'hx-request': 'true', 'hx-request-type': 'partial' },
    )
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html.startsWith('<form id="request-form"')).toBe(true)
    expect(html).toContain('name="needs[2][role]"')
  })

  it('refuses bad input with 422, an error summary, the message at the field, and the text kept', async () => {
    const res = await t.post(
      '/requests',
      form({ title: '', periodEnd: '2026-09-01', 'needs[0][count]': '0' }),
      saba,
    )
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('class="error-summary"')
    expect(html).toContain('href="#f-title"')
    expect(html).toContain('href="#f-needs.0.count"')
    expect(html).toContain('Power out island-wide since Tuesday.')
    expect(html).toContain('value="2026-09-01"')
  })

  it('files one request for one form key, however often it is posted', async () => {
    const before = (await t.db.select().from(requests)).length
    const body = form({ _key: 'file-once-key-1', title: 'Only once' })
    const [a, b] = [await t.post('/requests', body, saba), await t.post('/requests', body, saba)]
    expect(a.status).toBe(303)
    expect(b.status).toBe(303)
    expect(b.headers.get('location')).toBe(`${a.headers.get('location')}?replayed=${t.clock.now}`)
    expect((await t.db.select().from(requests)).length).toBe(before + 1)
  })
})

describe('the request page and its status forms', () => {
  it('shows needs with their fill, submits, and the coordinator acknowledges from the inbox', async () => {
    const id = idOf(await t.post('/requests', form({ priority: 'urgent' }), saba))
    let html = await (await t.get(`/requests/${id}`, saba)).text()
    expect(html).toContain('0 of 2')
    expect(html).toContain('Information manager')
    const submit = await t.post(
      `/requests/${id}/status`,
      { status: 'submitted', version: '1', _key: 'submit-key-0001' },
      saba,
    )
    expect(submit.status).toBe(303)
    const inbox = await (await t.get('/requests', coordinator)).text()
    expect(inbox).toContain(`/requests/${id}`)
    expect(inbox).toContain('name="status" value="acknowledged"')
    const ack = await t.post(
      `/requests/${id}/status`,
      { status: 'acknowledged', version: '2', back: '/requests' },
      coordinator,
    )
    expect(ack.status).toBe(303)
    expect(ack.headers.get('location')).toBe(`/requests?done=${id}`) // the inbox says what became of it
    html = await (await t.get(`/requests/${id}`, saba)).text()
    expect(html).toContain('acknowledged')
    expect(html).toContain('Carla Coordinator')
  })

  it('answers a stale action with a 409 page that shows the current state', async () => {
    const id = idOf(await t.post('/requests', form(), saba))
    await t.post(`/requests/${id}/status`, { status: 'submitted', version: '1' }, saba)
    await t.post(`/requests/${id}/status`, { status: 'acknowledged', version: '2' }, coordinator)
    const second = await t.login('coordinator@demo.ccpm')
    const res = await t.post(
      `/requests/${id}/status`,
      { status: 'rejected', version: '2', reason: 'duplicate' },
      second,
    )
    expect(res.status).toBe(409)
    const html = await res.text()
    expect(html).toContain('This request is now: acknowledged.')
    expect(html).toContain('Relief for the EOT')
  })

  it('asks for the reason again (422) when rejecting without one', async () => {
    const id = idOf(await t.post('/requests', form(), saba))
    await t.post(`/requests/${id}/status`, { status: 'submitted', version: '1' }, saba)
    const res = await t.post(
      `/requests/${id}/status`,
      { status: 'rejected', version: '2', reason: ' ' },
      coordinator,
    )
    expect(res.status).toBe(422)
    expect(await res.text()).toMatch(/<details class="reason" open/)
  })

  it('records an edit after acknowledgement as a new version that the coordinator sees', async () => {
    const id = idOf(await t.post('/requests', form(), saba))
    await t.post(`/requests/${id}/status`, { status: 'submitted', version: '1' }, saba)
    await t.post(`/requests/${id}/status`, { status: 'acknowledged', version: '2' }, coordinator)
    const edit = await (await t.get(`/requests/${id}/edit`, saba)).text()
    const needId = /name="needs\[0\]\[id\]" value="([a-z0-9]+)"/.exec(edit)![1]!
    const res = await t.post(
      `/requests/${id}`,
      form({ version: '3', 'needs[0][id]': needId, 'needs[0][count]': '3' }),
      saba,
    )
    expect(res.status).toBe(303)
    const trail = await auditTrail(t.db, 'request', id)
    expect(trail.at(-1)!.action).toBe('request.revised')
    const html = await (await t.get(`/requests/${id}`, coordinator)).text()
    expect(html).toContain('Version 2')
    expect(html).toContain('0 of 3')
    expect(html).toContain('need changed: 3 information manager')
    const mail = (await t.db.select().from(outbox)).filter((m) => m.text.includes(id)).at(-1)!
    expect(mail.to).toBe('coordinator@demo.ccpm')
  })

  it('orders the inbox by priority, then age', async () => {
    const normal = idOf(await t.post('/requests', form({ priority: 'normal', title: 'Normal one' }), saba))
    t.clock.now += 60_000
    const urgent = idOf(await t.post('/requests', form({ priority: 'urgent', title: 'Urgent one' }), saba))
    for (const id of [normal, urgent])
      await t.post(`/requests/${id}/status`, { status: 'submitted', version: '1' }, saba)
    const html = await (await t.get('/requests?status=submitted', coordinator)).text()
    expect(html.indexOf(`/requests/${urgent}"`)).toBeLessThan(html.indexOf(`/requests/${normal}"`))
    const filtered = await (await t.get('/requests?status=submitted&island=SX', coordinator)).text()
    expect(filtered).not.toContain(`/requests/${urgent}"`)
  })

  it('gives observers the page without any action, and a printable summary', async () => {
    const id = idOf(await t.post('/requests', form(), saba))
    await t.post(`/requests/${id}/status`, { status: 'submitted', version: '1' }, saba)
    const observer = await t.login('observer@demo.ccpm')
    const html = await (await t.get(`/requests/${id}`, observer)).text()
    expect(html).toContain('Relief for the EOT')
    expect(html).not.toContain(`action="/requests/${id}/status"`)
    expect(
      (await t.post(`/requests/${id}/status`, { status: 'acknowledged', version: '2' }, observer)).status,
    ).toBe(403)
    const print = await t.get(`/requests/${id}/print`, observer)
    expect(print.status).toBe(200)
    expect(await print.text()).toContain('class="print-summary"')
  })
})

describe('paging the inbox', () => {
  it('shows 50 rows a page with links that keep the filters', async () => {
    for (let i = 0; i < 52; i++)
      await t.post('/requests', form({ title: `Bulk ${i}`, priority: 'normal' }), saba)
    const html = await (await t.get('/requests?status=draft&island=SA', saba)).text()
    expect(html.match(/<tr>/g)!.length - 1).toBe(50) // minus the header row
    expect(html).toMatch(/href="\/requests\?island=SA&amp;status=draft&amp;page=2" rel="next"/)
    const second = await (await t.get('/requests?status=draft&island=SA&page=2', saba)).text()
    expect(second).toContain('rel="prev"')
    expect(second).toMatch(/Page 2 of \d+/)
  })
})

describe('the same form sent again with a new key', () => {
  it('replays within 10 minutes (the form page was fetched anew after a lost answer), files anew after', async () => {
    const before = (await t.db.select().from(requests)).length
    const body = form({ title: 'Sent twice, two keys' })
    const a = await t.post('/requests', { ...body, _key: 'content-key-0001' }, saba)
    const b = await t.post('/requests', { ...body, _key: 'content-key-0002' }, saba)
    expect(b.headers.get('idempotent-replay')).toBe('true')
    // The replay lands on the request filed the first time, and says so.
    expect(b.headers.get('location')).toBe(`${a.headers.get('location')}?replayed=${t.clock.now}`)
    const landed = await (await t.get(b.headers.get('location')!, saba)).text()
    expect(landed).toContain(
      `<p class="note" role="status" id="replayed">You already sent this at ${islandTime(t.clock.now)} (Islands); it was not done a second time. This page shows what the first sending did. <a href="${a.headers.get('location')}">Open it</a></p>`,
    )
    expect(await (await t.get(a.headers.get('location')!, saba)).text()).not.toContain('id="replayed"')
    expect((await t.db.select().from(requests)).length).toBe(before + 1)
    t.clock.now += 11 * 60_000
    const c = await t.post('/requests', { ...body, _key: 'content-key-0003' }, saba)
    expect(c.headers.get('location')).not.toBe(a.headers.get('location'))
    expect((await t.db.select().from(requests)).length).toBe(before + 2)
  })
})
