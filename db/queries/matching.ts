/**
 * What matching reads of the pool (docs/matching.md, "What a query fills in"): each person's
 * roles, languages, documents, busy periods, deployments, alerts and declines as JSON aggregates,
 * and the travel-time table. The reads go out together: one round trip. Only coordinators read
 * this; anyone else gets nothing. The needs side is db/queries/matching-needs.ts.
 */
import { sql } from 'drizzle-orm'
import { can } from '../../pool/access/index.ts'
import { addDays, today } from '../../pool/availability/index.ts'
import { type MatchCandidate, type TravelTable, travelTable } from '../../pool/matching/index.ts'
import {
  ACTIVE_ASSIGNMENT_STATUSES,
  type AlertState,
  type Level,
  type Proficiency,
  type UnavailabilityReason,
} from '../../pool/reference/index.ts'
import type { Actor } from '../../pool/shared/index.ts'
import type { Db } from '../types.ts'
import { valuesList } from '../values.ts'
import { openNeedIds } from './matching-needs.ts'

/** Rows grouped by the functionary they belong to (the first element of each row). */
function byPerson<T extends readonly [string, ...unknown[]]>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>()
  for (const r of rows) {
    const list = out.get(r[0])
    if (list) list.push(r)
    else out.set(r[0], [r])
  }
  return out
}

type PersonRow = [string, string, number, string, number, string | null, string | null]
type AssignmentRow = [string, string, string, string, string, string]

/**
 * The pool as matching reads it, by name and id; for one need, the people holding its role first
 * (the excluded list a coordinator reads starts with them). `needs` says whose alerts and declines
 * to read: one need, or the open needs of a plan. Unavailability older than a year is left out.
 *
 * One statement, one row: each table comes as a single JSON array (uncorrelated subqueries, each
 * run once), grouped per person here. Per-row work in the driver is what costs (≈15 µs a row on
 * libSQL); a correlated aggregate per person cost twice the whole page.
 */
