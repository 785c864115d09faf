/**
 * What matching reads (docs/matching.md, "What a query fills in"): the need (or every open need)
 * with its request and incident, the pool with each person's roles, languages, documents, busy
 * periods, deployments, alerts and declines as JSON aggregates, and the travel-time table. The three
 * reads go out together: one round trip. Only coordinators read this; anyone else gets nothing.
 */
import { and, asc, desc, eq, inArray, type SQL, sql } from 'drizzle-orm'
import { can } from '../../pool/access/index.ts'
import type { PlanNeed } from '../../pool/allocation/index.ts'
import { addDays, today } from '../../pool/availability/index.ts'
import type { MatchCandidate, MatchNeed } from '../../pool/matching/index.ts'
import {
  ACTIVE_ASSIGNMENT_STATUSES,
  type AlertState,
  type Level,
  type Phase,
  type Priority,
  type Proficiency,
  type UnavailabilityReason,
} from '../../pool/reference/index.ts'
import type { Actor } from '../../pool/shared/index.ts'
import { functionaries, incidents, needs, requests, travelTimes } from '../schema/index.ts'
import type { Db } from '../types.ts'

const OPEN = ['acknowledged', 'in_progress'] as const
const list = (xs: readonly string[]) =>
  sql.join(
    xs.map((x) => sql`${x}`),
    sql`, `,
  )

const needColumns = {
  id: needs.id,
  requestId: needs.requestId,
  role: needs.role,
  count: needs.count,
  minLevel: needs.minLevel,
  languages: needs.languages,
  preferredLanguages: needs.preferredLanguages,
  remoteOk: needs.remoteOk,
  periodStart: sql<string>`coalesce(${needs.periodStart}, ${requests.periodStart})`,
  periodEnd: sql<string>`coalesce(${needs.periodEnd}, ${requests.periodEnd})`,
  island: requests.island,
  priority: requests.priority,
  phase: requests.phase,
  status: requests.status,
  submittedAt: requests.submittedAt,
  createdAt: requests.createdAt,
  title: requests.title,
  incidentId: requests.incidentId,
  struck: incidents.islands,
}
/** What `toMatchNeed` reads of a row selected with `needColumns`. */
interface NeedRow {
  id: string
  requestId: string
  role: string | null
  minLevel: Level | null
  languages: string[] | null
  preferredLanguages: string[] | null
  remoteOk: boolean | null
  periodStart: string
  periodEnd: string
  island: string
  priority: string
  phase: string
  struck: string[] | null
}

function toMatchNeed(r: NeedRow): MatchNeed {
  return {
    id: r.id,
    requestId: r.requestId,
    island: r.island,
    role: r.role ?? '',
    minLevel: r.minLevel ?? 'qualified',
    languages: r.languages ?? [],
    preferredLanguages: r.preferredLanguages ?? [],
    period: { start: r.periodStart, end: r.periodEnd },
    remoteOk: r.remoteOk ?? false,
    struckIslands: r.struck ?? [],
    priority: r.priority as Priority,
    phase: r.phase as Phase,
  }
}

/** The functionary need with its request's essentials, or undefined (not a functionary need, or not for this actor). */
export async function needForMatching(db: Db, actor: Actor, needId: string) {
  if (!can(actor, 'assignments:propose')) return undefined
  const [row] = await db
    .select(needColumns)
    .from(needs)
    .innerJoin(requests, eq(requests.id, needs.requestId))
    .leftJoin(incidents, eq(incidents.id, requests.incidentId))
    .where(
      and(
        eq(needs.id, needId),
        eq(needs.kind, 'functionary'),
        // A draft is the island's own working copy (db/queries/requests.ts): not for matching.
        sql`(${requests.status} <> 'draft' or ${requests.onBehalf} = 1)`,
      ),
    )
  return row
}

export type MatchNeedRow = NonNullable<Awaited<ReturnType<typeof needForMatching>>>
export const matchNeedOf = (row: MatchNeedRow): MatchNeed => toMatchNeed(row)

/** Every functionary need of an acknowledged or in-progress request (of one incident, when given), with its open slots. */
export async function openNeeds(db: Db, actor: Actor, incidentId?: string) {
  if (!can(actor, 'assignments:propose')) return []
  const rows = await db
    .select({
      ...needColumns,
      active: sql<number>`(select count(*) from assignments a where a.need_id = ${needs.id}
        and a.status in (${list(ACTIVE_ASSIGNMENT_STATUSES)}))`,
    })
    .from(needs)
    .innerJoin(requests, eq(requests.id, needs.requestId))
    .leftJoin(incidents, eq(incidents.id, requests.incidentId))
    .where(
      and(
        eq(needs.kind, 'functionary'),
        inArray(requests.status, [...OPEN]),
        incidentId ? eq(requests.incidentId, incidentId) : undefined,
      ),
    )
    .orderBy(
      sql`case ${requests.priority} when 'urgent' then 0 when 'high' then 1 else 2 end`,
      desc(sql`${requests.phase} = 'warm'`),
      asc(sql`coalesce(${requests.submittedAt}, ${requests.createdAt})`),
      asc(needs.position),
      asc(needs.id),
    )
  return rows.map((r) => ({
    row: r,
    need: {
      ...toMatchNeed(r),
      count: r.count ?? 1,
      filled: Number(r.active),
      submittedAt: r.submittedAt ?? r.createdAt,
    } satisfies PlanNeed,
  }))
}

/** The needs a plan covers, as a subquery: the pool's alerts and declines are read for these only. */
function openNeedIds(incidentId?: string): SQL {
  return sql`(select n.id from needs n join requests r on r.id = n.request_id
    where n.kind = 'functionary' and r.status in (${list(OPEN)})
    ${incidentId ? sql`and r.incident_id = ${incidentId}` : sql``})`
}

