/** The readiness ladder of an HRC unit: which steps exist, who may take them, and the decision of a step or a climb. */
import { can } from '../access/index.ts'
import { type DispatchStatus, READINESS, type Readiness, type Role } from '../reference/index.ts'
import { type AuditEvent, auditEvent, type NamedActor, type Refusal, refuse } from '../shared/index.ts'
import { readinessMails } from './mails.ts'
import { type HrcMessage, hrcMsg } from './messages.ts'
import type { Decision, HrcContext, UnitChange, UnitRecord } from './types.ts'

/** The readiness cycle of docs/domain.md, in order; `unavailable` stands beside it, reached from standby only. */
export const CYCLE = [
  'standby',
  'pre_alert',
  'alert',
  'mobilising',
  'in_transit',
  'operational',
  'demobilising',
  'returning',
] as const satisfies readonly Readiness[]
/** The rungs a threat raises a unit through, lowest first: before anything moves. */
export const UP_LADDER = [
  'standby',
  'pre_alert',
  'alert',
  'mobilising',
] as const satisfies readonly Readiness[]

export interface LadderStep {
  from: Readiness
  to: Readiness
  by: readonly Role[]
  /** Statuses of the unit's active dispatch under which a hand may still take this step; none: only outside one. */
  inDispatch?: readonly DispatchStatus[]
}

const BOTH: readonly Role[] = ['dispatcher', 'coordinator']
const USAR: readonly Role[] = ['dispatcher']

/**
 * Every step a hand may take, and who. Our choices where the domain says nothing:
 * - the coordinator (LOCC-KCR2, staffed 24/7) may work the warning rungs, standby ↔ pre-alert ↔
 *   alert, since they cost nothing and the duty officer may see a storm first at night; mobilising
 *   commits people and kit, and that, like everything after it, is USAR.NL's (the dispatcher's);
 * - upward every step is one rung; only a proposal's climb (`climb`) takes several, one event each;
 * - standing down when a storm turns away: one rung, or straight to standby;
 * - in transit → returning: a unit turned back (a cancelled order does this);
 * - demobilising → returning is the "then returning" of a dispatch: the island has released the
 *   unit, and the dispatcher marks it as leaving while the order stays `released` until it is home;
 * - unavailable (maintenance, rest) only from and to standby.
 */
export const LADDER_STEPS: readonly LadderStep[] = [
  { from: 'standby', to: 'pre_alert', by: BOTH },
  { from: 'pre_alert', to: 'alert', by: BOTH },
  { from: 'alert', to: 'mobilising', by: USAR },
  { from: 'mobilising', to: 'in_transit', by: USAR },
  { from: 'in_transit', to: 'operational', by: USAR },
  { from: 'operational', to: 'demobilising', by: USAR },
  { from: 'demobilising', to: 'returning', by: USAR, inDispatch: ['released'] },
  { from: 'returning', to: 'standby', by: USAR },
  { from: 'pre_alert', to: 'standby', by: BOTH },
  { from: 'alert', to: 'pre_alert', by: BOTH },
  { from: 'alert', to: 'standby', by: BOTH },
  { from: 'mobilising', to: 'alert', by: USAR },
  { from: 'mobilising', to: 'standby', by: USAR },
  { from: 'in_transit', to: 'returning', by: USAR },
  { from: 'standby', to: 'unavailable', by: USAR },
  { from: 'unavailable', to: 'standby', by: USAR },
]

export const ladderStep = (from: Readiness, to: Readiness): LadderStep | undefined =>
  LADDER_STEPS.find((s) => s.from === from && s.to === to)

/** Whether `to` lies above `from` on the way up (standby → mobilising). */
export function isRaise(from: Readiness, to: Readiness): boolean {
  const a = (UP_LADDER as readonly Readiness[]).indexOf(from)
  const b = (UP_LADDER as readonly Readiness[]).indexOf(to)
  return a >= 0 && b > a
}

/** The rungs of a raise, above `from` up to and including `to`; empty when it is no raise. */
export function raisePath(from: Readiness, to: Readiness): Readiness[] {
  if (!isRaise(from, to)) return []
  const up = UP_LADDER as readonly Readiness[]
  return up.slice(up.indexOf(from) + 1, up.indexOf(to) + 1)
}

/** The rungs forward along the cycle from `from` to `to`, never wrapping past standby; null when there is no such way. */
export function forwardPath(from: Readiness, to: Readiness): Readiness[] | null {
  const a = (CYCLE as readonly Readiness[]).indexOf(from)
  const b = to === 'standby' ? CYCLE.length : (CYCLE as readonly Readiness[]).indexOf(to)
  if (a < 0 || b < a) return null
  return [...CYCLE, 'standby'].slice(a + 1, b + 1) as Readiness[]
}

/** The unit's active dispatch, if any: manual steps are refused while one holds the unit. */
export interface ActiveDispatchRef {
  id: string
  status: DispatchStatus
}

export interface StepContext extends HrcContext {
  /** The version the actor saw; a different current version is a conflict. */
  version?: number
  dispatch: ActiveDispatchRef | null
}

export type StepResult = ({ ok: true } & Decision) | Refusal<HrcMessage>

/** Extra facts an event records about why a unit moved: a threat's proposal or a dispatch order. */
export interface Cause {
  threat?: string
  dispatch?: string
}