export async function matchingInputs(
  db: Db,
  actor: Actor,
  opts: PoolOptions,
): Promise<{ pool: MatchCandidate[]; travel: TravelTable; everyone: number }> {
  if (!can(actor, 'assignments:propose')) return { pool: [], travel: {}, everyone: 0 }
  const day = today(opts.now)
  const needSet =
    'needId' in opts.needs
      ? sql`(${opts.needs.needId})`
      : 'needIds' in opts.needs
        ? // one bound parameter however many needs (D1 binds at most 100; the set is used eight times)
          sql`(select value from json_each(${JSON.stringify(opts.needs.needIds)}))`
        : openNeedIds(opts.needs.incidentId)
  const needId = 'needId' in opts.needs ? opts.needs.needId : ''
  const holders = opts.holders
    ? sql`(select functionary_id from functionary_roles where role in (select role from needs where id in ${needSet}))`
    : null
  // (`+functionary_id` on alerts: found by need, then checked against the holders; probing every
  // need with every holder on alerts_need_functionary cost more than all the rest at a season's size)
  const mine = (column: string) =>
    sql`${opts.only ? sql`and ${sql.raw(column)} in (${valuesList(opts.only)})` : sql``} ${holders ? sql`and ${sql.raw(column)} in ${holders}` : sql``}`
  type Row = Record<'people' | 'roles' | 'langs' | 'away' | 'held' | 'asked' | 'role' | 'travel', string> & {
    everyone: number
  }
  const row = await db.get<Row>(sql`select
    (select json_group_array(json_array(id, name, active, base, remote_capable, travel_document_expiry,
      medical_fitness_expiry)) from (select * from functionaries where 1 ${mine('id')} order by name, id)) as people,
    (select json_group_array(json_array(functionary_id, role, level)) from functionary_roles
      where 1 ${mine('functionary_id')}) as roles,
    (select json_group_array(json_array(functionary_id, language, proficiency)) from functionary_languages
      where 1 ${mine('functionary_id')}) as langs,
    (select json_group_array(json_array(functionary_id, start, "end", reason)) from unavailability
      where "end" >= ${addDays(day, -366)} ${mine('functionary_id')}) as away,
    (select json_group_array(json_array(functionary_id, need_id, island, status, period_start, period_end))
      from assignments where (status in (${valuesList([...ACTIVE_ASSIGNMENT_STATUSES, ...FINISHED])})
        or (status = 'declined' and need_id in ${needSet})) ${mine('functionary_id')}) as held,
    (select json_group_array(json_array(functionary_id, need_id, answer, deadline, sent_at)) from alerts
      where need_id in ${needSet} ${mine('+functionary_id')}) as asked,
    (select role from needs where id = ${needId}) as role,
    (select json_group_array(json_array(from_code, to_code, minutes)) from travel_times) as travel,
    (select count(*) from functionaries) as everyone`)
  const travel = travelTable(
    (JSON.parse(row.travel) as [string, string, number][]).map(([fromCode, toCode, minutes]) => ({
      fromCode,
      toCode,
      minutes,
    })),
  )
  const people = JSON.parse(row.people) as PersonRow[]
  const rolesOf = byPerson(JSON.parse(row.roles) as [string, string, Level][])
  const languagesOf = byPerson(JSON.parse(row.langs) as [string, string, Proficiency][])
  const awayOf = byPerson(JSON.parse(row.away) as [string, string, string, UnavailabilityReason][])
  const heldBy = byPerson(JSON.parse(row.held) as AssignmentRow[])
  const askedOf = byPerson(JSON.parse(row.asked) as [string, string, string | null, number, number][])
  const yearAgo = addDays(day, -364)
  const pool = people.map(([id, name, active, base, remote, document, fitness]): MatchCandidate => {
    let lastDeploymentEnd: string | null = null
    const deployments: MatchCandidate['deployments'][number][] = []
    const busy: MatchCandidate['assignments'][number][] = []
    const declinedNeeds: string[] = []
    for (const [, need, island, status, start, end] of heldBy.get(id) ?? []) {
      if (status === 'declined') declinedNeeds.push(need)
      else if ((FINISHED as readonly string[]).includes(status)) {
        if (lastDeploymentEnd === null || end > lastDeploymentEnd) lastDeploymentEnd = end
        if (end >= yearAgo) deployments.push({ start, end, island })
      } else busy.push({ start, end, island, needId: need })
    }
    return {
      id,
      name,
      active: active === 1,
      base,
      remoteCapable: remote === 1,
      travelDocumentExpiry: document,
      fitnessExpiry: fitness,
      roles: (rolesOf.get(id) ?? []).map(([, role, level]) => ({ role, level })),
      languages: (languagesOf.get(id) ?? []).map(([, language, proficiency]) => ({ language, proficiency })),
      unavailable: (awayOf.get(id) ?? []).map(([, start, end, reason]) => ({ start, end, reason })),
      assignments: busy,
      deployments,
      lastDeploymentEnd,
      alerts: alertStates(
        (askedOf.get(id) ?? []).map(([, need, answer, deadline, sentAt]) => ({
          needId: need,
          answer,
          deadline,
          sentAt,
        })),
        opts.now,
      ),
      declinedNeeds,
    }
  })
  if (!row.role) return { pool, travel, everyone: Number(row.everyone) }
  // For one need: whoever holds its role first, each group still by name and id.
  const holds = (c: MatchCandidate) => c.roles.some((r) => r.role === row.role)
  return {
    pool: [...pool.filter(holds), ...pool.filter((c) => !holds(c))],
    travel,
    everyone: Number(row.everyone),
  }
}

export interface PoolOptions {
  /** One need, these needs (a plan's), or the open needs (of one incident, when given). */
  needs: { needId: string } | { needIds: readonly string[] } | { incidentId?: string }
  /** These people only (a proposal checks one, an alert round its recipients: at most 50). */
  only?: readonly string[]
  /**
   * Only the people who hold a role the needs ask for (a plan pairs, and counts shortfalls over,
   * nobody else): the plan reads its needs' share of the pool, not the whole register.
   */
  holders?: boolean
  now: number
}

/** The pool alone (a proposal's or an alert round's few people). */
export const poolForMatching = async (db: Db, actor: Actor, opts: PoolOptions) =>
  (await matchingInputs(db, actor, opts)).pool

/** Released and completed: deployments that happened (fairness, rest, local knowledge). */
const FINISHED = ['released', 'completed'] as const

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
