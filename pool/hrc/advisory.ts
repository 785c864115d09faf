/**
 * A small reader of the text of a National Hurricane Center forecast/advisory (TCM): the storm's
 * name and kind, the time of issue, the centre ("CENTER LOCATED NEAR 17.4N 61.1W AT 06/0300Z"
 * with MAX SUSTAINED WINDS and its 34 KT radii) and each "FORECAST VALID" or "OUTLOOK VALID" point
 * with its MAX WIND and 34 KT radii. All else in the text is passed over.
 */
import type { StormCategory } from '../reference/index.ts'
import type { Parsed } from './fields.ts'
import type { TrackPoint } from './geo.ts'
import { hrcMsg } from './messages.ts'

export interface ParsedAdvisory {
  /** "Irma"; null when the header is missing. */
  name: string | null
  category: StormCategory | null
  number: string | null
  issuedAt: number | null
  track: TrackPoint[]
}

/** The longest text read: a real TCM is 4–6 KB. */
export const ADVISORY_MAX = 20_000

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC']
const KINDS: readonly [string, StormCategory | 'hurricane'][] = [
  ['POTENTIAL TROPICAL CYCLONE', 'potential_tropical_cyclone'],
  ['POST-TROPICAL CYCLONE', 'post_tropical'],
  ['SUBTROPICAL DEPRESSION', 'tropical_depression'],
  ['SUBTROPICAL STORM', 'tropical_storm'],
  ['TROPICAL DEPRESSION', 'tropical_depression'],
  ['TROPICAL STORM', 'tropical_storm'],
  ['REMNANTS OF', 'post_tropical'],
  ['HURRICANE', 'hurricane'],
]

const HEADER = /^(.+?)\s+(?:SPECIAL\s+)?FORECAST\/ADVISORY\s+NUMBER\s+(\w+)/m
const ISSUED = /^(\d{3,4})\s+UTC\s+\w{3}\s+([A-Z]{3})\s+(\d{1,2})\s+(\d{4})\s*$/m
const LATLON = String.raw`(\d{1,2}(?:\.\d+)?)([NS])\s+(\d{1,3}(?:\.\d+)?)([EW])`
const CENTER = new RegExp(String.raw`CENTER LOCATED NEAR\s+${LATLON}\s+AT\s+(\d{2})/(\d{2})(\d{2})Z`)
const VALID = new RegExp(String.raw`^(?:FORECAST|OUTLOOK) VALID\s+(\d{2})/(\d{2})(\d{2})Z\s+(?:${LATLON})?`)
const SUSTAINED = /^MAX SUSTAINED WINDS\s+(\d+)\s*KT/
const MAX_WIND = /^MAX WIND\s+(\d+)\s*KT/
const R34 = /^34 KT\.*\s*(\d+)\s*NE\s+(\d+)\s*SE\s+(\d+)\s*SW\s+(\d+)\s*NW/

/** Saffir-Simpson by one-minute sustained wind, kt. */
export function categoryFromWind(kt: number): StormCategory {
  if (kt < 34) return 'tropical_depression'
  if (kt < 64) return 'tropical_storm'
  if (kt < 83) return 'hurricane_1'
  if (kt < 96) return 'hurricane_2'
  if (kt < 113) return 'hurricane_3'
  if (kt < 137) return 'hurricane_4'
  return 'hurricane_5'
}

/** "06/1200Z" names a day of the month only: the moment with that day nearest to the reference. */
export function resolveDay(day: number, hh: number, mm: number, ref: number): number | null {
  if (day < 1 || day > 31 || hh > 23 || mm > 59) return null
  const r = new Date(ref)
  let best: number | null = null
  for (const shift of [-1, 0, 1]) {
    const at = Date.UTC(r.getUTCFullYear(), r.getUTCMonth() + shift, day, hh, mm)
    if (new Date(at).getUTCDate() !== day) continue
    if (best === null || Math.abs(at - ref) < Math.abs(best - ref)) best = at
  }
  return best
}

