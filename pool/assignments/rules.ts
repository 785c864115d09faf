/**
 * The rules that must hold around assignments, as plain predicates and counts the request, alert
 * and matching code call: what is active, what overlaps, what fills a need, what may still change.
 */
import {
  ACTIVE_ASSIGNMENT_STATUSES,
  type AlertAnswer,
  type AssignmentStatus,
  type RequestStatus,
} from '../reference/index.ts'
import { type Refusal, refuse } from '../shared/index.ts'
import type { AssignmentMessage } from './messages.ts'
import type { Assignment } from './types.ts'

/** A need is filled by its people from accepted on; released and completed still count (they served). */
export const FILLED_ASSIGNMENT_STATUSES = [
  'accepted',
  'travelling',
  'on_site',
  'released',
  'completed',
] as const satisfies readonly AssignmentStatus[]

/** Assignments are made and moved forward only while the request is taken on and not ended. */
export const OPEN_REQUEST_STATUSES: readonly RequestStatus[] = ['acknowledged', 'in_progress']

/**
 * Once offered to the island, the person is committed: the alert link no longer changes the
 * answer (the page says to call LOCC-KCR2). Declined and cancelled free the answer again.
 */
export const ANSWER_LOCKING_STATUSES = [
  'offered',
  'accepted',
  'travelling',
  'on_site',
  'released',
  'completed',
] as const satisfies readonly AssignmentStatus[]

/** Not yet on site: what a coordinator, or the end of the request, may still cancel. */
export const CANCELLABLE_ASSIGNMENT_STATUSES = [
  'proposed',
  'offered',
  'accepted',
  'travelling',
] as const satisfies readonly AssignmentStatus[]

const among = (list: readonly string[], status: string) => list.includes(status)

export const isActive = (status: AssignmentStatus): boolean => among(ACTIVE_ASSIGNMENT_STATUSES, status)
export const isFilling = (status: AssignmentStatus): boolean => among(FILLED_ASSIGNMENT_STATUSES, status)

export interface Period {
  periodStart: string // ISO date, inclusive
  periodEnd: string // ISO date, inclusive
}

/** Two periods share at least one day (both ends inclusive: the day one ends, the other may not start). */
export function overlaps(a: Period, b: Period): boolean {
  return a.periodStart <= b.periodEnd && b.periodStart <= a.periodEnd
}

/** The person's active assignment that overlaps `period`, if any (`exceptId`: the one being changed). */
export function activeOverlap(
  personAssignments: readonly Assignment[],
  period: Period,
  exceptId?: string,
): Assignment | undefined {
  return personAssignments.find((a) => a.id !== exceptId && isActive(a.status) && overlaps(a, period))
}

const ofNeed = (needId: string, assignments: readonly Assignment[]) =>
  assignments.filter((a) => a.needId === needId)

/** How many of the need's places are filled: its accepted-or-later assignments. */
export function filled(needId: string, assignments: readonly Assignment[]): number {
  return ofNeed(needId, assignments).filter((a) => isFilling(a.status)).length
}

export interface Fill {
  count: number
  filled: number
  /** Waiting for the island's decision. */
  offered: number
  /** Proposed, not yet offered. */
  proposed: number
  /** Places without anyone accepted. */
  open: number
}

/** "2 of 3 filled, 1 offered": the numbers a request's needs show. */
export function fill(need: { id: string; count: number }, assignments: readonly Assignment[]): Fill {
  const mine = ofNeed(need.id, assignments)
  const n = filled(need.id, mine)
  return {
    count: need.count,
    filled: n,
    offered: mine.filter((a) => a.status === 'offered').length,
    proposed: mine.filter((a) => a.status === 'proposed').length,
    open: Math.max(0, need.count - n),
  }
}

/** The lowest count an edit may give the need: its people accepted or later (removing a need is count 0). */
export const minimumCount = (needId: string, assignments: readonly Assignment[]): number =>
  filled(needId, assignments)

/** Refuses an edit that lowers a need's count below its accepted people (a 409 for the request's edit). */
export function countRefusal(
  needId: string,
  count: number,
  assignments: readonly Assignment[],
): Refusal<AssignmentMessage> | null {
  const min = minimumCount(needId, assignments)
  return count < min
    ? refuse('conflict', { code: 'assignment.need.belowFilled', params: { count, filled: min } })
    : null
}

/** A withdrawal or rejection is refused while people are on site: they cannot be cancelled. */
export function requestEndRefusal(
  to: 'withdrawn' | 'rejected',
  requestAssignments: readonly Assignment[],
): Refusal<AssignmentMessage> | null {
  const count = requestAssignments.filter((a) => a.status === 'on_site').length
  return count ? refuse('conflict', { code: 'assignment.request.onSite', params: { to, count } }) : null
}

/** A request is closed only when none of its assignments is active. */
export function closeRefusal(requestAssignments: readonly Assignment[]): Refusal<AssignmentMessage> | null {
  const count = requestAssignments.filter((a) => isActive(a.status)).length
  return count ? refuse('conflict', { code: 'assignment.request.active', params: { count } }) : null
}

/**
 * Whether the person may still change their alert answer for this need through the link: not once
 * an assignment of theirs for it has been offered (the alerts code calls this before it records).
 */
export function answerLocked(
  functionaryId: string,
  needId: string,
  assignments: readonly Assignment[],
): boolean {
  return assignments.some(
    (a) =>
      a.functionaryId === functionaryId && a.needId === needId && among(ANSWER_LOCKING_STATUSES, a.status),
  )
}

/** The refusal the answer page shows when `answerLocked`: call LOCC-KCR2 instead. */
export const answerLockedRefusal = (): Refusal<AssignmentMessage> =>
  refuse('conflict', { code: 'assignment.answer.locked', params: {} })

/** A change from available to not available is what makes a proposal doubtful. */
export const withdrawsAvailability = (before: AlertAnswer | null, after: AlertAnswer | null): boolean =>
  before === 'available' && after === 'unavailable'
