/**
 * Hot queries use indexes: every statement that the pages in every role's navigation
 * (and the detail pages behind them: a request, a person, an incident) send is explained, and a full scan of a table that grows with
 * the season fails the test. SQLite plans without statistics here as in production (no ANALYZE),
 * so a plan on the demo data is the plan on 5,000 functionaries.
 */
import type { Client, InStatement } from '@libsql/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { navigation } from '../../pool/access/index.ts'
import type { Role } from '../../pool/shared/index.ts'
import { type TestApp, testApp } from '../helpers/app.ts'

/**
 * Tables that grow with the season and the pool. The reference tables (islands, roles, …) may be
 * scanned, and so may the HRC's orders: a few per unit and storm (tens to a few hundred a season),
 * listed whole on the dispatch page.
 */
const BIG = [
  'functionaries',
  'functionary_roles',
  'functionary_languages',
  'unavailability',
  'requests',
  'needs',
  'assignments',
  'alerts',
  'audit_events',
  'outbox',
  'sessions',
  'users',
]

const ACCOUNTS: Record<Role, string> = {
  island: 'saba@demo.ccpm',
  coordinator: 'coordinator@demo.ccpm',
  dispatcher: 'dispatcher@demo.ccpm',
  functionary: 'functionary3@demo.ccpm',
  observer: 'observer@demo.ccpm',
  admin: 'admin@demo.ccpm',
}

let t: TestApp
const seen = new Map<string, InStatement>()
let recording = false

beforeAll(async () => {
  t = await testApp()
  const client = (t.db as unknown as { $client: Client }).$client
  const execute = client.execute.bind(client)
  const batch = client.batch.bind(client)
  const note = (s: InStatement) => {
    const text = typeof s === 'string' ? s : s.sql
    if (recording && /^\s*select/i.test(text)) seen.set(text, s)
  }
  client.execute = ((s: InStatement) => {
    note(s)
    return execute(s)
  }) as typeof client.execute
  client.batch = ((stmts: InStatement[], mode?: 'write' | 'read' | 'deferred') => {
    for (const s of stmts) note(s)
    return batch(stmts, mode)
  }) as typeof client.batch
  // plain reads go through a connection of their own (db/fast-reads.ts)
  t.reads?.watch((sql, args) => note({ sql, args } as InStatement))
})
afterAll(() => t.close())

describe('query plans of the pages', () => {
  it('scan no big table without an index', async () => {
    const paths: [Role, string][] = []
    for (const role of Object.keys(ACCOUNTS) as Role[])
      for (const item of navigation(role)) paths.push([role, item.href])
    const cookies = new Map<Role, string>()
    for (const role of Object.keys(ACCOUNTS) as Role[]) cookies.set(role, await t.login(ACCOUNTS[role]))
    recording = true
    for (const [role, path] of paths) expect((await t.get(path, cookies.get(role))).status).toBe(200)
    // the detail pages a list leads to
    const html = await (await t.get('/requests?status=all', cookies.get('coordinator'))).text()
    const request = /href="\/requests\/(\w+)"/.exec(html)?.[1]
    const pool = await (await t.get('/pool', cookies.get('coordinator'))).text()
    const person = /href="\/pool\/(\w+)"/.exec(pool)?.[1]
    const list = await (await t.get('/incidents', cookies.get('coordinator'))).text()
    const incident = /href="\/incidents\/([\w-]+)"/.exec(list)?.[1]
    expect(incident).toBeTruthy()
    for (const path of [`/requests/${request}`, `/pool/${person}`, `/incidents/${incident}`])
      expect((await t.get(path, cookies.get('coordinator'))).status).toBe(200)
    recording = false

    const client = (t.db as unknown as { $client: Client }).$client
    const scans: string[] = []
    for (const s of seen.values()) {
      const sql = typeof s === 'string' ? s : s.sql
      const args = typeof s === 'string' ? [] : s.args
      const plan = await client.execute({ sql: `explain query plan ${sql}`, args } as InStatement)
      for (const row of plan.rows) {
        const detail = String(row.detail)
        const m = /^SCAN (\w+)(?: AS \w+)?$/.exec(detail)
        if (m && BIG.includes(m[1]!)) scans.push(`${detail}  ←  ${sql.replace(/\s+/g, ' ').slice(0, 300)}`)
      }
    }
    expect(seen.size).toBeGreaterThan(40)
    expect(scans).toEqual([])
  })

  it('the HRC board reads its requested needs by island and age, and counts them from indexes alone', async () => {
    seen.clear()
    recording = true
    expect((await t.get('/hrc', await t.login(ACCOUNTS.dispatcher))).status).toBe(200)
    recording = false
    const client = (t.db as unknown as { $client: Client }).$client
    const planOf = async (pattern: RegExp) => {
      const s = [...seen.values()].find((x) => pattern.test(typeof x === 'string' ? x : x.sql))
      expect(s, String(pattern)).toBeDefined()
      const sql = typeof s === 'string' ? s : s!.sql
      const args = typeof s === 'string' ? [] : s!.args
      const plan = await client.execute({ sql: `explain query plan ${sql}`, args } as InStatement)
      return plan.rows.map((r) => String(r.detail))
    }
    // the first needs of each island: its requests walked oldest first, stopping when enough are found
    const shown = (await planOf(/from "islands" join "needs" on "needs"."id" in/)).join('\n')
    expect(shown).toContain('SEARCH requests USING INDEX requests_island_age (island=?)')
    expect(shown).toContain('USE TEMP B-TREE FOR RIGHT PART OF ORDER BY')
    expect(shown).not.toMatch(/SCAN (needs|requests)\b/)
    // how many more: the capacity needs of an island's asking requests, less the filled ones found from the orders
    const more = (await planOf(/as total\s+from "islands"/)).join('\n')
    expect(more).toMatch(/SEARCH needs USING (COVERING )?INDEX needs_capacity \(request_id=\?\)/)
    expect(more).toContain('SEARCH needs USING INDEX sqlite_autoindex_needs_1 (id=?)')
    expect(more).not.toMatch(/SCAN (needs|requests)\b/)
    // the board's change mark: the capacity requests' versions without reading a request
    const mark = await planOf(/count\(\*\) \|\| '\.'/)
    expect(mark).toContain('SCAN r USING COVERING INDEX requests_board')
    expect(mark).toContain('SEARCH n USING COVERING INDEX needs_capacity (request_id=?)')
  })
})
