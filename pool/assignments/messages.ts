/**
 * What the assignment decisions say, as codes with values: refusals and field errors, the mails,
 * and the audit actions. views/i18n/<lang>/messages/assignments.ts renders each in every language.
 */
import type { AssignmentStatus, Level, RequestStatus } from '../reference/index.ts'
import type { Msg } from '../shared/index.ts'

/** Who takes a step, as a refusal names them. */
export type Taker = 'coordinator' | 'island' | 'coordinator_on_behalf'

export type AssignmentMessage =
  | Msg<'assignment.notFound'>
  | Msg<'assignment.needNotFound'>
  | Msg<'assignment.step.unknown', { status: string }>
  | Msg<'assignment.step.forbidden', { status: AssignmentStatus; takers: readonly Taker[] }>
  | Msg<'assignment.step.already', { status: AssignmentStatus }>
  | Msg<'assignment.step.notFrom', { from: AssignmentStatus; to: AssignmentStatus }>
  | Msg<'assignment.step.stale', { status: AssignmentStatus; version: number }>
  | Msg<'assignment.step.requestNotOpen', { status: RequestStatus }>
  | Msg<'assignment.step.invalid'>
  | Msg<'assignment.reason.required', { status: AssignmentStatus }>
  | Msg<'assignment.reason.tooLong', { max: number }>
  | Msg<'assignment.travel.required'>
  | Msg<'assignment.travel.time'>
  | Msg<'assignment.travel.order'>
  | Msg<'assignment.travel.transport', { transport: string }>
  | Msg<'assignment.travel.referenceTooLong', { max: number }>
  | Msg<'assignment.confirm.required', { name: string }>
  | Msg<'assignment.confirm.channel', { channel: string }>
  | Msg<'assignment.confirm.noteTooLong', { max: number }>
  | Msg<'assignment.version.invalid'>
  | Msg<'assignment.need.filled', { count: number }>
  | Msg<'assignment.need.belowFilled', { count: number; filled: number }>
  | Msg<'assignment.need.removeActive', { count: number }>
  | Msg<'assignment.propose.forbidden'>
  | Msg<'assignment.propose.notFunctionaryNeed'>
  | Msg<'assignment.propose.unknownPerson'>
  | Msg<'assignment.propose.requestNotOpen', { status: RequestStatus }>
  | Msg<
      'assignment.propose.overlap',
      {
        assignmentId: string
        island: string
        status: AssignmentStatus
        periodStart: string
        periodEnd: string
      }
    >
  | Msg<'assignment.propose.excluded', { count: number }>
  | Msg<'assignment.request.onSite', { to: 'withdrawn' | 'rejected'; count: number }>
  | Msg<'assignment.request.active', { count: number }>
  | Msg<'assignment.answer.locked'>
  | Msg<'assignment.plan.lines', { max: number }>

/** What every assignment mail names. */
type About = {
  name: string
  island: string
  role: string
  periodStart: string
  periodEnd: string
  requestTitle: string
  url: string
}

/** The person's deployment, for their own mails: whom to report to and how they travel. */
type Deployment = About & {
  contact: string
  etd: number | null
  eta: number | null
  transport: string | null
  reference: string | null
  /** The island's time zone (arrival) and the base's (departure), for f.moment. */
  zone: string
  departureZone: string
}

export type AssignmentMail =
  | Msg<
      'assignment.mail.offered',
      About & {
        level: Level | null
        minLevel: Level | null
        languages: readonly string[]
        organisation: string
        base: string
        /** Door-to-door estimate from the person's base, minutes; null when the table lacks the leg. */
        travelMinutes: number | null
      }
    >
  | Msg<'assignment.mail.accepted', Deployment>
  | Msg<'assignment.mail.travelling', Deployment>
  | Msg<'assignment.mail.declined', About & { reason: string }>
  | Msg<'assignment.mail.flagged', About & { note: string | null }>
  | Msg<'assignment.mail.cancelled', About & { reason: string; cause: CancelCause }>
  | Msg<'assignment.mail.offerCancelled', About & { reason: string }>

/** Why an assignment was cancelled: a coordinator's step, or the end of its request. */
export type CancelCause = 'coordinator' | 'request_withdrawn' | 'request_rejected'

/** The audit actions assignments write; each is a sentence `audit.<action>` in the catalogues. */
export const ASSIGNMENT_AUDIT_ACTIONS = [
  'assignment.proposed',
  'assignment.offered',
  'assignment.accepted',
  'assignment.declined',
  'assignment.travelling',
  'assignment.on_site',
  'assignment.released',
  'assignment.completed',
  'assignment.cancelled',
  'assignment.flagged',
  'request.in_progress_on_arrival',
] as const
export type AssignmentAuditAction = (typeof ASSIGNMENT_AUDIT_ACTIONS)[number]

/** The words for the .ics: rendered in the reader's language before the calendar is built (ics.ts). */
export type CalendarMessage =
  | Msg<'assignment.ics.summary', { role: string; island: string }>
  | Msg<'assignment.ics.location', { island: string }>
  | Msg<
      'assignment.ics.description',
      {
        role: string
        island: string
        periodStart: string
        periodEnd: string
        contact: string
        etd: number | null
        eta: number | null
        transport: string | null
        reference: string | null
        zone: string
        cancelled: boolean
      }
    >
