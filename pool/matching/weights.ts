/**
 * Every number that decides who ranks first, in one place; docs/matching.md explains each with a
 * worked example. All parts are whole points, so that sums and the plan's comparisons are exact.
 */
import { LEVELS, type Proficiency } from '../reference/index.ts'

/** Travel: `max` points from the island itself, falling linearly to 0 at `horizonMinutes` door to door. */
export const TRAVEL = { max: 30, horizonMinutes: 900 } as const

/** Local knowledge: based on the requesting island, and each earlier deployment there (up to `deploymentsCounted`). */
export const LOCAL = { based: 20, perDeployment: 5, deploymentsCounted: 2 } as const

/** Level: points per level above the need's minimum (trainee → qualified → senior). */
export const LEVEL = { perStep: 10 } as const

/** Preferred languages: points per language by how well it is spoken, capped at `max`. */
export const LANGUAGES = { basic: 2, working: 5, fluent: 8, native: 10, max: 30 } as const

/** A required language counts only when spoken at least this well. */
export const REQUIRED_PROFICIENCY: Proficiency = 'working'

/** Rest: `max` points after `fullAfterDays` days since the last deployment ended (or never deployed), linear before. */
export const REST = { max: 10, fullAfterDays: 90 } as const

/** Fairness: `max` points with no days deployed in the last 365, falling linearly to 0 at `zeroAtDays`. */
export const FAIRNESS = { max: 10, zeroAtDays: 90 } as const

/** The most the other parts can add up to: every part is between 0 and its maximum. */
export const MAX_WITHOUT_ANSWER =
  TRAVEL.max +
  LOCAL.based +
  LOCAL.perDeployment * LOCAL.deploymentsCounted +
  LEVEL.perStep * (LEVELS.length - 1) +
  LANGUAGES.max +
  REST.max +
  FAIRNESS.max

/** Said available for this need: more than all other parts together, so they rank above everyone who has not. */
export const ANSWER_BONUS = MAX_WITHOUT_ANSWER + 1
