/**
 * The hard rules of matching: who may not serve a need, and every reason why (a coordinator reads
 * all of them, not only the first). One implementation serves the explained list and the plan's
 * fast yes/no, so the two can never disagree.
 */
import { msg } from '../shared/index.ts'
import { alertFor, levelAtLeast, levelIn, PROFICIENCY_RANK, proficiencyIn } from './lookup.ts'
import type { MatchingMessage } from './messages.ts'
import type { MatchCandidate, MatchNeed } from './types.ts'
import { REQUIRED_PROFICIENCY } from './weights.ts'

const REQUIRED_RANK = PROFICIENCY_RANK[REQUIRED_PROFICIENCY]!

/**
 * Checks the hard rules in their fixed order. With `reasons`, every failing rule adds its message
 * (each conflicting period its own); without, it stops at the first failure. Written without
 * closures: the plan calls it for every pair of need and role holder.
 */
export function passes(need: MatchNeed, c: MatchCandidate, reasons?: MatchingMessage[]): boolean {
  const before = reasons ? reasons.length : 0
  if (!c.active) {
    if (!reasons) return false
    reasons.push(msg('matching.excluded.inactive'))
  }
  const level = levelIn(c, need.role)
  if (level === undefined) {
    if (!reasons) return false
    reasons.push(msg('matching.excluded.role', { role: need.role }))
  } else if (!levelAtLeast(level, need.minLevel)) {
    if (!reasons) return false
    reasons.push(msg('matching.excluded.level', { level, minLevel: need.minLevel }))
  }
  if (need.languages.length > 0) {
    let missing: string[] | null = null
    let weak: string[] | null = null
    for (const code of need.languages) {
      const rank = proficiencyIn(c, code)
      if (rank >= REQUIRED_RANK) continue
      if (!reasons) return false
      if (rank < 0) {
        missing ??= []
        missing.push(code)
      } else {
        weak ??= []
        weak.push(code)
      }
    }
    if (reasons && (missing || weak))
      reasons.push(msg('matching.excluded.languages', { missing: missing ?? [], weak: weak ?? [] }))
  }
  const { start, end } = need.period
  for (const a of c.assignments) {
    if (a.start > end || start > a.end) continue
    if (!reasons) return false
    reasons.push(
      a.needId === need.id
        ? msg('matching.excluded.assigned')
        : msg('matching.excluded.deployed', { island: a.island, start: a.start, end: a.end }),
    )
  }
  for (const u of c.unavailable) {
    if (u.start > end || start > u.end) continue
    if (!reasons) return false
    reasons.push(msg('matching.excluded.unavailable', { reason: u.reason, start: u.start, end: u.end }))
  }
  if (need.struckIslands.includes(c.base)) {
    if (!reasons) return false
    reasons.push(msg('matching.excluded.home', { island: c.base }))
  }
  const travels = !(need.remoteOk && c.remoteCapable)
  if (travels && c.travelDocumentExpiry !== null && c.travelDocumentExpiry < end) {
    if (!reasons) return false
    reasons.push(msg('matching.excluded.document', { date: c.travelDocumentExpiry }))
  }
  if (c.fitnessExpiry !== null && c.fitnessExpiry < end) {
    if (!reasons) return false
    reasons.push(msg('matching.excluded.fitness', { date: c.fitnessExpiry }))
  }
  if (alertFor(c, need.id) === 'unavailable') {
    if (!reasons) return false
    reasons.push(msg('matching.excluded.saidUnavailable'))
  }
  if (c.declinedNeeds.includes(need.id)) {
    if (!reasons) return false
    reasons.push(msg('matching.excluded.declined'))
  }
  return !reasons || reasons.length === before
}

export interface Eligibility {
  eligible: boolean
  /** Every failing hard rule; empty when eligible. */
  reasons: MatchingMessage[]
  /** Worth knowing, never a reason to exclude. */
  flags: MatchingMessage[]
}

/** Every reason the person may not serve the need (none: eligible), and the flags worth knowing. */
export function eligibility(need: MatchNeed, c: MatchCandidate): Eligibility {
  const reasons: MatchingMessage[] = []
  passes(need, c, reasons)
  return { eligible: reasons.length === 0, reasons, flags: flags(need, c) }
}

/** Based on the requesting island: may be needed at home (excluded instead when the incident strikes it). */
export function flags(need: MatchNeed, c: MatchCandidate): MatchingMessage[] {
  const out: MatchingMessage[] = []
  if (c.base === need.island) out.push(msg('matching.flag.local', { island: c.base }))
  if (c.travelDocumentExpiry === null && !(need.remoteOk && c.remoteCapable))
    out.push(msg('matching.flag.noDocumentDate'))
  if (c.fitnessExpiry === null) out.push(msg('matching.flag.noFitnessDate'))
  return out
}
