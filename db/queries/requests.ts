/**
 * Requests and their needs, read only through the acting user's scope (an island sees its own
 * island, nothing else). Their writes are in ./request-writes.ts.
 */
import { and, asc, count, eq, inArray, type SQL, sql } from 'drizzle-orm'
import { can } from '../../pool/access/index.ts'
import type { Need, RequestRecord } from '../../pool/requests/index.ts'
import type { Actor } from '../../pool/shared/index.ts'
import { none, type Read, read } from '../read.ts'
import { needs, requests, users } from '../schema/index.ts'
import type { Db } from '../types.ts'
import { inSlices } from './hrc.ts'
import { unitsAgainst } from './hrc-needs.ts'

export type RequestRow = typeof requests.$inferSelect
type NeedRow = typeof needs.$inferSelect

export interface RequestFilters {
  island?: string
  status?: string
  phase?: string
  incidentId?: string
}

/** The condition that limits rows to what the actor may see; null when they may see none. */
function scope(actor: Actor): SQL | undefined | null {
  if (!can(actor, 'requests:read')) return null
  if (actor.role === 'island') return eq(requests.island, actor.island ?? '')
  // A draft is the island's own working copy: others see it only when a coordinator filed it.
  return sql`(${requests.status} <> 'draft' or ${requests.onBehalf} = 1)`
}

export interface Page {
  limit: number
  offset: number
}

function listWhere(actor: Actor, filters: RequestFilters) {
  const visible = scope(actor)
  if (visible === null) return null
  return and(
    visible,
    filters.island ? eq(requests.island, filters.island) : undefined,
    filters.status ? eq(requests.status, filters.status as RequestRow['status']) : undefined,
    filters.phase ? eq(requests.phase, filters.phase as RequestRow['phase']) : undefined,
    filters.incidentId ? eq(requests.incidentId, filters.incidentId) : undefined,
  )
}

/** The visible requests, urgent first, then the longest waiting. */
export async function listRequests(
  db: Db,
  actor: Actor,
  filters: RequestFilters = {},
  page: Page = { limit: 500, offset: 0 },
) {
  const where = listWhere(actor, filters)
  if (where === null) return []
  return db
    .select()
    .from(requests)
    .where(where)
    .orderBy(
      sql`case ${requests.priority} when 'urgent' then 0 when 'high' then 1 else 2 end`,
      // (written as the index requests_order has it, so that SQLite walks the index)
      asc(
        sql`case when ${requests.submittedAt} is null then ${requests.createdAt} else ${requests.submittedAt} end`,
      ),
      asc(requests.id),
    )
    .limit(page.limit)
    .offset(page.offset)
}

export async function countRequests(db: Db, actor: Actor, filters: RequestFilters = {}): Promise<number> {
  const where = listWhere(actor, filters)
  if (where === null) return 0
  const [row] = await db.select({ n: count() }).from(requests).where(where)
  return row?.n ?? 0
}

/** Needs of many requests at once, grouped by request id. */
export async function needsOf(db: Db, requestIds: string[]): Promise<Map<string, Need[]>> {
  const out = new Map<string, Need[]>()
  if (requestIds.length === 0) return out
  const rows = await inSlices(requestIds, (slice) =>
    db.select().from(needs).where(inArray(needs.requestId, slice)).orderBy(asc(needs.position)),
  )
  for (const row of rows) {
    const list = out.get(row.requestId) ?? []
    list.push(toNeed(row))
    out.set(row.requestId, list)
  }
  return out
}

/** The request and its needs, or undefined when it does not exist or is outside the actor's scope. */
export async function findRequest(db: Db, actor: Actor, id: string) {
  const visible = scope(actor)
  if (visible === null) return undefined
  const [row] = await db
    .select()
    .from(requests)
    .where(and(eq(requests.id, id), visible))
  if (!row) return undefined
  const list = (await needsOf(db, [id])).get(id) ?? []
  return { request: toRecord(row), needs: list, row }
}

export function toRecord(row: RequestRow): RequestRecord {
  const { createdAt: _c, updatedAt: _u, stamp: _s, ...record } = row
  return record
}

export function toNeed(row: NeedRow): Need {
  if (row.kind === 'functionary') {
    return {
      id: row.id,
      kind: 'functionary',
      role: row.role ?? '',
      count: row.count ?? 1,
      minLevel: row.minLevel ?? 'qualified',
      languages: row.languages ?? [],
      preferredLanguages: row.preferredLanguages ?? [],
      remoteOk: row.remoteOk ?? false,
      periodStart: row.periodStart,
      periodEnd: row.periodEnd,
      notes: row.notes,
    }
  }
  if (row.kind === 'capacity') {
    return {
      id: row.id,
      kind: 'capacity',
      unitType: row.unitType ?? '',
      count: row.count ?? 1,
      notes: row.notes,
    }
  }
  return { id: row.id, kind: 'other', description: row.description ?? '', quantity: row.quantity ?? 1 }
}

/** Who gets mail about a request: every active coordinator, and the island's own accounts, each in their language. */
export async function recipients(db: Db, island: string) {
  const rows = await db
    .select({ email: users.email, locale: users.locale, role: users.role, island: users.island })
    .from(users)
    .where(and(eq(users.active, true), inArray(users.role, ['coordinator', 'island'])))
  const addressee = ({ email, locale }: (typeof rows)[number]) => ({ email, locale })
  return {
    coordinators: rows.filter((r) => r.role === 'coordinator').map(addressee),
    islandContacts: rows.filter((r) => r.role === 'island' && r.island === island).map(addressee),
  }
}

/** Units per need: HRC units of accepted-or-later orders for a capacity need, 0 for the others (people: fillOfNeeds). */
export async function filledByNeed(db: Db, list: Need[]): Promise<Map<string, number>> {
  const units = await unitsAgainst(
    db,
    list.filter((n) => n.kind === 'capacity').map((n) => n.id),
  )
  return new Map(list.map((n) => [n.id, units.get(n.id) ?? 0]))
}

/** How many visible requests stand in each status (the overview's figures), as a read for a batch (db/read.ts). */
export function statusCounts(db: Db, actor: Actor): Read<Partial<Record<RequestRow['status'], number>>> {
  const where = listWhere(actor, {})
  if (where === null) return none({})
  return read(
    db.select({ status: requests.status, n: count() }).from(requests).where(where).groupBy(requests.status),
    (rows) => Object.fromEntries(rows.map((r) => [r.status, r.n])),
  )
}
