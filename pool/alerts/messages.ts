/** What the alert rules say, as codes: refusals, why someone cannot be alerted, the alert mail, the audit actions. */

import type { MatchingMessage } from '../matching/index.ts'
import type { Level, Priority, RequestStatus } from '../reference/index.ts'
import type { MailDecision, Msg } from '../shared/index.ts'

/**
 * Why a chosen person cannot be alerted for a need: already asked and not answered yet, or
 * excluded by matching's hard rules (`reasons`, in matching's own codes).
 */
export type IneligibleReason = 'pending' | 'excluded'
export type Ineligible = {
  name: string
  reason: IneligibleReason
  /** For `excluded`: every hard rule the person fails (pool/matching). */
  reasons: readonly MatchingMessage[]
}

export type AlertMessage =
  | Msg<'alerts.coordinatorsOnly'>
  | Msg<'alerts.notAcknowledged', { status: RequestStatus }>
  | Msg<'alerts.deadline.past'>
  | Msg<'alerts.nobody'>
  | Msg<'alerts.tooMany', { max: number }>
  | Msg<'alerts.ineligible', { problems: readonly Ineligible[] }>
  | Msg<'alerts.unknownPerson'>
  | Msg<'alerts.answered', { answer: 'available' | 'unavailable' }>
  | Msg<'alerts.expired'>
  | Msg<'alerts.chooseAnswer'>
  | Msg<'alerts.noteTooLong', { max: number }>

/** "Are you available 6–20 Sep for Saba?": all the person needs to decide, and the two links. */
export type AlertMail = Msg<
  'alerts.mail.ask',
  {
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
    /** The answer link without the answer: `?a=available` or `?a=unavailable` is added. */
    link: string
  }
>

export type AlertMailDecision = MailDecision<AlertMail>

export type AlertAuditAction = 'alert.sent' | 'alert.answered'
