/**
 * Why a need stays short in a fill, counted over the people who hold its role at its level: busy,
 * language, needed at home, … or eligible but serving another need of this plan.
 */

import { type MatchingCode, type MatchingMessage, passes } from '../matching/index.ts'
import { levelRank } from '../reference/index.ts'
import { msg } from '../shared/index.ts'
import type { AllocationMessage } from './messages.ts'
import type { Pairs } from './pairs.ts'
import { type Fill, SHORTFALL_CODES, type Shortfall, type ShortfallCode } from './types.ts'

/** The shortfall reason each exclusion counts towards; rules that make a person unqualified count nowhere. */
const COUNTS_AS: Partial<Record<MatchingCode, ShortfallCode>> = {
  'matching.excluded.deployed': 'busy',
  'matching.excluded.unavailable': 'busy',
  'matching.excluded.languages': 'language',
  'matching.excluded.home': 'home',
  'matching.excluded.document': 'documents',
  'matching.excluded.fitness': 'documents',
  'matching.excluded.saidUnavailable': 'saidUnavailable',
  'matching.excluded.declined': 'declined',
}

export function shortfall(pairs: Pairs, fill: Fill): Shortfall[] {
  const { needs, people, open, klass } = pairs
  const index = new Map(needs.map((n, j) => [n.id, j]))
  const filledOn = new Int32Array(needs.length)
  const serving = new Map<string, number>()
  for (const line of fill.lines) {
    const j = index.get(line.needId)!
    filledOn[j]!++
    serving.set(line.functionaryId, j)
  }
  const out: Shortfall[] = []
  needs.forEach((need, j) => {
    const missing = open[j]! - filledOn[j]!
    if (missing <= 0) return
    const counts = new Map<ShortfallCode, number>()
    const add = (code: ShortfallCode) => counts.set(code, (counts.get(code) ?? 0) + 1)
    let qualified = 0
    for (const p of pairs.holders.get(need.role) ?? []) {
      const c = people[p]!
      const held = c.roles.find((r) => r.role === need.role)!
      if (!c.active || levelRank(held.level) < levelRank(need.minLevel)) continue
      const reasons: MatchingMessage[] = []
      passes(need, c, reasons)
      if (reasons.some((r) => r.code === 'matching.excluded.assigned')) continue
      qualified++
      if (reasons.length > 0) {
        for (const code of new Set(reasons.map((r) => COUNTS_AS[r.code]))) if (code) add(code)
        continue
      }
      const there = serving.get(c.id)
      if (there === j) add('plannedHere')
      else if (there !== undefined) add(klass[there]! < klass[j]! ? 'takenHigher' : 'takenOther')
    }
    if (qualified === 0) counts.set('nobodyQualified', 0)
    const reasons = [...counts]
      .map(([code, count]) => ({ code, count }))
      .sort((a, b) => b.count - a.count || SHORTFALL_CODES.indexOf(a.code) - SHORTFALL_CODES.indexOf(b.code))
    out.push({ needId: need.id, role: need.role, missing, qualified, reasons })
  })
  return out
}

/** The reasons of a shortfall as messages: "all 4 qualified are busy", "3 of 5 serve more urgent needs". */
export const shortfallMessages = (s: Shortfall): AllocationMessage[] =>
  s.reasons.map((r) => msg(`allocation.shortfall.${r.code}`, { count: r.count, qualified: s.qualified }))
