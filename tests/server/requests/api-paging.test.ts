/** GET /api/v1/requests in pages (docs/api.md "Requests"): default page, limit/offset, 422, totals, island scope. */
import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requests } from '../../../db/schema/index.ts'
import { type TestApp, testApp } from '../../helpers/app.ts'
import { sabaRequest } from '../../helpers/requests.ts'

type Listing = { items: { id: string; island: string }[]; total: number; limit: number; offset: number }

let t: TestApp
let saba: string
let sintmaarten: string
let coordinator: string
const islandCount = async (island: string) =>
  (await t.db.select({ n: sql<number>`count(*)` }).from(requests).where(eq(requests.island, island)))[0]!.n

beforeAll(async () => {
  t = await testApp()
  saba = await t.login('saba@demo.ccpm')
  sintmaarten = await t.login('sintmaarten@demo.ccpm')
  coordinator = await t.login('coordinator@demo.ccpm')
  // more than one default page of Saba's own requests (its drafts are visible to Saba alone)
  for (let i = 0; i < 55; i++) {
    const res = await t.postJson('/api/v1/requests', sabaRequest({ title: `Paging ${i}` }), saba)
    expect(res.status).toBe(201)
  }
})
afterAll(() => t.close())

const list = async (query: string, cookie: string) => {
  const res = await t.get(`/api/v1/requests${query}`, cookie)
  expect(res.status, await res.clone().text()).toBe(200)
  return (await res.json()) as Listing
}

describe('GET /api/v1/requests in pages', () => {
  it('answers the first 50 by default, with the total, limit and offset', async () => {
    const page = await list('', saba)
    expect(page.limit).toBe(50)
    expect(page.offset).toBe(0)
    expect(page.items).toHaveLength(50)
    expect(page.total).toBe(await islandCount('SA'))
    expect(page.total).toBeGreaterThanOrEqual(55)
  })

  it('walks every request once with limit and offset, in the order of one long page', async () => {
    const whole = await list('?limit=200', saba)
    expect(whole.items).toHaveLength(whole.total)
    const walked: string[] = []
    for (let offset = 0; offset < whole.total; offset += 7) {
      const page = await list(`?limit=7&offset=${offset}`, saba)
      expect(page).toMatchObject({ limit: 7, offset, total: whole.total })
      expect(page.items.length).toBe(Math.min(7, whole.total - offset))
      walked.push(...page.items.map((r) => r.id))
    }
    expect(walked).toEqual(whole.items.map((r) => r.id))
    expect(new Set(walked).size).toBe(whole.total)
    const past = await list(`?offset=${whole.total}`, saba)
    expect(past).toMatchObject({ items: [], total: whole.total, offset: whole.total })
  })

  it('keeps the filters: the total is that of the filtered list', async () => {
    const drafts = await list('?status=draft&limit=1', saba)
    const n = (
      await t.db
        .select({ n: sql<number>`count(*)` })
        .from(requests)
        .where(sql`island = 'SA' and status = 'draft'`)
    )[0]!.n
    expect(drafts.total).toBe(n)
    expect(drafts.items).toHaveLength(1)
  })

  it.each([
    ['limit=abc', 'limit'],
    ['limit=201', 'limit'],
    ['limit=-1', 'limit'],
    ['offset=x', 'offset'],
  ])('refuses %s with 422 and the message of the field', async (query, field) => {
    const res = await t.get(`/api/v1/requests?${query}`, saba)
    expect(res.status).toBe(422)
    const body = await res.json()
    expect(body.error).toMatchObject({ status: 422, code: 'http.422' })
    expect(Object.keys(body.error.fields)).toEqual([field])
    expect(body.error.fields[field].code).toBe('field.wholeNumber')
    expect(body.error.fields[field].message).toMatch(/^Give a whole number from 0 to [\d,]+\.$/)
  })

  it("counts only the island's own requests for an island account", async () => {
    const theirs = await list('?limit=200', sintmaarten)
    expect(theirs.total).toBe(await islandCount('SX'))
    expect(theirs.items.every((r) => r.island === 'SX')).toBe(true)
    expect(theirs.items).toHaveLength(theirs.total)
    // another island's filter does not widen the scope
    expect((await list('?island=SA', sintmaarten)).total).toBe(0)
    // Saba's drafts are not the coordinator's to see
    const coord = await list('?island=SA&limit=200', coordinator)
    expect(coord.total).toBeLessThan(await islandCount('SA'))
  })
})