type Json<T> = string & { __json?: T }
const parse = <T>(v: Json<T> | null): T => (v ? JSON.parse(v) : []) as T

/**
 * The pool as matching reads it, by name and id; for one need, the people holding its role first
 * (the excluded list a coordinator reads starts with them). `needs` says whose alerts and declines
 * to read: one need, or the open needs of a plan. Unavailability older than a year is left out.
 */
export async function poolForMatching(
  db: Db,
  actor: Actor,
  opts: {
    needs: { needId: string } | { incidentId?: string }
    /** These people only (a proposal checks one, an alert round its recipients: at most 50). */
    only?: readonly string[]
    now: number
  },
): Promise<MatchCandidate[]> {
  if (!can(actor, 'assignments:propose')) return []
  const day = today(opts.now)
  const from = addDays(day, -366)
  const needSet = 'needId' in opts.needs ? sql`(${opts.needs.needId})` : openNeedIds(opts.needs.incidentId)
  // Correlated subqueries name the outer table in full: drizzle leaves its own columns unqualified.
  const me = sql.raw('"functionaries"."id"')
  const rows = await db
    .select({
      id: functionaries.id,
      name: functionaries.name,
      active: functionaries.active,
      base: functionaries.base,
      remoteCapable: functionaries.remoteCapable,
      travelDocumentExpiry: functionaries.travelDocumentExpiry,
      fitnessExpiry: functionaries.medicalFitnessExpiry,
      roles: sql<
        Json<{ role: string; level: Level }[]>
      >`(select json_group_array(json_object('role', r.role, 'level', r.level))
        from functionary_roles r where r.functionary_id = ${me})`,
      languages: sql<Json<{ language: string; proficiency: Proficiency }[]>>`(select json_group_array(
        json_object('language', l.language, 'proficiency', l.proficiency))
        from functionary_languages l where l.functionary_id = ${me})`,
      unavailable: sql<
        Json<{ start: string; end: string; reason: UnavailabilityReason }[]>
      >`(select json_group_array(
        json_object('start', u.start, 'end', u."end", 'reason', u.reason))
        from unavailability u where u.functionary_id = ${me} and u."end" >= ${from})`,
      assignments: sql<
        Json<{ start: string; end: string; island: string; needId: string }[]>
      >`(select json_group_array(
        json_object('start', a.period_start, 'end', a.period_end, 'island', a.island, 'needId', a.need_id))
        from assignments a where a.functionary_id = ${me} and a.status in (${list(ACTIVE_ASSIGNMENT_STATUSES)}))`,
      deployments: sql<Json<{ start: string; end: string; island: string }[]>>`(select json_group_array(
        json_object('start', a.period_start, 'end', a.period_end, 'island', a.island))
        from assignments a where a.functionary_id = ${me} and a.status in ('released', 'completed')
        and a.period_end >= ${addDays(day, -364)})`,
      lastDeploymentEnd: sql<string | null>`(select max(a.period_end) from assignments a
        where a.functionary_id = ${me} and a.status in ('released', 'completed'))`,
      alerts: sql<Json<{ needId: string; answer: string | null; deadline: number; sentAt: number }[]>>`(select
        json_group_array(json_object('needId', al.need_id, 'answer', al.answer, 'deadline', al.deadline,
        'sentAt', al.sent_at))
        from alerts al where al.functionary_id = ${me} and al.need_id in ${needSet})`,
      declined: sql<Json<string[]>>`(select json_group_array(a.need_id) from assignments a
        where a.functionary_id = ${me} and a.status = 'declined' and a.need_id in ${needSet})`,
    })
    .from(functionaries)
    .where(opts.only ? inArray(functionaries.id, [...opts.only]) : undefined)
    .orderBy(
      ...('needId' in opts.needs
        ? [
            desc(sql`exists (select 1 from functionary_roles h where h.functionary_id = ${me}
              and h.role = (select n.role from needs n where n.id = ${opts.needs.needId}))`),
          ]
        : []),
      asc(functionaries.name),
      asc(functionaries.id),
    )
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    active: r.active,
    base: r.base,
    remoteCapable: r.remoteCapable,
    travelDocumentExpiry: r.travelDocumentExpiry,
    fitnessExpiry: r.fitnessExpiry,
    roles: parse(r.roles),
    languages: parse(r.languages),
    unavailable: parse(r.unavailable),
    assignments: parse(r.assignments),
    deployments: parse(r.deployments),
    lastDeploymentEnd: r.lastDeploymentEnd,
    alerts: alertStates(parse(r.alerts), opts.now),
    declinedNeeds: parse(r.declined),
  }))
}

/** The latest alert per need, as a state: waiting (`sent`), answered either way, or `expired` without an answer. */
export function alertStates(
  rows: readonly { needId: string; answer: string | null; deadline: number; sentAt: number }[],
  now: number,
): { needId: string; state: AlertState }[] {
  const latest = new Map<string, (typeof rows)[number]>()
  for (const r of rows) {
    const seen = latest.get(r.needId)
    if (!seen || r.sentAt > seen.sentAt) latest.set(r.needId, r)
  }
  return [...latest.values()].map((r) => ({
    needId: r.needId,
    state: (r.answer ?? (r.deadline > now ? 'sent' : 'expired')) as AlertState,
  }))
}

/** The travel-time table's rows (a coordinator edits them: read, never cached across requests). */
export async function travelRows(db: Db) {
  return db
    .select({ fromCode: travelTimes.fromCode, toCode: travelTimes.toCode, minutes: travelTimes.minutes })
    .from(travelTimes)
}
