/** The shapes HRC decisions are made of: units, recipients, mail decisions and guarded changes to write. */
import type {
  BaseCode,
  DispatchCause,
  DispatchStatus,
  IslandCode,
  Readiness,
  StormCategory,
  ThreatSource,
  ThreatStatus,
  Transport,
  UiLocale,
  UnitType,
} from '../reference/index.ts'
import type { AuditEvent } from '../shared/index.ts'
import type { TrackPoint } from './geo.ts'
import type { HrcMail } from './messages.ts'

export interface Leader {
  name: string
  phone: string
  email: string
}

/** An HRC unit as stored: what it is, who leads it, where it is and how ready. */
export interface UnitRecord {
  id: string
  code: string
  name: string
  type: UnitType
  people: number
  leader: Leader | null
  weightKg: number
  volumeM3: number
  selfSufficientDays: number | null
  base: BaseCode
  location: BaseCode
  islands: IslandCode[]
  notes: string
  readiness: Readiness
  /** When the unit reached its present rung (epoch ms); null for a unit never moved. */
  readinessAt: number | null
  version: number
}

/** A reader of mail: the address and the language they read. */
export interface Recipient {
  email: string
  locale: UiLocale
}

/** Who is told about HRC decisions. The service reads them; pool/ picks among them. */
export interface HrcRecipients {
  coordinators: readonly Recipient[]
  /** USAR.NL's dispatchers: told when an island answers, confirms or releases. */
  dispatchers?: readonly Recipient[]
  /** The crisis team of the order's island. */
  island?: readonly Recipient[]
  /** Languages of known readers by address; a unit leader found nowhere is written to in English. */
  locales?: Readonly<Record<string, UiLocale>>
}

/** A mail decided here and rendered by views/i18n in the reader's language before it enters the outbox. */
export interface MailDecision {
  to: string
  locale: UiLocale
  message: HrcMail
}

/** The patch of one unit's readiness, with the guard its UPDATE must match (readiness and version before). */
export interface UnitChange {
  unitId: string
  guard: { readiness: Readiness; version: number }
  patch: { readiness: Readiness; readinessAt: number; version: number }
}

/** What every HRC decision carries: the writes of one guarded batch. */
export interface Decision {
  units: UnitChange[]
  events: AuditEvent[]
  mails: MailDecision[]
}

/** What decisions need besides the records: the clock, ids, the readers and where the app lives. */
export interface HrcContext {
  now: number
  newId: () => string
  recipients: HrcRecipients
  /** Where links in mails point, e.g. https://ccpm.example. */
  baseUrl: string
}

/** An island's estimate when no track is known: when the storm passes closest, and when its winds may arrive. */
export interface IslandEstimate {
  island: IslandCode
  closestApproach: number
  tropicalStormWindsAt: number | null
}

/** One advisory of a threat: what was known at `recordedAt`. The threat keeps them all; the last one counts. */
export interface Advisory {
  recordedAt: number
  source: ThreatSource
  /** The NHC advisory number ("29", "29A") when read from one. */
  number: string | null
  issuedAt: number | null
  track: TrackPoint[]
  islands: IslandEstimate[]
  /** The pasted text, kept as it came. */
  text: string | null
}

export interface ThreatRecord {
  id: string
  name: string
  category: StormCategory
  status: ThreatStatus
  /** Oldest first; never empty. */
  advisories: Advisory[]
  createdAt: number
  closedAt: number | null
  version: number
}

/** What a carrier can take; either figure may be unknown. */
export interface CarrierCapacity {
  weightKg: number | null
  volumeM3: number | null
}

export interface Payload {
  people: number
  weightKg: number
  volumeM3: number
}

/** HRC units sent to an island: against a capacity need of a request, or to pre-position them. */
export interface DispatchRecord {
  id: string
  unitIds: string[]
  island: IslandCode
  /** Null: pre-positioning. */
  needId: string | null
  requestId: string | null
  status: DispatchStatus
  etd: number
  eta: number
  transport: Transport
  carrier: string
  capacity: CarrierCapacity | null
  payload: Payload
  /** The island's reason to decline, the dispatcher's to cancel, the island's note on release. */
  reason: string | null
  /** Set when the order was cancelled because its request ended, not by a dispatcher's choice. */
  cause: DispatchCause | null
  /** The arrival was recorded by the dispatcher on the island's behalf. */
  onBehalf: boolean
  statusAt: number
  createdAt: number
  createdBy: string
  version: number
}
