/** How English names people and units in running text: lower case, plurals, the one-line summary of needs. */
import type { NeedFacts } from '../../../../pool/requests/index.ts'
import { type Fmt, lowerFirst } from '../../format.ts'

export { lowerFirst }

/** Plural of an English noun phrase: the head noun is the word before " of ", else the last word. */
export function pluralise(phrase: string): string {
  const of = phrase.indexOf(' of ')
  const head = of >= 0 ? phrase.slice(0, of) : phrase
  const rest = of >= 0 ? phrase.slice(of) : ''
  const match = /(\S+)$/.exec(head)
  if (!match) return phrase
  const word = match[1]!
  let plural = `${word}s`
  if (/[^aeiou]y$/i.test(word)) plural = `${word.slice(0, -1)}ies`
  else if (/(s|x|z|ch|sh)$/i.test(word)) plural = `${word}es`
  return head.slice(0, head.length - word.length) + plural + rest
}

/** "information manager", "information managers": a crisis role in running text. */
export function roleLabel(code: string, count: number, f: Fmt): string {
  const name = lowerFirst(f.role(code))
  return count === 1 ? name : pluralise(name)
}

/** "HRC reconnaissance unit", "HRC light USAR units". */
export function unitLabel(code: string, count: number, f: Fmt): string {
  return `HRC ${lowerFirst(f.name('unitType', code))} unit${count === 1 ? '' : 's'}`
}

const languages = (codes: readonly string[], f: Fmt) => codes.map((c) => f.name('language', c)).join(', ')

/** "2 information managers, 1 HRC reconnaissance unit, +1 other": counts summed per role and unit type. */
export function needSummary(needs: readonly NeedFacts[], f: Fmt, max = 3): string {
  const roles = new Map<string, number>()
  const units = new Map<string, number>()
  let others = 0
  for (const need of needs) {
    if (need.kind === 'functionary') roles.set(need.role, (roles.get(need.role) ?? 0) + need.count)
    else if (need.kind === 'capacity') units.set(need.unitType, (units.get(need.unitType) ?? 0) + need.count)
    else others++
  }
  const parts = [
    ...[...roles].map(([code, n]) => `${n} ${roleLabel(code, n, f)}`),
    ...[...units].map(([code, n]) => `${n} ${unitLabel(code, n, f)}`),
  ]
  if (parts.length > max) return [...parts.slice(0, max), `+${parts.length - max + others} more`].join(', ')
  if (others && parts.length === 0) return `${others} other need${others === 1 ? '' : 's'}`
  if (others) parts.push(`+${others} other`)
  return parts.join(', ')
}

/** One line per need, with all a coordinator needs to search the pool. */
export function needLine(need: NeedFacts, f: Fmt): string {
  if (need.kind === 'other') return `Other: ${need.description}, quantity ${need.quantity}`
  if (need.kind === 'capacity')
    return `${need.count} ${unitLabel(need.unitType, need.count, f)}${need.notes ? `. Notes: ${need.notes}` : ''}`
  const parts = [
    `${need.count} ${roleLabel(need.role, need.count, f)}, ${f.name('level', need.minLevel)} or above`,
  ]
  if (need.languages.length) parts.push(`speaking ${languages(need.languages, f)}`)
  if (need.preferredLanguages.length) parts.push(`preferably ${languages(need.preferredLanguages, f)}`)
  parts.push(f.period(need.periodStart, need.periodEnd))
  if (need.remoteOk) parts.push('remote acceptable')
  return `${parts.join('; ')}${need.notes ? `. Notes: ${need.notes}` : ''}`
}

/** "2 information managers", "1 HRC medical unit", "generator fuel": a need named briefly (histories). */
export function needBrief(need: NeedFacts, f: Fmt): string {
  if (need.kind === 'functionary') return `${need.count} ${roleLabel(need.role, need.count, f)}`
  if (need.kind === 'capacity') return `${need.count} ${unitLabel(need.unitType, need.count, f)}`
  return `${need.quantity} × ${need.description}`
}

/** Mail text: lines joined, one trailing newline. */
export const lines = (...parts: (string | false | null | undefined)[]): string =>
  `${parts.filter((l): l is string => typeof l === 'string').join('\n')}\n`
