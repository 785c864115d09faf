/**
 * Availability alerts: a coordinator asks chosen pool members "are you available 6–20 Sep for
 * Saba?" for one functionary need; each answers once through a link in the mail. Pure decisions:
 * who may be alerted, the rows, audit events and mails to write, and whether an answer counts.
 */

import { can } from '../access/index.ts'
import type { MatchingMessage } from '../matching/index.ts'
import type { Proficiency } from '../reference/index.ts'
import type { FunctionaryNeed, RequestRecord } from '../requests/index.ts'
import { type AuditEvent, auditEvent } from '../shared/audit.ts'
import { type Actor, mailLocale, msg, type NamedActor, type Refusal, refuse } from '../shared/index.ts'
import type { AlertAuditAction, AlertMailDecision, AlertMessage, Ineligible } from './messages.ts'

export type AlertAnswer = 'available' | 'unavailable'

export interface AlertRecord {
  id: string
  needId: string
  requestId: string
  functionaryId: string
  sentBy: string | null
  sentAt: number
  deadline: number
  answer: AlertAnswer | null
  note: string | null
  answeredAt: number | null
}

/** A candidate as the decision needs to see them: whom to write to, and in which language. */
export interface Candidate {
  id: string
  name: string
  email: string
  languages: { language: string; proficiency: Proficiency }[]
  /** The language of their account, when they have one: the alert mail is written in it. */
  locale: string | null
}

export const MAX_RECIPIENTS = 50
export const NOTE_MAX = 1000
const ALERTABLE = ['acknowledged', 'in_progress']

export interface SendContext {
  now: number
  newId: () => string
  /** A fresh secret per alert (≥ 128 random bits); the link carries `id.secret`. */
  newSecret: () => string
  baseUrl: string
  /** Functionaries already alerted for this need and still without an answer: not asked twice. */
  pending: ReadonlySet<string>
  /** Why matching excludes a person from this need (its hard rules); absent or empty: eligible. */
  excluded: ReadonlyMap<string, readonly MatchingMessage[]>
}

export interface SentAlert extends AlertRecord {
  secret: string
}

export type SendResult =
  | { ok: true; alerts: SentAlert[]; events: AuditEvent[]; mails: AlertMailDecision[] }
  | Refusal<AlertMessage>

const event = (
  actor: { id: string | null; label: string },
  action: AlertAuditAction,
  id: string,
  change: Parameters<typeof auditEvent>[4],
  now: number,
  newId: () => string,
) => auditEvent(actor, action, 'alert', id, change, now, newId())

/** Decide an alert round for one functionary need. */
export function sendAlerts(
  actor: NamedActor,
  request: RequestRecord,
  need: FunctionaryNeed,
  candidates: readonly Candidate[],
  deadline: number,
  ctx: SendContext,
): SendResult {
  if (!can(actor, 'pool:manage')) return refuse('forbidden', msg('alerts.coordinatorsOnly'))
  if (!ALERTABLE.includes(request.status))
    return refuse('conflict', msg('alerts.notAcknowledged', { status: request.status }))
  if (!Number.isFinite(deadline) || deadline <= ctx.now) {
    const past = msg('alerts.deadline.past')
    return refuse('invalid', past, { deadline: past })
  }
  if (candidates.length === 0) {
    const nobody = msg('alerts.nobody')
    return refuse('invalid', nobody, { functionaryIds: nobody })
  }
  if (candidates.length > MAX_RECIPIENTS) {
    const tooMany = msg('alerts.tooMany', { max: MAX_RECIPIENTS })
    return refuse('invalid', tooMany, { functionaryIds: tooMany })
  }
  const problems = candidates
    .map((c): Ineligible | null => {
      if (ctx.pending.has(c.id)) return { name: c.name, reason: 'pending', reasons: [] }
      const reasons = ctx.excluded.get(c.id) ?? []
      return reasons.length ? { name: c.name, reason: 'excluded', reasons } : null
    })
    .filter((why): why is Ineligible => why !== null)
  if (problems.length) {
    const message = msg('alerts.ineligible', { problems })
    return refuse('invalid', message, { functionaryIds: message })
  }
  const periodStart = need.periodStart ?? request.periodStart
  const periodEnd = need.periodEnd ?? request.periodEnd
  const alerts: SentAlert[] = []
  const events: AuditEvent[] = []
  const mails: AlertMailDecision[] = []
  for (const c of candidates) {
    const alert: SentAlert = {
      id: ctx.newId(),
      needId: need.id,
      requestId: request.id,
      functionaryId: c.id,
      sentBy: actor.id,
      sentAt: ctx.now,
      deadline,
      answer: null,
      note: null,
      answeredAt: null,
      secret: ctx.newSecret(),
    }
    alerts.push(alert)
    events.push(
      event(
        { id: actor.id, label: actor.name },
        'alert.sent',
        alert.id,
        { after: { needId: need.id, requestId: request.id, functionaryId: c.id, name: c.name, deadline } },
        ctx.now,
        ctx.newId,
      ),
    )
    mails.push(alertMail(c, request, need, alert, { periodStart, periodEnd, baseUrl: ctx.baseUrl }))
  }
  return { ok: true, alerts, events, mails }
}

