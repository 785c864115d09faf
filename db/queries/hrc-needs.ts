/**
 * Capacity needs as the HRC sees them: what each asks for, and how many units stand against it —
 * filled by accepted-or-later orders, offered by orders the island has not answered yet. The request
 * page's fill (db/queries/requests.ts `filledByNeed`) reads its figures here.
 */
import { and, eq, inArray, sql } from 'drizzle-orm'
import { FILLING_STATUSES, type NeedRef } from '../../pool/hrc/index.ts'
import type { DispatchStatus, IslandCode, RequestStatus } from '../../pool/reference/index.ts'
import { hrcDispatches, hrcDispatchUnits, needs, requests } from '../schema/index.ts'
import type { Db } from '../types.ts'
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

/** Capacity needs of requests in these states, with what is filled and offered against each. */
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
  const ids = rows.map((r) => r.id)
  const [filled, offered] = await Promise.all([unitsAgainst(db, ids), unitsAgainst(db, ids, ['offered'])])
  return rows.map((r) => ({
    id: r.id,
    requestId: r.requestId,
    island: r.island as IslandCode,
    unitType: r.unitType ?? '',
    count: r.count ?? 1,
    requestStatus: r.requestStatus,
    requestTitle: r.requestTitle,
    filled: filled.get(r.id) ?? 0,
    offered: offered.get(r.id) ?? 0,
    taken: (filled.get(r.id) ?? 0) + (offered.get(r.id) ?? 0),
  }))
}

/** One capacity need as an order must know it, or undefined. */
export async function needRef(db: Db, needId: string): Promise<NeedRef | undefined> {
  return (await capacityNeeds(db, { needId }))[0]
}
