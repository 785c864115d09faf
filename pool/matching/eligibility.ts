/**
 * The hard rules of matching: who may not serve a need, and every reason why (a coordinator reads
 * all of them, not only the first). One implementation serves the explained list and the plan's
 * fast yes/no, so the two can never disagree.
 */
import { levelRank, PROFICIENCIES } from '../reference/index.ts'
import { msg } from '../shared/index.ts'
import type { MatchingMessage } from './messages.ts'
import type { MatchCandidate, MatchNeed } from './types.ts'
import { REQUIRED_PROFICIENCY } from './weights.ts'

const REQUIRED_RANK = PROFICIENCIES.indexOf(REQUIRED_PROFICIENCY)

/**
 * Checks the hard rules in their fixed order. With `reasons`, every failing rule adds its message
 * (each conflicting period its own); without, it stops at the first failure.
 */
export function passes(need: MatchNeed, c: MatchCandidate, reasons?: MatchingMessage[]): boolean {
  let ok = true
  const fail = (m: MatchingMessage) => {
    ok = false
    reasons?.push(m)
    return reasons === undefined
  }
  if (!c.active && fail(msg('matching.excluded.inactive'))) return false
  const held = c.roles.find((r) => r.role === need.role)
  if (!held) {
    if (fail(msg('matching.excluded.role', { role: need.role }))) return false
  } else if (levelRank(held.level) < levelRank(need.minLevel)) {
    if (fail(msg('matching.excluded.level', { level: held.level, minLevel: need.minLevel }))) return false
  }
  if (need.languages.length > 0) {
    const missing: string[] = []
    const weak: string[] = []
    for (const code of need.languages) {
      const spoken = c.languages.find((l) => l.language === code)
      if (!spoken) missing.push(code)
      else if (PROFICIENCIES.indexOf(spoken.proficiency) < REQUIRED_RANK) weak.push(code)
    }
    if (missing.length + weak.length > 0 && fail(msg('matching.excluded.languages', { missing, weak })))
      return false
  }
  const { start, end } = need.period
  for (const a of c.assignments) {
    if (a.start > end || start > a.end) continue
    const m =
      a.needId === need.id
        ? msg('matching.excluded.assigned')
        : msg('matching.excluded.deployed', { island: a.island, start: a.start, end: a.end })
    if (fail(m)) return false
  }
  for (const u of c.unavailable) {
    if (u.start > end || start > u.end) continue
    if (fail(msg('matching.excluded.unavailable', { reason: u.reason, start: u.start, end: u.end })))
      return false
  }
  if (need.struckIslands.includes(c.base) && fail(msg('matching.excluded.home', { island: c.base })))
    return false
  const travels = !(need.remoteOk && c.remoteCapable)
  if (travels && c.travelDocumentExpiry !== null && c.travelDocumentExpiry < end) {
    if (fail(msg('matching.excluded.document', { date: c.travelDocumentExpiry }))) return false
  }
  if (c.fitnessExpiry !== null && c.fitnessExpiry < end) {
    if (fail(msg('matching.excluded.fitness', { date: c.fitnessExpiry }))) return false
  }
  if (c.alerts[need.id] === 'unavailable' && fail(msg('matching.excluded.saidUnavailable'))) return false
  if (c.declinedNeeds.includes(need.id) && fail(msg('matching.excluded.declined'))) return false
  return ok
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
