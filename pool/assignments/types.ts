/** The shapes of an assignment, of the facts its decisions read, and of the decisions themselves. */
import type {
  AlertAnswer,
  AssignmentStatus,
  ConfirmChannel,
  Level,
  RequestStatus,
  Transport,
  UiLocale,
} from '../reference/index.ts'
import type { AuditEvent } from '../shared/index.ts'
import type { AssignmentMail } from './messages.ts'

export interface Travel {
  /** Estimated departure and arrival, epoch ms (the API and forms give ISO date-times: input.ts). */
  etd: number
  eta: number
  transport: Transport
  /** Flight number, booking or manifest reference; may be empty. */
  reference: string
}

/** A yes heard by a coordinator (phone, radio, in person) instead of the alert link. */
export interface ConfirmedBy {
  channel: ConfirmChannel
  note: string
  /** The user id of the coordinator who recorded it. */
  by: string
}

export interface Assignment {
  id: string
  needId: string
  requestId: string
  /** The requesting island: it decides on the offer (EU practice). */
  island: string
  functionaryId: string
  status: AssignmentStatus
  periodStart: string // ISO date: the need's period, or the request's
  periodEnd: string
  travel: Travel | null
  /** Why it was declined or cancelled. */
  reason: string | null
  confirmedBy: ConfirmedBy | null
  /** Arrival was confirmed by a coordinator on the island's behalf. */
  onBehalf: boolean
  /** The person took back their "available" answer while this was proposed: the coordinator must look. */
  flaggedAt: number | null
  proposedBy: string // user id
  version: number // bumped by every write: the guard against stale steps
  createdAt: number
  updatedAt: number
  offeredAt: number | null
  acceptedAt: number | null
  arrivedAt: number | null
  releasedAt: number | null
  /** When it reached declined, completed or cancelled. */
  endedAt: number | null
}

/** What the decisions need of the request (a structural subset of pool/requests' RequestRecord). */
export interface RequestFacts {
  id: string
  island: string
  status: RequestStatus
  title: string
  /** Whom to report to on arrival: the request's contact. */
  contact: string
  periodStart: string
  periodEnd: string
}

/** What the decisions need of a need (a subset of FunctionaryNeed; `kind` to refuse other needs). */
export interface NeedFacts {
  id: string
  kind: 'functionary' | 'capacity' | 'other'
  role?: string
  count?: number
  minLevel?: Level
  languages?: readonly string[]
  periodStart?: string | null // null: the request's period
  periodEnd?: string | null
}

/** The person as the island needs to see them to decide, and as mails reach them. */
export interface PersonFacts {
  id: string
  name: string
  email: string
  locale: UiLocale
  /** Their level in the need's role. */
  level: Level | null
  languages: readonly string[]
  organisation: string
  base: string
}

export interface Recipient {
  address: string
  locale: UiLocale
}

export interface Recipients {
  /** The requesting island's contacts (its EOT accounts). */
  island: readonly Recipient[]
  coordinators: readonly Recipient[]
}

/** An `.ics` to attach: the event as data; its words are rendered in the reader's language (ics.ts). */
export interface CalendarAttachment {
  filename: string
  contentType: string
  calendar: CalendarEvent
}

export interface CalendarEvent {
  assignmentId: string
  /** Grows with every version sent, so calendars replace the older copy (RFC 5545 SEQUENCE). */
  sequence: number
  stamp: number
  island: string
  role: string
  periodStart: string
  periodEnd: string
  travel: Travel | null
  contact: string
  cancelled: boolean
}

/** A mail as decided here: to whom, in which language, which catalogue entry with which values. */
export interface MailDecision {
  to: string
  locale: UiLocale
  message: AssignmentMail
  attachments?: readonly CalendarAttachment[]
}

/** A guarded update: write `patch` only where the row still has `expect` (status and version). */
export interface GuardedPatch<S extends string, P> {
  id: string
  expect: { status: S; version: number }
  patch: P
}

export type AssignmentPatch = Partial<Omit<Assignment, 'id' | 'needId' | 'requestId' | 'island'>> & {
  status: AssignmentStatus
  version: number
  updatedAt: number
}

/**
 * The request's own system step, written in the same batch but guarded by the request's status
 * alone (`WHERE id = ? AND status = 'acknowledged'`, version + 1): a concurrent edit of the request
 * does not stop it, and a coordinator who moved it first makes it a no-op, its event included.
 */
export interface RequestStep {
  requestId: string
  from: 'acknowledged'
  to: 'in_progress'
  event: AuditEvent
}

/** The person's answer to the alert for this need, as the alerts code records it. */
export type AnswerFacts = AlertAnswer | null
