/** What a plan over many needs reads and returns: open slots in, lines (person → need) and the shortfall out. */
import type { MatchNeed } from '../matching/index.ts'

export interface PlanNeed extends MatchNeed {
  count: number
  /**
   * Slots already taken. Count every active assignment (proposed through on site), not only the
   * accepted ones, so that a plan never proposes a slot that a proposal already holds.
   */
  filled: number
  /** When the request was submitted: greedy serves equal priorities first come, first served. */
  submittedAt: number
}

/** One person proposed for one slot of a need. */
export interface PlanLine {
  needId: string
  functionaryId: string
  score: number
}

/** An assignment of people to slots, with what it achieves. */
export interface Fill {
  /** By need (in the order given), then score, highest first. */
  lines: PlanLine[]
  filled: number
  score: number
  /** Slots filled per class: urgent warm, urgent cold, high warm, high cold, normal warm, normal cold. */
  byClass: number[]
}

/** Why a need stays short, from the people who hold its role at its level (the qualified). */
export const SHORTFALL_CODES = [
  'nobodyQualified',
  'busy',
  'language',
  'home',
  'documents',
  'saidUnavailable',
  'declined',
  'takenHigher',
  'takenOther',
  'plannedHere',
] as const
export type ShortfallCode = (typeof SHORTFALL_CODES)[number]

export interface Shortfall {
  needId: string
  role: string
  /** Slots the plan leaves open. */
  missing: number
  /** Active people holding the role at the need's level or above (people already on this need aside). */
  qualified: number
  /**
   * Each reason with how many qualified people it stopped (a person stopped by two reasons counts
   * in both); most first. `takenHigher`: eligible but serving a higher-priority need in this plan;
   * `plannedHere`: serving this need in this plan (there are fewer qualified people than slots).
   */
  reasons: { code: ShortfallCode; count: number }[]
}

export interface Plan extends Fill {
  shortfall: Shortfall[]
  /** The same needs filled greedily (priority, phase, submission; each its top-ranked free people). */
  greedy: Fill
}
