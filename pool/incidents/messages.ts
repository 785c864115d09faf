/** What the incident rules say, as codes, and the actions an incident's history holds. */
import type { Msg } from '../shared/index.ts'

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
  | Msg<'incidents.stale'>
  | Msg<'incidents.closeOnly'>
  | Msg<'incidents.lostRace'>

export type IncidentAuditAction = 'incident.opened' | 'incident.edited' | 'incident.closed'
