/**
 * The assignment steps as one table: from where each goes, who takes it, what it asks; and the
 * checks every step shares (scope, taker, state, version) before machine.ts looks at what it needs.
 */
import { can, inScope } from '../access/index.ts'
import { ASSIGNMENT_STATUSES, type AssignmentStatus } from '../reference/index.ts'
import { type Actor, type Refusal, refuse } from '../shared/index.ts'
import type { AssignmentMessage, Taker } from './messages.ts'
import type { Assignment } from './types.ts'

export interface StepRule {
  from: readonly AssignmentStatus[]
  by: readonly Taker[]
  reason: 'required' | 'none'
  travel: 'required' | 'none'
  /** A step forward needs the request still open (acknowledged or in progress). */
  forward: boolean
}

const rule = (
  from: readonly AssignmentStatus[],
  by: readonly Taker[],
  extra: Partial<Pick<StepRule, 'reason' | 'travel' | 'forward'>> = {},
): StepRule => ({ from, by, reason: 'none', travel: 'none', forward: false, ...extra })

/**
 * EU practice (docs/domain.md: the requesting island decides on each offer). `proposed` is
 * made by `propose` (propose.ts), never by a step. Where the issue is silent: a coordinator records
 * travel once the island has accepted; only the island releases; completion is LOCC-KCR2's close.
 */
export const STEPS: Readonly<Record<AssignmentStatus, StepRule>> = {
  proposed: rule([], ['coordinator']),
  offered: rule(['proposed'], ['coordinator'], { forward: true }),
  accepted: rule(['offered'], ['island'], { forward: true }),
  declined: rule(['offered'], ['island'], { reason: 'required' }),
  travelling: rule(['accepted'], ['coordinator'], { travel: 'required', forward: true }),
  on_site: rule(['travelling'], ['island', 'coordinator_on_behalf'], { forward: true }),
  released: rule(['on_site'], ['island']),
  completed: rule(['released'], ['coordinator']),
  cancelled: rule(['proposed', 'offered', 'accepted', 'travelling'], ['coordinator'], { reason: 'required' }),
}

/** The statuses a step can move to (all but `proposed`, which only `propose` makes). */
export const STEP_TARGETS = ASSIGNMENT_STATUSES.filter((s) => STEPS[s].from.length > 0)

export const REASON_MAX = 2000
export const REFERENCE_MAX = 100
export const NOTE_MAX = 1000

const isStatus = (s: unknown): s is AssignmentStatus =>
  typeof s === 'string' && (ASSIGNMENT_STATUSES as readonly string[]).includes(s)

/** Whether the actor may read the assignment: a coordinator all, an island its own, a person theirs. */
export function assignmentVisible(a: Assignment, actor: Actor): boolean {
  return can(actor, 'assignments:read', a)
}

/** How `actor` takes a step by `taker`, if at all (scope is checked before). */
function takes(taker: Taker, actor: Actor): boolean {
  if (taker === 'island') return actor.role === 'island'
  return actor.role === 'coordinator'
}

export type StepRefusal = Refusal<AssignmentMessage>

/** Scope, taker, current state and version: the checks every step shares, before what it needs. */
export function checkStep(a: Assignment, to: string, actor: Actor, version?: number): StepRefusal | null {
  if (!inScope(actor, a)) return refuse('not_found', { code: 'assignment.notFound', params: {} })
  if (!isStatus(to) || STEPS[to].from.length === 0)
    return refuse('invalid', { code: 'assignment.step.unknown', params: { status: String(to) } })
  const step = STEPS[to]
  if (!step.by.some((taker) => takes(taker, actor)))
    return refuse('forbidden', { code: 'assignment.step.forbidden', params: { status: to, takers: step.by } })
  if (a.status === to) return refuse('conflict', { code: 'assignment.step.already', params: { status: to } })
  if (!step.from.includes(a.status))
    return refuse('conflict', { code: 'assignment.step.notFrom', params: { from: a.status, to } })
  if (version !== undefined && version !== a.version)
    return refuse('conflict', {
      code: 'assignment.step.stale',
      params: { status: a.status, version: a.version },
    })
  return null
}

/** The statuses `actor` may move `a` to now (state, role, scope; not yet what each step needs). */
export function allowedSteps(a: Assignment, actor: Actor): AssignmentStatus[] {
  return STEP_TARGETS.filter((to) => checkStep(a, to, actor) === null)
}
