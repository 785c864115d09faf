/**
 * What matching reads and returns. The inputs are flat so that the database fills them in two
 * round trips: the open needs with their request and incident, and the pool with each person's
 * roles, languages, busy periods, deployments, alerts and declines (see docs/matching.md).
 */
import type { Period } from '../availability/index.ts'
import type {
  AlertState,
  Level,
  Phase,
  Priority,
  Proficiency,
  UnavailabilityReason,
} from '../reference/index.ts'
import type { MatchingMessage } from './messages.ts'

/** One functionary need as matching sees it: its own period (or the request's) and the incident's islands. */
export interface MatchNeed {
  id: string
  requestId: string
  /** The requesting island: where the person goes. */
  island: string
  role: string
  minLevel: Level
  /** Spoken at `REQUIRED_PROFICIENCY` or better, each of them, or the person is excluded. */
  languages: readonly string[]
  preferredLanguages: readonly string[]
  period: Period
  /** The person may serve from home: a remote-capable person needs no valid travel document. */
  remoteOk: boolean
  /** The islands the request's incident strikes; empty when the request names no incident. */
  struckIslands: readonly string[]
  priority: Priority
  phase: Phase
}

/** An active assignment (proposed through on site) of the person, on any need. */
export interface ActiveAssignment extends Period {
  island: string
  needId: string
}

export interface Deployment extends Period {
  island: string
}

export interface MatchCandidate {
  id: string
  name: string
  active: boolean
  /** Island code, or `NL` for the European Netherlands. */
  base: string
  remoteCapable: boolean
  roles: readonly { role: string; level: Level }[]
  languages: readonly { language: string; proficiency: Proficiency }[]
  /** ISO dates; `null` when the register has none (flagged, not excluded). */
  travelDocumentExpiry: string | null
  fitnessExpiry: string | null
  unavailable: readonly (Period & { reason: UnavailabilityReason })[]
  assignments: readonly ActiveAssignment[]
  /** Deployments that ended (released or completed) in the last 365 days. */
  deployments: readonly Deployment[]
  /** The end of the person's last finished deployment, however long ago; `null` when never deployed. */
  lastDeploymentEnd: string | null
  /** The person's alert state per need (a list, not a record: most are empty, and lookups run per pair); a need missing here was never alerted to them. */
  alerts: readonly { needId: string; state: AlertState }[]
  /** Needs whose island declined this person. */
  declinedNeeds: readonly string[]
}

/** Door-to-door minutes, `minutes[from][to]`; a missing pair scores no travel points. */
export type TravelTable = Readonly<Record<string, Readonly<Record<string, number>>>>

export interface MatchContext {
  travel: TravelTable
  /** The islands' calendar date: the 365 days of fairness end here. */
  today: string
}

export const PARTS = ['travel', 'local', 'level', 'languages', 'rest', 'fairness', 'answer'] as const
export type Part = (typeof PARTS)[number]
export type Parts = Record<Part, number>

export interface Ranked {
  id: string
  name: string
  score: number
  parts: Parts
  alert: AlertState | null
  /** Worth knowing but not a reason to exclude: "local: may be needed at home". */
  flags: MatchingMessage[]
}

export interface Excluded {
  id: string
  name: string
  /** One per failing hard rule (and per conflicting period), in the rules' order. */
  reasons: MatchingMessage[]
}

export interface Ranking {
  /** Highest score first; ties by name, then id. */
  eligible: Ranked[]
  /**
   * In the order the candidates were given (the query gives the pool by name): sorting ten
   * thousand excluded people would cost more than ranking them.
   */
  excluded: Excluded[]
}
