/**
 * A certificate that a plan is optimal, checked plainly and apart from pool/allocation, for plans
 * too large to try every assignment: seen as a flow (source → person → need → sink), the plan is
 * optimal when no augmenting path is left (it fills the most slots) and its residual graph has no
 * cycle of negative cost, costs being vectors (−slots per class …, −score) compared in order.
 */
import type { Fill, PlanNeed } from '../../../pool/allocation/index.ts'
import { type MatchCandidate, type MatchContext, passes, score } from '../../../pool/matching/index.ts'
import { classOfNeed } from './brute.ts'

type Cost = number[] // 6 classes, then score
const ZERO: Cost = [0, 0, 0, 0, 0, 0, 0]
const add = (a: Cost, b: Cost) => a.map((x, i) => x + b[i]!)
const less = (a: Cost, b: Cost) => {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!
  return false
}

export function isOptimal(
  fill: Fill,
  needs: readonly PlanNeed[],
  people: readonly MatchCandidate[],
  ctx: MatchContext,
) {
  // Nodes: 0 = source, 1 = sink, then people, then needs.
  const P = (i: number) => 2 + i
  const J = (j: number) => 2 + people.length + j
  const onNeed = new Map(fill.lines.map((l) => [l.functionaryId, l.needId]))
  const taken = needs.map((n) => fill.lines.filter((l) => l.needId === n.id).length)
  const edges: [number, number, Cost][] = []
  people.forEach((c, i) => {
    edges.push(onNeed.has(c.id) ? [P(i), 0, ZERO] : [0, P(i), ZERO])
    needs.forEach((n, j) => {
      if (!passes(n, c)) return
      const points = score(n, c, ctx)
      if (onNeed.get(c.id) === n.id) edges.push([J(j), P(i), [0, 0, 0, 0, 0, 0, points]])
      else edges.push([P(i), J(j), [0, 0, 0, 0, 0, 0, -points]])
    })
  })
  needs.forEach((n, j) => {
    const unit = ZERO.map((_, k) => (k === classOfNeed(n) ? 1 : 0))
    if (taken[j]! < Math.max(0, n.count - n.filled)) edges.push([J(j), 1, unit.map((x) => -x)])
    if (taken[j]! > 0) edges.push([1, J(j), unit])
  })
  const nodes = 2 + people.length + needs.length

  // Most slots: the sink cannot be reached from the source.
  const reached = new Set([0])
  for (let grew = true; grew; ) {
    grew = false
    for (const [a, b] of edges)
      if (reached.has(a) && !reached.has(b)) {
        reached.add(b)
        grew = true
      }
  }
  if (reached.has(1)) return false

  // No negative cycle: Bellman-Ford from every node at once still improves after `nodes` rounds only on one.
  const dist: Cost[] = Array.from({ length: nodes }, () => ZERO)
  for (let round = 0; round < nodes; round++) {
    let changed = false
    for (const [a, b, c] of edges) {
      const via = add(dist[a]!, c)
      if (less(via, dist[b]!)) {
        dist[b] = via
        changed = true
      }
    }
    if (!changed) return true
  }
  return false
}
