/**
 * The candidates of one need: every eligible person with an explained score, highest first, and
 * everyone else with all the reasons they are excluded — nobody is silently dropped.
 */
import { flags, passes } from './eligibility.ts'
import { alertFor } from './lookup.ts'
import type { MatchingMessage } from './messages.ts'
import { scoreParts, total } from './score.ts'
import type {
  Excluded,
  MatchCandidate,
  MatchContext,
  MatchNeed,
  Ranked,
  Ranking,
  TravelTable,
} from './types.ts'

/** Plain code-unit order: the same on every runtime and locale, unlike `localeCompare`. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Deterministic order of equal scores: by name, then id. */
export const byNameThenId = (a: { name: string; id: string }, b: { name: string; id: string }) =>
  byText(a.name, b.name) || byText(a.id, b.id)

export function rank(need: MatchNeed, candidates: readonly MatchCandidate[], ctx: MatchContext): Ranking {
  const eligible: Ranked[] = []
  const excluded: Excluded[] = []
  for (const c of candidates) {
    const reasons: MatchingMessage[] = []
    if (passes(need, c, reasons)) {
      const parts = scoreParts(need, c, ctx)
      eligible.push({
        id: c.id,
        name: c.name,
        score: total(parts),
        parts,
        alert: alertFor(c, need.id),
        flags: flags(need, c),
      })
    } else {
      excluded.push({ id: c.id, name: c.name, reasons })
    }
  }
  eligible.sort((a, b) => b.score - a.score || byNameThenId(a, b))
  return { eligible, excluded }
}

/** The travel table from the rows of the reference table (`fromCode`, `toCode`, `minutes`). */
export function travelTable(
  rows: readonly { fromCode: string; toCode: string; minutes: number }[],
): TravelTable {
  const out: Record<string, Record<string, number>> = {}
  for (const r of rows) {
    out[r.fromCode] ??= {}
    out[r.fromCode]![r.toCode] = r.minutes
  }
  return out
}
