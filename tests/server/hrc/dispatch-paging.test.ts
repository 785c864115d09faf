/** The list of dispatch orders in pages of 50, newest first: the page (plain links) and the API (limit/offset), island scope kept. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hrcDispatches, hrcDispatchUnits } from '../../../db/schema/index.ts'
import { type TestApp, testApp } from '../../helpers/app.ts'
import { UNITS } from '../../helpers/hrc.ts'

let t: TestApp
const cookies: Record<string, string> = {}
const T0 = Date.UTC(2026, 7, 1)
// 80 past orders to Saba and 40 to Sint Maarten, one a minute, interleaved (every third to SX)
const ORDERS = Array.from({ length: 120 }, (_, i) => ({
  id: `dsp-${String(i).padStart(3, '0')}`,
  island: i % 3 === 2 ? 'SX' : 'SA',
  createdAt: T0 + i * 60_000,
}))
const newestFirst = (island?: string) =>
  ORDERS.filter((o) => !island || o.island === island)
    .sort((a, b) => b.createdAt - a.createdAt)
    .map((o) => o.id)

beforeAll(async () => {
  t = await testApp()
  for (const who of ['dispatcher', 'saba', 'sintmaarten']) cookies[who] = await t.login(`${who}@demo.ccpm`)
  await t.db.insert(hrcDispatches).values(
    ORDERS.map((o) => ({
      ...o,
      kind: 'prepositioning' as const,
      status: 'returned' as const,
      etd: o.createdAt + 3_600_000,
      eta: o.createdAt + 7_200_000,
      transport: 'military_airlift' as const,
      payloadPeople: 4,
      payloadWeightKg: 800,
      payloadVolumeM3: 3,
      statusAt: o.createdAt,
      createdBy: 'seed',
      updatedAt: o.createdAt,
    })),
  )
  await t.db
    .insert(hrcDispatchUnits)
    .values(ORDERS.map((o) => ({ dispatchId: o.id, unitId: UNITS.lusar1, position: 0, active: false })))
})
afterAll(() => t.close())

/** The order ids a list page links to, in the order shown. */
const shown = (html: string) => [...html.matchAll(/href="\/hrc\/dispatches\/(dsp-\d+)"/g)].map((m) => m[1]!)

describe('/hrc/dispatches in pages', () => {
  it('shows the newest 50 first, and a plain link to the next page', async () => {
    const res = await t.get('/hrc/dispatches', cookies.dispatcher)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(shown(html)).toEqual(newestFirst().slice(0, 50))
    expect(html).toContain('<a href="/hrc/dispatches?page=2" rel="next">Next page</a>')
    expect(html).not.toContain('rel="prev"')
    expect(html).toContain('Page 1 of 3 (120 orders)')
  })

  it('the last page holds the rest and links back', async () => {
    const html = await (await t.get('/hrc/dispatches?page=3', cookies.dispatcher)).text()
    expect(shown(html)).toEqual(newestFirst().slice(100))
    expect(html).toContain('<a href="/hrc/dispatches?page=2" rel="prev">Previous page</a>')
    expect(html).not.toContain('rel="next"')
  })

  it('an island pages through its own orders only (and in Dutch)', async () => {
    const first = await (await t.get('/hrc/dispatches', cookies.saba)).text()
    expect(shown(first)).toEqual(newestFirst('SA').slice(0, 50))
    const second = await (await t.get('/hrc/dispatches?page=2', cookies.saba)).text()
    expect(shown(second)).toEqual(newestFirst('SA').slice(50))
    expect(second).toContain('Page 2 of 2 (80 orders)')
    const sx = await (await t.get('/hrc/dispatches', cookies.sintmaarten)).text()
    expect(shown(sx)).toEqual(newestFirst('SX'))
    expect(sx).not.toContain('class="pager"')
    const dutch = await (await t.get('/hrc/dispatches?page=2', `${cookies.saba}; ccpm_lang=nl`)).text()
    expect(dutch).toContain('Pagina 2 van 2 (80 inzetorders)')
    expect(dutch).toContain('<a href="/hrc/dispatches?page=1" rel="prev">Vorige pagina</a>')
  })
})

describe('GET /api/v1/hrc/dispatches in pages', () => {
  type Listing = { items: { id: string; island: string }[]; total: number; limit: number; offset: number }
  const list = async (query: string, who: string) => {
    const res = await t.get(`/api/v1/hrc/dispatches${query}`, cookies[who])
    expect(res.status).toBe(200)
    return (await res.json()) as Listing
  }

  it('answers 50 by default, newest first, with the total; limit and offset page on', async () => {
    const first = await list('', 'dispatcher')
    expect(first).toMatchObject({ total: 120, limit: 50, offset: 0 })
    expect(first.items.map((d) => d.id)).toEqual(newestFirst().slice(0, 50))
    const later = await list('?limit=30&offset=100', 'dispatcher')
    expect(later).toMatchObject({ total: 120, limit: 30, offset: 100 })
    expect(later.items.map((d) => d.id)).toEqual(newestFirst().slice(100))
  })

  it('keeps an island to its own orders, in the total too', async () => {
    const sx = await list('?limit=200', 'sintmaarten')
    expect(sx.total).toBe(40)
    expect(sx.items.map((d) => d.id)).toEqual(newestFirst('SX'))
    expect((await list('?island=SA', 'sintmaarten')).total).toBe(0)
  })

  it('refuses a limit above 200 with 422 on the field', async () => {
    const res = await t.get('/api/v1/hrc/dispatches?limit=500', cookies.dispatcher)
    expect(res.status).toBe(422)
    expect((await res.json()).error.fields.limit.code).toBe('field.wholeNumber')
  })
})
