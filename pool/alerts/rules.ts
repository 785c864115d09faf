/**
 * Availability alerts: a coordinator asks chosen pool members "are you available 6–20 Sep for
 * Saba?" for one functionary need; each answers once through a link in the mail. Pure decisions:
 * who may be alerted, the rows, audit events and mails to write, and whether an answer counts.
 */

import { can } from '../access/index.ts'
import { islandName, type Level } from '../reference/index.ts'
import { type FunctionaryNeed, type RequestRecord, roleLabel } from '../requests/index.ts'
import { type AuditEvent, auditEvent } from '../shared/audit.ts'
import type { Actor, NamedActor, Refusal } from '../shared/index.ts'
import type { Mail } from '../shared/mail.ts'

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

/** A candidate as the decision needs to see them: qualifications, not contact details (except the address to write to). */
export interface Candidate {
  id: string
  name: string
  email: string
  active: boolean
  roles: { role: string; level: Level }[]
  languages: string[]
}

export const MAX_RECIPIENTS = 50
export const NOTE_MAX = 1000
const LEVEL_RANK: Record<Level, number> = { trainee: 0, qualified: 1, senior: 2 }
const ALERTABLE = ['acknowledged', 'in_progress']

/** Why a candidate cannot be alerted for this need, or null when they can. */
export function ineligibility(need: FunctionaryNeed, c: Candidate): string | null {
  if (!c.active) return 'is not active in the pool'
  const role = c.roles.find((r) => r.role === need.role)
  if (!role) return 'does not hold the role'
  if (LEVEL_RANK[role.level] < LEVEL_RANK[need.minLevel]) return `is ${role.level}, below the minimum level`
  const missing = need.languages.filter((l) => !c.languages.includes(l))
  if (missing.length) return `lacks the required language ${missing.join(', ')}`
  return null
}

/** "6–20 Sep", "28 Sep–4 Oct", "30 Dec 2026–3 Jan 2027": short, for a subject line. */
export function shortPeriod(start: string, end: string): string {
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
  const [ay, am, ad] = start.split('-').map(Number) as [number, number, number]
  const [by, bm, bd] = end.split('-').map(Number) as [number, number, number]
  if (ay !== by) return `${ad} ${months[am - 1]} ${ay}–${bd} ${months[bm - 1]} ${by}`
  if (am !== bm) return `${ad} ${months[am - 1]}–${bd} ${months[bm - 1]}`
  if (ad === bd) return `${ad} ${months[am - 1]}`
  return `${ad}–${bd} ${months[am - 1]}`
}

/** The deadline as islanders read it: "Sun 6 Sep 14:00 (UTC−4)". The islands keep UTC−4 all year. */
export function islandTime(at: number): string {
  const d = new Date(at - 4 * 3_600_000)
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
  const hm = d.toISOString().slice(11, 16)
  return `${days[d.getUTCDay()]} ${d.getUTCDate()} ${months[d.getUTCMonth()]} ${hm} (UTC−4)`
}

export interface SendContext {
  now: number
  newId: () => string
  /** A fresh secret per alert (≥ 128 random bits); the link carries `id.secret`. */
  newSecret: () => string
  baseUrl: string
  roleNames: Readonly<Record<string, string>>
  /** Functionaries already alerted for this need and still without an answer: not asked twice. */
  pending: ReadonlySet<string>
}

export interface SentAlert extends AlertRecord {
  secret: string
}

export type SendResult =
  | { ok: true; alerts: SentAlert[]; events: AuditEvent[]; mails: Mail[] }
  | (Refusal & { fields?: Record<string, string> })

function refuse(error: Refusal['error'], message: string, fields?: Record<string, string>) {
  return { ok: false as const, error, message, ...(fields ? { fields } : {}) }
}

