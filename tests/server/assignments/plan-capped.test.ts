/**
 * The plan page says how many open needs there are when it covers only the 50 most urgent (the
 * count is every open functionary need, not only those shown), and its reads of 50 needs stay
 * within D1's 100 bound parameters a statement.
 */
import type { Client, InStatement } from '@libsql/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { needs, requests, users } from '../../../db/schema/index.ts'
import type { RequestStatus } from '../../../pool/reference/index.ts'
import { type TestApp, testApp } from '../../helpers/app.ts'

let t: TestApp
let coordinator: string
const T0 = Date.UTC(2026, 8, 1)

/** Requests as [status, functionary needs, capacity needs]: 52 open functionary needs in all. */
const REQUESTS: [RequestStatus, number, number][] = [
  ...Array.from({ length: 25 }, (): [RequestStatus, number, number] => ['acknowledged', 2, 1]),
  ['in_progress', 2, 0],
  ['submitted', 3, 0], // not yet acknowledged: not open for matching
  ['closed', 4, 0],
  ['draft', 1, 0],
]

beforeAll(async () => {
  t = await testApp()
  coordinator = await t.login('coordinator@demo.ccpm')
  const [author] = await t.db.select({ id: users.id }).from(users).limit(1)
  for (const [i, [status, people, units]] of REQUESTS.entries()) {
    const id = `capped-r${i}`
    await t.db.insert(requests).values({
      id,
      island: 'SA',
      status,
      phase: 'warm',
      priority: 'high',
      title: `R${i}`,
      situation: 'Roofs gone.',
      periodStart: '2026-09-06',
      periodEnd: '2026-09-20',
      createdBy: author!.id,
      createdAt: T0 + i,
      updatedAt: T0 + i,
    })
    await t.db.insert(needs).values([
      ...Array.from({ length: people }, (_, p) => ({
        id: `${id}-f${p}`,
        requestId: id,
        position: p,
        kind: 'functionary' as const,
        role: 'information_manager',
        count: 1,
      })),
      ...Array.from({ length: units }, (_, p) => ({
        id: `${id}-c${p}`,
        requestId: id,
        position: people + p,
        kind: 'capacity' as const,
        unitType: 'light_usar',
        count: 1,
      })),
    ])
  }
})
afterAll(() => t.close())

describe('/plan beyond 50 open needs', () => {
  it('covers the 50 most urgent and says how many are open in all, binding at most 100 parameters a statement (D1)', async () => {
    const client = (t.db as unknown as { $client: Client }).$client
    const execute = client.execute.bind(client)
    const bound: number[] = []
    client.execute = ((s: InStatement) => {
      bound.push(
        typeof s === 'string' ? 0 : Array.isArray(s.args) ? s.args.length : Object.keys(s.args ?? {}).length,
      )
      return execute(s)
    }) as typeof client.execute
    // plain reads go through a connection of their own (db/fast-reads.ts)
    t.reads?.watch((_sql, args) => bound.push(args.length))
    try {
      const res = await t.get('/plan', coordinator)
      expect(res.status).toBe(200)
      expect(await res.text()).toContain('This plan covers the 50 most urgent of 52 open needs')
    } finally {
      client.execute = execute
      t.reads?.watch(null)
    }
    expect(bound.length).toBeGreaterThan(3)
    expect(Math.max(...bound)).toBeLessThanOrEqual(100)
  })
})
