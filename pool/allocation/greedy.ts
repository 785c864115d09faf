/**
 * The fill a coordinator would make by hand, shown beside the plan to say what planning gains:
 * needs by priority, then phase (warm first), then submission; each takes its top-ranked free people.
 */
import { fillOf } from './optimal.ts'
import type { Pairs } from './pairs.ts'
import type { Fill } from './types.ts'

export function greedy(pairs: Pairs): Fill {
  const { needs, klass, open, eligible } = pairs
  const order = needs.map((_, j) => j)
  order.sort(
    (a, b) =>
      klass[a]! - klass[b]! ||
      needs[a]!.submittedAt - needs[b]!.submittedAt ||
      (needs[a]!.id < needs[b]!.id ? -1 : needs[a]!.id > needs[b]!.id ? 1 : 0),
  )
  const onNeed = new Int32Array(pairs.people.length).fill(-1)
  const scoreThere = new Int32Array(pairs.people.length)
  for (const j of order) {
    const { person, score } = eligible[j]!
    let taken = 0
    for (let k = 0; k < person.length && taken < open[j]!; k++) {
      const p = person[k]!
      if (onNeed[p] !== -1) continue
      onNeed[p] = j
      scoreThere[p] = score[k]!
      taken++
    }
  }
  return fillOf(pairs, onNeed, scoreThere)
}
