/** How Dutch names people and units in running text: "2 × Informatiemanager", a need on one line. */
import type { NeedFacts } from '../../../../pool/requests/index.ts'
import { type Fmt, lowerFirst } from '../../format.ts'

/** Dutch role names do not take a plural by rule ("Coördinator GHOR"): a count and the name. */
export const roleCount = (code: string, count: number, f: Fmt) => `${count} × ${f.role(code)}`
export const unitName = (code: string, f: Fmt) => `HRC-eenheid ${lowerFirst(f.name('unitType', code))}`
export const unitCount = (code: string, count: number, f: Fmt) =>
  `${count} × ${count === 1 ? unitName(code, f) : `HRC-eenheden ${lowerFirst(f.name('unitType', code))}`}`

const languages = (codes: readonly string[], f: Fmt) => f.list(codes.map((c) => f.name('language', c)))

/** "2 × Informatiemanager, 1 × HRC-eenheid verkenning, +1 overig". */
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
  if (parts.length > max) return [...parts.slice(0, max), `+${parts.length - max + others} meer`].join(', ')
  if (others && parts.length === 0) return f.plural(others, '# andere behoefte', '# andere behoeften')
  if (others) parts.push(`+${others} overig`)
  return parts.join(', ')
}

/** One line per need, with all a coordinator needs to search the pool. */
export function needLine(need: NeedFacts, f: Fmt): string {
  if (need.kind === 'other') return `Overig: ${need.description}, aantal ${need.quantity}`
  if (need.kind === 'capacity')
    return `${unitCount(need.unitType, need.count, f)}${need.notes ? `. Opmerkingen: ${need.notes}` : ''}`
  const parts = [`${roleCount(need.role, need.count, f)}, ${f.name('level', need.minLevel)} of hoger`]
  if (need.languages.length) parts.push(`spreekt ${languages(need.languages, f)}`)
  if (need.preferredLanguages.length) parts.push(`bij voorkeur ${languages(need.preferredLanguages, f)}`)
  parts.push(f.period(need.periodStart, need.periodEnd))
  if (need.remoteOk) parts.push('op afstand mogelijk')
  return `${parts.join('; ')}${need.notes ? `. Opmerkingen: ${need.notes}` : ''}`
}

/** Mail text: lines joined, one trailing newline. */
export const lines = (...parts: (string | false | null | undefined)[]): string =>
  `${parts.filter((l): l is string => typeof l === 'string').join('\n')}\n`
