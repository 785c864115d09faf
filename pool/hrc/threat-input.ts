/** A threat as typed or posted: name, category and one source (a track, an NHC advisory's text, or per-island estimates). */
import { ISLAND_CODES, type IslandCode, STORM_CATEGORIES, type StormCategory } from '../reference/index.ts'
import { blank, isObject, type Raw } from '../shared/index.ts'
import { ADVISORY_MAX, categoryFromWind, parseAdvisory } from './advisory.ts'
import { done, type FieldErrors, Fields, type Parsed } from './fields.ts'
import type { TrackPoint, WindRadius } from './geo.ts'
import { hrcMsg } from './messages.ts'
import type { Advisory, IslandEstimate } from './types.ts'

export const THREAT_LIMITS = { name: 60, points: 60, windKt: 250, radiusNm: 800 } as const

export interface ThreatInput {
  /** Null: keep the name the threat has (an update that does not give one). */
  name: string | null
  category: StormCategory | null
  advisory: Omit<Advisory, 'recordedAt'>
}

/** "3", 3 and "hurricane_3" are a category 3 hurricane; "TS" and "TD" the storm and depression. */
function category(v: unknown): StormCategory | undefined {
  const s = typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim().toLowerCase() : ''
  if (/^[1-5]$/.test(s)) return `hurricane_${s}` as StormCategory
  if (s === 'ts') return 'tropical_storm'
  if (s === 'td') return 'tropical_depression'
  return (STORM_CATEGORIES as readonly string[]).includes(s) ? (s as StormCategory) : undefined
}

/** One track point per line of a form's text area: `2026-09-06T12:00Z 17.6 -61.5 [maxWindKt] [r34 | ne/se/sw/nw]`. */
function linesToPoints(text: string): Raw[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((line) => {
      const [at, lat, lon, maxWindKt, r34] = line.split(/[\s;]+/)
      const quadrants = r34?.split('/')
      const r34Nm =
        quadrants?.length === 4
          ? { ne: quadrants[0], se: quadrants[1], sw: quadrants[2], nw: quadrants[3] }
          : (r34 ?? null)
      return { at, lat, lon, maxWindKt, r34Nm }
    })
}

function radius(f: Fields): WindRadius | null | undefined {
  const v = f.raw.r34Nm
  if (blank(v)) return null
  if (!isObject(v)) return f.number('r34Nm', 0, THREAT_LIMITS.radiusNm, { required: true }) ?? undefined
  const q = f.nested('r34Nm')
  if (!q) return null
  const [ne, se, sw, nw] = (['ne', 'se', 'sw', 'nw'] as const).map((k) =>
    q.number(k, 0, THREAT_LIMITS.radiusNm, { required: true }),
  )
  if ([ne, se, sw, nw].some((n) => n === undefined || n === null)) return undefined
  return { ne: ne!, se: se!, sw: sw!, nw: nw! }
}

function parseTrack(v: unknown, errors: FieldErrors): TrackPoint[] | undefined {
  const list = typeof v === 'string' ? linesToPoints(v) : v
  if (!Array.isArray(list) || list.length === 0) {
    errors.track = hrcMsg('hrc.threat.trackEmpty')
    return undefined
  }
  if (list.length > THREAT_LIMITS.points) {
    errors.track = hrcMsg('hrc.threat.trackLong', { max: THREAT_LIMITS.points })
    return undefined
  }
  const points = list.map((raw, i): TrackPoint | undefined => {
    if (!isObject(raw)) {
      errors[`track.${i}`] = hrcMsg('hrc.field.object')
      return undefined
    }
    const f = new Fields(raw, `track.${i}.`, errors)
    const at = f.moment('at', true)
    const lat = f.number('lat', -90, 90, { required: true })
    const lon = f.number('lon', -180, 180, { required: true })
    const maxWindKt = f.number('maxWindKt', 0, THREAT_LIMITS.windKt, { required: false })
    const r34Nm = radius(f)
    if ([at, lat, lon, maxWindKt, r34Nm].includes(undefined)) return undefined
    return { at: at!, lat: lat!, lon: lon!, maxWindKt: maxWindKt ?? null, r34Nm: r34Nm ?? null }
  })
  if (points.includes(undefined)) return undefined
  const track = points as TrackPoint[]
  const times = new Set(track.map((p) => p.at))
  if (times.size < track.length) errors.track = hrcMsg('hrc.threat.trackTwice')
  return errors.track ? undefined : [...track].sort((a, b) => a.at - b.at)
}

