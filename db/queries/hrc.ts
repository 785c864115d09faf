/**
 * HRC units as the database holds them, read only by those who may (a unit outside the reader's
 * reach is `undefined` → 404), and their readiness written as guarded batches: every unit's
 * UPDATE matches the readiness and version pool/hrc decided from, and a batch that moves several
 * units is rolled back whole when one of them moved meanwhile (`abortUnless`).
 */
import { and, asc, eq, inArray, type SQL, sql } from 'drizzle-orm'
import { can } from '../../pool/access/index.ts'
import type { ActiveDispatchRef, HrcRecipients, UnitChange, UnitRecord } from '../../pool/hrc/index.ts'
import type { BaseCode, DispatchStatus, IslandCode, UiLocale } from '../../pool/reference/index.ts'
import type { Actor, AuditEvent, Mail } from '../../pool/shared/index.ts'
import { auditIf, mailIf } from '../guard.ts'
import { hrcAdvisories, hrcDispatches, hrcDispatchUnits, hrcUnits, users } from '../schema/index.ts'
import { changes, type Db, type Stmt } from '../types.ts'
import { valuesList } from '../values.ts'
import { recordAudit } from './audit.ts'

export type UnitRow = typeof hrcUnits.$inferSelect

/** D1 binds at most 100 parameters per statement: a long list of ids is read in slices of 90. */
export async function inSlices<T>(
  ids: readonly string[],
  read: (slice: string[]) => Promise<T[]>,
): Promise<T[]> {
  const slices: string[][] = []
  for (let i = 0; i < ids.length; i += 90) slices.push(ids.slice(i, i + 90))
  return (await Promise.all(slices.map(read))).flat()
}

export function toUnit(row: UnitRow): UnitRecord {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    type: row.type,
    people: row.people,
    leader: row.leaderName
      ? { name: row.leaderName, phone: row.leaderPhone ?? '', email: row.leaderEmail ?? '' }
      : null,
    weightKg: row.weightKg,
    volumeM3: row.volumeM3,
    selfSufficientDays: row.selfSufficientDays,
    base: row.base as BaseCode,
    location: row.location as BaseCode,
    islands: row.islands as IslandCode[],
    notes: row.notes,
    readiness: row.readiness,
    readinessAt: row.readinessAt,
    version: row.version,
  }
}

/** A unit's facts as columns (the leader flattened); readiness and version are the ladder's. */
function columns(u: Partial<UnitRecord>) {
  const { leader, id: _id, readiness: _r, readinessAt: _a, version: _v, ...rest } = u
  return {
    ...rest,
    ...(leader === undefined
      ? {}
      : {
          leaderName: leader?.name ?? null,
          leaderPhone: leader?.phone || null,
          leaderEmail: leader?.email || null,
        }),
  }
}

/** Every unit, by code, for those who read HRC; nobody else sees any. */
export async function listUnits(db: Db, actor: Actor): Promise<UnitRecord[]> {
  if (!can(actor, 'hrc:read')) return []
  const rows = await db.select().from(hrcUnits).orderBy(asc(hrcUnits.code))
  return rows.map(toUnit)
}

export async function findUnit(db: Db, actor: Actor, id: string): Promise<UnitRecord | undefined> {
  if (!can(actor, 'hrc:read')) return undefined
  const [row] = await db.select().from(hrcUnits).where(eq(hrcUnits.id, id))
  return row ? toUnit(row) : undefined
}

