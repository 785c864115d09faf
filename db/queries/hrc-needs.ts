/**
 * Capacity needs as the HRC sees them: what each asks for, and how many units stand against it —
 * filled by accepted-or-later orders, offered by orders the island has not answered yet. The request
 * page's fill (db/queries/requests.ts `filledByNeed`) reads its figures here.
 */
import { and, eq, inArray, sql } from 'drizzle-orm'
import { FILLING_STATUSES, type NeedRef } from '../../pool/hrc/index.ts'
import type { DispatchStatus, IslandCode, RequestStatus } from '../../pool/reference/index.ts'
import { hrcDispatches, hrcDispatchUnits, islands, needs, requests } from '../schema/index.ts'
import type { Db } from '../types.ts'
import { valuesList } from '../values.ts'
import { inSlices } from './hrc.ts'

/** Units counted against each need: in orders of `statuses` (default: accepted or later, which fill it). */
export async function unitsAgainst(
  db: Db,
  needIds: readonly string[],
  statuses: readonly DispatchStatus[] = FILLING_STATUSES,
): Promise<Map<string, number>> {
  const rows = await inSlices(needIds, (slice) =>
    db
      .select({ needId: hrcDispatches.needId, n: sql<number>`count(*)` })
      .from(hrcDispatchUnits)
      .innerJoin(hrcDispatches, eq(hrcDispatches.id, hrcDispatchUnits.dispatchId))
      .where(and(inArray(hrcDispatches.needId, slice), inArray(hrcDispatches.status, [...statuses])))
      .groupBy(hrcDispatches.needId),
  )
  return new Map(rows.map((r) => [r.needId ?? '', Number(r.n)]))
}

export interface CapacityNeed extends NeedRef {
  filled: number
  offered: number
}

/** Units in orders of `statuses` against the need of the outer row: one correlated count. */
const unitsOf = (statuses: readonly DispatchStatus[]) =>
  sql<number>`(select count(*) from ${hrcDispatchUnits} join ${hrcDispatches} on ${hrcDispatches.id} = ${hrcDispatchUnits.dispatchId} where ${hrcDispatches.needId} = ${needs.id} and ${inArray(hrcDispatches.status, [...statuses])})`

/**
 * Capacity needs of requests in these states, with what is filled and offered against each: one
 * statement (the counts are correlated subqueries on the index of orders by need), where a count
 * per slice of needs was a round trip each.
 */
export async function capacityNeeds(
  db: Db,
  opts: { needId?: string; statuses?: readonly RequestStatus[] } = {},
): Promise<CapacityNeed[]> {
  const rows = await db
    .select({
      id: needs.id,
      requestId: needs.requestId,
      unitType: needs.unitType,
      count: needs.count,
      island: requests.island,
      requestStatus: requests.status,
      requestTitle: requests.title,
      filled: unitsOf(FILLING_STATUSES),
      offered: unitsOf(['offered']),
    })
    .from(needs)
    .innerJoin(requests, eq(requests.id, needs.requestId))
    .where(
      and(
        eq(needs.kind, 'capacity'),
        opts.needId ? eq(needs.id, opts.needId) : undefined,
        opts.statuses ? inArray(requests.status, [...opts.statuses]) : undefined,
      ),
    )
    .orderBy(requests.island, requests.createdAt, needs.position)
  return rows.map((r) => {
    const filled = Number(r.filled)
    const offered = Number(r.offered)
    return {
      id: r.id,
      requestId: r.requestId,
      island: r.island as IslandCode,
      unitType: r.unitType ?? '',
      count: r.count ?? 1,
      requestStatus: r.requestStatus,
      requestTitle: r.requestTitle,
      filled,
      offered,
      taken: filled + offered,
    }
  })
}

/** One capacity need as an order must know it, or undefined. */
export async function needRef(db: Db, needId: string): Promise<NeedRef | undefined> {
  return (await capacityNeeds(db, { needId }))[0]
}

/** A capacity need of a request in `statuses` that its filling orders do not cover yet. */
const unfilled = (statuses: readonly RequestStatus[]) =>
  sql`${needs.kind} = 'capacity' and ${inArray(requests.status, [...statuses])}
    and coalesce(${needs.count}, 1) > ${unitsOf(FILLING_STATUSES)}`

/**
 * The board's "requested, not yet filled": per island the first `perIsland` capacity needs that
 * still miss units (oldest request first), and how many more there are. Bounded whatever the
 * season holds: per island (from the islands table: D1 allows few terms in a compound select),
 * its first needs are read walking its requests by age (requests_island_age) until `perIsland`
 * are found; its count is the capacity needs of its asking requests (needs_capacity), less those
 * filled, found from the few filling orders (the `+` keep SQLite from starting anywhere else).
 */
export async function unfilledByIsland(
  db: Db,
  statuses: readonly RequestStatus[],
  perIsland: number,
): Promise<{ needs: CapacityNeed[]; more: Map<string, number> }> {
  type Row = {
    id: string
    requestId: string
    unitType: string | null
    count: number | null
    island: string
    requestStatus: RequestStatus
    requestTitle: string
    filled: number
    offered: number
  }
  const asking = inArray(requests.status, [...statuses])
  const [rows, totals] = await Promise.all([
    db.all<Row>(sql`select ${needs.id} as id, ${needs.requestId} as requestId, ${needs.unitType} as unitType,
        ${needs.count} as count, ${requests.island} as island, ${requests.status} as requestStatus,
        ${requests.title} as requestTitle, ${unitsOf(FILLING_STATUSES)} as filled, ${unitsOf(['offered'])} as offered
      from ${islands} join ${needs} on ${needs.id} in (select ${needs.id}
          from ${requests} join ${needs} on ${needs.requestId} = ${requests.id}
          where ${requests.island} = ${islands.code} and ${unfilled(statuses)}
          order by ${requests.createdAt}, ${requests.id}, ${needs.position} limit ${perIsland})
        join ${requests} on ${requests.id} = ${needs.requestId}
      order by ${requests.island}, ${requests.createdAt}, ${requests.id}, ${needs.position}`),
    db.all<{ island: string; total: number }>(sql`select ${islands.code} as island,
        (select count(*) from ${requests} join ${needs} on ${needs.requestId} = ${requests.id}
          where ${requests.island} = ${islands.code} and ${needs.kind} = 'capacity' and ${asking})
        - (select count(*) from ${needs} join ${requests} on ${requests.id} = ${needs.requestId}
          where ${needs.id} in (select ${hrcDispatches.needId} from ${hrcDispatches}
              where ${inArray(hrcDispatches.status, [...FILLING_STATUSES])})
            and +${needs.kind} = 'capacity' and +${requests.island} = ${islands.code}
            and +${requests.status} in (${valuesList(statuses)})
            and coalesce(${needs.count}, 1) <= ${unitsOf(FILLING_STATUSES)}) as total
      from ${islands}`),
  ])
  const totalOf = new Map(totals.map((t) => [t.island, Number(t.total)]))
  const more = new Map<string, number>()
  for (const [island, total] of totalOf) if (total > perIsland) more.set(island, total - perIsland)
  return {
    needs: rows.map((r) => ({
      id: r.id,
      requestId: r.requestId,
      island: r.island as IslandCode,
      unitType: r.unitType ?? '',
      count: r.count ?? 1,
      requestStatus: r.requestStatus,
      requestTitle: r.requestTitle,
      filled: Number(r.filled),
      offered: Number(r.offered),
      taken: Number(r.filled) + Number(r.offered),
    })),
    more,
  }
}
