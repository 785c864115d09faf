/**
 * Dispatch orders: read within the reader's scope (an island sees only the orders sent to it), and
 * written as guarded batches. Creating an order inserts its units as active rows; the partial
 * unique index on them refuses a unit already in another active order, which fails the whole
 * batch: two simultaneous orders of one unit give one order, never two.
 */
import { and, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm'
import { can } from '../../pool/access/index.ts'
import { type DispatchRecord, isActiveDispatch, type UnitChange } from '../../pool/hrc/index.ts'
import type { BaseCode, DispatchStatus, IslandCode } from '../../pool/reference/index.ts'
import { type Actor, type AuditEvent, type Mail, newId } from '../../pool/shared/index.ts'
import { auditIf, stamped } from '../guard.ts'
import { hrcDispatches, hrcDispatchUnits } from '../schema/index.ts'
import type { Db, Stmt } from '../types.ts'
import { recordAudit } from './audit.ts'
import { abortUnless, dependents, inSlices, lostRace, unitsStamped, unitUpdate } from './hrc.ts'
import { enqueueMail } from './outbox.ts'

type Row = typeof hrcDispatches.$inferSelect

function toDispatch(row: Row, unitIds: string[]): DispatchRecord {
  const capacity =
    row.capacityWeightKg == null && row.capacityVolumeM3 == null
      ? null
      : { weightKg: row.capacityWeightKg, volumeM3: row.capacityVolumeM3 }
  return {
    id: row.id,
    unitIds,
    island: row.island as IslandCode,
    needId: row.needId,
    requestId: row.requestId,
    status: row.status,
    etd: row.etd,
    eta: row.eta,
    transport: row.transport,
    carrier: row.carrier,
    capacity,
    payload: { people: row.payloadPeople, weightKg: row.payloadWeightKg, volumeM3: row.payloadVolumeM3 },
    reason: row.reason,
    cause: row.cause,
    onBehalf: row.onBehalf,
    statusAt: row.statusAt,
    createdAt: row.createdAt,
    createdBy: row.createdBy,
    version: row.version,
  }
}

async function withUnits(db: Db, rows: Row[]): Promise<DispatchRecord[]> {
  const links = await inSlices(
    rows.map((r) => r.id),
    (slice) =>
      db
        .select()
        .from(hrcDispatchUnits)
        .where(inArray(hrcDispatchUnits.dispatchId, slice))
        .orderBy(hrcDispatchUnits.position),
  )
  return rows.map((r) =>
    toDispatch(
      r,
      links.filter((l) => l.dispatchId === r.id).map((l) => l.unitId),
    ),
  )
}

/** What the actor may see: HRC readers every order, an island those sent to it, others none. */
function scope(actor: Actor): SQL | undefined | null {
  if (!can(actor, 'hrc:dispatches')) return null
  return actor.role === 'island' ? eq(hrcDispatches.island, actor.island ?? '') : undefined
}

type DispatchFilters = { island?: string; active?: boolean }
const ENDED = sql`${hrcDispatches.status} in ('declined', 'cancelled', 'returned')`

function listWhere(actor: Actor, filters: DispatchFilters): SQL | undefined | null {
  const visible = scope(actor)
  if (visible === null) return null
  return and(
    visible,
    filters.island ? eq(hrcDispatches.island, filters.island) : undefined,
    filters.active ? sql`not ${ENDED}` : undefined,
  )
}

/** The newest first (the id breaks ties, so pages do not overlap); `island` and `active` narrow the list. */
export async function listDispatches(
  db: Db,
  actor: Actor,
  filters: DispatchFilters = {},
  page: { limit: number; offset: number } = { limit: 200, offset: 0 },
): Promise<DispatchRecord[]> {
  const where = listWhere(actor, filters)
  if (where === null) return []
  const rows = await db
    .select()
    .from(hrcDispatches)
    .where(where)
    .orderBy(desc(hrcDispatches.createdAt), desc(hrcDispatches.id))
    .limit(page.limit)
    .offset(page.offset)
  return withUnits(db, rows)
}

export async function countDispatches(db: Db, actor: Actor, filters: DispatchFilters = {}): Promise<number> {
  const where = listWhere(actor, filters)
  if (where === null) return 0
  const [row] = await db.select({ n: count() }).from(hrcDispatches).where(where)
  return row?.n ?? 0
}

export async function findDispatch(db: Db, actor: Actor, id: string): Promise<DispatchRecord | undefined> {
  const visible = scope(actor)
  if (visible === null) return undefined
  const rows = await db
    .select()
    .from(hrcDispatches)
    .where(and(eq(hrcDispatches.id, id), visible))
  return (await withUnits(db, rows))[0]
}

/** The orders against a request's needs (for cancelling them when the request ends; no scope: the service checked). */
export async function dispatchesOfRequest(db: Db, requestId: string): Promise<DispatchRecord[]> {
  const rows = await db.select().from(hrcDispatches).where(eq(hrcDispatches.requestId, requestId))
  return withUnits(db, rows)
}

/** Units of the order with the readiness (and, on arrival or return, the location) they take. */
export type UnitMove = UnitChange & { location?: BaseCode }

/** The batch of a new order; 'taken' when a unit went into another order first, 'lost' when a unit moved. */
export async function insertDispatch(
  db: Db,
  d: DispatchRecord,
  units: readonly UnitMove[],
  events: readonly AuditEvent[],
  mails: readonly Mail[],
  now: number,
): Promise<'ok' | 'lost'> {
  const stamp = newId()
  const stmts: Stmt[] = [
    ...units.map((u) => unitUpdate(db, u, stamp, { dispatch: null })),
    ...(units.length
      ? [
          abortUnless(
            db,
            unitsStamped(
              units.map((u) => u.unitId),
              stamp,
            ),
          ),
        ]
      : []),
    db.insert(hrcDispatches).values({
      id: d.id,
      island: d.island,
      needId: d.needId,
      requestId: d.requestId,
      kind: d.needId ? 'need' : 'prepositioning',
      status: d.status,
      etd: d.etd,
      eta: d.eta,
      transport: d.transport,
      carrier: d.carrier,
      capacityWeightKg: d.capacity?.weightKg ?? null,
      capacityVolumeM3: d.capacity?.volumeM3 ?? null,
      payloadPeople: d.payload.people,
      payloadWeightKg: d.payload.weightKg,
      payloadVolumeM3: d.payload.volumeM3,
      reason: d.reason,
      cause: d.cause,
      onBehalf: d.onBehalf,
      statusAt: d.statusAt,
      createdAt: d.createdAt,
      createdBy: d.createdBy,
      updatedAt: now,
      version: d.version,
      stamp,
    }),
    // The decisive write: a unit already active elsewhere breaks the partial unique index.
    db
      .insert(hrcDispatchUnits)
      .values(d.unitIds.map((unitId, position) => ({ dispatchId: d.id, unitId, position, active: true }))),
    ...events.map((e) => recordAudit(db, e)),
    ...mails.map((m) => enqueueMail(db, m, now)),
  ]
  try {
    await db.batch(stmts as [Stmt, ...Stmt[]])
    return 'ok'
  } catch (err) {
    if (lostRace(err)) return 'lost'
    throw err // unitTaken(err): the caller answers 409
  }
}

export interface StepWrite {
  dispatch: DispatchRecord
  patch: Partial<DispatchRecord> & { status: DispatchStatus; statusAt: number; version: number }
  guard: { status: DispatchStatus; version: number }
  units: readonly UnitMove[]
  events: readonly AuditEvent[]
  mails: readonly Mail[]
}

/**
 * The statements of one order's step: the guarded UPDATE (status and version as read, and `when`),
 * its units released from the active index when the order ends, the units following, and events
 * and mails — all under the order's new stamp. With `strict`, the batch aborts unless the order
 * and every unit moved (a step by hand); without, an order that moved first is simply left alone.
 */
export function stepStatements(db: Db, w: StepWrite, now: number, opts: { when?: SQL; strict: boolean }) {
  const stamp = newId()
  const mine = stamped('hrc_dispatches', w.dispatch.id, stamp)
  const { status, statusAt, version, reason, onBehalf, cause } = w.patch
  const ids = w.units.map((u) => u.unitId)
  const moved = ids.length ? sql`${mine} and ${unitsStamped(ids, stamp)}` : mine
  return [
    db
      .update(hrcDispatches)
      .set({
        status,
        statusAt,
        version,
        updatedAt: now,
        stamp,
        ...(reason !== undefined ? { reason } : {}),
        ...(onBehalf !== undefined ? { onBehalf } : {}),
        ...(cause !== undefined ? { cause } : {}),
      })
      .where(
        and(
          eq(hrcDispatches.id, w.dispatch.id),
          eq(hrcDispatches.status, w.guard.status),
          eq(hrcDispatches.version, w.guard.version),
          opts.when,
        ),
      ),
    ...(isActiveDispatch(status)
      ? []
      : [
          db
            .update(hrcDispatchUnits)
            .set({ active: false })
            .where(and(eq(hrcDispatchUnits.dispatchId, w.dispatch.id), mine)),
        ]),
    ...w.units.map((u) => unitUpdate(db, u, stamp, { when: mine })),
    ...(opts.strict ? [abortUnless(db, moved)] : []),
    // A unit's rung events only if that unit moved (without `strict` one may have moved first).
    ...w.events.map((e) =>
      auditIf(db, e, e.entity === 'hrc_unit' ? stamped('hrc_units', e.entityId, stamp) : mine),
    ),
    ...dependents(db, [], w.mails, now, mine),
  ] as Stmt[]
}

/** One step by hand; false when the order or one of its units changed first (nothing written). */
export async function applyDispatchStep(db: Db, w: StepWrite, now: number): Promise<boolean> {
  try {
    await db.batch(stepStatements(db, w, now, { strict: true }) as [Stmt, ...Stmt[]])
    return true
  } catch (err) {
    if (lostRace(err)) return false
    throw err
  }
}
