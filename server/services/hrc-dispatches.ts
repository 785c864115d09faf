/**
 * Dispatch orders: make one (against a capacity need, offered to the island; or pre-positioning,
 * ordered), step it through its machine with the units following, and cancel the orders of a
 * request that was withdrawn or rejected in the same batch as that request's transition.
 */
import type { SQL } from 'drizzle-orm'
import { auditTrail } from '../../db/queries/audit.ts'
import { activeDispatches, hrcRecipients, unitsByIds, unitTaken } from '../../db/queries/hrc.ts'
import {
  applyDispatchStep,
  countDispatches,
  dispatchesOfRequest,
  findDispatch,
  insertDispatch,
  listDispatches,
  stepStatements,
} from '../../db/queries/hrc-dispatches.ts'
import { capacityNeeds, needRef } from '../../db/queries/hrc-needs.ts'
import type { SessionUser } from '../../db/queries/sessions.ts'
import type { Db, Stmt } from '../../db/types.ts'
import {
  allowedDispatchSteps,
  cancelForRequest,
  createDispatch,
  type DispatchRecord,
  dispatchStep,
  followingLocation,
  type HrcMessage,
  hrcMsg,
  type NeedRef,
  parseDispatch,
  payloadWarnings,
  type UnitChange,
  type UnitRecord,
  UP_LADDER,
} from '../../pool/hrc/index.ts'
import type { DispatchStatus, Readiness, RequestStatus } from '../../pool/reference/index.ts'
import { blank, isObject, type NamedActor, refuse } from '../../pool/shared/index.ts'
import { type HrcCtx, hrcContext, invalidInput, type Outcome, renderMails, standings } from './hrc.ts'

/** Requests whose capacity needs can be answered now. */
const ANSWERABLE: readonly RequestStatus[] = ['acknowledged', 'in_progress']

/** Which of these units is in another active order now, for the 409 that says so. */
async function busy(db: Db, unitIds: readonly string[]) {
  const [active, units] = await Promise.all([activeDispatches(db, unitIds), unitsByIds(db, unitIds)])
  const unit = units.find((u) => active.has(u.id))
  const status = unit && active.get(unit.id)?.status
  if (unit && status) return refuse('conflict', hrcMsg('hrc.dispatch.unitBusy', { unit: unit.code, status }))
  // No unit is in another order: one of them moved on the ladder meanwhile.
  return refuse('conflict', hrcMsg('hrc.unit.stale', { unit: units.map((u) => u.code).join(', ') }))
}

export async function newDispatch(
  ctx: HrcCtx,
  actor: SessionUser,
  raw: unknown,
): Promise<Outcome<{ dispatch: DispatchRecord; warnings: HrcMessage[] }>> {
  const body = isObject(raw) ? { ...raw } : raw
  const needId = isObject(body) && typeof body.needId === 'string' ? body.needId.trim() : ''
  const need: NeedRef | null = needId ? ((await needRef(ctx.db, needId)) ?? null) : null
  // The need names its island: a form that chose the need need not choose the island as well.
  if (need && isObject(body) && blank(body.island)) body.island = need.island
  const parsed = parseDispatch(body)
  if (!parsed.ok) return invalidInput(parsed.errors)
  const units = await standings(ctx.db, actor)
  const chosen = units.filter((u) => parsed.value.unitIds.includes(u.unit.id))
  const recipients = await hrcRecipients(
    ctx.db,
    parsed.value.island,
    chosen.map((u) => u.unit.leader?.email),
  )
  const decision = createDispatch(parsed.value, actor, { ...hrcContext(ctx, recipients), units, need })
  if (!decision.ok) return decision
  const { dispatch } = decision
  try {
    const mails = renderMails(decision.mails)
    if ((await insertDispatch(ctx.db, dispatch, decision.units, decision.events, mails, ctx.now)) === 'lost')
      return busy(ctx.db, dispatch.unitIds)
  } catch (err) {
    if (unitTaken(err)) return busy(ctx.db, dispatch.unitIds)
    throw err
  }
  return { ok: true, dispatch, warnings: decision.warnings }
}

/** The units' changes with where they will be (the island on arrival, home on return). */
const withLocations = (d: DispatchRecord, to: DispatchStatus, changes: UnitChange[], units: UnitRecord[]) =>
  changes.map((c) => {
    const unit = units.find((u) => u.id === c.unitId)
    const location = unit ? followingLocation(to, d, unit) : undefined
    return location ? { ...c, location } : c
  })

