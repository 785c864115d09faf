/**
 * Unavailability periods, the busy periods of a role's members and a functionary's own alerts,
 * read through the actor's scope (pool/availability.ts `mayPlan`); writes are one batch with the
 * audit event.
 */
import { and, asc, eq, gte, lte, type SQL, sql } from 'drizzle-orm'
import { can } from '../../pool/access/index.ts'
import {
  type Busy,
  type Member,
  mayPlan,
  type Period,
  type UnavailabilityRecord,
} from '../../pool/availability/index.ts'
import type { Actor, AuditEvent } from '../../pool/shared/index.ts'
import { auditIf } from '../guard.ts'
import { functionaries, functionaryRoles, unavailability, users } from '../schema/index.ts'
import { changes, type Db } from '../types.ts'
import { recordAudit } from './audit.ts'

/** The functionary whose availability the actor may see and plan; undefined: 404 (or 403 upstream). */
export async function findPlannable(db: Db, actor: Actor, id: string) {
  if (mayPlan(actor, id)) return undefined
  const [row] = await db
    .select({
      id: functionaries.id,
      name: functionaries.name,
      base: functionaries.base,
      active: functionaries.active,
    })
    .from(functionaries)
    .where(eq(functionaries.id, id))
  return row
}

/** The periods of one functionary (already found through `findPlannable`), with who entered each. */
export async function periodsOf(db: Db, functionaryId: string, opts: { endingFrom?: string } = {}) {
  return db
    .select({
      id: unavailability.id,
      functionaryId: unavailability.functionaryId,
      start: unavailability.start,
      end: unavailability.end,
      reason: unavailability.reason,
      note: unavailability.note,
      createdBy: unavailability.createdBy,
      createdAt: unavailability.createdAt,
      createdByName: users.name,
    })
    .from(unavailability)
    .leftJoin(users, eq(users.id, unavailability.createdBy))
    .where(
      and(
        eq(unavailability.functionaryId, functionaryId),
        opts.endingFrom ? gte(unavailability.end, opts.endingFrom) : undefined,
      ),
    )
    .orderBy(asc(unavailability.start), asc(unavailability.end), asc(unavailability.id))
    .limit(500)
}

export type PeriodRow = Awaited<ReturnType<typeof periodsOf>>[number]

export async function findPeriod(db: Db, functionaryId: string, id: string) {
  const [row] = await db
    .select()
    .from(unavailability)
    .where(and(eq(unavailability.id, id), eq(unavailability.functionaryId, functionaryId)))
  return row
}

export async function insertPeriod(db: Db, period: UnavailabilityRecord, event: AuditEvent) {
  await db.batch([db.insert(unavailability).values(period), recordAudit(db, event)])
}

/**
 * Deletes a period with its audit event. The event goes first, guarded by the row still being
 * there, so that a period deleted twice (two tabs) is recorded once. False: it was already gone.
 */
export async function deletePeriod(db: Db, period: { id: string; functionaryId: string }, event: AuditEvent) {
  const present: SQL = sql`exists (select 1 from unavailability where id = ${period.id})`
  const [, removed] = await db.batch([
    auditIf(db, event, present),
    db
      .delete(unavailability)
      .where(and(eq(unavailability.id, period.id), eq(unavailability.functionaryId, period.functionaryId))),
  ])
  return changes(removed) === 1
}

/**
 * Active functionaries holding `role`, with their level in it; none for who may not read the pool.
 * Every member is needed (the grid counts who is free), so they come as one JSON value: a row
 * each costs the driver more than the whole query at the size of a season's pool. They come
 * nearly in the grid's order (senior first, then by name), which leaves the grid's own sort by
 * the reader's collation little to do.
 */
export async function roleMembers(db: Db, actor: Actor, role: string): Promise<Member[]> {
  if (!can(actor, 'pool:read')) return []
  const row = await db.get<{ members: string | null }>(sql`select
      json_group_array(json_array(id, name, base, level)) as members
    from (select ${functionaries.id} as id, ${functionaries.name} as name, ${functionaries.base} as base,
        ${functionaryRoles.level} as level
      from ${functionaryRoles} join ${functionaries} on ${functionaries.id} = ${functionaryRoles.functionaryId}
      where ${functionaryRoles.role} = ${role} and ${functionaries.active} = 1
      order by case ${functionaryRoles.level} when 'senior' then 0 when 'qualified' then 1 else 2 end,
        ${functionaries.name} collate nocase, ${functionaries.id})`)
  const members = JSON.parse(row?.members ?? '[]') as [string, string, string, string][]
  return members.map(([id, name, base, level]) => ({ id, name, base, level }))
}

/**
 * Source 1 of "busy": declared unavailability of the role's members that touches `window`.
 * Joined on the role instead of a list of ids, which would outgrow D1's 100 bound parameters.
 * Assignments (the matching issue) will be a second source returning the same `Busy` shape.
 */
export async function unavailableInRole(db: Db, actor: Actor, role: string, window: Period): Promise<Busy[]> {
  if (!can(actor, 'pool:read')) return []
  const rows = await db
    .select({
      functionaryId: unavailability.functionaryId,
      start: unavailability.start,
      end: unavailability.end,
      reason: unavailability.reason,
    })
    .from(unavailability)
    .innerJoin(functionaryRoles, eq(functionaryRoles.functionaryId, unavailability.functionaryId))
    .where(
      and(
        eq(functionaryRoles.role, role),
        lte(unavailability.start, window.end),
        gte(unavailability.end, window.start),
      ),
    )
  return rows.map((r) => ({ ...r, source: 'unavailability' as const }))
}
