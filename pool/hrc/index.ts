/**
 * The Hurricane Relief Capacity, pure: units, their readiness ladder, the storms that
 * drive it and the dispatch orders that send units to the islands. Every function takes plain
 * records and a context (`now`, `newId`, the readers of mail, `baseUrl`) and returns a decision —
 * the rows or patches to write, each patch with the guard its UPDATE must match (`guard`: status
 * or readiness, and version), the audit events (one per rung a unit passes), and the mails as
 * `{to, locale, message}` codes — so that a service writes it as one guarded batch.
 *
 * Decisions the issue left open (each stated again where it is made):
 * - Who climbs the ladder (ladder.ts, LADDER_STEPS): the dispatcher takes every step; the
 *   coordinator (LOCC-KCR2, 24/7) only the warning rungs standby ↔ pre-alert ↔ alert, which commit
 *   nothing. Upward, a hand moves one rung; only applying a threat's proposal climbs several, one
 *   event per rung. Standing down: one rung, or straight to standby. In transit → returning is a
 *   unit turned back. Unavailable only from and to standby. Manual steps are refused for a unit
 *   in an active dispatch, except demobilising → returning under a released order.
 * - "Then returning" (dispatch.ts, FOLLOWS): not an order state. After the island releases a
 *   unit (→ demobilising) the dispatcher marks it returning by hand when it leaves; `returned`
 *   brings it to standby, through returning when that step was skipped (an event per rung).
 * - A cancelled order stands its units down: mobilising → alert, in transit → returning.
 *   Offered and declined orders leave readiness alone; accepted or ordered → mobilising.
 * - Units of a need's order must be of its type and serve its island; a pre-positioning order
 *   (no need) may stage any unit anywhere. Payload over the carrier's weight or volume, or more
 *   units than the need still lacks, are warnings, not refusals.
 * - A need's fill counts units of accepted, in transit, arrived, released and returned orders.
 * - Threats (threats.ts): the largest quadrant radius counts; a forecast point without a 34-kt
 *   radius takes the radius of the nearest point in time that has one (NHC gives none beyond
 *   72 h), none when its wind is below 34 kt; a track with no radius at all gives no arrival
 *   times (and so no proposals). Times are rounded to the minute, distances to 0.1 km.
 *   Proposals (THRESHOLDS) rest on the winds' arrival, or on the closest approach when only island
 *   estimates without winds were given; an island whose winds came more than 24 h ago proposes
 *   nothing. A unit serving several threatened islands is raised for the most urgent.
 * - Input: a unit's location defaults to its base; a unit code is made from the type (LUSAR-3,
 *   one above the highest in use) when none is given. A threat's category, when not typed, is
 *   read from the advisory, else from the first track point that gives a wind (Saffir-Simpson).
 *   A time without zone is island time (UTC−4, all six islands, no summer time).
 * - Mails go to unit leaders (English unless `recipients.locales` knows the address), the
 *   coordinators, the island (what it decides, what comes, what is off) and the dispatchers when
 *   someone else acted.
 */
export * from './advisory.ts'
export * from './dispatch.ts'
export * from './dispatch-mails.ts'
export * from './dispatch-orders.ts'
export * from './fields.ts'
export * from './geo.ts'
export * from './ladder.ts'
export * from './mails.ts'
export * from './messages.ts'
export * from './threat-input.ts'
export * from './threats.ts'
export * from './types.ts'
export * from './units.ts'