export async function stepDispatch(
  ctx: HrcCtx,
  actor: SessionUser,
  id: string,
  to: DispatchStatus,
  opts: { reason?: string | null; version?: number },
): Promise<Outcome<{ dispatch: DispatchRecord }>> {
  const d = await findDispatch(ctx.db, actor, id)
  if (!d) return refuse('not_found', hrcMsg('hrc.dispatch.notFound'))
  const units = await unitsByIds(ctx.db, d.unitIds)
  const recipients = await hrcRecipients(
    ctx.db,
    d.island,
    units.map((u) => u.leader?.email),
  )
  const r = dispatchStep(d, to, actor, { ...hrcContext(ctx, recipients), units, ...opts })
  if (!r.ok) return r
  const write = {
    dispatch: d,
    patch: r.patch,
    guard: r.guard,
    units: withLocations(d, to, r.units, units),
    events: r.events,
    mails: renderMails(r.mails),
  }
  if (!(await applyDispatchStep(ctx.db, write, ctx.now))) {
    const now = await findDispatch(ctx.db, actor, id)
    return refuse('conflict', hrcMsg('hrc.dispatch.stale', { status: now?.status ?? d.status }))
  }
  return { ok: true, dispatch: { ...d, ...r.patch } }
}

/**
 * The statements that cancel a request's orders not yet arrived, with their units standing down,
 * events and mails; each order's UPDATE also requires `guard` (the request's own transition
 * matched). Empty unless the request is being withdrawn or rejected.
 */
export async function cancelDispatchesForRequestEnd(
  ctx: HrcCtx,
  actor: NamedActor,
  request: { id: string; island: string },
  to: RequestStatus,
  reason: string | null,
): Promise<(guard: SQL) => Stmt[]> {
  if (to !== 'withdrawn' && to !== 'rejected') return () => []
  const orders = (await dispatchesOfRequest(ctx.db, request.id)).filter((d) =>
    ['offered', 'accepted', 'ordered', 'in_transit'].includes(d.status),
  )
  if (orders.length === 0) return () => []
  const units = await unitsByIds(
    ctx.db,
    orders.flatMap((d) => d.unitIds),
  )
  const recipients = await hrcRecipients(
    ctx.db,
    request.island,
    units.map((u) => u.leader?.email),
  )
  const cause = to === 'withdrawn' ? 'request_withdrawn' : 'request_rejected'
  const plans = orders.map((d) => ({
    d,
    plan: cancelForRequest([d], cause, reason, units, actor, hrcContext(ctx, recipients)),
  }))
  return (guard) =>
    plans
      .flatMap(({ d, plan }) =>
        plan.dispatches.map((c) =>
          stepStatements(
            ctx.db,
            {
              dispatch: d,
              patch: { ...c.patch, status: 'cancelled', statusAt: ctx.now, version: d.version + 1 },
              guard: c.guard,
              units: plan.units,
              events: plan.events,
              mails: renderMails(plan.mails),
            },
            ctx.now,
            { when: guard, strict: false },
          ),
        ),
      )
      .flat()
}

/** The dispatch page: the order, its units, the need it answers, what the actor may do, its history. */
export async function dispatchPage(db: Db, actor: SessionUser, id: string) {
  const d = await findDispatch(db, actor, id)
  if (!d) return undefined
  const [units, need, history] = await Promise.all([
    unitsByIds(db, d.unitIds),
    d.needId ? capacityNeeds(db, { needId: d.needId }).then((n) => n[0] ?? null) : null,
    auditTrail(db, 'hrc_dispatch', id),
  ])
  return {
    dispatch: d,
    units,
    need,
    steps: allowedDispatchSteps(d, actor),
    warnings: payloadWarnings(d.payload, d.capacity),
    history,
  }
}

/** One page of the orders the actor may see, newest first, with the units they name and the count of all. */
export async function dispatchList(db: Db, actor: SessionUser, page: { limit: number; offset: number }) {
  const [orders, total] = await Promise.all([listDispatches(db, actor, {}, page), countDispatches(db, actor)])
  const units = await unitsByIds(db, [...new Set(orders.flatMap((d) => d.unitIds))])
  return { orders, units, total }
}

/** What the order form offers: the units free to go, and the capacity needs that can be answered. */
export async function dispatchChoices(db: Db, actor: SessionUser) {
  const [units, needs] = await Promise.all([
    standings(db, actor),
    capacityNeeds(db, { statuses: ANSWERABLE }),
  ])
  const free = units
    .filter((s) => !s.dispatch && (UP_LADDER as readonly Readiness[]).includes(s.unit.readiness))
    .map((s) => s.unit)
  return { units: free, needs }
}
