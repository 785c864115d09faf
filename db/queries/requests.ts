/**
 * Requests and their needs, read only through the acting user's scope (an island sees its own
 * island, nothing else) and written as one guarded batch per decision of pool/requests.ts.
 */
import { and, asc, count, eq, inArray, type SQL, sql } from 'drizzle-orm'
import { can } from '../../pool/access/index.ts'
import type { Need, RequestPatch, RequestRecord } from '../../pool/requests/index.ts'
import { type Actor, type AuditEvent, type Mail, newId } from '../../pool/shared/index.ts'
import { auditIf, mailIf, stamped } from '../guard.ts'
import { none, type Read, read, readTogether } from '../read.ts'
import { needs, requests, users } from '../schema/index.ts'
import { changes, type Db, type Stmt } from '../types.ts'
import { recordAudit } from './audit.ts'
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

function needRow(requestId: string, need: Need, position: number): NeedRow {
  const base = {
    id: need.id,
    requestId,
    position,
    kind: need.kind,
    role: null,
    count: null,
    minLevel: null,
    languages: null,
    preferredLanguages: null,
    remoteOk: null,
    periodStart: null,
    periodEnd: null,
    notes: '',
    unitType: null,
    description: null,
    quantity: null,
  }
  if (need.kind === 'functionary') {
    const { id: _i, kind: _k, ...f } = need
    return { ...base, ...f }
  }
  if (need.kind === 'capacity')
    return { ...base, unitType: need.unitType, count: need.count, notes: need.notes }
  return { ...base, description: need.description, quantity: need.quantity }
}

/** A new request with its needs and the audit event, in one batch. */
export async function insertRequest(
  db: Db,
  record: RequestRecord,
  list: Need[],
  event: AuditEvent,
  now: number,
) {
  await db.batch([
    db.insert(requests).values({ ...record, createdAt: now, updatedAt: now }),
    ...list.map((need, i) => db.insert(needs).values(needRow(record.id, need, i)) as Stmt),
    recordAudit(db, event),
  ])
}

/** What other records add to a request's write: conditions on its update, statements under its guard. */
export interface AlsoWrite {
  where?: SQL[]
  stmts?: (guard: SQL) => Stmt[]
}

/**
 * A transition: the guarded update (status and version as read, and `also.where`), then the audit
 * event, the mails and `also.stmts`, which are written only if the update matched. False: someone
 * acted first.
 */
export async function applyTransition(
  db: Db,
  request: RequestRecord,
  patch: RequestPatch,
  event: AuditEvent,
  mails: Mail[],
  now: number,
  also: AlsoWrite = {},
): Promise<boolean> {
  const stamp = newId()
  const guard = stamped('requests', request.id, stamp)
  const [update] = await db.batch([
    db
      .update(requests)
      .set({ ...patch, updatedAt: now, stamp })
      .where(
        and(
          eq(requests.id, request.id),
          eq(requests.status, request.status),
          eq(requests.version, request.version),
          ...(also.where ?? []),
        ),
      ),
    auditIf(db, event, guard),
    ...mails.map((mail) => mailIf(db, mail, now, guard)),
    ...(also.stmts?.(guard) ?? []),
  ])
  return changes(update) === 1
}

/**
 * An edit: the guarded update of the request's fields (and `also.where`); its needs written row by
 * row — removed ones deleted, kept ones updated in place, new ones inserted — so that what hangs
 * off a need (alerts, assignments) stays with it; the audit event and mails; all only if the
 * version still matched. False: someone changed it first.
 */
export async function applyEdit(
  db: Db,
  before: RequestRecord,
  after: RequestRecord,
  list: { all: Need[]; insert: Need[]; remove: string[] },
  event: AuditEvent,
  mails: Mail[],
  now: number,
  also: AlsoWrite = {},
): Promise<boolean> {
  const stamp = newId()
  const guard = stamped('requests', before.id, stamp)
  const { id: _id, createdBy: _by, onBehalf: _ob, island: _is, ...fields } = after
  const fresh = new Set(list.insert.map((n) => n.id))
  const [update] = await db.batch([
    db
      .update(requests)
      .set({ ...fields, updatedAt: now, stamp })
      .where(
        and(
          eq(requests.id, before.id),
          eq(requests.status, before.status),
          eq(requests.version, before.version),
          ...(also.where ?? []),
        ),
      ),
    ...(list.remove.length
      ? [db.delete(needs).where(and(eq(needs.requestId, before.id), inArray(needs.id, list.remove), guard))]
      : []),
    ...list.all.map((need, i) => {
      const row = needRow(before.id, need, i)
      if (fresh.has(need.id)) return insertNeedIf(db, row, guard)
      const { id: _nid, requestId: _rid, ...values } = row
      return db
        .update(needs)
        .set(values)
        .where(and(eq(needs.id, need.id), eq(needs.requestId, before.id), guard))
    }),
    auditIf(db, event, guard),
    ...mails.map((mail) => mailIf(db, mail, now, guard)),
    ...(also.stmts?.(guard) ?? []),
  ])
  return changes(update) === 1
}

/** A need row inserted only under the guard (see db/guard.ts: insert … select, never db.run in a batch). */
function insertNeedIf(db: Db, n: NeedRow, guard: SQL) {
  const json = (v: string[] | null) => (v ? JSON.stringify(v) : null)
  const bool = (v: boolean | null) => (v == null ? null : v ? 1 : 0)
  return db.insert(needs).select(
    sql`select ${n.id}, ${n.requestId}, ${n.position}, ${n.kind}, ${n.role}, ${n.count}, ${n.minLevel}, ${json(n.languages)},
      ${json(n.preferredLanguages)}, ${bool(n.remoteOk)}, ${n.periodStart}, ${n.periodEnd}, ${n.notes}, ${n.unitType},
      ${n.description}, ${n.quantity}
    where ${guard}`,
  )
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

/** Filled per need: HRC units of accepted-or-later orders for a capacity need; people 0 until assignments exist. */
export async function filledByNeed(db: Db, list: Need[]): Promise<Map<string, number>> {
  const units = await unitsAgainst(
    db,
    list.filter((n) => n.kind === 'capacity').map((n) => n.id),
  )
  return new Map(list.map((n) => [n.id, units.get(n.id) ?? 0]))
}

/** How many visible requests stand in each status (the overview's figures). */
export async function countByStatus(
  db: Db,
  actor: Actor,
): Promise<Partial<Record<RequestRow['status'], number>>> {
  const [counts] = await readTogether(db, [statusCounts(db, actor)])
  return counts
}

/** countByStatus as a read for a batch (db/read.ts). */
export function statusCounts(db: Db, actor: Actor): Read<Partial<Record<RequestRow['status'], number>>> {
  const where = listWhere(actor, {})
  if (where === null) return none({})
  return read(
    db.select({ status: requests.status, n: count() }).from(requests).where(where).groupBy(requests.status),
    (rows) => Object.fromEntries(rows.map((r) => [r.status, r.n])),
  )
}
