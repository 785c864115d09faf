/**
 * The optimal plan: successive shortest augmenting paths (min-cost flow) with lexicographic costs
 * (slots per priority class first, total score second). docs/matching.md gives the argument that
 * it is exact; here is what makes it fast and exact in practice:
 *
 * - A path's class cost sits only on its last edge (need → sink), so the shortest path is found
 *   with scalar (score) distances to the needs, and the target is the need with free slots of the
 *   most pressing class, then the smallest true distance. No big weights mix classes with scores.
 * - Potentials keep reduced costs non-negative (Dijkstra). Every person on a need sits on a tight
 *   edge, so a person's potential is their need's plus their score there; free people stay at 0.
 * - Dijkstra runs over needs only: from a need, through the people on it, to the needs they may
 *   serve. Free people enter through each need's best free person (a pointer that only advances,
 *   because a person once booked stays booked).
 * - Scores are whole points: every sum is an exact integer in a double.
 */
import { CLASSES, type Pairs } from './pairs.ts'
import type { Fill } from './types.ts'

/**
 * A binary heap of (distance, need) entries, smallest first, ties by need index (a deterministic
 * plan). A need whose distance drops is pushed again; the stale entry is skipped when popped.
 */
class Heap {
  private keys: number[] = []
  private items: number[] = []
  get size() {
    return this.items.length
  }
  push(key: number, x: number) {
    const { keys, items } = this
    let i = items.length
    keys.push(key)
    items.push(x)
    while (i > 0) {
      const up = (i - 1) >> 1
      if (keys[up]! < key || (keys[up] === key && items[up]! < x)) break
      keys[i] = keys[up]!
      items[i] = items[up]!
      i = up
    }
    keys[i] = key
    items[i] = x
  }
  pop(): number {
    const { keys, items } = this
    const top = items[0]!
    const lastKey = keys.pop()!
    const last = items.pop()!
    const n = items.length
    if (n > 0) {
      let i = 0
      for (;;) {
        let c = 2 * i + 1
        if (c >= n) break
        if (c + 1 < n && (keys[c + 1]! < keys[c]! || (keys[c + 1] === keys[c] && items[c + 1]! < items[c]!)))
          c++
        if (lastKey < keys[c]! || (lastKey === keys[c] && last < items[c]!)) break
        keys[i] = keys[c]!
        items[i] = items[c]!
        i = c
      }
      keys[i] = lastKey
      items[i] = last
    }
    return top
  }
}

export function optimal(pairs: Pairs): Fill {
  const { open, klass, eligible, edgeStart, edgeNeed, edgeScore } = pairs
  const N = pairs.needs.length
  const onNeed = new Int32Array(pairs.people.length).fill(-1)
  const scoreThere = new Int32Array(pairs.people.length)
  const members: number[][] = Array.from({ length: N }, () => [])
  const head = new Int32Array(N)
  // Before any booking only person → need edges carry cost (−score): this makes them all ≥ 0.
  const pi = Float64Array.from(eligible, (e) => (e.score.length > 0 ? -e.score[0]! : 0))
  const dist = new Float64Array(N)
  const settled = new Uint8Array(N)
  const viaPerson = new Int32Array(N)
  const viaNeed = new Int32Array(N)
  const viaScore = new Int32Array(N)
  const heap = new Heap()

  for (;;) {
    for (let j = 0; j < N; j++) {
      settled[j] = 0
      dist[j] = Number.POSITIVE_INFINITY
      const e = eligible[j]!
      let h = head[j]!
      while (h < e.person.length && onNeed[e.person[h]!] !== -1) h++
      head[j] = h
      if (h < e.person.length) {
        dist[j] = -e.score[h]! - pi[j]!
        viaPerson[j] = e.person[h]!
        viaNeed[j] = -1
        viaScore[j] = e.score[h]!
        heap.push(dist[j]!, j)
      }
    }
    let target = -1
    let farthest = 0
    while (heap.size > 0) {
      const j = heap.pop()
      if (settled[j]) continue
      settled[j] = 1
      const d = dist[j]!
      if (d > farthest) farthest = d
      if (members[j]!.length < open[j]!) {
        if (
          target === -1 ||
          klass[j]! < klass[target]! ||
          (klass[j] === klass[target] && d + pi[j]! < dist[target]! + pi[target]!)
        )
          target = j
      }
      for (const p of members[j]!) {
        const piP = pi[j]! + scoreThere[p]!
        for (let e = edgeStart[p]!; e < edgeStart[p + 1]!; e++) {
          const k = edgeNeed[e]!
          if (k === j || settled[k]) continue
          const nd = d - edgeScore[e]! + piP - pi[k]!
          if (nd < dist[k]!) {
            dist[k] = nd
            viaPerson[k] = p
            viaNeed[k] = j
            viaScore[k] = edgeScore[e]!
            heap.push(nd, k)
          }
        }
      }
    }
    if (target === -1) break
    for (let j = 0; j < N; j++) pi[j] = pi[j]! + (settled[j] ? dist[j]! : farthest)
    // Walk back along the path: each person moves one need forward, the first one was free.
    for (let j = target; ; ) {
      const p = viaPerson[j]!
      const from = viaNeed[j]!
      if (from !== -1) {
        const list = members[from]!
        list.splice(list.indexOf(p), 1)
      }
      members[j]!.push(p)
      onNeed[p] = j
      scoreThere[p] = viaScore[j]!
      if (from === -1) break
      j = from
    }
  }
  return fillOf(pairs, onNeed, scoreThere)
}

/** The fill that books person `p` on need `onNeed[p]` (−1: not booked). */
export function fillOf(pairs: Pairs, onNeed: Int32Array, scoreThere: Int32Array): Fill {
  const booked: number[] = []
  for (let p = 0; p < onNeed.length; p++) if (onNeed[p]! >= 0) booked.push(p)
  booked.sort((a, b) => onNeed[a]! - onNeed[b]! || scoreThere[b]! - scoreThere[a]! || a - b)
  const byClass = new Array<number>(CLASSES).fill(0)
  let score = 0
  const lines = booked.map((p) => {
    const j = onNeed[p]!
    byClass[pairs.klass[j]!]!++
    score += scoreThere[p]!
    return { needId: pairs.needs[j]!.id, functionaryId: pairs.people[p]!.id, score: scoreThere[p]! }
  })
  return { lines, filled: lines.length, score, byClass }
}