function parseIslands(v: unknown, errors: FieldErrors): IslandEstimate[] | undefined {
  if (!Array.isArray(v) || v.length === 0) {
    errors.islands = hrcMsg('hrc.threat.islandsEmpty')
    return undefined
  }
  const seen = new Set<string>()
  const out = v.map((raw, i): IslandEstimate | undefined => {
    if (!isObject(raw)) {
      errors[`islands.${i}`] = hrcMsg('hrc.field.object')
      return undefined
    }
    const f = new Fields(raw, `islands.${i}.`, errors)
    const island = f.code<IslandCode>('island', ISLAND_CODES)
    if (island && seen.has(island)) f.fail('island', hrcMsg('hrc.threat.islandTwice', { island }))
    if (island) seen.add(island)
    const closestApproach = f.moment('closestApproach', true)
    const windsAt = f.moment('tropicalStormWindsAt', false)
    if (island === undefined || closestApproach === undefined || windsAt === undefined) return undefined
    return { island, closestApproach: closestApproach!, tropicalStormWindsAt: windsAt }
  })
  return out.includes(undefined) ? undefined : (out as IslandEstimate[])
}

/**
 * A new threat (no `current`) needs a name and a category, each given or read from the advisory
 * (the category also from the first point's wind); an update may give only the new source.
 */
export function parseThreat(raw: unknown, now: number, current?: { name: string }): Parsed<ThreatInput> {
  const errors: FieldErrors = {}
  if (!isObject(raw)) return { ok: false, errors: { '': hrcMsg('hrc.field.object') } }
  const f = new Fields(raw, '', errors)
  const sources = (['track', 'advisory', 'islands'] as const).filter((k) => !blank(raw[k]))
  if (sources.length !== 1) errors.source = hrcMsg('hrc.threat.oneSource')
  const typedName = f.text('name', THREAT_LIMITS.name, false)
  const typedCategory = blank(raw.category) ? null : category(raw.category)
  if (typedCategory === undefined)
    f.fail('category', hrcMsg('hrc.field.unknown', { value: String(raw.category).slice(0, 40) }))

  let advisory: ThreatInput['advisory'] | undefined
  let readName: string | null = null
  let readCategory: StormCategory | null = null
  if (sources.length === 1 && sources[0] === 'advisory') {
    const text = f.text('advisory', ADVISORY_MAX, true)
    const parsed = text ? parseAdvisory(text, now) : undefined
    if (parsed && !parsed.ok) Object.assign(errors, parsed.errors)
    if (parsed?.ok) {
      const { track, number, issuedAt, name, category: kind } = parsed.value
      advisory = { source: 'advisory', number, issuedAt, track, islands: [], text: text! }
      readName = name
      readCategory = kind
    }
  } else if (sources.length === 1 && sources[0] === 'track') {
    const track = parseTrack(raw.track, errors)
    if (track) {
      advisory = { source: 'track', number: null, issuedAt: null, track, islands: [], text: null }
      // The storm's present intensity: the first point that gives a wind.
      const wind = track.find((p) => p.maxWindKt !== null)?.maxWindKt
      readCategory = wind == null ? null : categoryFromWind(wind)
    }
  } else if (sources.length === 1) {
    const islands = parseIslands(raw.islands, errors)
    if (islands)
      advisory = { source: 'islands', number: null, issuedAt: null, track: [], islands, text: null }
  }
  const name = typedName || readName
  if (!name && !current && !errors.name) errors.name = hrcMsg('hrc.field.required')
  const cat = typedCategory ?? readCategory
  if (!cat && !current && !errors.category) errors.category = hrcMsg('hrc.field.required')
  return done(errors, () => ({ name: name || null, category: cat ?? null, advisory: advisory! }))
}