/** Units by id whatever the reader (the service has already checked who may see the order they are in). */
export async function unitsByIds(db: Db, ids: readonly string[]): Promise<UnitRecord[]> {
  const rows = await inSlices([...new Set(ids)], (slice) =>
    db.select().from(hrcUnits).where(inArray(hrcUnits.id, slice)),
  )
  const byId = new Map(rows.map((r) => [r.id, toUnit(r)]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}

export async function unitCodes(db: Db): Promise<string[]> {
  return (await db.select({ code: hrcUnits.code }).from(hrcUnits)).map((r) => r.code)
}

/** The active dispatch each unit is in, if any (at most one: the partial unique index). */
export async function activeDispatches(db: Db, unitIds?: readonly string[]) {
  const read = (slice?: string[]) =>
    db
      .select({ unitId: hrcDispatchUnits.unitId, id: hrcDispatches.id, status: hrcDispatches.status })
      .from(hrcDispatchUnits)
      .innerJoin(hrcDispatches, eq(hrcDispatches.id, hrcDispatchUnits.dispatchId))
      .where(
        and(eq(hrcDispatchUnits.active, true), slice ? inArray(hrcDispatchUnits.unitId, slice) : undefined),
      )
  const rows = unitIds ? await inSlices(unitIds, read) : await read()
  return new Map<string, ActiveDispatchRef>(rows.map((r) => [r.unitId, { id: r.id, status: r.status }]))
}

/**
 * Who hears of HRC decisions: coordinators, dispatchers, the island's team, and the language of each
 * of them and of the unit leaders who have an account (a leader without one is written to in English).
 */
export async function hrcRecipients(
  db: Db,
  island: string | null,
  leaders: readonly (string | null | undefined)[] = [],
): Promise<HrcRecipients> {
  const emails = [...new Set(leaders.flatMap((e) => (e ? [e.trim().toLowerCase()] : [])))]
  const columns = { email: users.email, locale: users.locale, role: users.role, island: users.island }
  const chunks = Array.from({ length: Math.ceil(emails.length / 90) }, (_, i) =>
    emails.slice(i * 90, i * 90 + 90),
  )
  const [staff, ...known] = await Promise.all([
    db
      .select(columns)
      .from(users)
      .where(and(eq(users.active, true), inArray(users.role, ['coordinator', 'dispatcher', 'island']))),
    ...chunks.map((chunk) =>
      db
        .select(columns)
        .from(users)
        .where(and(eq(users.active, true), inArray(sql`lower(${users.email})`, chunk))),
    ),
  ])
  const locale = (l: string): UiLocale => (l === 'nl' || l === 'pap' ? l : 'en')
  const reader = (r: (typeof staff)[number]) => ({ email: r.email, locale: locale(r.locale) })
  const rows = [...staff, ...known.flat()]
  return {
    coordinators: staff.filter((r) => r.role === 'coordinator').map(reader),
    dispatchers: staff.filter((r) => r.role === 'dispatcher').map(reader),
    island: island ? staff.filter((r) => r.role === 'island' && r.island === island).map(reader) : [],
    locales: Object.fromEntries(rows.map((r) => [r.email.toLowerCase(), locale(r.locale)])),
  }
}

/**
 * A batch cannot branch, but it can fail: this insert breaks a NOT NULL constraint unless `guard`
 * holds, and a failed statement rolls the whole batch back (libSQL and D1 alike). The column it
 * breaks names the cause, so that `lostRace` can tell it from any other failure.
 */
export function abortUnless(db: Db, guard: SQL) {
  return db
    .insert(hrcAdvisories)
    .select(sql`select 'abort', null, 0, 0, 'track', null, null, '[]', '[]', null where not (${guard})`)
}

const causes = (e: unknown): string => (e instanceof Error ? `${e.message} ${causes(e.cause)}` : '')
/** The batch was rolled back by `abortUnless`: something it depended on changed first. */
export const lostRace = (err: unknown) => /hrc_advisories\.threat_id/.test(causes(err))
/** The batch broke the one-active-dispatch-per-unit index: a unit was sent elsewhere first. */
export const unitTaken = (err: unknown) => /hrc_dispatch_units\.unit_id/.test(causes(err))
/** The batch broke the unique unit code. */
export const codeTaken = (err: unknown) => /hrc_units\.code/.test(causes(err))

/** "These units all carry this batch's stamp": the guard the rows that depend on their moves check. */
export const unitsStamped = (ids: readonly string[], stamp: string): SQL =>
  sql`(select count(*) from ${hrcUnits} where ${hrcUnits.stamp} = ${stamp}) = ${ids.length}`

/** Where a unit's active dispatch must stand for a hand's step: in none, or in one of these states. */
export type DispatchGuard = null | readonly DispatchStatus[]

function dispatchCondition(unitId: string, guard: DispatchGuard | undefined): SQL | undefined {
  if (guard === undefined) return undefined
  const active = sql`select 1 from ${hrcDispatchUnits} du join ${hrcDispatches} d on d.id = du.dispatch_id
    where du.unit_id = ${unitId} and du.active = 1`
  if (guard === null) return sql`not exists (${active})`
  return sql`exists (${active} and d.status in (${valuesList(guard)}))`
}

/**
 * One unit's guarded move: readiness and version as decided from, plus `extra` (a dispatch's stamp,
 * or where its active dispatch must stand), and the batch's stamp for what depends on it.
 */
export function unitUpdate(
  db: Db,
  change: UnitChange & { location?: BaseCode },
  stamp: string,
  extra?: { dispatch?: DispatchGuard; when?: SQL },
) {
  const { readiness, readinessAt, version } = change.patch
  return db
    .update(hrcUnits)
    .set({
      readiness,
      readinessAt,
      version,
      stamp,
      ...(change.location ? { location: change.location } : {}),
    })
    .where(
      and(
        eq(hrcUnits.id, change.unitId),
        eq(hrcUnits.readiness, change.guard.readiness),
        eq(hrcUnits.version, change.guard.version),
        dispatchCondition(change.unitId, extra?.dispatch),
        extra?.when,
      ),
    )
}

/** The audit events and mails of a batch, each written only when `guard` holds. */
export function dependents(
  db: Db,
  events: readonly AuditEvent[],
  mails: readonly Mail[],
  now: number,
  guard: SQL,
) {
  return [
    ...events.map((e) => auditIf(db, e, guard)),
    ...mails.map((m) => mailIf(db, m, now, guard)),
  ] as Stmt[]
}

/**
 * Units moved by hand or by a threat's proposal: each guarded (and, per unit, where its dispatch
 * must stand), events and mails under "every unit moved", and the whole batch rolled back when one
 * did not. False: a unit changed first.
 */
export async function writeMoves(
  db: Db,
  moves: readonly { change: UnitChange; dispatch: DispatchGuard }[],
  events: readonly AuditEvent[],
  mails: readonly Mail[],
  now: number,
  stamp: string,
): Promise<boolean> {
  if (moves.length === 0) return true
  const ids = moves.map((m) => m.change.unitId)
  const guard = unitsStamped(ids, stamp)
  const stmts: Stmt[] = [
    ...moves.map((m) => unitUpdate(db, m.change, stamp, { dispatch: m.dispatch })),
    abortUnless(db, guard),
    ...dependents(db, events, mails, now, guard),
  ]
  try {
    await db.batch(stmts as [Stmt, ...Stmt[]])
    return true
  } catch (err) {
    if (lostRace(err)) return false
    throw err
  }
}

/** A new unit and its event; throws on a code taken meanwhile (`codeTaken`). */
export async function insertUnit(db: Db, unit: UnitRecord, event: AuditEvent) {
  await db.batch([
    db.insert(hrcUnits).values({
      id: unit.id,
      code: unit.code,
      name: unit.name,
      type: unit.type,
      people: unit.people,
      base: unit.base,
      readiness: unit.readiness,
      readinessAt: unit.readinessAt,
      version: unit.version,
      ...columns({ leader: unit.leader }),
      weightKg: unit.weightKg,
      volumeM3: unit.volumeM3,
      selfSufficientDays: unit.selfSufficientDays,
      location: unit.location,
      islands: unit.islands,
      notes: unit.notes,
    }),
    recordAudit(db, event),
  ])
}

/** An edit of a unit's facts, guarded by the version read; false when someone changed it first. */
export async function updateUnit(
  db: Db,
  unit: UnitRecord,
  patch: Partial<UnitRecord> & { version: number },
  event: AuditEvent,
  stamp: string,
): Promise<boolean> {
  const { version, ...facts } = patch
  const [update] = await db.batch([
    db
      .update(hrcUnits)
      .set({ ...columns(facts), version, stamp })
      .where(and(eq(hrcUnits.id, unit.id), eq(hrcUnits.version, unit.version))),
    auditIf(db, event, sql`exists (select 1 from ${hrcUnits} where id = ${unit.id} and stamp = ${stamp})`),
  ])
  return changes(update) === 1
}
