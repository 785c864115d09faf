/**
 * The best plan found by trying every way to book every person (or not), written plainly and apart
 * from pool/allocation, to check its answer on small cases. Eligibility and scores come from
 * matching, whose rules have their own tests; the optimisation is what this checks.
 */

import type { PlanNeed } from '../../../pool/allocation/index.ts'
import { type MatchCandidate, type MatchContext, passes, score } from '../../../pool/matching/index.ts'

/** 0 = urgent warm, 1 = urgent cold, 2 = high warm, … 5 = normal cold. */
export function classOfNeed(n: PlanNeed): number {
  const priority = { urgent: 0, high: 1, normal: 2 }[n.priority]
  const phase = { warm: 0, cold: 1 }[n.phase]
  return priority * 2 + phase
}

export interface Best {
  byClass: number[]
  score: number
  /** The most slots any plan can fill, classes aside. */
  mostSlots: number
}

/** Is (a, aScore) better than (b, bScore): more slots of a more pressing class first, then more score? */
function better(a: number[], aScore: number, b: number[], bScore: number): boolean {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k]! > b[k]!
  return aScore > bScore
}

export function bruteForce(
  needs: readonly PlanNeed[],
  people: readonly MatchCandidate[],
  ctx: MatchContext,
): Best {
  const slotsLeft = needs.map((n) => Math.max(0, n.count - n.filled))
  // Each person's options, worked out once: [need index, class, score].
  const options = people.map((c) =>
    needs.flatMap((n, j) => (passes(n, c) ? [[j, classOfNeed(n), score(n, c, ctx)] as const] : [])),
  )
  const byClass = [0, 0, 0, 0, 0, 0]
  let best: Best = { byClass: [...byClass], score: 0, mostSlots: 0 }

  function tryPerson(i: number, total: number, booked: number) {
    if (i === people.length) {
      if (better(byClass, total, best.byClass, best.score))
        best = { byClass: [...byClass], score: total, mostSlots: best.mostSlots }
      if (booked > best.mostSlots) best.mostSlots = booked
      return
    }
    tryPerson(i + 1, total, booked) // person i stays at home
    for (const [j, k, points] of options[i]!) {
      if (slotsLeft[j]! === 0) continue
      slotsLeft[j]!--
      byClass[k]!++
      tryPerson(i + 1, total + points, booked + 1)
      byClass[k]!--
      slotsLeft[j]!++
    }
  }
  tryPerson(0, 0, 0)
  return best
}