/** One audit event per rung: from one readiness to the next, with the unit's code so the history reads alone. */
export function rungEvents(
  unit: UnitRecord,
  rungs: readonly Readiness[],
  actor: NamedActor,
  cause: Cause,
  ctx: Pick<HrcContext, 'now' | 'newId'>,
): AuditEvent[] {
  let from = unit.readiness
  return rungs.map((to) => {
    const event = auditEvent(
      { id: actor.id, label: actor.name },
      'hrc.unit.readiness',
      'hrc_unit',
      unit.id,
      { before: { code: unit.code, readiness: from }, after: { code: unit.code, readiness: to, ...cause } },
      ctx.now,
      ctx.newId(),
    )
    from = to
    return event
  })
}

export function unitChange(unit: UnitRecord, to: Readiness, now: number): UnitChange {
  return {
    unitId: unit.id,
    guard: { readiness: unit.readiness, version: unit.version },
    patch: { readiness: to, readinessAt: now, version: unit.version + 1 },
  }
}

const mayStep = (role: Role) => LADDER_STEPS.some((s) => s.by.includes(role))

/** The checks a hand's move shares, rung by rung: scope, role, state, dispatch, version. */
function check(
  unit: UnitRecord,
  rungs: readonly Readiness[],
  actor: NamedActor,
  ctx: StepContext,
): Refusal<HrcMessage> | null {
  if (!can(actor, 'hrc:read')) return refuse('not_found', hrcMsg('hrc.unit.notFound'))
  if (!mayStep(actor.role)) return refuse('forbidden', hrcMsg('hrc.ladder.readOnly'))
  let from = unit.readiness
  for (const to of rungs) {
    if (!(READINESS as readonly string[]).includes(to))
      return refuse('invalid', hrcMsg('hrc.ladder.unknown', { value: String(to).slice(0, 40) }))
    if (from === to) return refuse('conflict', hrcMsg('hrc.ladder.already', { unit: unit.code, status: to }))
    const rule = ladderStep(from, to)
    if (!rule) return refuse('conflict', hrcMsg('hrc.ladder.notAllowed', { unit: unit.code, from, to }))
    if (!rule.by.includes(actor.role))
      return refuse('forbidden', hrcMsg('hrc.ladder.forbidden', { from, to, roles: [...rule.by] }))
    if (ctx.dispatch && !rule.inDispatch?.includes(ctx.dispatch.status))
      return refuse(
        'conflict',
        hrcMsg('hrc.ladder.inDispatch', { unit: unit.code, dispatch: ctx.dispatch.status }),
      )
    from = to
  }
  if (ctx.version !== undefined && ctx.version !== unit.version)
    return refuse('conflict', hrcMsg('hrc.ladder.stale', { unit: unit.code, status: unit.readiness }))
  return null
}

/** One step of the ladder by hand, with its patch, its event and the mails to the leader and coordinators. */
export function step(unit: UnitRecord, to: Readiness, actor: NamedActor, ctx: StepContext): StepResult {
  const refusal = check(unit, [to], actor, ctx)
  if (refusal) return refusal
  return { ok: true, ...moveDecision([{ unit, rungs: [to] }], actor, {}, ctx) }
}

/**
 * A climb of several rungs at once (applying a threat's proposal): each rung must be a raise the
 * actor may take, and each gets its own event; the unit is written once, and mailed once.
 */
export function climb(
  unit: UnitRecord,
  to: Readiness,
  actor: NamedActor,
  cause: Cause,
  ctx: StepContext,
): StepResult {
  if (unit.readiness !== to && !isRaise(unit.readiness, to)) {
    const refusal = check(unit, [], actor, ctx)
    if (refusal) return refusal
    return refuse('conflict', hrcMsg('hrc.ladder.notRaise', { unit: unit.code, from: unit.readiness, to }))
  }
  const rungs = raisePath(unit.readiness, to)
  const refusal = check(unit, unit.readiness === to ? [to] : rungs, actor, ctx)
  if (refusal) return refusal
  return { ok: true, ...moveDecision([{ unit, rungs }], actor, cause, ctx) }
}

/** The writes for units each moving through its rungs: one patch per unit, one event per rung, mails grouped per reader. */
export function moveDecision(
  moves: readonly { unit: UnitRecord; rungs: readonly Readiness[] }[],
  actor: NamedActor,
  cause: Cause & { threatName?: string },
  ctx: HrcContext,
): Decision {
  const { threatName, ...recorded } = cause
  const moving = moves.filter((m) => m.rungs.length > 0)
  const units = moving.map((m) => unitChange(m.unit, m.rungs[m.rungs.length - 1]!, ctx.now))
  const events = moving.flatMap((m) => rungEvents(m.unit, m.rungs, actor, recorded, ctx))
  const mails = readinessMails(
    moving.map((m) => ({ unit: m.unit, from: m.unit.readiness, to: m.rungs[m.rungs.length - 1]! })),
    actor,
    { threat: threatName ?? null, dispatch: recorded.dispatch ?? null },
    ctx,
  )
  return { units, events, mails }
}

/** The readiness this actor may move the unit to by hand now, for rendering buttons. */
export function allowedSteps(
  unit: UnitRecord,
  actor: NamedActor,
  dispatch: ActiveDispatchRef | null,
): Readiness[] {
  const ctx = { dispatch } as StepContext
  return LADDER_STEPS.filter((s) => s.from === unit.readiness && !check(unit, [s.to], actor, ctx)).map(
    (s) => s.to,
  )
}
