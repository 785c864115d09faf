/** The request-for-assistance state machine: who may move a request from where to where, and what follows. */

import { can, inScope } from '../access/policy.ts'
import { type RequestStatus, TERMINAL_REQUEST_STATUSES } from '../reference/codes.ts'
import type { Actor, NamedActor, Role } from '../shared/actor.ts'
import { type AuditEvent, auditEvent } from '../shared/audit.ts'
import { msg } from '../shared/message.ts'
import { type Refusal, refuse } from '../shared/refusal.ts'
import { type MailContext, transitionMails } from './mails.ts'
import type { Mover, Recipients, RequestMailDecision, RequestMessage, SubmitField } from './messages.ts'
import type { Need, NeedInput, RequestRecord } from './types.ts'

export type { Mover }

export interface TransitionRule {
  from: readonly RequestStatus[]
  to: RequestStatus
  by: readonly Mover[]
  reason: 'required' | 'optional' | 'none'
}

/**
 * The request lifecycle of docs/domain.md. Choices where the domain says nothing:
 * - an island's draft is its own working copy, invisible to others (see requestVisible), so a
 *   coordinator submits or withdraws only a request filed on the island's behalf (onBehalf) — any
 *   coordinator, since duty officers work in shifts; an island's own request is the island's to withdraw;
 * - closing takes an optional reason (a closing note); in_progress is entered by a coordinator, and
 *   only once something is filled (a person or unit assigned): "in progress" promises support under
 *   way, so it is not said of a request nobody has been found for yet.
 */
export const TRANSITIONS: readonly TransitionRule[] = [
  { from: ['draft'], to: 'submitted', by: ['island', 'coordinator_on_behalf'], reason: 'none' },
  { from: ['submitted'], to: 'acknowledged', by: ['coordinator'], reason: 'none' },
  { from: ['acknowledged'], to: 'in_progress', by: ['coordinator'], reason: 'none' },
  { from: ['in_progress'], to: 'closed', by: ['island', 'coordinator'], reason: 'optional' },
  { from: ['submitted', 'acknowledged'], to: 'rejected', by: ['coordinator'], reason: 'required' },
  {
    from: ['draft', 'submitted', 'acknowledged'],
    to: 'withdrawn',
    by: ['island', 'coordinator_on_behalf'],
    reason: 'required',
  },
]

export const REASON_MAX = 2000

export const isTerminal = (status: RequestStatus): boolean =>
  (TERMINAL_REQUEST_STATUSES as readonly RequestStatus[]).includes(status)

function ruleFor(to: RequestStatus): TransitionRule | undefined {
  return TRANSITIONS.find((rule) => rule.to === to)
}

function moves(mover: Mover, request: RequestRecord, actor: Actor): boolean {
  if (mover === 'island') return actor.role === 'island' && actor.island === request.island
  if (mover === 'coordinator') return actor.role === 'coordinator'
  return actor.role === 'coordinator' && request.onBehalf
}

/** Island users see their own island's requests; a draft is the island's working copy until submitted. */
function inRequestScope(request: RequestRecord, actor: Actor): boolean {
  if (!inScope(actor, request)) return false
  return request.status !== 'draft' || request.onBehalf || actor.role === 'island' || actor.role === 'admin'
}

/** Whether the actor may see the request (lists, pages); mirrors the scope of db/queries/requests.ts. */
export function requestVisible(request: RequestRecord, actor: Actor): boolean {
  return can(actor, 'requests:read') && inRequestScope(request, actor)
}

/** Out of scope is "not found" (a 404); in scope without the right is "forbidden" (a 403), as in server/policy.ts. */
export function accessRefusal(request: RequestRecord, actor: Actor): Refusal<RequestMessage> | null {
  if (!inRequestScope(request, actor)) return refuse('not_found', msg('requests.notFound'))
  if (!can(actor, 'requests:read')) return refuse('forbidden', msg('requests.readOnly'))
  return null
}

/** What a transition may depend on beyond the record: how much of it is filled so far. */
export interface RequestProgress {
  /** People and units assigned to the request's needs so far (0 until matching fills any). */
  filled?: number
}

/** The checks every transition shares, without reason or content: scope, role, current state, version, progress. */
function check(
  request: RequestRecord,
  to: RequestStatus,
  actor: Actor,
  version?: number,
  progress: RequestProgress = {},
): Refusal<RequestMessage> | null {
  const denied = accessRefusal(request, actor)
  if (denied) return denied
  const rule = ruleFor(to)
  if (!rule) return refuse('invalid', msg('requests.transition.unknown', { to: String(to) }))
  if (!rule.by.some((mover) => moves(mover, request, actor)))
    return refuse('forbidden', msg('requests.transition.notYours', { to, by: rule.by }))
  if (request.status === to) return refuse('conflict', msg('requests.transition.already', { status: to }))
  if (!rule.from.includes(request.status))
    return refuse('conflict', msg('requests.transition.from', { status: request.status, to }))
  if (version !== undefined && version !== request.version)
    return refuse('conflict', msg('requests.transition.stale', { status: request.status }))
  if (to === 'in_progress' && !(progress.filled && progress.filled > 0))
    return refuse('conflict', msg('requests.progress.nothingFilled'))
  return null
}

