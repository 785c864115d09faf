/**
 * Every message, mail and audit action of the HRC core as codes with their params; the catalogues in
 * views/i18n/<lang>/messages/hrc.ts render them, and tsc fails when a language lacks one.
 */
import type {
  DispatchCause,
  DispatchStatus,
  IslandCode,
  Readiness,
  RequestStatus,
  Role,
  Transport,
  UnitType,
} from '../reference/index.ts'
import type { Msg } from '../shared/index.ts'

type Plain<C extends string> = Msg<C, Record<never, never>>
type Range = { min: number; max: number }

/** Field errors of HRC input (units, threats, dispatch orders). */
export type HrcFieldMessage =
  | Plain<'hrc.field.required'>
  | Plain<'hrc.field.text'>
  | Plain<'hrc.field.object'>
  | Plain<'hrc.field.list'>
  | Plain<'hrc.field.email'>
  | Plain<'hrc.field.phone'>
  | Plain<'hrc.field.moment'>
  | Msg<'hrc.field.tooLong', { max: number; length: number }>
  | Msg<'hrc.field.number', Range>
  | Msg<'hrc.field.whole', Range>
  | Msg<'hrc.field.unknown', { value: string }>
  | Msg<'hrc.field.unknownCodes', { codes: readonly string[] }>

export type HrcUnitMessage =
  | Plain<'hrc.unit.notFound'>
  | Plain<'hrc.unit.keeperOnly'>
  | Plain<'hrc.unit.codeShape'>
  | Msg<'hrc.unit.codeTaken', { code: string }>
  | Msg<'hrc.unit.stale', { unit: string }>

export type HrcLadderMessage =
  | Plain<'hrc.ladder.readOnly'>
  | Msg<'hrc.ladder.unknown', { value: string }>
  | Msg<'hrc.ladder.already', { unit: string; status: Readiness }>
  | Msg<'hrc.ladder.notAllowed', { unit: string; from: Readiness; to: Readiness }>
  | Msg<'hrc.ladder.notRaise', { unit: string; from: Readiness; to: Readiness }>
  | Msg<'hrc.ladder.forbidden', { from: Readiness; to: Readiness; roles: readonly Role[] }>
  | Msg<'hrc.ladder.inDispatch', { unit: string; dispatch: DispatchStatus }>
  | Msg<'hrc.ladder.stale', { unit: string; status: Readiness }>

export type HrcThreatMessage =
  | Plain<'hrc.threat.notFound'>
  | Plain<'hrc.threat.keepersOnly'>
  | Plain<'hrc.threat.oneSource'>
  | Plain<'hrc.threat.trackEmpty'>
  | Plain<'hrc.threat.trackTwice'>
  | Plain<'hrc.threat.islandsEmpty'>
  | Plain<'hrc.advisory.noTrack'>
  | Msg<'hrc.threat.trackLong', { max: number }>
  | Msg<'hrc.threat.islandTwice', { island: IslandCode }>
  | Msg<'hrc.threat.closed', { threat: string }>
  | Msg<'hrc.threat.stale', { threat: string }>
  | Msg<'hrc.threat.unitTwice', { unit: string }>
  | Msg<'hrc.proposal.ts_winds', ProposalParams>
  | Msg<'hrc.proposal.closest_approach', ProposalParams>
type ProposalParams = { unit: string; status: Readiness; island: IslandCode; hours: number; within: number }