const signed = (value: string, hemisphere: string) =>
  Number(value) * (hemisphere === 'S' || hemisphere === 'W' ? -1 : 1)
const titleCase = (s: string) => s.toLowerCase().replace(/(^|[\s-])\p{L}/gu, (c) => c.toUpperCase())

function header(text: string) {
  const m = HEADER.exec(text)
  if (!m) return { name: null, kind: null, number: null }
  const title = m[1]!.trim()
  const kind = KINDS.find(([prefix]) => title.startsWith(`${prefix} `))
  const name = kind ? title.slice(kind[0].length).trim() : title
  return { name: name ? titleCase(name) : null, kind: kind?.[1] ?? null, number: m[2]! }
}

function issued(text: string): number | null {
  const m = ISSUED.exec(text)
  if (!m) return null
  const month = MONTHS.indexOf(m[2]!)
  const hhmm = m[1]!.padStart(4, '0')
  if (month < 0) return null
  return Date.UTC(Number(m[4]), month, Number(m[3]), Number(hhmm.slice(0, 2)), Number(hhmm.slice(2)))
}

/** Reads an advisory's text; `now` dates the "dd/hhmmZ" times when the text carries no time of issue. */
export function parseAdvisory(text: string, now: number): Parsed<ParsedAdvisory> {
  if (text.length > ADVISORY_MAX)
    return {
      ok: false,
      errors: { advisory: hrcMsg('hrc.field.tooLong', { max: ADVISORY_MAX, length: text.length }) },
    }
  const upper = text.replace(/\r\n?/g, '\n').toUpperCase()
  const head = header(upper)
  const issuedAt = issued(upper)
  const ref = issuedAt ?? now
  const track: TrackPoint[] = []
  let current: TrackPoint | null = null
  let seenCenter = false
  for (const raw of upper.split('\n')) {
    const line = raw.trim()
    const center = CENTER.exec(line)
    if (center && !seenCenter && !line.startsWith('REPEAT')) {
      seenCenter = true
      const at = resolveDay(Number(center[5]), Number(center[6]), Number(center[7]), ref)
      current = at === null ? null : point(at, center[1]!, center[2]!, center[3]!, center[4]!)
      if (current) track.push(current)
      continue
    }
    const valid = VALID.exec(line)
    if (valid) {
      const at = resolveDay(Number(valid[1]), Number(valid[2]), Number(valid[3]), ref)
      // "FORECAST VALID 10/0000Z...DISSIPATED" has no position: the track ends there.
      current = at === null || !valid[4] ? null : point(at, valid[4], valid[5]!, valid[6]!, valid[7]!)
      if (current) track.push(current)
      continue
    }
    if (line.startsWith('REPEAT') || /^(EXTENDED OUTLOOK|REQUEST FOR|NEXT ADVISORY|\$\$)/.test(line)) {
      current = null
      continue
    }
    if (!current) continue
    const wind = SUSTAINED.exec(line) ?? MAX_WIND.exec(line)
    if (wind && current.maxWindKt === null) current.maxWindKt = Number(wind[1])
    const r34 = R34.exec(line)
    if (r34 && current.r34Nm === null)
      current.r34Nm = { ne: Number(r34[1]), se: Number(r34[2]), sw: Number(r34[3]), nw: Number(r34[4]) }
  }
  if (track.length === 0) return { ok: false, errors: { advisory: hrcMsg('hrc.advisory.noTrack') } }
  const wind = track[0]!.maxWindKt
  const category =
    head.kind === 'hurricane' || (head.kind === null && wind !== null)
      ? wind === null
        ? 'hurricane_1'
        : categoryFromWind(wind)
      : head.kind
  return { ok: true, value: { name: head.name, category, number: head.number, issuedAt, track } }
}

function point(at: number, lat: string, ns: string, lon: string, ew: string): TrackPoint {
  return { at, lat: signed(lat, ns), lon: signed(lon, ew), maxWindKt: null, r34Nm: null }
}
