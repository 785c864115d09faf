/** Why a person is excluded from a need, and what is worth flagging: codes with their values, rendered by views/i18n/<lang>/messages/matching.ts. */
import type { Level, UnavailabilityReason } from '../reference/index.ts'
import type { Msg } from '../shared/index.ts'

export type MatchingMessage =
  | Msg<'matching.excluded.inactive'>
  | Msg<'matching.excluded.role', { role: string }>
  | Msg<'matching.excluded.level', { level: Level; minLevel: Level }>
  /** `missing`: not spoken at all; `weak`: spoken below the required proficiency. */
  | Msg<'matching.excluded.languages', { missing: readonly string[]; weak: readonly string[] }>
  | Msg<'matching.excluded.assigned'>
  | Msg<'matching.excluded.deployed', { island: string; start: string; end: string }>
  | Msg<'matching.excluded.unavailable', { reason: UnavailabilityReason; start: string; end: string }>
  | Msg<'matching.excluded.home', { island: string }>
  | Msg<'matching.excluded.document', { date: string }>
  | Msg<'matching.excluded.fitness', { date: string }>
  | Msg<'matching.excluded.saidUnavailable'>
  | Msg<'matching.excluded.declined'>
  | Msg<'matching.flag.local', { island: string }>
  | Msg<'matching.flag.noDocumentDate'>
  | Msg<'matching.flag.noFitnessDate'>

export type MatchingCode = MatchingMessage['code']
