/**
 * The eligible pairs of a plan, computed once and shared by the optimal fill, greedy and the
 * shortfall: per need its eligible people in rank order, per person the needs they may serve.
 * Only people holding a need's role are checked against it; the rest lack the role anyway.
 */
import { byNameThenId, type MatchCandidate, type MatchContext, passes, score } from '../matching/index.ts'
import { LEVELS, PHASES, PRIORITIES } from '../reference/index.ts'
import type { PlanNeed } from './types.ts'

export const CLASSES = PRIORITIES.length * PHASES.length

/** 0 is the most pressing: urgent warm, then urgent cold, high warm, … normal cold. */
export const classOf = (n: Pick<PlanNeed, 'priority' | 'phase'>): number =>
  PRIORITIES.indexOf(n.priority) * PHASES.length + PHASES.indexOf(n.phase)

export interface Pairs {
  needs: readonly PlanNeed[]
  /** The candidates by name, then id: a person's index is their place in every tie. */
  people: readonly MatchCandidate[]
  open: Int32Array
  klass: Int32Array
  /** Per need: eligible people (indices) and their scores, highest first, ties by name and id. */
  eligible: { person: Int32Array; score: Int32Array }[]
  /** Per person, the needs they may serve: `edgeNeed/edgeScore[edgeStart[p] … edgeStart[p+1])`. */
  edgeStart: Int32Array
  edgeNeed: Int32Array
  edgeScore: Int32Array
  /** Per role, the active people holding it at any level (indices). */
  holders: ReadonlyMap<string, readonly number[]>
}

export function eligiblePairs(
  needs: readonly PlanNeed[],
  candidates: readonly MatchCandidate[],
  ctx: MatchContext,
): Pairs {
  const people = [...candidates].sort(byNameThenId)
  // Active people only, with their level: the inactive and those below a need's level fail the
  // rules anyway, and skipping them here spares most of the checks.
  const holders = new Map<string, number[]>()
  const levels = new Map<string, number[]>()
  people.forEach((c, i) => {
    if (!c.active) return
    for (const r of c.roles) {
      const list = holders.get(r.role)
      if (list) {
        list.push(i)
        levels.get(r.role)!.push(LEVELS.indexOf(r.level))
      } else {
        holders.set(r.role, [i])
        levels.set(r.role, [LEVELS.indexOf(r.level)])
      }
    }
  })
  const open = new Int32Array(needs.length)
  const klass = new Int32Array(needs.length)
  const degree = new Int32Array(people.length + 1)
  const eligible = needs.map((need, j) => {
    open[j] = Math.max(0, need.count - need.filled)
    klass[j] = classOf(need)
    if (open[j] === 0) return { person: new Int32Array(0), score: new Int32Array(0) }
    const found: { p: number; s: number }[] = []
    const who = holders.get(need.role) ?? []
    const level = levels.get(need.role) ?? []
    const min = LEVELS.indexOf(need.minLevel)
    for (let k = 0; k < who.length; k++) {
      if (level[k]! < min) continue
      const c = people[who[k]!]!
      if (passes(need, c)) found.push({ p: who[k]!, s: score(need, c, ctx) })
    }
    found.sort((a, b) => b.s - a.s || a.p - b.p)
    for (const f of found) degree[f.p]!++
    return { person: Int32Array.from(found, (f) => f.p), score: Int32Array.from(found, (f) => f.s) }
  })
  const edgeStart = new Int32Array(people.length + 1)
  for (let p = 0; p < people.length; p++) edgeStart[p + 1] = edgeStart[p]! + degree[p]!
  const edgeNeed = new Int32Array(edgeStart[people.length]!)
  const edgeScore = new Int32Array(edgeNeed.length)
  const cursor = edgeStart.slice(0, people.length)
  eligible.forEach(({ person, score: s }, j) => {
    for (let k = 0; k < person.length; k++) {
      const at = cursor[person[k]!]!++
      edgeNeed[at] = j
      edgeScore[at] = s[k]!
    }
  })
  return { needs, people, open, klass, eligible, edgeStart, edgeNeed, edgeScore, holders }
}
