/** Triage from the inbox without JavaScript: the row leaves the list, and the list says what became of it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestApp, testApp } from '../../helpers/app.ts'
import { sabaRequest } from '../../helpers/requests.ts'

let t: TestApp
let saba: string
let coordinator: string
beforeAll(async () => {
  t = await testApp()
  saba = await t.login('saba@demo.ccpm')
  coordinator = await t.login('coordinator@demo.ccpm')
})
afterAll(() => t.close())

async function submitted(title: string) {
  const r = await (await t.postJson('/api/v1/requests', sabaRequest({ title }), saba)).json()
  await t.postJson(`/api/v1/requests/${r.id}/status`, { status: 'submitted' }, saba)
  return r.id as string
}

describe('acknowledging from the inbox', () => {
  it('comes back to the same filtered list and says "Acknowledged: <title>" with a link', async () => {
    const id = await submitted('Generators for the hospital')
    const list = await (await t.get('/requests?status=submitted&island=SA', coordinator)).text()
    expect(list).toContain('name="back" value="/requests?island=SA&amp;status=submitted"')

    const res = await t.post(
      `/requests/${id}/status`,
      { status: 'acknowledged', version: '2', back: '/requests?island=SA&status=submitted' },
      coordinator,
    )
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/requests?island=SA&status=submitted&done=${id}`)
    const after = await (await t.get(res.headers.get('location')!, coordinator)).text()
    expect(after).toContain(
      `<p class="note" role="status" id="done">Acknowledged: <a href="/requests/${id}">Generators for the hospital</a></p>`,
    )
    expect(after).not.toContain(`name="back" value="/requests?island=SA&amp;status=submitted&amp;done=`)
  })

  it('says "Rejected" after a rejection, in the reader’s language', async () => {
    const id = await submitted('Sandbags')
    const res = await t.post(
      `/requests/${id}/status`,
      { status: 'rejected', version: '2', reason: 'Covered by Sint Maarten', back: '/requests' },
      coordinator,
    )
    expect(res.headers.get('location')).toBe(`/requests?done=${id}`)
    const nl = await (await t.get(`/requests?done=${id}`, `${coordinator}; ccpm_lang=nl`)).text()
    expect(nl).toContain(`Afgewezen: <a href="/requests/${id}">Sandbags</a>`)
  })

  it('names nothing the reader may not see, and refuses a way back off the list', async () => {
    const id = await submitted('Water trucks')
    const bonaire = await t.login('bonaire@demo.ccpm')
    expect(await (await t.get(`/requests?done=${id}`, bonaire)).text()).not.toContain('Water trucks')
    const res = await t.post(
      `/requests/${id}/status`,
      { status: 'acknowledged', version: '2', back: 'https://elsewhere.example/requests' },
      coordinator,
    )
    expect(res.headers.get('location')).toBe(`/requests/${id}`)
  })
})