/** The question to one person, in the language they read best. */
function alertMail(
  c: Candidate,
  request: RequestRecord,
  need: FunctionaryNeed,
  alert: SentAlert,
  ctx: { periodStart: string; periodEnd: string; baseUrl: string },
): AlertMailDecision {
  return {
    to: c.email,
    locale: mailLocale(c.locale, c.languages),
    message: msg('alerts.mail.ask', {
      name: c.name,
      role: need.role,
      minLevel: need.minLevel,
      languages: need.languages,
      island: request.island,
      periodStart: ctx.periodStart,
      periodEnd: ctx.periodEnd,
      title: request.title.replace(/\s+/g, ' ').trim(),
      priority: request.priority,
      deadline: alert.deadline,
      link: `${ctx.baseUrl.replace(/\/+$/, '')}/answer/${alert.id}.${alert.secret}`,
    }),
  }
}

export type AnswerResult =
  | { ok: true; patch: { answer: AlertAnswer; note: string | null; answeredAt: number }; event: AuditEvent }
  | { ok: false; error: 'answered' | 'expired' | 'invalid'; message: AlertMessage }

/**
 * Decide an answer given through the link, before the deadline. A person may change it (they fell
 * ill); the same answer again changes nothing. Whether an offer has locked it is the assignments'
 * rule (pool/assignments `answerLocked`), checked by the caller first.
 */
export function answerAlert(
  alert: AlertRecord,
  who: { name: string },
  answer: unknown,
  note: unknown,
  now: number,
  newId: () => string,
): AnswerResult {
  if (now >= alert.deadline) return { ok: false, error: 'expired', message: msg('alerts.expired') }
  if (answer !== 'available' && answer !== 'unavailable')
    return { ok: false, error: 'invalid', message: msg('alerts.chooseAnswer') }
  if (alert.answer === answer)
    return { ok: false, error: 'answered', message: msg('alerts.answered', { answer: alert.answer }) }
  const text = typeof note === 'string' ? note.trim() : ''
  if (text.length > NOTE_MAX)
    return { ok: false, error: 'invalid', message: msg('alerts.noteTooLong', { max: NOTE_MAX }) }
  const patch = { answer, note: text || null, answeredAt: now } as const
  // No account acts: the person answered through the link in their mail (the history says so).
  const answered = event(
    { id: null, label: who.name },
    'alert.answered',
    alert.id,
    { before: { answer: alert.answer }, after: { answer, note: patch.note } },
    now,
    newId,
  )
  return { ok: true, patch, event: answered }
}

/** Coordinators see a need's alerts; nobody else (the functionary sees their own on /me/alerts). */
export const maySeeAlerts = (actor: Actor) => can(actor, 'pool:manage')
