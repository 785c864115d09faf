/**
 * Availability alerts: a coordinator asks chosen pool members "are you available 6–20 Sep for
 * Saba?" for one functionary need. One alert per person and need: asking someone again is a
 * reminder (the same question, a fresh link, a new deadline; the answer they gave stands until they
 * answer again), at most one per REMINDER_GAP_MS. Pure decisions: who may be alerted, and per
 * person the row to write (or the reminder), its audit event and its mail.
 */

import { can } from '../access/index.ts'
import type { MatchingMessage } from '../matching/index.ts'
import type { AlertAnswer, Proficiency } from '../reference/index.ts'
import type { FunctionaryNeed, RequestRecord } from '../requests/index.ts'
import { type AuditEvent, auditEvent } from '../shared/audit.ts'
import { type Actor, mailLocale, msg, type NamedActor, type Refusal, refuse } from '../shared/index.ts'
import type { AlertAuditAction, AlertMailDecision, AlertMessage, AskParams, Ineligible } from './messages.ts'

export type { AlertAnswer }

export interface AlertRecord {
  id: string
  needId: string
  requestId: string
  functionaryId: string
  sentBy: string | null
  /** The first question; a reminder leaves it and sets `remindedAt`. */
  sentAt: number
  deadline: number
  answer: AlertAnswer | null
  note: string | null
  answeredAt: number | null
  reminders: number
  remindedAt: number | null
}

/** A candidate as the decision needs to see them: whom to write to, in which language, and where they live. */
export interface Candidate {
  id: string
  name: string
  email: string
  /** Their base: someone in the European Netherlands also gets the deadline in Amsterdam time. */
  base: string
  languages: { language: string; proficiency: Proficiency }[]
  /** The language of their account, when they have one: the alert mail is written in it. */
  locale: string | null
}

/** What a round read of someone already asked for this need: their alert is reminded, not doubled. */
export interface AskedBefore {
  id: string
  /** The reminders counted when read: the reminder's write is guarded on it. */
  reminders: number
  /** When the last question went: the first alert or the latest reminder. */
  lastSentAt: number
  answer: AlertAnswer | null
}

export const MAX_RECIPIENTS = 50
export const NOTE_MAX = 1000
/**
 * A reminder goes at least this long after the last question to the person: two coordinators (or
 * one double click) alerting at the same moment send one mail, never a burst.
 */
export const REMINDER_GAP_MS = 10 * 60_000
const ALERTABLE = ['acknowledged', 'in_progress']

export interface SendContext {
  now: number
  newId: () => string
  /** A fresh secret per question (≥ 128 random bits); the link carries `id.secret`. */
  newSecret: () => string
  baseUrl: string
  /** The chosen people already asked for this need, by functionary id. */
  asked: ReadonlyMap<string, AskedBefore>
  /** Why matching excludes a person from this need (its hard rules); absent or empty: eligible. */
  excluded: ReadonlyMap<string, readonly MatchingMessage[]>
}

export interface SentAlert extends AlertRecord {
  secret: string
}

/** Asking someone again: their row gets a new secret and deadline, the answer stays. */
export interface Reminder {
  id: string
  needId: string
  functionaryId: string
  /** Reminders as read; the write applies only if still so (and the gap has passed). */
  read: number
  reminders: number
  deadline: number
  remindedAt: number
  remindedBy: string | null
  secret: string
}

/** One person's part of a round: written together, or (lost to a concurrent round) not at all. */
export type AlertSend =
  | { kind: 'first'; alert: SentAlert; event: AuditEvent; mail: AlertMailDecision }
  | { kind: 'reminder'; reminder: Reminder; event: AuditEvent; mail: AlertMailDecision }

export type SendResult = { ok: true; sends: AlertSend[] } | Refusal<AlertMessage>

const event = (
  actor: { id: string | null; label: string },
  action: AlertAuditAction,
  id: string,
  change: Parameters<typeof auditEvent>[4],
  now: number,
  newId: () => string,
) => auditEvent(actor, action, 'alert', id, change, now, newId())

/** Why a chosen person cannot be asked now: too soon after the last question, or matching's rules. */
function problemOf(c: Candidate, ctx: SendContext): Ineligible | null {
  const asked = ctx.asked.get(c.id)
  if (asked && asked.lastSentAt > ctx.now - REMINDER_GAP_MS)
    return { name: c.name, reason: 'recent', reasons: [], since: asked.lastSentAt }
  const reasons = ctx.excluded.get(c.id) ?? []
  return reasons.length ? { name: c.name, reason: 'excluded', reasons, since: null } : null
}

/** Decide an alert round for one functionary need: first questions and reminders. */
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
  const problems = candidates.map((c) => problemOf(c, ctx)).filter((p): p is Ineligible => p !== null)
  if (problems.length) {
    const message = msg('alerts.ineligible', { problems, gapMinutes: REMINDER_GAP_MS / 60_000 })
    return refuse('invalid', message, { functionaryIds: message })
  }
  const by = { id: actor.id, label: actor.name }
  const ask = askParams(request, need, deadline, ctx.baseUrl)
  const sends = candidates.map((c): AlertSend => {
    const secret = ctx.newSecret()
    const asked = ctx.asked.get(c.id)
    if (asked) {
      const reminder: Reminder = {
        id: asked.id,
        needId: need.id,
        functionaryId: c.id,
        read: asked.reminders,
        reminders: asked.reminders + 1,
        deadline,
        remindedAt: ctx.now,
        remindedBy: actor.id,
        secret,
      }
      const after = { name: c.name, deadline, reminders: reminder.reminders }
      return {
        kind: 'reminder',
        reminder,
        event: event(by, 'alert.reminded', asked.id, { after }, ctx.now, ctx.newId),
        mail: mailTo(c, {
          code: 'alerts.mail.remind',
          params: { ...ask(c, asked.id, secret), answer: asked.answer, reminders: reminder.reminders },
        }),
      }
    }
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
      reminders: 0,
      remindedAt: null,
      secret,
    }
    const after = { needId: need.id, requestId: request.id, functionaryId: c.id, name: c.name, deadline }
    return {
      kind: 'first',
      alert,
      event: event(by, 'alert.sent', alert.id, { after }, ctx.now, ctx.newId),
      mail: mailTo(c, { code: 'alerts.mail.ask', params: ask(c, alert.id, secret) }),
    }
  })
  return { ok: true, sends }
}

/** The question's facts, the same for everyone in the round; the link and the clocks are each person's. */
function askParams(request: RequestRecord, need: FunctionaryNeed, deadline: number, baseUrl: string) {
  const base = {
    role: need.role,
    minLevel: need.minLevel,
    languages: need.languages,
    island: request.island,
    periodStart: need.periodStart ?? request.periodStart,
    periodEnd: need.periodEnd ?? request.periodEnd,
    title: request.title.replace(/\s+/g, ' ').trim(),
    priority: request.priority,
    deadline,
  }
  const root = baseUrl.replace(/\/+$/, '')
  return (c: Candidate, id: string, secret: string): AskParams => ({
    ...base,
    name: c.name,
    amsterdam: c.base === 'NL',
    link: `${root}/answer/${id}.${secret}`,
  })
}

/** The question to one person, in the language they read best. */
function mailTo(c: Candidate, message: AlertMailDecision['message']): AlertMailDecision {
  return { to: c.email, locale: mailLocale(c.locale, c.languages), message }
}

/** Coordinators see a need's alerts; nobody else (the functionary sees their own on /me/alerts). */
export const maySeeAlerts = (actor: Actor) => can(actor, 'pool:manage')
