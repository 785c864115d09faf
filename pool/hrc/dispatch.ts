/** The dispatch order's machine: its steps and who takes them, the readiness its units follow, and a step's decision. */
import { can } from '../access/index.ts'
import {
  ACTIVE_DISPATCH_STATUSES,
  type BaseCode,
  DISPATCH_STATUSES,
  type DispatchStatus,
  type Readiness,
} from '../reference/index.ts'
import { type AuditEvent, auditEvent, type NamedActor, type Refusal, refuse } from '../shared/index.ts'
import { dispatchMails } from './dispatch-mails.ts'
import { forwardPath, rungEvents, unitChange } from './ladder.ts'
import { type HrcMessage, hrcMsg } from './messages.ts'
import type { Decision, DispatchRecord, HrcContext, UnitChange, UnitRecord } from './types.ts'

/** Who moves an order: USAR.NL's dispatcher, or the crisis team of the order's own island. */
export type DispatchMover = 'dispatcher' | 'island'

export interface DispatchRule {
  /** Empty: the order is created in this state (`kind` says against what). */
  from: readonly DispatchStatus[]
  to: DispatchStatus
  by: readonly DispatchMover[]
  reason: 'required' | 'optional' | 'none'
  kind?: 'need' | 'prepositioning'
}

/**
 * The dispatch machine. Against a capacity need the island decides (accept, or decline with a
 * reason); pre-positioning only informs it. The island confirms arrival, or the dispatcher records it
 * on the island's behalf (kept as `onBehalf`); only the island releases; only the dispatcher
 * cancels (before arrival, with a reason the island and the leaders read) and marks the return.
 */
export const DISPATCH_STEPS: readonly DispatchRule[] = [
  { from: [], to: 'offered', by: ['dispatcher'], reason: 'none', kind: 'need' },
  { from: [], to: 'ordered', by: ['dispatcher'], reason: 'none', kind: 'prepositioning' },
  { from: ['offered'], to: 'accepted', by: ['island'], reason: 'none' },
  { from: ['offered'], to: 'declined', by: ['island'], reason: 'required' },
  { from: ['accepted', 'ordered'], to: 'in_transit', by: ['dispatcher'], reason: 'none' },
  { from: ['in_transit'], to: 'arrived', by: ['island', 'dispatcher'], reason: 'none' },
  { from: ['arrived'], to: 'released', by: ['island'], reason: 'optional' },
  { from: ['released'], to: 'returned', by: ['dispatcher'], reason: 'none' },
  {
    from: ['offered', 'accepted', 'ordered', 'in_transit'],
    to: 'cancelled',
    by: ['dispatcher'],
    reason: 'required',
  },
]

/**
 * The readiness the units take when the order enters a state. "Then returning" is not an order
 * state: once released, the dispatcher marks each unit returning by hand (a ladder step allowed
 * under a released order) and `returned` brings the units home to standby, through returning if
 * the hand step was not taken (an event for each rung). A cancelled order stands its units down:
 * mobilising ones to alert (the dispatcher lowers further by hand), those in transit turn back
 * (returning). Offered and declined leave readiness alone: nothing moves until the island says yes.
 */
export const FOLLOWS: Readonly<Partial<Record<DispatchStatus, Readiness>>> = {
  ordered: 'mobilising',
  accepted: 'mobilising',
  in_transit: 'in_transit',
  arrived: 'operational',
  released: 'demobilising',
  returned: 'standby',
}
const STAND_DOWN: Readonly<Partial<Record<Readiness, Readiness>>> = {
  mobilising: 'alert',
  in_transit: 'returning',
}

export const isActiveDispatch = (status: DispatchStatus): boolean =>
  (ACTIVE_DISPATCH_STATUSES as readonly DispatchStatus[]).includes(status)

/** Units of orders in these states fill a capacity need: accepted or later, returned included (the need was met). */
export const FILLING_STATUSES: readonly DispatchStatus[] = [
  'accepted',
  'in_transit',
  'arrived',
  'released',
  'returned',
]