/** Decide an alert round for one functionary need. */
export function sendAlerts(
  actor: NamedActor,
  request: RequestRecord,
  need: FunctionaryNeed,
  candidates: readonly Candidate[],
  deadline: number,
  ctx: SendContext,
): SendResult {
  if (!can(actor, 'pool:manage')) return refuse('forbidden', 'Only LOCC-KCR2 coordinators send alerts.')
  if (!ALERTABLE.includes(request.status))
    return refuse(
      'conflict',
      `This request is ${request.status.replace('_', ' ')}: alerts go out once it is acknowledged.`,
    )
  if (!Number.isFinite(deadline) || deadline <= ctx.now)
    return refuse('invalid', 'The deadline must lie in the future.', {
      deadline: 'Give a deadline in the future.',
    })
  if (candidates.length === 0)
    return refuse('invalid', 'Choose at least one person.', { functionaryIds: 'Choose at least one person.' })
  if (candidates.length > MAX_RECIPIENTS)
    return refuse('invalid', `At most ${MAX_RECIPIENTS} people per alert.`, {
      functionaryIds: `Choose at most ${MAX_RECIPIENTS} people.`,
    })
  const problems = candidates
    .map(
      (c) =>
        [
          c,
          ctx.pending.has(c.id) ? 'was already alerted and has not answered yet' : ineligibility(need, c),
        ] as const,
    )
    .filter(([, why]) => why)
  if (problems.length) {
    const message = problems.map(([c, why]) => `${c.name} ${why}.`).join(' ')
    return refuse('invalid', message, { functionaryIds: message })
  }
  const periodStart = need.periodStart ?? request.periodStart
  const periodEnd = need.periodEnd ?? request.periodEnd
  const alerts: SentAlert[] = []
  const events: AuditEvent[] = []
  const mails: Mail[] = []
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
      auditEvent(
        { id: actor.id, label: actor.name },
        'alert.sent',
        'alert',
        alert.id,
        { after: { needId: need.id, requestId: request.id, functionaryId: c.id, name: c.name, deadline } },
        ctx.now,
        ctx.newId(),
      ),
    )
    mails.push(alertMail(c, request, need, alert, { periodStart, periodEnd, ...ctx }))
  }
  return { ok: true, alerts, events, mails }
}

function alertMail(
  c: Candidate,
  request: RequestRecord,
  need: FunctionaryNeed,
  alert: SentAlert,
  ctx: {
    periodStart: string
    periodEnd: string
    baseUrl: string
    roleNames: Readonly<Record<string, string>>
  },
): Mail {
  const island = islandName(request.island)
  const role = roleLabel(need.role, 1, { baseUrl: ctx.baseUrl, roleNames: ctx.roleNames })
  const period = shortPeriod(ctx.periodStart, ctx.periodEnd)
  const link = `${ctx.baseUrl}/answer/${alert.id}.${alert.secret}`
  const text = [
    `${c.name},`,
    '',
    `LOCC-KCR2 asks whether you are available as ${role} for ${island}, ${period}.`,
    '',
    `Island: ${island}`,
    `Role: ${role} (minimum level ${need.minLevel})`,
    `Period: ${period} ${ctx.periodStart.slice(0, 4)}`,
    need.languages.length ? `Languages: ${need.languages.join(', ')}` : null,
    `Request: ${request.title}`,
    `Priority: ${request.priority}`,
    `Please answer before: ${islandTime(alert.deadline)}`,
    '',
    `I am available:      ${link}?a=available`,
    `I am not available:  ${link}?a=unavailable`,
    '',
    'Each link opens a small page where you confirm (and may add a note). It works without',
    'signing in and without JavaScript, and answers once. No answer by the deadline counts as',
    'no answer.',
    '',
    '-- CCPM, LOCC-KCR2',
  ]
  return {
    to: c.email,
    subject: `Available ${period} for ${island} as ${role}?`,
    text: text.filter((l) => l !== null).join('\n'),
  }
}

export type AnswerResult =
  | { ok: true; patch: { answer: AlertAnswer; note: string | null; answeredAt: number }; event: AuditEvent }
  | { ok: false; error: 'answered' | 'expired' | 'invalid'; message: string }

/** Decide an answer given through the link: once, before the deadline. */
export function answerAlert(
  alert: AlertRecord,
  who: { name: string },
  answer: unknown,
  note: unknown,
  now: number,
  newId: () => string,
): AnswerResult {
  if (alert.answer)
    return {
      ok: false,
      error: 'answered',
      message: `You already answered: ${alert.answer === 'available' ? 'available' : 'not available'}.`,
    }
  if (now >= alert.deadline)
    return { ok: false, error: 'expired', message: 'The deadline for this question has passed.' }
  if (answer !== 'available' && answer !== 'unavailable')
    return { ok: false, error: 'invalid', message: 'Choose available or not available.' }
  const text = typeof note === 'string' ? note.trim() : ''
  if (text.length > NOTE_MAX)
    return { ok: false, error: 'invalid', message: `Keep the note to ${NOTE_MAX} characters.` }
  const patch = { answer, note: text || null, answeredAt: now } as const
  const event = auditEvent(
    { id: null, label: `${who.name} (answer link)` },
    'alert.answered',
    'alert',
    alert.id,
    { before: { answer: null }, after: { answer, note: patch.note } },
    now,
    newId(),
  )
  return { ok: true, patch, event }
}

/** Coordinators see a need's alerts; nobody else (the functionary sees their own on /me/alerts). */
export const maySeeAlerts = (actor: Actor) => can(actor, 'pool:manage')
