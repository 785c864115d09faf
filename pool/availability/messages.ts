/** What the availability rules say, as codes, and the actions they leave in a functionary's history. */
import type { FieldMessage, Msg } from '../shared/index.ts'

export type AvailabilityMessage =
  | Msg<'availability.notObject'>
  | Msg<'availability.start.required'>
  | Msg<'availability.end.required'>
  | Msg<'availability.reason.choose'>
  | Msg<'availability.over'>
  | Msg<'availability.tooLong', { max: number }>
  | Msg<'availability.notFound'>
  | Msg<'availability.forbidden'>
  | Msg<'availability.periodNotFound'>
  | Msg<'availability.noSuchRole'>
  | Msg<'availability.from'>

export type AvailabilityFieldMessage = AvailabilityMessage | FieldMessage

export type AvailabilityAuditAction = 'unavailability.added' | 'unavailability.removed'