export interface NeedFill {
  count: number
  filled: number
  /** Units offered and not yet answered. */
  offered: number
  open: number
}

/** How far a capacity need is met by the orders against it. */
export function needFill(
  need: { id: string; count: number },
  dispatches: readonly Pick<DispatchRecord, 'needId' | 'status' | 'unitIds'>[],
): NeedFill {
  const units = (statuses: readonly DispatchStatus[]) =>
    dispatches
      .filter((d) => d.needId === need.id && statuses.includes(d.status))
      .reduce((n, d) => n + d.unitIds.length, 0)
  const filled = units(FILLING_STATUSES)
  const offered = units(['offered'])
  return { count: need.count, filled, offered, open: Math.max(0, need.count - filled - offered) }
}

/** The readiness a unit takes when its order enters `to`; undefined: it stays. */
export function followingReadiness(to: DispatchStatus, current: Readiness): Readiness | undefined {
  return to === 'cancelled' ? STAND_DOWN[current] : FOLLOWS[to]
}

/** The rungs a unit passes through as its order enters `to` (ladder steps each); null when it cannot follow. */
export function followPath(to: DispatchStatus, current: Readiness): Readiness[] | null {
  const target = followingReadiness(to, current)
  if (target === undefined || target === current) return []
  if (to === 'cancelled') return [target]
  return forwardPath(current, target)
}

/**
 * Where a unit is once its order enters `to`: on the order's island when it arrived (a
 * pre-positioned unit waits there), at its base again when it returned; undefined: unchanged.
 */
export function followingLocation(
  to: DispatchStatus,
  d: Pick<DispatchRecord, 'island'>,
  unit: Pick<UnitRecord, 'base'>,
): BaseCode | undefined {
  if (to === 'arrived') return d.island
  if (to === 'returned') return unit.base
  return undefined
}

/** Whether the actor may see the order: HRC readers all, an island only the orders sent to it. */
export function dispatchVisible(d: Pick<DispatchRecord, 'island'>, actor: NamedActor): boolean {
  if (actor.role === 'island') return actor.island === d.island
  return can(actor, 'hrc:read')
}

const moves = (mover: DispatchMover, d: DispatchRecord, actor: NamedActor) =>
  mover === 'island' ? actor.role === 'island' && actor.island === d.island : actor.role === mover

export interface DispatchStepContext extends HrcContext {
  version?: number
  reason?: string | null
  /** The order's units as they stand now. */
  units: readonly UnitRecord[]
}

export interface DispatchPatch {
  status: DispatchStatus
  statusAt: number
  version: number
  reason?: string | null
  onBehalf?: boolean
}

export type DispatchStepResult =
  | ({ ok: true; patch: DispatchPatch; guard: { status: DispatchStatus; version: number } } & Decision)
  | Refusal<HrcMessage>

export const REASON_MAX = 2_000

function check(d: DispatchRecord, to: DispatchStatus, actor: NamedActor, ctx: DispatchStepContext) {
  if (!dispatchVisible(d, actor)) return refuse('not_found', hrcMsg('hrc.dispatch.notFound'))
  const rule = DISPATCH_STEPS.find((r) => r.to === to && r.from.length > 0)
  if (!(DISPATCH_STATUSES as readonly string[]).includes(to) || !rule)
    return refuse('invalid', hrcMsg('hrc.dispatch.unknownStep', { value: String(to).slice(0, 40) }))
  if (!rule.by.some((m) => moves(m, d, actor)))
    return refuse('forbidden', hrcMsg('hrc.dispatch.forbidden', { to, movers: [...rule.by] }))
  if (d.status === to) return refuse('conflict', hrcMsg('hrc.dispatch.already', { status: to }))
  if (!rule.from.includes(d.status))
    return refuse('conflict', hrcMsg('hrc.dispatch.notAllowed', { from: d.status, to }))
  if (ctx.version !== undefined && ctx.version !== d.version)
    return refuse('conflict', hrcMsg('hrc.dispatch.stale', { status: d.status }))
  const reason = ctx.reason?.trim() ?? ''
  if (rule.reason === 'required' && !reason)
    return refuse('invalid', hrcMsg('hrc.dispatch.reasonRequired'), {
      reason: hrcMsg('hrc.dispatch.reasonRequired'),
    })
  if (reason.length > REASON_MAX) {
    const tooLong = hrcMsg('hrc.field.tooLong', { max: REASON_MAX, length: reason.length })
    return refuse('invalid', tooLong, { reason: tooLong })
  }
  return null
}

