/**
 * The board's "requested, not yet filled" (db/queries/hrc-needs.ts `unfilledByIsland`) against a
 * plain reading of the same rows: per island the oldest unfilled capacity needs of asking
 * requests, and how many more. Old closed requests, ties in age, filled, partly filled and merely
 * offered needs, and an island with more needs than the board shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { unfilledByIsland } from '../../db/queries/hrc-needs.ts'
import { hrcDispatches, hrcDispatchUnits, needs, requests, users } from '../../db/schema/index.ts'
import { FILLING_STATUSES } from '../../pool/hrc/index.ts'
import type { DispatchStatus, RequestStatus } from '../../pool/reference/index.ts'
import { type TestApp, testApp } from '../helpers/app.ts'
import { UNITS } from '../helpers/hrc.ts'

const ASKING: RequestStatus[] = ['submitted', 'acknowledged', 'in_progress']
const T0 = Date.UTC(2026, 8, 1)
let t: TestApp

/** [island, status, age in minutes (ties on purpose), capacity needs' counts] */
const REQUESTS: [string, RequestStatus, number, (number | null)[]][] = [
  ['SA', 'closed', 0, [3]],
  ['SA', 'submitted', 5, [2, 1]],
  ['SA', 'acknowledged', 5, [1]],
  ['SA', 'in_progress', 7, [null, 4]],
  ['SA', 'withdrawn', 8, [1]],
  ['SA', 'submitted', 9, [1, 1, 1]],
  ['SX', 'acknowledged', 3, [2]],
  ['SX', 'draft', 1, [1]],
  ['AW', 'submitted', 2, [1]],
  ['AW', 'submitted', 4, [1, 2, 1, 1]],
  ['BO', 'rejected', 1, [1]],
]

/** [request index, need position, order status, units] */
const ORDERS: [number, number, DispatchStatus, number][] = [
  [1, 0, 'accepted', 2], // filled
  [1, 1, 'offered', 1], // offered only: still unfilled
  [2, 0, 'in_transit', 1], // filled
  [3, 1, 'arrived', 3], // partly: 3 of 4
  [6, 0, 'declined', 2], // declined: does not fill
  [9, 1, 'accepted', 1], // partly: 1 of 2
  [9, 2, 'accepted', 1], // filled
]

beforeAll(async () => {
  t = await testApp()
  const [author] = await t.db.select({ id: users.id }).from(users).limit(1)
  const needIds: string[][] = []
  for (const [i, [island, status, minutes, counts]] of REQUESTS.entries()) {
    const id = `board-r${i}`
    const at = T0 + minutes * 60_000
    await t.db.insert(requests).values({
      id,
      island,
      status,
      phase: 'warm',
      priority: 'high',
      title: `R${i}`,
      situation: 'Roofs gone.',
      periodStart: '2026-09-06',
      periodEnd: '2026-09-20',
      createdBy: author!.id,
      createdAt: at,
      updatedAt: at,
    })
    needIds.push(counts.map((_, p) => `board-r${i}-n${p}`))
    await t.db.insert(needs).values([
      // a person need first: never on the board
      {
        id: `board-r${i}-f`,
        requestId: id,
        position: 0,
        kind: 'functionary' as const,
        role: 'information_manager',
        count: 1,
      },
      ...counts.map((count, p) => ({
        id: `board-r${i}-n${p}`,
        requestId: id,
        position: p + 1,
        kind: 'capacity' as const,
        unitType: 'light_usar',
        count,
      })),
    ])
  }
  for (const [k, [r, p, status, units]] of ORDERS.entries()) {
    const id = `board-d${k}`
    await t.db.insert(hrcDispatches).values({
      id,
      island: REQUESTS[r]![0],
      needId: needIds[r]![p]!,
      requestId: `board-r${r}`,
      kind: 'need',
      status,
      etd: T0,
      eta: T0,
      transport: 'military_airlift',
      payloadPeople: 1,
      payloadWeightKg: 1,
      payloadVolumeM3: 1,
      statusAt: T0,
      createdAt: T0,
      createdBy: 'test',
      updatedAt: T0,
    })
    const codes = Object.values(UNITS).slice(0, units)
    await t.db
      .insert(hrcDispatchUnits)
      .values(codes.map((unitId, position) => ({ dispatchId: id, unitId, position, active: false })))
  }
})
afterAll(() => t.close())

/** The same question answered the plain way, from every row. */
async function expected(perIsland: number) {
  const allRequests = await t.db.select().from(requests)
  const allNeeds = await t.db.select().from(needs)
  const orders = await t.db.select().from(hrcDispatches)
  const links = await t.db.select().from(hrcDispatchUnits)
  const filled = (needId: string) =>
    orders
      .filter((o) => o.needId === needId && (FILLING_STATUSES as readonly string[]).includes(o.status))
      .reduce((n, o) => n + links.filter((l) => l.dispatchId === o.id).length, 0)
  const byId = new Map(allRequests.map((r) => [r.id, r]))
  const open = allNeeds
    .filter((n) => n.kind === 'capacity' && ASKING.includes(byId.get(n.requestId)!.status))
    .filter((n) => (n.count ?? 1) > filled(n.id))
    .map((n) => ({ need: n, request: byId.get(n.requestId)! }))
    .sort(
      (a, b) =>
        a.request.island.localeCompare(b.request.island) ||
        a.request.createdAt - b.request.createdAt ||
        (a.request.id < b.request.id ? -1 : a.request.id > b.request.id ? 1 : 0) ||
        a.need.position - b.need.position,
    )
  const islands = [...new Set(open.map((o) => o.request.island))]
  const shown = islands.flatMap((island) =>
    open.filter((o) => o.request.island === island).slice(0, perIsland),
  )
  const more = new Map(
    islands
      .map((island) => [island, open.filter((o) => o.request.island === island).length - perIsland] as const)
      .filter(([, n]) => n > 0),
  )
  return { ids: shown.map((o) => o.need.id), more }
}

describe('unfilledByIsland', () => {
  it.each([1, 2, 5, 50])(
    'shows the oldest %i unfilled capacity needs per island and counts the rest',
    async (per) => {
      const got = await unfilledByIsland(t.db, ASKING, per)
      const want = await expected(per)
      expect(got.needs.map((n) => n.id)).toEqual(want.ids)
      expect(got.more).toEqual(want.more)
    },
  )

  it('reads what the board shows of each need: its request, the units filled and offered', async () => {
    const got = await unfilledByIsland(t.db, ASKING, 50)
    const need = (id: string) => got.needs.find((n) => n.id === id)
    expect(need('board-r1-n1')).toMatchObject({
      requestId: 'board-r1',
      island: 'SA',
      filled: 0,
      offered: 1,
      taken: 1,
      count: 1,
    })
    expect(need('board-r3-n0')).toMatchObject({ count: 1, filled: 0 }) // no count: one unit
    expect(need('board-r3-n1')).toMatchObject({
      requestTitle: 'R3',
      requestStatus: 'in_progress',
      filled: 3,
      count: 4,
    })
    expect(need('board-r1-n0')).toBeUndefined() // filled
    expect(need('board-r0-n0')).toBeUndefined() // closed request
    expect(need('board-r7-n0')).toBeUndefined() // a draft
  })
})
