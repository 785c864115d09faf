/**
 * Lookups the rules and the score make for every pair of need and person: plain loops and tables
 * built once, no closures (a closure per call costs more than the rule itself at 3 million pairs).
 */
import { type AlertState, LEVELS, type Level, PROFICIENCIES } from '../reference/index.ts'
import type { MatchCandidate } from './types.ts'

export const LEVEL_RANK: Readonly<Record<string, number>> = Object.fromEntries(LEVELS.map((l, i) => [l, i]))
export const PROFICIENCY_RANK: Readonly<Record<string, number>> = Object.fromEntries(
  PROFICIENCIES.map((p, i) => [p, i]),
)
/** The level at which the person holds `role`, or undefined. (Loops, not closures: this runs per pair.) */
export function levelIn(c: MatchCandidate, role: string): Level | undefined {
  for (const r of c.roles) if (r.role === role) return r.level
  return undefined
}

/** How well the person speaks `language`, as a rank in PROFICIENCIES; −1 when not at all. */
export function proficiencyIn(c: MatchCandidate, language: string): number {
  for (const l of c.languages) if (l.language === language) return PROFICIENCY_RANK[l.proficiency]!
  return -1
}

/** The person's alert state for the need, or null when never alerted for it. */
export function alertFor(c: MatchCandidate, needId: string): AlertState | null {
  for (const a of c.alerts) if (a.needId === needId) return a.state
  return null
}

export const levelAtLeast = (level: Level, min: Level): boolean => LEVEL_RANK[level]! >= LEVEL_RANK[min]!
