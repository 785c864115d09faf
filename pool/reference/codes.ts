/**
 * Every fixed code of the system, declared once as a `const` list: the database enums, input
 * validation, the JSON API and the views' catalogues (views/i18n) all take them from here.
 */

/** The languages the system speaks to its readers (pages and mails); English is the reference. */
export const UI_LOCALES = ['en', 'nl', 'pap'] as const
export type UiLocale = (typeof UI_LOCALES)[number]

/** Levels of a crisis role, lowest first. */
export const LEVELS = ['trainee', 'qualified', 'senior'] as const
export type Level = (typeof LEVELS)[number]
export const levelRank = (level: Level): number => LEVELS.indexOf(level)

export const LANGUAGE_CODES = ['en', 'nl', 'pap', 'es', 'fr', 'de'] as const
export type LanguageCode = (typeof LANGUAGE_CODES)[number]
export const PROFICIENCIES = ['basic', 'working', 'fluent', 'native'] as const
export type Proficiency = (typeof PROFICIENCIES)[number]

export const PRIORITIES = ['urgent', 'high', 'normal'] as const
export type Priority = (typeof PRIORITIES)[number]
export const PHASES = ['warm', 'cold'] as const
export type Phase = (typeof PHASES)[number]

export const REQUEST_STATUSES = [
  'draft',
  'submitted',
  'acknowledged',
  'in_progress',
  'closed',
  'rejected',
  'withdrawn',
] as const
export type RequestStatus = (typeof REQUEST_STATUSES)[number]
export const TERMINAL_REQUEST_STATUSES = ['closed', 'rejected', 'withdrawn'] as const

export const NEED_KINDS = ['functionary', 'capacity', 'other'] as const
export type NeedKind = (typeof NEED_KINDS)[number]

/**
 * An island proposes an incident (`proposed`); a coordinator opens it (`open`) or turns it down
 * (`rejected`, with a reason); an open incident is closed when over (`closed`).
 */
export const INCIDENT_STATUSES = ['proposed', 'open', 'closed', 'rejected'] as const
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number]

export const HAZARDS = [
  'hurricane',
  'flood',
  'earthquake',
  'volcanic',
  'fire',
  'disease_outbreak',
  'power_failure',
  'water_failure',
  'telecom_failure',
  'mass_migration',
  'military_hybrid',
  'other',
] as const
export type Hazard = (typeof HAZARDS)[number]

export const UNAVAILABILITY_REASONS = ['leave', 'island_duty', 'training', 'other'] as const
export type UnavailabilityReason = (typeof UNAVAILABILITY_REASONS)[number]

export const ALERT_ANSWERS = ['available', 'unavailable'] as const
export type AlertAnswer = (typeof ALERT_ANSWERS)[number]

/** The HRC capacity catalogue: what a `capacity` need asks for and what an HRC unit is. */
export const UNIT_TYPES = [
  'reconnaissance',
  'light_usar',
  'logistics',
  'water_purification',
  'communications',
  'medical',
  'command_liaison',
  'shelter_relief',
] as const
export type UnitType = (typeof UNIT_TYPES)[number]

/** Readiness of an HRC unit (the ladder's rungs, and unavailable beside it). */
export const READINESS = [
  'standby',
  'pre_alert',
  'alert',
  'mobilising',
  'in_transit',
  'operational',
  'demobilising',
  'returning',
  'unavailable',
] as const
export type Readiness = (typeof READINESS)[number]

/** How people and units travel; shared by assignments and HRC dispatch. */
export const TRANSPORTS = [
  'scheduled_flight',
  'charter_flight',
  'military_airlift',
  'ship',
  'ferry',
  'other',
] as const
export type Transport = (typeof TRANSPORTS)[number]

export const OUTBOX_STATUSES = ['pending', 'sent'] as const

/**
 * The lifecycle of an assignment of a functionary to a need: proposed → offered →
 * accepted | declined → travelling → on_site → released → completed; cancelled before on_site.
 */
export const ASSIGNMENT_STATUSES = [
  'proposed',
  'offered',
  'accepted',
  'declined',
  'travelling',
  'on_site',
  'released',
  'completed',
  'cancelled',
] as const
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number]
/** Active assignments hold the person: at most one per overlapping period (a unique guard in the write). */
export const ACTIVE_ASSIGNMENT_STATUSES = [
  'proposed',
  'offered',
  'accepted',
  'travelling',
  'on_site',
] as const
export type ActiveAssignmentStatus = (typeof ACTIVE_ASSIGNMENT_STATUSES)[number]

/** How a coordinator heard a person say yes, when the offer rests on that rather than an alert answer. */
export const CONFIRM_CHANNELS = ['phone', 'radio', 'in_person', 'other'] as const
export type ConfirmChannel = (typeof CONFIRM_CHANNELS)[number]

/** States of an HRC dispatch order (pool/hrc/dispatch.ts holds the machine). */
export const DISPATCH_STATUSES = [
  'offered',
  'ordered',
  'accepted',
  'declined',
  'in_transit',
  'arrived',
  'released',
  'returned',
  'cancelled',
] as const
export type DispatchStatus = (typeof DISPATCH_STATUSES)[number]
/** Every state but the three ends: a unit is in at most one order in these. */
export const ACTIVE_DISPATCH_STATUSES = [
  'offered',
  'ordered',
  'accepted',
  'in_transit',
  'arrived',
  'released',
] as const satisfies readonly DispatchStatus[]
/** Why an order was cancelled when no dispatcher chose it: its request ended. */
export const DISPATCH_CAUSES = ['request_withdrawn', 'request_rejected'] as const
export type DispatchCause = (typeof DISPATCH_CAUSES)[number]

/** A storm is followed while open and closed when it has passed. */
export const THREAT_STATUSES = ['open', 'closed'] as const
export type ThreatStatus = (typeof THREAT_STATUSES)[number]
/** Kinds of storm as the National Hurricane Center names them; hurricanes by Saffir-Simpson category. */
export const STORM_CATEGORIES = [
  'potential_tropical_cyclone',
  'tropical_depression',
  'tropical_storm',
  'hurricane_1',
  'hurricane_2',
  'hurricane_3',
  'hurricane_4',
  'hurricane_5',
  'post_tropical',
] as const
export type StormCategory = (typeof STORM_CATEGORIES)[number]
/** The quadrants of a wind radius, as forecasts give them (NE SE SW NW). */
export const QUADRANTS = ['ne', 'se', 'sw', 'nw'] as const
export type Quadrant = (typeof QUADRANTS)[number]
/** Where a threat's figures came from: a typed track, a pasted advisory, or per-island estimates. */
export const THREAT_SOURCES = ['track', 'advisory', 'islands'] as const
export type ThreatSource = (typeof THREAT_SOURCES)[number]
/** What a proposed readiness step rests on: the winds' arrival, or the closest approach when no winds are known. */
export const PROPOSAL_REASONS = ['ts_winds', 'closest_approach'] as const
export type ProposalReason = (typeof PROPOSAL_REASONS)[number]

/**
 * Where a person stands on the alert for one need: asked and waiting, answered either way, or
 * the deadline passed without an answer. No alert at all is `null` where the state is read.
 */
export const ALERT_STATES = ['sent', 'available', 'unavailable', 'expired'] as const
export type AlertState = (typeof ALERT_STATES)[number]

/** What a single-use password link was made for: the admin CLI, an invitation, a reset. */
export const TOKEN_PURPOSES = ['set_password', 'invitation', 'reset'] as const
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number]
