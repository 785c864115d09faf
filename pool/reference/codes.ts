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

export const INCIDENT_STATUSES = ['open', 'closed'] as const
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
/** What a single-use password link was made for: the admin CLI, an invitation, a reset. */
export const TOKEN_PURPOSES = ['set_password', 'invitation', 'reset'] as const
export type TokenPurpose = (typeof TOKEN_PURPOSES)[number]