/** The units' guarded changes and one event per rung, as the order enters `to`; a refusal when a unit is out of step. */
export function followDecision(
  d: DispatchRecord,
  to: DispatchStatus,
  units: readonly UnitRecord[],
  actor: NamedActor,
  ctx: Pick<HrcContext, 'now' | 'newId'>,
): { units: UnitChange[]; events: AuditEvent[] } | Refusal<HrcMessage> {
  const changes: UnitChange[] = []
  const events: AuditEvent[] = []
  for (const id of d.unitIds) {
    const unit = units.find((u) => u.id === id)
    if (!unit) return refuse('not_found', hrcMsg('hrc.unit.notFound'))
    const path = followPath(to, unit.readiness)
    if (path === null)
      return refuse(
        'conflict',
        hrcMsg('hrc.dispatch.unitOutOfStep', { unit: unit.code, status: unit.readiness }),
      )
    if (path.length === 0) continue
    changes.push(unitChange(unit, path[path.length - 1]!, ctx.now))
    events.push(...rungEvents(unit, path, actor, { dispatch: d.id }, ctx))
  }
  return { units: changes, events }
}

/** One step of an order: its guarded patch and event, its units following, and the mails. */
export function dispatchStep(
  d: DispatchRecord,
  to: DispatchStatus,
  actor: NamedActor,
  ctx: DispatchStepContext,
): DispatchStepResult {
  const refusal = check(d, to, actor, ctx)
  if (refusal) return refusal
  const follow = followDecision(d, to, ctx.units, actor, ctx)
  if ('ok' in follow) return follow
  const reason = ctx.reason?.trim() || null
  const rule = DISPATCH_STEPS.find((r) => r.to === to)!
  const patch: DispatchPatch = { status: to, statusAt: ctx.now, version: d.version + 1 }
  if (reason && rule.reason !== 'none') patch.reason = reason
  if (to === 'arrived') patch.onBehalf = actor.role !== 'island'
  const after = {
    status: to,
    version: patch.version,
    island: d.island,
    ...(patch.reason ? { reason: patch.reason } : {}),
    ...(to === 'arrived' ? { onBehalf: patch.onBehalf } : {}),
  }
  const event = auditEvent(
    { id: actor.id, label: actor.name },
    `hrc.dispatch.${to}`,
    'hrc_dispatch',
    d.id,
    { before: { status: d.status, version: d.version, island: d.island }, after },
    ctx.now,
    ctx.newId(),
  )
  const next: DispatchRecord = { ...d, ...patch }
  const mails = dispatchMails(next, ctx.units, actor, ctx)
  return {
    ok: true,
    patch,
    guard: { status: d.status, version: d.version },
    units: follow.units,
    events: [event, ...follow.events],
    mails,
  }
}

/** The steps this actor may take on the order now (reasons are asked later), for rendering buttons. */
export function allowedDispatchSteps(d: DispatchRecord, actor: NamedActor): DispatchStatus[] {
  const ctx = { reason: 'x', units: [] } as unknown as DispatchStepContext
  return DISPATCH_STEPS.filter((r) => r.from.length > 0 && !check(d, r.to, actor, ctx)).map((r) => r.to)
}
