/** Proposing a person for a functionary need: the new assignment, its event, and the guard its insert needs. */
import { inScope } from '../access/index.ts'
import { ACTIVE_ASSIGNMENT_STATUSES } from '../reference/index.ts'
import {
  type AuditEvent,
  auditEvent,
  type Msg,
  type NamedActor,
  type Refusal,
  refuse,
} from '../shared/index.ts'
import { auditAfter } from './machine.ts'
import type { AssignmentMessage } from './messages.ts'
import { activeOverlap, OPEN_REQUEST_STATUSES } from './rules.ts'
import type { Assignment, NeedFacts, RequestFacts } from './types.ts'

export interface ProposeContext {
  now: number
  newId: () => string
  request: RequestFacts
  need: NeedFacts
  person: { id: string; name: string }
  /** The person's assignments (any need): an active one that overlaps is a conflict. */
  personAssignments: readonly Assignment[]
  /** Why matching excludes the person (its hard rules, in its own codes); any reason is a 422. */
  exclusions?: readonly Msg[]
}

export interface ProposeDecision {
  ok: true
  assignment: Assignment
  event: AuditEvent
  /**
   * The insert must hold this itself (`INSERT … SELECT … WHERE NOT EXISTS` an assignment of the
   * person in `statuses` whose period overlaps): two coordinators proposing at once, one wins.
   */
  guard: { functionaryId: string; periodStart: string; periodEnd: string; statuses: readonly string[] }
}

export type ProposeRefusal = Refusal<AssignmentMessage> & {
  /** The overlapping active assignment (the API returns it as `current` with the 409). */
  current?: Assignment
  /** Matching's reasons for a 422. */
  reasons?: readonly Msg[]
}

export type ProposeResult = ProposeDecision | ProposeRefusal

/** The period a need's people serve: the need's own, or the request's. */
export function needPeriod(
  need: NeedFacts,
  request: RequestFacts,
): { periodStart: string; periodEnd: string } {
  return {
    periodStart: need.periodStart ?? request.periodStart,
    periodEnd: need.periodEnd ?? request.periodEnd,
  }
}

/** Propose `ctx.person` for `ctx.need`: a coordinator's step, on an acknowledged or in-progress request. */
export function propose(actor: NamedActor, ctx: ProposeContext): ProposeResult {
  const { request, need } = ctx
  if (!inScope(actor, { island: request.island }))
    return refuse('not_found', { code: 'assignment.needNotFound', params: {} })
  if (actor.role !== 'coordinator')
    return refuse('forbidden', { code: 'assignment.propose.forbidden', params: {} })
  if (need.kind !== 'functionary')
    return refuse('invalid', { code: 'assignment.propose.notFunctionaryNeed', params: {} })
  if (!OPEN_REQUEST_STATUSES.includes(request.status))
    return refuse('conflict', {
      code: 'assignment.propose.requestNotOpen',
      params: { status: request.status },
    })
  const period = needPeriod(need, request)
  const current = activeOverlap(ctx.personAssignments, period)
  if (current)
    return {
      ...refuse('conflict', {
        code: 'assignment.propose.overlap',
        params: {
          assignmentId: current.id,
          island: current.island,
          status: current.status,
          periodStart: current.periodStart,
          periodEnd: current.periodEnd,
        },
      }),
      current,
    }
  const reasons = ctx.exclusions ?? []
  if (reasons.length)
    return {
      ...refuse('invalid', { code: 'assignment.propose.excluded', params: { count: reasons.length } }),
      reasons,
    }

  const assignment: Assignment = {
    id: ctx.newId(),
    needId: need.id,
    requestId: request.id,
    island: request.island,
    functionaryId: ctx.person.id,
    status: 'proposed',
    ...period,
    travel: null,
    reason: null,
    confirmedBy: null,
    onBehalf: false,
    flaggedAt: null,
    proposedBy: actor.id,
    version: 1,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    offeredAt: null,
    acceptedAt: null,
    arrivedAt: null,
    releasedAt: null,
    endedAt: null,
  }
  const event = auditEvent(
    { id: actor.id, label: actor.name },
    'assignment.proposed',
    'assignment',
    assignment.id,
    { after: { ...auditAfter(assignment, ctx.person.name), ...period } },
    ctx.now,
    ctx.newId(),
  )
  return {
    ok: true,
    assignment,
    event,
    guard: { functionaryId: ctx.person.id, ...period, statuses: ACTIVE_ASSIGNMENT_STATUSES },
  }
}
