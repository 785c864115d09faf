/**
 * The assignment state machine: the one function that takes a step from the table (steps.ts) and
 * returns all it writes: the guarded update, the audit event, the mails, the request's system step.
 */
import {
  type AssignmentStatus,
  CONFIRM_CHANNELS,
  type ConfirmChannel,
  TRANSPORTS,
  type Transport,
} from '../reference/index.ts'
import { type Actor, type AuditEvent, auditEvent, type NamedActor, refuse } from '../shared/index.ts'
import { cancelledMails, declinedMails, deploymentMails, type MailFacts, offeredMails } from './mails.ts'
import type { AssignmentMessage } from './messages.ts'
import { FILLED_ASSIGNMENT_STATUSES, filled, OPEN_REQUEST_STATUSES } from './rules.ts'
import { checkStep, NOTE_MAX, REASON_MAX, REFERENCE_MAX, STEPS, type StepRefusal } from './steps.ts'
import type {
  AnswerFacts,
  Assignment,
  AssignmentPatch,
  GuardedPatch,
  MailDecision,
  Recipients,
  RequestStep,
} from './types.ts'

export interface StepInput {
  /** The target status. */
  status: string
  reason?: string | null
  travel?: { etd: number; eta: number; transport: string; reference?: string | null } | null
  confirmedBy?: { channel: string; note?: string | null } | null
  /** The version the actor saw; a different one is a conflict (someone acted first). */
  version?: number
}

export interface StepContext extends MailFacts {
  now: number
  newId: () => string
  recipients: Recipients
  /** The person's answer to the alert for this need (offering needs "available" or confirmedBy). */
  answer: AnswerFacts
  /** The need's assignments (to keep accepted within the need's count). */
  needAssignments: readonly Assignment[]
}

export interface StepDecision {
  ok: true
  /** `UPDATE assignments SET … WHERE id = ? AND status = ? AND version = ?`: the batch's guard. */
  assignment: GuardedPatch<AssignmentStatus, AssignmentPatch>
  /** The assignment as it reads after the step (for the response and the mails). */
  after: Assignment
  /** The assignment's event: insert only where the guarded update matched. */
  event: AuditEvent
  mails: MailDecision[]
  /** On offer and acceptance: the write must also hold `filled < count` for the need (two offers accepted at once). */
  capacity?: { needId: string; count: number; statuses: readonly AssignmentStatus[] }
  /** On the first arrival at an acknowledged request: its system step to in_progress. */
  request?: RequestStep
}

export type StepResult = StepDecision | StepRefusal

type Needs = { patch: Partial<AssignmentPatch> } | StepRefusal

function invalid(message: AssignmentMessage, field: string): StepRefusal {
  return refuse('invalid', message, { [field]: message })
}

/** What the target step asks of the input: a reason, travel details, the person's yes. */
function needs(
  a: Assignment,
  to: AssignmentStatus,
  input: StepInput,
  actor: NamedActor,
  ctx: StepContext,
): Needs {
  const step = STEPS[to]
  const patch: Partial<AssignmentPatch> = {}
  const reason = typeof input.reason === 'string' ? input.reason.trim() : ''
  if (step.reason === 'required') {
    if (!reason) return invalid({ code: 'assignment.reason.required', params: { status: to } }, 'reason')
    if (reason.length > REASON_MAX)
      return invalid({ code: 'assignment.reason.tooLong', params: { max: REASON_MAX } }, 'reason')
    patch.reason = reason
  }
  if (step.travel === 'required') {
    const t = input.travel
    if (!t) return invalid({ code: 'assignment.travel.required', params: {} }, 'travel')
    if (!Number.isFinite(t.etd)) return invalid({ code: 'assignment.travel.time', params: {} }, 'travel.etd')
    if (!Number.isFinite(t.eta)) return invalid({ code: 'assignment.travel.time', params: {} }, 'travel.eta')
    if (t.etd > t.eta) return invalid({ code: 'assignment.travel.order', params: {} }, 'travel.eta')
    if (!(TRANSPORTS as readonly string[]).includes(t.transport))
      return invalid(
        { code: 'assignment.travel.transport', params: { transport: String(t.transport) } },
        'travel.transport',
      )
    const reference = (t.reference ?? '').trim()
    if (reference.length > REFERENCE_MAX)
      return invalid(
        { code: 'assignment.travel.referenceTooLong', params: { max: REFERENCE_MAX } },
        'travel.reference',
      )
    patch.travel = { etd: t.etd, eta: t.eta, transport: t.transport as Transport, reference }
  }
  if (to === 'offered') {
    const c = input.confirmedBy
    if (c) {
      if (!(CONFIRM_CHANNELS as readonly string[]).includes(c.channel))
        return invalid(
          { code: 'assignment.confirm.channel', params: { channel: String(c.channel) } },
          'confirmedBy.channel',
        )
      const note = (c.note ?? '').trim()
      if (note.length > NOTE_MAX)
        return invalid(
          { code: 'assignment.confirm.noteTooLong', params: { max: NOTE_MAX } },
          'confirmedBy.note',
        )
      patch.confirmedBy = { channel: c.channel as ConfirmChannel, note, by: actor.id }
    } else if (ctx.answer !== 'available')
      return invalid(
        { code: 'assignment.confirm.required', params: { name: ctx.person.name } },
        'confirmedBy.channel',
      )
  }
  if (to === 'offered' || to === 'accepted') {
    const count = ctx.need.count ?? 0
    if (filled(a.needId, ctx.needAssignments) >= count)
      return refuse('conflict', { code: 'assignment.need.filled', params: { count } })
  }
  return { patch }
}

