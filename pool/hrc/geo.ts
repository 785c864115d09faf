/**
 * Where a storm passes an island: great-circle (haversine) distances against a forecast track
 * interpolated linearly in time between its points, the closest approach and the earliest time
 * tropical-storm-force winds (34 kt) may reach the island.
 */
import { ISLANDS, type IslandCode, type Quadrant } from '../reference/index.ts'

/** The mean Earth radius (IUGG), km; the hand-worked tests use the same figure. */
export const EARTH_RADIUS_KM = 6371
export const KM_PER_NM = 1.852
const RAD = Math.PI / 180
/**
 * The time step of the scan before refining, ms. A storm moves 5–10 km in 10 minutes, so a scan
 * this fine can miss only winds that graze an island for less than that; the minimum and the
 * crossing found are then refined to about a second by golden-section search and bisection.
 */
const SCAN_MS = 600_000

export interface Position {
  lat: number
  lon: number
}

/** A radius of 34-kt winds in nautical miles: one figure, or one per quadrant. */
export type WindRadius = number | Readonly<Record<Quadrant, number>>

export interface TrackPoint extends Position {
  at: number
  maxWindKt: number | null
  r34Nm: WindRadius | null
}

export interface IslandAssessment {
  island: IslandCode
  closestApproachKm: number
  closestApproachAt: number
  /** Null when the winds never reach the island on this track. */
  tropicalStormWindsAt: number | null
}

/** Great-circle distance by the haversine formula, km. */
export function greatCircleKm(a: Position, b: Position): number {
  const dLat = (b.lat - a.lat) * RAD
  const dLon = (b.lon - a.lon) * RAD
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * RAD) * Math.cos(b.lat * RAD) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** The largest quadrant counts, so that the arrival computed is the earliest possible. */
export function largestRadius(r: WindRadius | null): number | null {
  if (r === null) return null
  return typeof r === 'number' ? r : Math.max(r.ne, r.se, r.sw, r.nw)
}

/** Points in time order, one per moment (a later duplicate wins). */
export function orderTrack(track: readonly TrackPoint[]): TrackPoint[] {
  const byTime = new Map<number, TrackPoint>()
  for (const p of track) byTime.set(p.at, p)
  return [...byTime.values()].sort((a, b) => a.at - b.at)
}

/**
 * The radius, km, each point is computed with. Given: its largest quadrant. Missing where the
 * maximum wind is below 34 kt: none (0). Missing otherwise (forecasts give no radii beyond 72 h):
 * the radius of the nearest point in time that has one, since the storm does not lose its winds
 * because the forecast stops saying. Null everywhere when no point gives a radius.
 */
export function effectiveRadiiKm(track: readonly TrackPoint[]): (number | null)[] {
  const given = track.map((p) => largestRadius(p.r34Nm))
  const known = given.flatMap((r, i) => (r === null ? [] : [i]))
  return track.map((p, i) => {
    const r = given[i]
    if (r !== null && r !== undefined) return r * KM_PER_NM
    if (p.maxWindKt !== null && p.maxWindKt < 34) return 0
    if (known.length === 0) return null
    const nearest = known.reduce((best, j) =>
      Math.abs(track[j]!.at - p.at) < Math.abs(track[best]!.at - p.at) ? j : best,
    )
    return given[nearest]! * KM_PER_NM
  })
}

interface Segment {
  a: TrackPoint
  b: TrackPoint
  ra: number | null
  rb: number | null
}

const lerp = (x: number, y: number, s: number) => x + (y - x) * s
const posAt = (g: Segment, s: number): Position => ({
  lat: lerp(g.a.lat, g.b.lat, s),
  lon: lerp(g.a.lon, g.b.lon, s),
})
const timeAt = (g: Segment, s: number) => lerp(g.a.at, g.b.at, s)

function segments(track: readonly TrackPoint[]): Segment[] {
  const ordered = orderTrack(track)
  const radii = effectiveRadiiKm(ordered)
  if (ordered.length === 1) {
    const p = ordered[0]!
    return [{ a: p, b: p, ra: radii[0]!, rb: radii[0]! }]
  }
  return ordered.slice(1).map((b, i) => ({ a: ordered[i]!, b, ra: radii[i]!, rb: radii[i + 1]! }))
}

/** The minimum of a unimodal function on [lo, hi] by golden-section search, to about a second of a 12-hour segment. */
function goldenMin(f: (s: number) => number, lo: number, hi: number): number {
  const k = (Math.sqrt(5) - 1) / 2
  let a = lo
  let b = hi
  for (let i = 0; i < 60 && b - a > 1e-9; i++) {
    const c = b - k * (b - a)
    const d = a + k * (b - a)
    if (f(c) <= f(d)) b = d
    else a = c
  }
  return (a + b) / 2
}

/** The first root of a function that is positive at `lo` and not at `hi`, by bisection. */
function firstCrossing(g: (s: number) => number, lo: number, hi: number): number {
  let a = lo
  let b = hi
  for (let i = 0; i < 60 && b - a > 1e-9; i++) {
    const m = (a + b) / 2
    if (g(m) <= 0) b = m
    else a = m
  }
  return b
}

/** The unrounded figures for one place: closest approach (km, epoch ms) and first 34-kt winds (epoch ms or null). */
export function passOf(
  track: readonly TrackPoint[],
  place: Position,
): { km: number; at: number; windsAt: number | null } {
  let best = { km: Number.POSITIVE_INFINITY, at: 0 }
  let windsAt: number | null = null
  for (const g of segments(track)) {
    const dist = (s: number) => greatCircleKm(posAt(g, s), place)
    const radius = (s: number) => (g.ra === null || g.rb === null ? null : lerp(g.ra, g.rb, s))
    const n = Math.max(1, Math.ceil((g.b.at - g.a.at) / SCAN_MS))
    let minI = 0
    let minD = Number.POSITIVE_INFINITY
    for (let i = 0; i <= n; i++) {
      const s = i / n
      const d = dist(s)
      if (d < minD) {
        minD = d
        minI = i
      }
      const r = radius(s)
      if (windsAt === null && r !== null && d <= r) {
        const g0 = (x: number) => dist(x) - radius(x)!
        windsAt = timeAt(g, i === 0 ? 0 : firstCrossing(g0, (i - 1) / n, s))
      }
    }
    // The scan brackets the minimum within two steps; golden-section search finds it inside them.
    const s = g.a === g.b ? 0 : goldenMin(dist, Math.max(0, (minI - 1) / n), Math.min(1, (minI + 1) / n))
    const pass = dist(s) < minD ? { km: dist(s), s } : { km: minD, s: minI / n }
    if (pass.km < best.km) best = { km: pass.km, at: timeAt(g, pass.s) }
  }
  return { km: best.km, at: best.at, windsAt }
}

const MINUTE = 60_000
const toMinute = (at: number) => Math.round(at / MINUTE) * MINUTE
const toTenth = (km: number) => Math.round(km * 10) / 10

/** Per island (not the base NL): closest approach (km to 0.1, time to the minute) and the winds' arrival. */
export function assessTrack(track: readonly TrackPoint[]): IslandAssessment[] {
  if (track.length === 0) return []
  return ISLANDS.filter((i) => !i.isBaseOnly).map((island) => {
    const pass = passOf(track, island)
    return {
      island: island.code as IslandCode,
      closestApproachKm: toTenth(pass.km),
      closestApproachAt: toMinute(pass.at),
      tropicalStormWindsAt: pass.windsAt === null ? null : toMinute(pass.windsAt),
    }
  })
}