/**
 * What must hold before a request leaves draft (a draft needs only a title). Empty when it is ready;
 * one message per field otherwise. Whatever is given was checked when typed (input.ts), a need's
 * period within the request's included.
 */
export function readyToSubmit(
  request: RequestRecord,
  needs: readonly NeedInput[],
): Partial<Record<SubmitField, RequestMessage>> {
  const missing: SubmitField[] = []
  if (!request.title.trim()) missing.push('title')
  if (!request.situation.trim()) missing.push('situation')
  if (!request.periodStart) missing.push('periodStart')
  if (!request.periodEnd) missing.push('periodEnd')
  if (!request.contact.trim()) missing.push('contact')
  if (needs.length === 0) missing.push('needs')
  return Object.fromEntries(missing.map((field) => [field, msg('requests.submit.missing', { field })]))
}

/** The refusal of a request that is not ready: every missing field in one message, and each on its own. */
export function notReady(
  request: RequestRecord,
  needs: readonly NeedInput[],
): Refusal<RequestMessage> | null {
  const fields = readyToSubmit(request, needs)
  const missing = Object.keys(fields) as SubmitField[]
  if (missing.length === 0) return null
  return refuse(
    'invalid',
    msg('requests.submit.incomplete', { missing }),
    fields as Record<string, RequestMessage>,
  )
}

export interface TransitionContext extends RequestProgress {
  reason?: string | null
  now: number
  newId: () => string
  recipients: Recipients
  /** The request's needs: required to submit (at least one) and summarised in the mails. */
  needs?: readonly Need[]
  /** The version the actor saw; a different current version is a conflict (someone acted first). */
  version?: number
  mail: MailContext
}

export interface RequestPatch {
  status: RequestStatus
  version: number
  submittedAt?: number
  acknowledgedAt?: number
  closedAt?: number
  reason?: string | null
}

export type TransitionResult =
  | { ok: true; patch: RequestPatch; event: AuditEvent; mails: RequestMailDecision[] }
  | Refusal<RequestMessage>

/** Move a request to `to`, if this actor may, from where it is now. The decision holds all that must be written. */
export function transition(
  request: RequestRecord,
  to: RequestStatus,
  actor: NamedActor,
  ctx: TransitionContext,
): TransitionResult {
  const refusal = check(request, to, actor, ctx.version, ctx)
  if (refusal) return refusal
  const rule = ruleFor(to)!
  const reason = ctx.reason?.trim() ?? ''
  if (rule.reason === 'required' && !reason) return refuse('invalid', msg('requests.reason.required', { to }))
  if (reason.length > REASON_MAX)
    return refuse('invalid', msg('requests.reason.tooLong', { max: REASON_MAX }))
  const needs = ctx.needs ?? []
  if (to === 'submitted') {
    const incomplete = notReady(request, needs)
    if (incomplete) return incomplete
  }

  const patch: RequestPatch = { status: to, version: request.version + 1 }
  if (to === 'submitted') patch.submittedAt = ctx.now
  if (to === 'acknowledged') patch.acknowledgedAt = ctx.now
  if (isTerminal(to)) patch.closedAt = ctx.now
  if (rule.reason !== 'none' && reason) patch.reason = reason

  const event = auditEvent(
    { id: actor.id, label: actor.name },
    `request.${to}`,
    'request',
    request.id,
    {
      before: { status: request.status, version: request.version },
      after: { status: to, version: patch.version, ...(patch.reason ? { reason: patch.reason } : {}) },
    },
    ctx.now,
    ctx.newId(),
  )
  const after: RequestRecord = { ...request, ...patch }
  const mails = transitionMails(after, needs, actor, ctx.recipients, ctx.mail)
  return { ok: true, patch, event, mails }
}

/** The statuses this actor may move the request to now, for rendering buttons (reasons are asked later). */
export function allowedTransitions(
  request: RequestRecord,
  actor: Actor,
  progress: RequestProgress = {},
): RequestStatus[] {
  return TRANSITIONS.filter((rule) => check(request, rule.to, actor, undefined, progress) === null).map(
    (rule) => rule.to,
  )
}

/**
 * Whose next step a request shows to `role`: the island's, LOCC-KCR2's, or a bystander's. The
 * words live in views/i18n (`next.<status>.<side>`), in every language.
 */
export function nextStepSide(
  request: Pick<RequestRecord, 'status' | 'onBehalf'>,
  role: Role,
): 'island' | 'coordinator' | 'other' {
  if (role === 'coordinator' && request.status === 'draft' && request.onBehalf) return 'island'
  return role === 'island' || role === 'coordinator' ? role : 'other'
}