/** The timestamps and flags a step sets, beyond status and version. */
function stamps(to: AssignmentStatus, actor: Actor, now: number): Partial<AssignmentPatch> {
  switch (to) {
    case 'offered':
      return { offeredAt: now }
    case 'accepted':
      return { acceptedAt: now }
    case 'on_site':
      return { arrivedAt: now, onBehalf: actor.role === 'coordinator' }
    case 'released':
      return { releasedAt: now }
    case 'declined':
    case 'completed':
    case 'cancelled':
      return { endedAt: now }
    default:
      return {}
  }
}

/** What an audit event shows of an assignment: enough for its sentence without a second read. */
export function auditAfter(a: Assignment, name: string): Record<string, unknown> {
  return {
    status: a.status,
    version: a.version,
    needId: a.needId,
    functionaryId: a.functionaryId,
    name,
    island: a.island,
    ...(a.reason && ['declined', 'cancelled'].includes(a.status) ? { reason: a.reason } : {}),
    ...(a.status === 'travelling' && a.travel ? { travel: a.travel } : {}),
    ...(a.status === 'offered' && a.confirmedBy ? { confirmedBy: a.confirmedBy } : {}),
    ...(a.status === 'on_site' ? { onBehalf: a.onBehalf } : {}),
  }
}

/** The mails that follow a step; `before` and `after` are the assignment on either side of it. */
function stepMails(before: Assignment, after: Assignment, ctx: StepContext): MailDecision[] {
  switch (after.status) {
    case 'offered':
      return offeredMails(after, ctx, ctx.recipients.island)
    case 'accepted':
      return deploymentMails(after, ctx, 'assignment.mail.accepted', ctx.now)
    case 'travelling':
      return deploymentMails(after, ctx, 'assignment.mail.travelling', ctx.now)
    case 'declined':
      return declinedMails(after, ctx, ctx.recipients.coordinators)
    case 'cancelled':
      return cancelledMails(before, after, ctx, 'coordinator', ctx.recipients.island, ctx.now)
    default:
      return []
  }
}

/** Move an assignment one step, if this actor may, from where it is now. The decision holds all to write. */
export function step(a: Assignment, input: StepInput, actor: NamedActor, ctx: StepContext): StepResult {
  const refusal = checkStep(a, input.status, actor, input.version)
  if (refusal) return refusal
  const to = input.status as AssignmentStatus
  if (STEPS[to].forward && !OPEN_REQUEST_STATUSES.includes(ctx.request.status))
    return refuse('conflict', {
      code: 'assignment.step.requestNotOpen',
      params: { status: ctx.request.status },
    })
  const needed = needs(a, to, input, actor, ctx)
  if ('ok' in needed) return needed
  const patch: AssignmentPatch = {
    ...needed.patch,
    ...stamps(to, actor, ctx.now),
    status: to,
    version: a.version + 1,
    updatedAt: ctx.now,
  }
  const after: Assignment = { ...a, ...patch }
  const event = auditEvent(
    { id: actor.id, label: actor.name },
    `assignment.${to}`,
    'assignment',
    a.id,
    { before: { status: a.status, version: a.version }, after: auditAfter(after, ctx.person.name) },
    ctx.now,
    ctx.newId(),
  )
  const decision: StepDecision = {
    ok: true,
    assignment: { id: a.id, expect: { status: a.status, version: a.version }, patch },
    after,
    event,
    mails: stepMails(a, after, ctx),
  }
  if (to === 'offered' || to === 'accepted')
    decision.capacity = { needId: a.needId, count: ctx.need.count ?? 0, statuses: FILLED_ASSIGNMENT_STATUSES }
  if (to === 'on_site' && ctx.request.status === 'acknowledged')
    decision.request = {
      requestId: ctx.request.id,
      from: 'acknowledged',
      to: 'in_progress',
      event: auditEvent(
        { id: null, label: 'CCPM' },
        'request.in_progress_on_arrival',
        'request',
        ctx.request.id,
        {
          before: { status: 'acknowledged' },
          after: { status: 'in_progress', assignmentId: a.id, name: ctx.person.name, island: a.island },
        },
        ctx.now,
        ctx.newId(),
      ),
    }
  return decision
}
