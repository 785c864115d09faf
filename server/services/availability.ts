/**
 * Availability operations shared by the pages and the JSON API: find the functionary through the
 * actor's scope, ask pool/availability.ts for the decision, write it as one batch.
 */

import { assignedInRole } from '../../db/queries/assignments.ts'
import {
  deletePeriod,
  findPeriod,
  findPlannable,
  insertPeriod,
  type PeriodRow,
  periodsOf,
  roleMembers,
  unavailableInRole,
} from '../../db/queries/availability.ts'
import { listRoles } from '../../db/queries/reference.ts'
import type { SessionUser } from '../../db/queries/sessions.ts'
import type { Db } from '../../db/types.ts'
import {
  type AvailabilityFieldMessage,
  type AvailabilityMessage,
  addUnavailability,
  availabilityGrid,
  type Busy,
  mayPlan,
  type Period,
  pageOf,
  parsePeriodInput,
  removeUnavailability,
  today,
  weeksFrom,
} from '../../pool/availability/index.ts'
import { isIsoDate, msg, newId, type Refusal, refuse } from '../../pool/shared/index.ts'

export interface Ctx {
  db: Db
  now: number
}

export const PAGE_SIZE = 40

type Functionary = NonNullable<Awaited<ReturnType<typeof findPlannable>>>
type No = Refusal<AvailabilityMessage>
export type Planning = { ok: true; functionary: Functionary; periods: PeriodRow[] } | No
export type AddOutcome =
  | { ok: true; period: PeriodRow }
  | No
  | { ok: false; error: 'invalid_input'; errors: Record<string, AvailabilityFieldMessage> }

/** The functionary whose planning the actor may see, or why not (403, or 404 for someone else's). */
async function plannable(
  db: Db,
  actor: SessionUser,
  functionaryId: string,
): Promise<{ ok: true; functionary: Functionary } | No> {
  const refusal = mayPlan(actor, functionaryId)
  if (refusal) return refusal
  const functionary = await findPlannable(db, actor, functionaryId)
  if (!functionary) return refuse('not_found', msg('availability.notFound'))
  return { ok: true, functionary }
}

/** The functionary and their periods (those ending on or after `endingFrom`, when given). */
export async function planningOf(
  db: Db,
  actor: SessionUser,
  functionaryId: string,
  endingFrom?: string,
): Promise<Planning> {
  const found = await plannable(db, actor, functionaryId)
  if (!found.ok) return found
  return { ...found, periods: await periodsOf(db, functionaryId, { endingFrom }) }
}

export async function addPeriod(
  ctx: Ctx,
  actor: SessionUser,
  functionaryId: string,
  raw: unknown,
): Promise<AddOutcome> {
  const found = await plannable(ctx.db, actor, functionaryId)
  if (!found.ok) return found
  const parsed = parsePeriodInput(raw, today(ctx.now))
  if (!parsed.ok) return { ok: false, error: 'invalid_input', errors: parsed.errors }
  const decision = addUnavailability(functionaryId, parsed.value, actor, { now: ctx.now, newId })
  if (!decision.ok) return decision
  await insertPeriod(ctx.db, decision.period, decision.event)
  return { ok: true, period: { ...decision.period, createdByName: actor.name } }
}

export async function removePeriod(
  ctx: Ctx,
  actor: SessionUser,
  functionaryId: string,
  periodId: string,
): Promise<{ ok: true } | No> {
  const found = await plannable(ctx.db, actor, functionaryId)
  if (!found.ok) return found
  const period = await findPeriod(ctx.db, functionaryId, periodId)
  if (!period) return refuse('not_found', msg('availability.periodNotFound'))
  const decision = removeUnavailability(period, actor, { now: ctx.now, newId })
  if (!decision.ok) return decision
  if (!(await deletePeriod(ctx.db, period, decision.event)))
    return refuse('not_found', msg('availability.periodNotFound'))
  return { ok: true }
}

/** Where "busy" comes from: declared unavailability, and active assignments (deployments). */
async function busyInRole(db: Db, actor: SessionUser, role: string, window: Period): Promise<Busy[]> {
  const sources = await Promise.all([
    unavailableInRole(db, actor, role, window),
    assignedInRole(db, actor, role, window),
  ])
  return sources.flat()
}

/** The 8-week grid of a role from `from` (default: today on the islands), one page of members. */
export async function roleOverview(
  db: Db,
  actor: SessionUser,
  query: { role?: string; from?: string; page?: string },
  now: number,
) {
  const catalogue = (await listRoles(db)).filter((r) => r.active)
  const role = query.role ? catalogue.find((r) => r.code === query.role) : catalogue[0]
  if (!role) return undefined
  const from = query.from && isIsoDate(query.from) ? query.from : today(now)
  const weeks = weeksFrom(from)
  const window = { start: weeks[0]!.start, end: weeks.at(-1)!.end }
  const [members, busy] = await Promise.all([
    roleMembers(db, actor, role.code),
    busyInRole(db, actor, role.code, window),
  ])
  const paging = pageOf(members.length, Number(query.page ?? 1), PAGE_SIZE)
  const grid = availabilityGrid(members, busy, weeks, paging)
  return {
    role: role.code,
    roles: catalogue.map((r) => r.code),
    from,
    weeks,
    rows: grid.rows,
    freeAllWeek: grid.freeAllWeek,
    total: members.length,
    ...paging,
  }
}

export type Overview = NonNullable<Awaited<ReturnType<typeof roleOverview>>>
