/**
 * The explained score of an eligible person for a need: named parts in whole points (weights.ts),
 * so a coordinator sees why one person ranks above another and the plan compares sums exactly.
 */
import { PROFICIENCIES } from '../reference/index.ts'
import { alertFor, LEVEL_RANK, levelIn } from './lookup.ts'
import type { MatchCandidate, MatchContext, MatchNeed, Parts } from './types.ts'
import { ANSWER_BONUS, FAIRNESS, LANGUAGES, LEVEL, LOCAL, REST, TRAVEL } from './weights.ts'

/** Days since 1970-01-01 of an ISO date, by arithmetic on its digits: the plan calls this per pair. */
export function dayOf(iso: string): number {
  let y = (iso.charCodeAt(0) - 48) * 1000 + (iso.charCodeAt(1) - 48) * 100
  y += (iso.charCodeAt(2) - 48) * 10 + iso.charCodeAt(3) - 48
  const m = (iso.charCodeAt(5) - 48) * 10 + iso.charCodeAt(6) - 48
  const d = (iso.charCodeAt(8) - 48) * 10 + iso.charCodeAt(9) - 48
  if (m <= 2) y -= 1
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy
  return era * 146097 + doe - 719468
}

const POINTS: Readonly<Record<string, number>> = Object.fromEntries(
  PROFICIENCIES.map((p) => [p, LANGUAGES[p]]),
)
/** Linear from 0 (at 0) up to `max` (at `limit` and beyond), rounded down to whole points. */
const rising = (max: number, value: number, limit: number) =>
  Math.floor((max * Math.min(Math.max(value, 0), limit)) / limit)
/** Linear from `max` (at 0) down to 0 (at `limit` and beyond), rounded down to whole points. */
const falling = (max: number, value: number, limit: number) =>
  Math.floor((max * (limit - Math.min(Math.max(value, 0), limit))) / limit)

export function travelPart(need: MatchNeed, c: MatchCandidate, ctx: MatchContext): number {
  const minutes = ctx.travel[c.base]?.[need.island]
  return minutes === undefined ? 0 : falling(TRAVEL.max, minutes, TRAVEL.horizonMinutes)
}

export function localPart(need: MatchNeed, c: MatchCandidate): number {
  let earlier = 0
  for (const d of c.deployments) if (d.island === need.island) earlier++
  return (
    (c.base === need.island ? LOCAL.based : 0) +
    LOCAL.perDeployment * Math.min(earlier, LOCAL.deploymentsCounted)
  )
}

export function levelPart(need: MatchNeed, c: MatchCandidate): number {
  const level = levelIn(c, need.role)
  if (level === undefined) return 0
  return LEVEL.perStep * Math.max(0, LEVEL_RANK[level]! - LEVEL_RANK[need.minLevel]!)
}

export function languagesPart(need: MatchNeed, c: MatchCandidate): number {
  let sum = 0
  const wanted = need.preferredLanguages
  for (let i = 0; i < wanted.length; i++) {
    const code = wanted[i]!
    if (wanted.indexOf(code) !== i) continue
    for (const l of c.languages) if (l.language === code) sum += POINTS[l.proficiency]!
  }
  return Math.min(sum, LANGUAGES.max)
}

/** Days from the end of the last deployment (finished, or an active one ending before this need) to this need's start. */
export function restPart(need: MatchNeed, c: MatchCandidate): number {
  let last = c.lastDeploymentEnd
  for (const a of c.assignments)
    if (a.end < need.period.start && (last === null || a.end > last)) last = a.end
  if (last === null) return REST.max
  const days = dayOf(need.period.start) - dayOf(last)
  return rising(REST.max, days, REST.fullAfterDays)
}

/** Fewer days deployed in the 365 days up to today, more points: the work is shared. */
export function fairnessPart(c: MatchCandidate, ctx: MatchContext): number {
  if (c.deployments.length === 0) return FAIRNESS.max
  const last = dayOf(ctx.today)
  const first = last - 364
  let days = 0
  for (const d of c.deployments) {
    const from = Math.max(first, dayOf(d.start))
    const to = Math.min(last, dayOf(d.end))
    if (to >= from) days += to - from + 1
  }
  return falling(FAIRNESS.max, days, FAIRNESS.zeroAtDays)
}

export function answerPart(need: MatchNeed, c: MatchCandidate): number {
  return alertFor(c, need.id) === 'available' ? ANSWER_BONUS : 0
}

/** The score's parts for an eligible person; their sum is the score. */
export function scoreParts(need: MatchNeed, c: MatchCandidate, ctx: MatchContext): Parts {
  return {
    travel: travelPart(need, c, ctx),
    local: localPart(need, c),
    level: levelPart(need, c),
    languages: languagesPart(need, c),
    rest: restPart(need, c),
    fairness: fairnessPart(c, ctx),
    answer: answerPart(need, c),
  }
}

export const total = (p: Parts): number =>
  p.travel + p.local + p.level + p.languages + p.rest + p.fairness + p.answer

/** The score alone, without building the parts: the plan scores every eligible pair. */
export const score = (need: MatchNeed, c: MatchCandidate, ctx: MatchContext): number =>
  travelPart(need, c, ctx) +
  localPart(need, c) +
  levelPart(need, c) +
  languagesPart(need, c) +
  restPart(need, c) +
  fairnessPart(c, ctx) +
  answerPart(need, c)
