/**
 * The needs matching works on (docs/matching.md, "What a query fills in"): one functionary need
 * with its request's essentials, or every open one, most urgent first, with its filled slots.
 * Only coordinators read them; anyone else gets nothing. The pool side is db/queries/matching.ts.
 */
import { and, asc, count, desc, eq, inArray, type SQL, sql } from 'drizzle-orm'
import { can } from '../../pool/access/index.ts'
import type { PlanNeed } from '../../pool/allocation/index.ts'
import type { MatchNeed } from '../../pool/matching/index.ts'
import {
  ACTIVE_ASSIGNMENT_STATUSES,
  type Level,
  type Phase,
  type Priority,
} from '../../pool/reference/index.ts'
import type { Actor } from '../../pool/shared/index.ts'
import { incidents, needs, requests } from '../schema/index.ts'
import type { Db } from '../types.ts'
import { valuesList } from '../values.ts'

const OPEN = ['acknowledged', 'in_progress'] as const
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

/** The open functionary needs: of an acknowledged or in-progress request (of one incident, when given). */
const openWhere = (incidentId?: string) =>
  and(
    eq(needs.kind, 'functionary'),
    inArray(requests.status, [...OPEN]),
    incidentId ? eq(requests.incidentId, incidentId) : undefined,
  )

/** Every open functionary need (the first `limit`, most urgent first), with its open slots. */
export async function openNeeds(db: Db, actor: Actor, incidentId?: string, limit = -1) {
  if (!can(actor, 'assignments:propose')) return []
  const rows = await db
    .select({
      ...needColumns,
      active: sql<number>`(select count(*) from assignments a where a.need_id = ${needs.id}
        and a.status in (${valuesList(ACTIVE_ASSIGNMENT_STATUSES)}))`,
    })
    .from(needs)
    .innerJoin(requests, eq(requests.id, needs.requestId))
    .leftJoin(incidents, eq(incidents.id, requests.incidentId))
    .where(openWhere(incidentId))
    .orderBy(
      sql`case ${requests.priority} when 'urgent' then 0 when 'high' then 1 else 2 end`,
      desc(sql`${requests.phase} = 'warm'`),
      asc(sql`coalesce(${requests.submittedAt}, ${requests.createdAt})`),
      asc(needs.position),
      asc(needs.id),
    )
    .limit(limit)
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

/**
 * How many open needs there are beyond the limit. A count of its own: a window over the listed
 * query (`count(*) over ()`) made SQLite read every open need with its columns before the limit.
 */
export async function countOpenNeeds(db: Db, actor: Actor, incidentId?: string): Promise<number> {
  if (!can(actor, 'assignments:propose')) return 0
  const [row] = await db
    .select({ n: count() })
    .from(needs)
    .innerJoin(requests, eq(requests.id, needs.requestId))
    .where(openWhere(incidentId))
  return row?.n ?? 0
}

/** The needs a plan covers, as a subquery: the pool's alerts and declines are read for these only. */
export function openNeedIds(incidentId?: string): SQL {
  return sql`(select n.id from needs n join requests r on r.id = n.request_id
    where n.kind = 'functionary' and r.status in (${valuesList(OPEN)})
    ${incidentId ? sql`and r.incident_id = ${incidentId}` : sql``})`
}
