/** A plan over many needs: the optimal fill, what greedy would give, and why needs stay short. */
import type { MatchCandidate, MatchContext } from '../matching/index.ts'
import { greedy } from './greedy.ts'
import { optimal } from './optimal.ts'
import { eligiblePairs } from './pairs.ts'
import { shortfall } from './shortfall.ts'
import type { Plan, PlanNeed } from './types.ts'

/**
 * Fills the open slots of `needs` from `candidates`: most slots by priority class first, then the
 * highest total score; each person at most once, only eligible pairs. Nothing is written.
 */
export function plan(
  needs: readonly PlanNeed[],
  candidates: readonly MatchCandidate[],
  ctx: MatchContext,
): Plan {
  const pairs = eligiblePairs(needs, candidates, ctx)
  const best = optimal(pairs)
  return { ...best, shortfall: shortfall(pairs, best), greedy: greedy(pairs) }
}
