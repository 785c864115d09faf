/**
 * What the request rules say, as codes: refusals, field errors, the mails of a request's life,
 * and the audit actions its history shows. Every catalogue in views/i18n renders each of them.
 */
import type { Level, Phase, Priority, RequestStatus } from '../reference/codes.ts'
import type { Addressee, FieldMessage, MailDecision, Msg } from '../shared/index.ts'

/** Who may make a transition: the request's own island, any coordinator, or a coordinator only on behalf. */
export type Mover = 'island' | 'coordinator' | 'coordinator_on_behalf'

/** The fields readyToSubmit asks for. */
export type SubmitField = 'title' | 'situation' | 'periodStart' | 'periodEnd' | 'contact' | 'needs'

export type RequestMessage =
  // reading a request (input.ts)
  | Msg<'requests.notObject'>
  | Msg<'requests.island.ownOnly'>
  | Msg<'requests.island.notLinked'>
  | Msg<'requests.island.choose'>
  | Msg<'requests.island.unknown', { value: string }>
  | Msg<'requests.island.notAllowed'>
  | Msg<'requests.title.required'>
  | Msg<'requests.phase.choose'>
  | Msg<'requests.priority.choose'>
  | Msg<'requests.incident.choose'>
  | Msg<'requests.needs.notList'>
  | Msg<'requests.needs.tooMany', { max: number }>
  | Msg<'requests.need.notObject'>
  | Msg<'requests.need.kind'>
  | Msg<'requests.need.description'>
  | Msg<'requests.need.quantity', { max: number }>
  | Msg<'requests.need.unitType'>
  | Msg<'requests.need.unknownUnitType', { value: string }>
  | Msg<'requests.need.countUnits', { max: number }>
  | Msg<'requests.need.role'>
  | Msg<'requests.need.unknownRole', { value: string }>
  | Msg<'requests.need.countPeople', { max: number }>
  | Msg<'requests.need.minLevel'>
  | Msg<'requests.need.outsidePeriod', { start: string; end: string }>
  // the lifecycle (machine.ts)
  | Msg<'requests.notFound'>
  | Msg<'requests.readOnly'>
  | Msg<'requests.transition.unknown', { to: string }>
  | Msg<'requests.transition.notYours', { to: RequestStatus; by: readonly Mover[] }>
  | Msg<'requests.transition.already', { status: RequestStatus }>
  | Msg<'requests.transition.from', { status: RequestStatus; to: RequestStatus }>
  | Msg<'requests.transition.stale', { status: RequestStatus }>
  | Msg<'requests.reason.required', { to: RequestStatus }>
  | Msg<'requests.reason.tooLong', { max: number }>
  | Msg<'requests.submit.missing', { field: SubmitField }>
  | Msg<'requests.submit.incomplete', { missing: readonly SubmitField[] }>
  | Msg<'requests.progress.nothingFilled'>
  // edits (edits.ts)
  | Msg<'requests.edit.notYours'>
  | Msg<'requests.edit.closed', { status: RequestStatus }>
  | Msg<'requests.edit.stale'>
  // a write that lost its race (server/services)
  | Msg<'requests.lostRace'>

/** What a field of a request may be refused with: the request's own messages and those of reading fields. */
export type RequestFieldMessage = RequestMessage | FieldMessage

/** A need as a mail names it: all a coordinator needs to search the pool. */
export type NeedFacts =
  | {
      kind: 'functionary'
      role: string
      count: number
      minLevel: Level
      languages: readonly string[]
      preferredLanguages: readonly string[]
      remoteOk: boolean
      periodStart: string
      periodEnd: string
      notes: string
    }
  | { kind: 'capacity'; unitType: string; count: number; notes: string }
  | { kind: 'other'; description: string; quantity: number }

/** What every request mail carries, so that it can be acted on without opening the page. */
export type RequestFacts = {
  island: string
  title: string
  priority: Priority
  phase: Phase
  periodStart: string
  periodEnd: string
  incident: string | null
  contact: string
  needs: readonly NeedFacts[]
  /** The request's page. */
  link: string
  /** Who acted. */
  actor: string
}

/** One line of "what changed": a field's values before and after, or a need added, removed, changed. */
export type ChangeFacts =
  | {
      field: 'title' | 'phase' | 'priority' | 'periodStart' | 'periodEnd' | 'incidentId' | 'contact'
      before: string | null
      after: string | null
    }
  | { field: 'situation' }
  | { field: 'needs'; change: 'added' | 'removed'; need: NeedFacts }
  | { field: 'needs'; change: 'changed'; need: NeedFacts; was: NeedFacts }

export type RequestMail =
  | Msg<'requests.mail.submitted', RequestFacts & { onBehalf: boolean; situation: string }>
  | Msg<'requests.mail.acknowledged', RequestFacts>
  | Msg<'requests.mail.rejected', RequestFacts & { reason: string }>
  | Msg<'requests.mail.withdrawn', RequestFacts & { reason: string }>
  | Msg<'requests.mail.closed', RequestFacts & { note: string | null }>
  | Msg<'requests.mail.revised', ChangedFacts>
  | Msg<'requests.mail.edited', ChangedFacts>

/** A changed request's mail: the changes, the request as it is now, the new situation if it was rewritten. */
export type ChangedFacts = RequestFacts & {
  revision: number
  changes: readonly ChangeFacts[]
  situation: string | null
}

export type RequestMailDecision = MailDecision<RequestMail>

/** Who gets mail about a request, each with the language of their account. */
export interface Recipients {
  coordinators: readonly Addressee[]
  islandContacts: readonly Addressee[]
}

/** The actions a request's history holds (`audit.<action>` in each catalogue). */
export type RequestAuditAction =
  | 'request.created'
  | 'request.edited'
  | 'request.revised'
  // lines of a request's page folded from its alerts (timeline.ts): never stored as such
  | 'request.alerted'
  | 'request.answered'
  | `request.${Exclude<RequestStatus, 'draft'>}`
