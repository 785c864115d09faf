/** What the alert rules say, as codes: refusals, why someone cannot be alerted, the alert mails, the audit actions. */

import type { MatchingMessage } from '../matching/index.ts'
import type { AlertAnswer, Level, Priority, RequestStatus } from '../reference/index.ts'
import type { MailDecision, Msg } from '../shared/index.ts'

/**
 * Why a chosen person cannot be alerted for a need: asked less than the reminder gap ago
 * (`since`: when the last mail went), or excluded by matching's hard rules (`reasons`, in
 * matching's own codes).
 */
export type IneligibleReason = 'recent' | 'excluded'
export type Ineligible = {
  name: string
  reason: IneligibleReason
  /** For `excluded`: every hard rule the person fails (pool/matching). */
  reasons: readonly MatchingMessage[]
  /** For `recent`: when the last question went to them (epoch ms); null otherwise. */
  since: number | null
}

export type AlertMessage =
  | Msg<'alerts.coordinatorsOnly'>
  | Msg<'alerts.notAcknowledged', { status: RequestStatus }>
  | Msg<'alerts.deadline.past'>
  | Msg<'alerts.nobody'>
  | Msg<'alerts.tooMany', { max: number }>
  | Msg<'alerts.ineligible', { problems: readonly Ineligible[]; gapMinutes: number }>
  | Msg<'alerts.unknownPerson'>
  /** A round that wrote nothing: each chosen person was asked by someone else between its read and its write. */
  | Msg<'alerts.raced', { names: readonly string[] }>
  | Msg<'alerts.answered', { answer: AlertAnswer }>
  | Msg<'alerts.expired'>
  /** The answer was read, then changed before this one could be written (another tab, a reminder): look and send again. */
  | Msg<'alerts.changedMeanwhile'>
  | Msg<'alerts.chooseAnswer'>
  | Msg<'alerts.noteTooLong', { max: number }>

/** "Are you available 6–20 Sep for Saba?": all the person needs to decide, and the two links. */
export type AskParams = {
  name: string
  role: string
  minLevel: Level
  languages: readonly string[]
  island: string
  periodStart: string
  periodEnd: string
  title: string
  priority: Priority
  deadline: number
  /** Based in the European Netherlands: the deadline is also given in Amsterdam time. */
  amsterdam: boolean
  /** The answer link without the answer: `?a=available` or `?a=unavailable` is added. */
  link: string
}

export type AlertMail =
  | Msg<'alerts.mail.ask', AskParams>
  /** The same question again, with a fresh link: the answer they gave (if any) stands until they answer again. */
  | Msg<'alerts.mail.remind', AskParams & { answer: AlertAnswer | null; reminders: number }>

export type AlertMailDecision = MailDecision<AlertMail>

export type AlertAuditAction = 'alert.sent' | 'alert.reminded' | 'alert.answered'
