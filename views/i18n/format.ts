/**
 * The reader's formatters: numbers, plurals, lists, dates, periods, moments in a time zone, and the
 * names of codes. Built once per language (an `Intl` object costs far more to build than to use);
 * month and weekday names come from the catalogue, because the runtime has no Papiamentu data.
 */
import { ROLE_CATALOGUE, type UiLocale } from '../../pool/reference/index.ts'

/** The catalogue entries a formatter reads: names of codes, months and weekdays. */
export type NameTable = Readonly<Record<string, unknown>>

/** Kinds of code whose names the catalogues hold under `<kind>.<code>`. */
export type NameKind =
  | 'island'
  | 'language'
  | 'level'
  | 'hazard'
  | 'unitType'
  | 'readiness'
  | 'transport'
  | 'dispatch'
  | 'threat'
  | 'storm'
  | 'status'
  | 'priority'
  | 'phase'
  | 'reason'
  | 'proficiency'
  | 'role'
  | 'confirmChannel'
  | 'fieldName'

export interface Fmt {
  readonly locale: UiLocale
  num(n: number): string
  /** The form for `n` ("1 person", "3 people"); `#` in a form stands for the number. */
  plural(n: number, one: string, other: string): string
  /** "a, b and c" in the reader's language. */
  list(items: readonly string[]): string
  /** "10 Sep 2026" from an ISO date, without time-zone shifts. */
  date(iso: string): string
  /** "10 Sep" from an ISO date. */
  day(iso: string): string
  /** "10–14 Sep 2026", "28 Sep–4 Oct 2026"; without the year when `year` is false. */
  period(start: string, end: string, year?: boolean): string
  /** "Sun 6 Sep 14:00" as the clock reads in `zone`. */
  moment(at: number, zone: string): string
  /** "14:00" as the clock reads in `zone`. */
  time(at: number, zone: string): string
  /** "6 Sep 14:00" as the clock reads in `zone`. */
  dayTime(at: number, zone: string): string
  /** The name of a code ("Saba" for island SA); the code itself when the catalogue lacks it. */
  name(kind: NameKind, code: string): string
  /** The name of a crisis role from the seeded catalogue; admin-added roles show their code. */
  role(code: string): string
}

/** "Light USAR" → "light USAR" in running text: only a capital followed by lower case drops; an acronym keeps its capitals. */
export function lowerFirst(name: string): string {
  return /^\p{Lu}\p{Ll}/u.test(name) ? name[0]!.toLowerCase() + name.slice(1) : name
}

const NUMBER_LOCALE: Record<UiLocale, string> = { en: 'en-GB', nl: 'nl-NL', pap: 'nl-NL' }
/** ICU has no Papiamentu: its plural and list rules are those of Dutch (one/other; "a, b i c"). */
const RULES_LOCALE: Record<UiLocale, string> = { en: 'en', nl: 'nl', pap: 'nl' }

/** One numeric-parts formatter per time zone, shared by every language. */
const zoneParts = new Map<string, Intl.DateTimeFormat>()
type Parts = { y: number; m: number; d: number; weekday: number; hm: string }
/**
 * The parts of recent minutes per zone: what a page prints is minutes, and the clocks and lists
 * of every page ask for the same few minutes again (`formatToParts` was 3 % of a small page).
 * Only from 1970 on, where the zones we print (the islands', Amsterdam) have whole-minute offsets.
 */
const minutes = new Map<string, Parts>()
function partsIn(at: number, zone: string): Parts {
  if (at < 0) return computeParts(at, zone)
  const key = `${zone} ${Math.floor(at / 60_000)}`
  let parts = minutes.get(key)
  if (!parts) {
    parts = computeParts(at, zone)
    if (minutes.size >= 1000) minutes.clear()
    minutes.set(key, parts)
  }
  return parts
}

function computeParts(at: number, zone: string): Parts {
  let f = zoneParts.get(zone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
    zoneParts.set(zone, f)
  }
  const out: Record<string, string> = {}
  for (const p of f.formatToParts(at)) out[p.type] = p.value
  const y = Number(out.year)
  const m = Number(out.month)
  const d = Number(out.day)
  return { y, m, d, weekday: new Date(Date.UTC(y, m - 1, d)).getUTCDay(), hm: `${out.hour}:${out.minute}` }
}

const ROLE_NAMES: Record<UiLocale, Map<string, string>> = {
  en: new Map(ROLE_CATALOGUE.map((r) => [r.code, r.name])),
  nl: new Map(ROLE_CATALOGUE.map((r) => [r.code, r.nameNl])),
  pap: new Map(ROLE_CATALOGUE.map((r) => [r.code, r.namePap])),
}

export function makeFmt(locale: UiLocale, table: NameTable, listAnd: string): Fmt {
  const numbers = new Intl.NumberFormat(NUMBER_LOCALE[locale])
  const plurals = new Intl.PluralRules(RULES_LOCALE[locale])
  const month = (m: number) => String(table[`month.${m}`] ?? m)
  const weekday = (d: number) => String(table[`weekday.${d}`] ?? d)
  const split = (iso: string) => iso.split('-').map(Number) as [number, number, number]
  const fmt: Fmt = {
    locale,
    num: (n) => numbers.format(n),
    plural: (n, one, other) => (plurals.select(n) === 'one' ? one : other).replaceAll('#', numbers.format(n)),
    list(items) {
      if (items.length <= 1) return items.join('')
      return `${items.slice(0, -1).join(', ')} ${listAnd} ${items[items.length - 1]}`
    },
    date(iso) {
      const [y, m, d] = split(iso)
      return `${d} ${month(m)} ${y}`
    },
    day(iso) {
      const [, m, d] = split(iso)
      return `${d} ${month(m)}`
    },
    period(start, end, year = true) {
      const [ay, am, ad] = split(start)
      const [by, bm, bd] = split(end)
      const tail = year ? ` ${by}` : ''
      if (ay !== by) return `${ad} ${month(am)} ${ay}–${bd} ${month(bm)} ${by}`
      if (am !== bm) return `${ad} ${month(am)}–${bd} ${month(bm)}${tail}`
      if (ad === bd) return `${ad} ${month(am)}${tail}`
      return `${ad}–${bd} ${month(am)}${tail}`
    },
    moment(at, zone) {
      const p = partsIn(at, zone)
      return `${weekday(p.weekday)} ${p.d} ${month(p.m)} ${p.hm}`
    },
    time: (at, zone) => partsIn(at, zone).hm,
    dayTime(at, zone) {
      const p = partsIn(at, zone)
      return `${p.d} ${month(p.m)} ${p.hm}`
    },
    name(kind, code) {
      if (kind === 'role') return fmt.role(code)
      const v = table[`${kind}.${code}`]
      return typeof v === 'string' ? v : code
    },
    role: (code) => ROLE_NAMES[locale]?.get(code) ?? code.replaceAll('_', ' '),
  }
  return fmt
}
