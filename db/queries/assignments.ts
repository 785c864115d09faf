/**
 * Assignments, read through the actor's scope (a coordinator or reader all, an island its own, a
 * functionary their own; anything else is "not found") and written as guarded batches. The rules
 * that must hold under concurrency are in the writes themselves: a person's active assignments
 * never overlap (the proposal's insert), a need never takes more people than its count (the offer
 * and acceptance), a step moves only from the state and version it was decided on.
 */

import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm'
import { can } from '../../pool/access/index.ts'
import {
  type Assignment,
  FILLED_ASSIGNMENT_STATUSES,
  type PersonFacts,
} from '../../pool/assignments/index.ts'
import {
  ACTIVE_ASSIGNMENT_STATUSES,
  type AlertAnswer,
  type AssignmentStatus,
  type Level,
  type Proficiency,
} from '../../pool/reference/index.ts'
import { type Actor, mailLocale } from '../../pool/shared/index.ts'
import {
  alerts,
  assignments,
  functionaries,
  functionaryRoles,
  needs,
  requests,
  travelTimes,
} from '../schema/index.ts'
import type { Db } from '../types.ts'
import { inSlices } from './hrc.ts'
import { needsOf, toRecord } from './requests.ts'

export type AssignmentRow = typeof assignments.$inferSelect

export function toAssignment(r: AssignmentRow): Assignment {
  return {
    id: r.id,
    needId: r.needId,
    requestId: r.requestId,
    island: r.island,
    functionaryId: r.functionaryId,
    status: r.status,
    periodStart: r.periodStart,
    periodEnd: r.periodEnd,
    travel:
      r.etd != null && r.eta != null && r.transport
        ? { etd: r.etd, eta: r.eta, transport: r.transport, reference: r.travelReference ?? '' }
        : null,
    reason: r.reason,
    confirmedBy: r.confirmedChannel
      ? { channel: r.confirmedChannel, note: r.confirmedNote ?? '', by: r.confirmedBy ?? '' }
      : null,
    onBehalf: r.onBehalf,
    flaggedAt: r.flaggedAt,
    proposedBy: r.proposedBy,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    offeredAt: r.offeredAt,
    acceptedAt: r.acceptedAt,
    arrivedAt: r.arrivedAt,
    releasedAt: r.releasedAt,
    endedAt: r.endedAt,
  }
}

/** What the actor may see; null: nothing at all. */
function scope(actor: Actor): SQL | undefined | null {
  if (!can(actor, 'assignments:read')) return null
  if (actor.role === 'island') return eq(assignments.island, actor.island ?? '')
  if (actor.role === 'functionary') return eq(assignments.functionaryId, actor.functionaryId ?? '')
  return undefined
}

/** An assignment with what its pages and mails name: the person, the need's role, the request. */
const detailColumns = {
  row: assignments,
  name: functionaries.name,
  base: functionaries.base,
  role: needs.role,
  count: needs.count,
  minLevel: needs.minLevel,
  title: requests.title,
  contact: requests.contact,
  requestStatus: requests.status,
}

function withDetails(db: Db) {
  return db
    .select(detailColumns)
    .from(assignments)
    .innerJoin(functionaries, eq(functionaries.id, assignments.functionaryId))
    .innerJoin(requests, eq(requests.id, assignments.requestId))
    .leftJoin(needs, eq(needs.id, assignments.needId))
}

const detail = (r: Awaited<ReturnType<ReturnType<typeof withDetails>['execute']>>[number]) => ({
  assignment: toAssignment(r.row),
  name: r.name,
  base: r.base,
  role: r.role ?? '',
  count: r.count ?? 0,
  minLevel: r.minLevel,
  title: r.title,
  contact: r.contact,
  requestStatus: r.requestStatus,
})
export type Detailed = ReturnType<typeof detail>

export async function findAssignment(db: Db, actor: Actor, id: string): Promise<Detailed | undefined> {
  const visible = scope(actor)
  if (visible === null) return undefined
  const [row] = await withDetails(db).where(and(eq(assignments.id, id), visible))
  return row ? detail(row) : undefined
}

export interface AssignmentFilters {
  status?: readonly AssignmentStatus[]
  needId?: string
  requestId?: string
  functionaryId?: string
}

/** The visible assignments, newest first (limit 500: a page of the API). */
export async function listAssignments(db: Db, actor: Actor, f: AssignmentFilters = {}, limit = 500) {
  const visible = scope(actor)
  if (visible === null) return []
  const rows = await withDetails(db)
    .where(
      and(
        visible,
        f.status?.length ? inArray(assignments.status, [...f.status]) : undefined,
        f.needId ? eq(assignments.needId, f.needId) : undefined,
        f.requestId ? eq(assignments.requestId, f.requestId) : undefined,
        f.functionaryId ? eq(assignments.functionaryId, f.functionaryId) : undefined,
      ),
    )
    .orderBy(desc(assignments.updatedAt), asc(assignments.id))
    .limit(limit)
  return rows.map(detail)
}

/** Assignments by a column, unscoped: for decisions the service has already authorised. */
async function rowsWhere(db: Db, where: SQL) {
  return (await db.select().from(assignments).where(where)).map(toAssignment)
}
export const assignmentsOfNeed = (db: Db, needId: string) => rowsWhere(db, eq(assignments.needId, needId))
export const assignmentsOfRequest = (db: Db, requestId: string) =>
  rowsWhere(db, eq(assignments.requestId, requestId))
