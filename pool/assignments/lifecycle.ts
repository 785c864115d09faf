/**
 * What other records' changes do to assignments: a request that ends cancels those not yet on
 * site; an answer taken back flags the proposal. Decisions for the request and alert code to
 * write in the same batch as their own change, each row under its own guard.
 */
import type { AlertAnswer, AssignmentStatus } from '../reference/index.ts'
import { type AuditEvent, auditEvent, type NamedActor, type Refusal } from '../shared/index.ts'
import { auditAfter } from './machine.ts'
import { cancelledMails, flaggedMails, type MailFacts } from './mails.ts'
import type { AssignmentMessage, CancelCause } from './messages.ts'
import { CANCELLABLE_ASSIGNMENT_STATUSES, requestEndRefusal, withdrawsAvailability } from './rules.ts'
import type {
  Assignment,
  AssignmentPatch,
  GuardedPatch,
  MailDecision,
  NeedFacts,
  PersonFacts,
  Recipient,
  RequestFacts,
} from './types.ts'

/** One assignment's change: its guarded update, the row after it, its event and its mails. */
export interface Consequence {
  assignment: GuardedPatch<AssignmentStatus, AssignmentPatch>
  after: Assignment
  event: AuditEvent
  mails: MailDecision[]
}

export interface RequestEndContext {
  now: number
  newId: () => string
  baseUrl: string
  request: RequestFacts
  /** The request's reason for withdrawing or rejecting: the people read it. */
  reason: string
  needs: readonly NeedFacts[]
  people: readonly PersonFacts[]
}

export type RequestEndResult = { ok: true; cancellations: Consequence[] } | Refusal<AssignmentMessage>

function facts(a: Assignment, ctx: RequestEndContext): MailFacts {
  const need = ctx.needs.find((n) => n.id === a.needId) ?? { id: a.needId, kind: 'functionary' as const }
  const person = ctx.people.find((p) => p.id === a.functionaryId) ?? {
    id: a.functionaryId,
    name: a.functionaryId,
    email: '',
    locale: 'en' as const,
    level: null,
    languages: [],
    organisation: '',
    base: '',
  }
  return { request: ctx.request, need, person, baseUrl: ctx.baseUrl }
}

/**
 * The request is being withdrawn or rejected: cancel its assignments not yet on site, each with an
 * event and, for people the island had accepted, a mail and a cancelled `.ics`. Refused while
 * anyone is on site. The request's own update should also hold `NOT EXISTS` an on-site assignment
 * of it, so an arrival racing the withdrawal makes the withdrawal lose, not the person.
 */
export function cancelForRequestEnd(
  to: 'withdrawn' | 'rejected',
  requestAssignments: readonly Assignment[],
  actor: NamedActor,
  ctx: RequestEndContext,
): RequestEndResult {
  const refusal = requestEndRefusal(to, requestAssignments)
  if (refusal) return refusal
  const cause: CancelCause = to === 'withdrawn' ? 'request_withdrawn' : 'request_rejected'
  const reason = ctx.reason.trim()
  const cancellations = requestAssignments
    .filter((a) => (CANCELLABLE_ASSIGNMENT_STATUSES as readonly string[]).includes(a.status))
    .map((a): Consequence => {
      const patch: AssignmentPatch = {
        status: 'cancelled',
        version: a.version + 1,
        updatedAt: ctx.now,
        endedAt: ctx.now,
        reason: reason || null,
      }
      const after: Assignment = { ...a, ...patch }
      const f = facts(a, ctx)
      return {
        assignment: { id: a.id, expect: { status: a.status, version: a.version }, patch },
        after,
        event: auditEvent(
          { id: actor.id, label: actor.name },
          'assignment.cancelled',
          'assignment',
          a.id,
          {
            before: { status: a.status, version: a.version },
            after: { ...auditAfter(after, f.person.name), cause },
          },
          ctx.now,
          ctx.newId(),
        ),
        mails: cancelledMails(a, after, f, cause, [], ctx.now),
      }
    })
  return { ok: true, cancellations }
}

export interface AnswerChangeContext extends MailFacts {
  now: number
  newId: () => string
  /** The note the person gave with the new answer, if any. */
  note: string | null
  coordinators: readonly Recipient[]
}

/**
 * The person changed their alert answer for this need. From available to not available, every
 * proposed assignment of theirs for the need is flagged, and the coordinators are mailed; any
 * other change does nothing here. Call `answerLocked` first: after the offer no change comes by link.
 */
export function flagOnAnswerChange(
  before: AlertAnswer | null,
  after: AlertAnswer | null,
  assignments: readonly Assignment[],
  ctx: AnswerChangeContext,
): Consequence[] {
  if (!withdrawsAvailability(before, after)) return []
  return assignments
    .filter((a) => a.status === 'proposed' && a.functionaryId === ctx.person.id && a.needId === ctx.need.id)
    .map((a) => {
      const patch: AssignmentPatch = {
        status: a.status,
        version: a.version + 1,
        updatedAt: ctx.now,
        flaggedAt: ctx.now,
      }
      const next: Assignment = { ...a, ...patch }
      return {
        assignment: { id: a.id, expect: { status: a.status, version: a.version }, patch },
        after: next,
        event: auditEvent(
          { id: null, label: ctx.person.name },
          'assignment.flagged',
          'assignment',
          a.id,
          {
            before: { status: a.status, version: a.version, answer: before },
            after: { ...auditAfter(next, ctx.person.name), answer: after, note: ctx.note },
          },
          ctx.now,
          ctx.newId(),
        ),
        mails: flaggedMails(next, ctx, ctx.note, ctx.coordinators),
      }
    })
}