export type HrcDispatchMessage =
  | Plain<'hrc.dispatch.notFound'>
  | Plain<'hrc.dispatch.dispatcherOnly'>
  | Plain<'hrc.dispatch.needNotFound'>
  | Plain<'hrc.dispatch.noUnits'>
  | Plain<'hrc.dispatch.etaBeforeEtd'>
  | Plain<'hrc.dispatch.reasonRequired'>
  | Msg<'hrc.dispatch.tooManyUnits', { max: number }>
  | Msg<'hrc.dispatch.unknownStep', { value: string }>
  | Msg<'hrc.dispatch.forbidden', { to: DispatchStatus; movers: readonly string[] }>
  | Msg<'hrc.dispatch.already', { status: DispatchStatus }>
  | Msg<'hrc.dispatch.notAllowed', { from: DispatchStatus; to: DispatchStatus }>
  | Msg<'hrc.dispatch.stale', { status: DispatchStatus }>
  | Msg<'hrc.dispatch.needIsland', { island: IslandCode }>
  | Msg<'hrc.dispatch.requestNotOpen', { status: RequestStatus }>
  | Msg<'hrc.dispatch.unitBusy', { unit: string; status: DispatchStatus }>
  | Msg<'hrc.dispatch.unitNotReady', { unit: string; status: Readiness }>
  | Msg<'hrc.dispatch.unitOutOfStep', { unit: string; status: Readiness }>
  | Msg<'hrc.dispatch.wrongType', { unit: string; type: UnitType; wanted: string }>
  | Msg<'hrc.dispatch.notServing', { unit: string; island: IslandCode }>
  | Msg<'hrc.dispatch.overWeight', { payload: number; capacity: number }>
  | Msg<'hrc.dispatch.overVolume', { payload: number; capacity: number }>
  | Msg<'hrc.dispatch.overNeed', { count: number; taken: number; adding: number }>

/** Every refusal, field error, warning and reason the HRC core returns. */
export type HrcMessage =
  | HrcFieldMessage
  | HrcUnitMessage
  | HrcLadderMessage
  | HrcThreatMessage
  | HrcDispatchMessage

/** What every dispatch mail names: the order's island, units, times (with the island's zone) and transport. */
type OrderFacts = {
  island: IslandCode
  units: readonly string[]
  etd: number
  eta: number
  zone: string
  transport: Transport
  carrier: string
  url: string
}
type Notice = OrderFacts & {
  names: readonly string[]
  types: readonly string[]
  people: number
  weightKg: number
  volumeM3: number
  by: string
}

/** Mails, rendered with the reader's catalogue: subject and complete plain text. */
export type HrcMail =
  | Msg<
      'hrc.mail.readiness',
      {
        by: string
        at: number
        /** Parallel lists, one entry per unit: code, name, readiness before and after. */
        units: readonly string[]
        names: readonly string[]
        from: readonly string[]
        to: readonly string[]
        threat: string | null
        url: string
      }
    >
  | Msg<
      'hrc.mail.dispatch.offered',
      Notice & { request: string | null; unitType: string | null; needCount: number | null }
    >
  | Msg<'hrc.mail.dispatch.ordered', Notice>
  | Msg<
      'hrc.mail.dispatch.step',
      OrderFacts & {
        status: DispatchStatus
        by: string
        at: number
        onBehalf: boolean
        reason: string | null
        cause: DispatchCause | null
      }
    >

/** The audit actions, each rendered as a sentence in a history (`audit.<action>`). */
export const HRC_AUDIT_ACTIONS = [
  'hrc.unit.created',
  'hrc.unit.updated',
  'hrc.unit.readiness',
  'hrc.threat.recorded',
  'hrc.threat.updated',
  'hrc.threat.closed',
  'hrc.dispatch.offered',
  'hrc.dispatch.ordered',
  'hrc.dispatch.accepted',
  'hrc.dispatch.declined',
  'hrc.dispatch.in_transit',
  'hrc.dispatch.arrived',
  'hrc.dispatch.released',
  'hrc.dispatch.returned',
  'hrc.dispatch.cancelled',
] as const
export type HrcAuditAction = (typeof HRC_AUDIT_ACTIONS)[number]

type Of<M extends Msg, C> = Extract<M, { code: C }>

/** Builds an HRC message, typed by its code: a wrong or missing param fails to compile. */
export function hrcMsg<C extends (HrcMessage | HrcMail)['code']>(
  code: C,
  ...params: Of<HrcMessage | HrcMail, C>['params'] extends Record<never, never>
    ? keyof Of<HrcMessage | HrcMail, C>['params'] extends never
      ? []
      : [Of<HrcMessage | HrcMail, C>['params']]
    : [Of<HrcMessage | HrcMail, C>['params']]
): Of<HrcMessage | HrcMail, C> {
  return { code, params: params[0] ?? {} } as Of<HrcMessage | HrcMail, C>
}
