/** What the incident rules say, as codes, the mails of a proposal, and the actions an incident's history holds. */
import type { Hazard, IncidentStatus, Phase } from '../reference/index.ts'
import type { MailDecision, Msg } from '../shared/index.ts'

export type IncidentMessage =
  | Msg<'incidents.notObject'>
  | Msg<'incidents.name.required'>
  | Msg<'incidents.name.tooLong', { max: number }>
  | Msg<'incidents.hazard.choose'>
  | Msg<'incidents.islands.unknown', { codes: readonly string[] }>
  | Msg<'incidents.islands.none'>
  | Msg<'incidents.phase.choose'>
  | Msg<'incidents.openedAt.invalid'>
  | Msg<'incidents.notFound'>
  | Msg<'incidents.manageOnly'>
  | Msg<'incidents.openOnly'>
  | Msg<'incidents.closed'>
  | Msg<'incidents.state', { status: IncidentStatus }>
  | Msg<'incidents.stale'>
  | Msg<'incidents.status.choose'>
  | Msg<'incidents.lostRace'>
  // proposals
  | Msg<'incidents.islands.ownIsland'>
  | Msg<'incidents.decideOnly'>
  | Msg<'incidents.reason.required'>
  | Msg<'incidents.reason.tooLong', { max: number }>

/** What a proposal's mails carry: the incident as proposed, who acted, and the page. */
export type IncidentFacts = {
  name: string
  hazard: Hazard
  islands: readonly string[]
  phase: Phase
  /** The island that proposed it. */
  island: string
  actor: string
  link: string
}

export type IncidentMail =
  | Msg<'incidents.mail.proposed', IncidentFacts>
  | Msg<'incidents.mail.opened', IncidentFacts>
  | Msg<'incidents.mail.rejected', IncidentFacts & { reason: string }>

export type IncidentMailDecision = MailDecision<IncidentMail>

export type IncidentAuditAction =
  | 'incident.proposed'
  | 'incident.opened'
  | 'incident.edited'
  | 'incident.closed'
  | 'incident.rejected'