export const assignmentsOfPerson = (db: Db, functionaryId: string) =>
  rowsWhere(db, eq(assignments.functionaryId, functionaryId))
/** One person's assignments for one need (the alert answer path). */
export const assignmentsOfPersonForNeed = (db: Db, functionaryId: string, needId: string) =>
  rowsWhere(db, and(eq(assignments.functionaryId, functionaryId), eq(assignments.needId, needId))!)

export interface NeedFill {
  filled: number
  offered: number
  proposed: number
}

/** Per need: accepted-or-later (filled), offered and proposed assignments. */
export async function fillByNeed(db: Db, needIds: readonly string[]): Promise<Map<string, NeedFill>> {
  const out = new Map<string, NeedFill>()
  if (needIds.length === 0) return out
  const rows = await inSlices(needIds, (slice) =>
    db
      .select({ needId: assignments.needId, status: assignments.status, n: sql<number>`count(*)` })
      .from(assignments)
      .where(inArray(assignments.needId, slice))
      .groupBy(assignments.needId, assignments.status),
  )
  for (const r of rows) {
    const fill = out.get(r.needId) ?? { filled: 0, offered: 0, proposed: 0 }
    const n = Number(r.n)
    if ((FILLED_ASSIGNMENT_STATUSES as readonly string[]).includes(r.status)) fill.filled += n
    else if (r.status === 'offered') fill.offered += n
    else if (r.status === 'proposed') fill.proposed += n
    out.set(r.needId, fill)
  }
  return out
}

/** The person as an offer shows them and as mails reach them: level in `role`, languages, account language. */
export async function personFacts(db: Db, functionaryId: string, role: string | null) {
  const [row] = await db
    .select({
      id: functionaries.id,
      name: functionaries.name,
      email: functionaries.email,
      organisation: functionaries.organisation,
      base: functionaries.base,
      active: functionaries.active,
      account: sql<
        string | null
      >`(select u.locale from users u where u.functionary_id = "functionaries"."id" limit 1)`,
      level: sql<Level | null>`(select r.level from functionary_roles r where r.functionary_id = "functionaries"."id"
        and r.role = ${role ?? ''})`,
      languages: sql<string>`(select json_group_array(json_object('language', l.language, 'proficiency', l.proficiency))
        from functionary_languages l where l.functionary_id = "functionaries"."id")`,
    })
    .from(functionaries)
    .where(eq(functionaries.id, functionaryId))
  if (!row) return undefined
  const languages = JSON.parse(row.languages) as { language: string; proficiency: Proficiency }[]
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    locale: mailLocale(row.account, languages),
    level: row.level,
    languages: languages.map((l) => l.language),
    organisation: row.organisation,
    base: row.base,
  } satisfies PersonFacts
}

/** The door-to-door minutes from a base to an island, when the table has the leg. */
export async function travelMinutes(db: Db, from: string, to: string): Promise<number | null> {
  const [row] = await db
    .select({ minutes: travelTimes.minutes })
    .from(travelTimes)
    .where(and(eq(travelTimes.fromCode, from), eq(travelTimes.toCode, to)))
  return row?.minutes ?? null
}

/** The person's latest answer to an alert for the need (null: not asked, or no answer). */
export async function latestAnswer(
  db: Db,
  functionaryId: string,
  needId: string,
): Promise<AlertAnswer | null> {
  const [row] = await db
    .select({ answer: alerts.answer })
    .from(alerts)
    .where(and(eq(alerts.functionaryId, functionaryId), eq(alerts.needId, needId)))
    .orderBy(desc(alerts.sentAt), desc(alerts.id))
    .limit(1)
  return row?.answer ?? null
}

/** A request with its needs, unscoped: for decisions about an assignment the actor may already see. */
export async function requestOfAssignment(db: Db, requestId: string) {
  const [row] = await db.select().from(requests).where(eq(requests.id, requestId))
  if (!row) return undefined
  const list = (await needsOf(db, [requestId])).get(requestId) ?? []
  return { request: toRecord(row), needs: list }
}

/**
 * Source 2 of "busy" (pool/availability): the active assignments of the role's members that touch
 * `window`, with the island they serve as the reason. Joined on the role, as unavailability is.
 */
export async function assignedInRole(
  db: Db,
  actor: Actor,
  role: string,
  window: { start: string; end: string },
) {
  if (!can(actor, 'pool:read')) return []
  const rows = await db
    .select({
      functionaryId: assignments.functionaryId,
      start: assignments.periodStart,
      end: assignments.periodEnd,
      reason: assignments.island,
    })
    .from(assignments)
    .innerJoin(functionaryRoles, eq(functionaryRoles.functionaryId, assignments.functionaryId))
    .where(
      and(
        eq(functionaryRoles.role, role),
        inArray(assignments.status, [...ACTIVE_ASSIGNMENT_STATUSES]),
        sql`${assignments.periodStart} <= ${window.end}`,
        sql`${assignments.periodEnd} >= ${window.start}`,
      ),
    )
  return rows.map((r) => ({ ...r, source: 'assignment' as const }))
}
