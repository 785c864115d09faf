/**
 * Candidates of one need and plans over many: read the need(s), the pool and the travel table
 * together (one round trip), and let pool/matching and pool/allocation decide. Nothing is written
 * here; a plan's lines are proposed one by one through the assignment service.
 */
import { alertsForNeed } from '../../db/queries/alerts.ts'
import { listAssignments } from '../../db/queries/assignments.ts'
import { listIncidents } from '../../db/queries/incidents.ts'
import { matchingInputs } from '../../db/queries/matching.ts'
import { countOpenNeeds, matchNeedOf, needForMatching, openNeeds } from '../../db/queries/matching-needs.ts'
import type { SessionUser } from '../../db/queries/sessions.ts'
import type { Db } from '../../db/types.ts'
import { plan } from '../../pool/allocation/index.ts'
import { today } from '../../pool/availability/index.ts'
import { rank } from '../../pool/matching/index.ts'
import { type Ctx, type Named, proposePerson } from './assignments.ts'

/** Excluded for not holding the need's role (the rank's reason). */
const lacksRole = (x: { reasons: readonly { code: string }[] }) =>
  x.reasons.some((r) => r.code === 'matching.excluded.role')

/**
 * The ranked and excluded people of one need, with what the candidates page shows beside them.
 * `holders`: rank only the people who hold the need's role (everyone else is excluded for that
 * alone, and the candidates page only counts them: `lackingRole`), not the whole register.
 */
export async function candidatesOf(
  db: Db,
  actor: SessionUser,
  needId: string,
  now: number,
  opts: { holders?: boolean } = {},
) {
  const [row, { pool, travel, everyone }, answers, assignments] = await Promise.all([
    needForMatching(db, actor, needId),
    matchingInputs(db, actor, { needs: { needId }, holders: opts.holders, now }),
    alertsForNeed(db, needId),
    listAssignments(db, actor, { needId }),
  ])
  if (!row) return undefined
  const need = matchNeedOf(row)
  const ranking = rank(need, pool, { travel, today: today(now) })
  const lackingRole = everyone - pool.length + ranking.excluded.filter(lacksRole).length
  return { row, need, ranking, answers, assignments, poolSize: everyone, lackingRole }
}

export type Candidates = NonNullable<Awaited<ReturnType<typeof candidatesOf>>>

/**
 * Needs one plan covers: the most urgent first. The optimal fill grows faster than the needs, and a
 * page of 50 needs is what a coordinator can check before proposing; the rest wait for the next
 * plan (or a plan per incident).
 */
export const PLAN_NEEDS = 50

/** The optimal plan over the open functionary needs (of one incident, when given), greedy beside it. */
export async function planOf(db: Db, actor: SessionUser, incidentId: string | undefined, now: number) {
  const [needs, total, incidents] = await Promise.all([
    openNeeds(db, actor, incidentId, PLAN_NEEDS),
    countOpenNeeds(db, actor, incidentId),
    listIncidents(db, actor, 'open'),
  ])
  const { pool, travel } = await matchingInputs(db, actor, {
    needs: { needIds: needs.map((n) => n.need.id) },
    holders: true,
    now,
  })
  const result = plan(
    needs.map((n) => n.need),
    pool,
    { travel, today: today(now) },
  )
  const names = new Map(pool.map((p) => [p.id, p.name]))
  return { needs, result, names, incidents, total }
}

export type PlanView = Awaited<ReturnType<typeof planOf>>

export interface PlanLine {
  needId: string
  functionaryId: string
}

/** Proposes each line as the propose endpoint would; a line that lost (a race, a rule) is reported, the others stand. */
export async function applyPlan(ctx: Ctx, actor: Named, lines: readonly PlanLine[]) {
  const created = []
  const failed = []
  for (const line of lines) {
    const r = await proposePerson(ctx, actor, line.needId, line.functionaryId)
    if (r.ok) created.push(r.assignment)
    else failed.push({ ...line, refusal: r })
  }
  return { created, failed }
}
