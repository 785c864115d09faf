/** How Papiamentu names people and units in running text: "2 × Manager di informashon", a need on one line. */
import type { NeedFacts } from '../../../../pool/requests/index.ts'
import { type Fmt, lowerFirst } from '../../format.ts'

/** A count and the role's name: a role name takes no plural by rule. */
export const roleCount = (code: string, count: number, f: Fmt) => `${count} × ${f.role(code)}`
export const unitCount = (code: string, count: number, f: Fmt) =>
  `${count} × ${count === 1 ? 'unidat' : 'unidatnan'} HRC di ${lowerFirst(f.name('unitType', code))}`

const languages = (codes: readonly string[], f: Fmt) => f.list(codes.map((c) => f.name('language', c)))

/** "2 × Manager di informashon, 1 × unidat HRC di rekonosementu, +1 otro". */
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
    ...[...roles].map(([code, n]) => roleCount(code, n, f)),
    ...[...units].map(([code, n]) => unitCount(code, n, f)),
  ]
  if (parts.length > max) return [...parts.slice(0, max), `+${parts.length - max + others} mas`].join(', ')
  if (others && parts.length === 0) return f.plural(others, '# otro nesesidat', '# otro nesesidat')
  if (others) parts.push(`+${others} otro`)
  return parts.join(', ')
}

/** One line per need, with all a coordinator needs to search the pool. */
export function needLine(need: NeedFacts, f: Fmt): string {
  if (need.kind === 'other') return `Otro: ${need.description}, kantidat ${need.quantity}`
  if (need.kind === 'capacity')
    return `${unitCount(need.unitType, need.count, f)}${need.notes ? `. Nota: ${need.notes}` : ''}`
  const parts = [`${roleCount(need.role, need.count, f)}, ${f.name('level', need.minLevel)} òf mas haltu`]
  if (need.languages.length) parts.push(`ku ta papia ${languages(need.languages, f)}`)
  if (need.preferredLanguages.length) parts.push(`preferiblemente ${languages(need.preferredLanguages, f)}`)
  parts.push(f.period(need.periodStart, need.periodEnd))
  if (need.remoteOk) parts.push('for di leu ta posibel')
  return `${parts.join('; ')}${need.notes ? `. Nota: ${need.notes}` : ''}`
}

/** Mail text: lines joined, one trailing newline. */
export const lines = (...parts: (string | false | null | undefined)[]): string =>
  `${parts.filter((l): l is string => typeof l === 'string').join('\n')}\n`
