/**
 * Closest approach and the arrival of tropical-storm-force winds, against cases worked by hand.
 * R = 6371 km, so one degree of a great circle is R·π/180 = 111.19493 km; 1 nm = 1.852 km.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  assessTrack,
  effectiveRadiiKm,
  greatCircleKm,
  largestRadius,
  parseAdvisory,
  passOf,
  type TrackPoint,
} from '../../../pool/hrc/index.ts'
import { HOUR } from './fixtures.ts'

const SABA = { lat: 17.63, lon: -63.24 }
const T0 = Date.UTC(2026, 8, 7, 0, 0)
const DEG_KM = (6371 * Math.PI) / 180 // 111.194927 km
const MINUTE = 60_000

const point = (
  hours: number,
  lat: number,
  lon: number,
  r34Nm: TrackPoint['r34Nm'],
  maxWindKt = 90,
): TrackPoint => ({
  at: T0 + hours * HOUR,
  lat,
  lon,
  maxWindKt,
  r34Nm,
})

describe('great-circle distance (haversine)', () => {
  it('one degree along the equator and along a meridian is R·π/180 = 111.195 km', () => {
    expect(greatCircleKm({ lat: 0, lon: 0 }, { lat: 0, lon: 1 })).toBeCloseTo(111.195, 3)
    expect(greatCircleKm({ lat: 17, lon: -63 }, { lat: 18, lon: -63 })).toBeCloseTo(111.195, 3)
  })

  it('Saba (17.63, −63.24) to Sint Eustatius (17.49, −62.98) is 31.66 km', () => {
    // Δφ = −0.14° → sin²(Δφ/2) = sin²(−0.0012217 rad) = 1.4926e−6
    // Δλ = 0.26°  → sin²(Δλ/2) = sin²(0.0022689 rad) = 5.1480e−6
    // cos 17.63° · cos 17.49° = 0.953032 · 0.953769 = 0.908972
    // h = 1.4926e−6 + 0.908972 · 5.1480e−6 = 6.1720e−6; d = 2R·asin(√h) = 12742 · 0.0024844 = 31.656 km
    expect(greatCircleKm(SABA, { lat: 17.49, lon: -62.98 })).toBeCloseTo(31.656, 2)
  })

  it('is symmetric and zero for the same point', () => {
    const sx = { lat: 18.04, lon: -63.06 }
    expect(greatCircleKm(SABA, sx)).toBeCloseTo(greatCircleKm(sx, SABA), 9)
    expect(greatCircleKm(SABA, SABA)).toBe(0)
  })
})

describe('the largest quadrant counts', () => {
  it('NE 90, SE 60, SW 30, NW 45 nm → 90 nm', () => {
    expect(largestRadius({ ne: 90, se: 60, sw: 30, nw: 45 })).toBe(90)
    expect(largestRadius(50)).toBe(50)
    expect(largestRadius(null)).toBeNull()
  })
})

describe('a storm moving due north over Saba: 14.63°N → 20.63°N along 63.24°W in 24 h', () => {
  // Linear interpolation in time: lat(s) = 14.63 + 6s, s = (t − T0)/24 h; 0.25° per hour.
  // Along a meridian the distance to Saba is exactly R·|lat − 17.63°| in radians.
  const track = (ra: TrackPoint['r34Nm'], rb: TrackPoint['r34Nm']) => [
    point(0, 14.63, -63.24, ra),
    point(24, 20.63, -63.24, rb),
  ]

  it('passes over Saba (0 km) at s = 3/6 = 0.5, T0 + 12:00', () => {
    const pass = passOf(track(60, 60), SABA)
    expect(pass.km).toBeCloseTo(0, 3)
    expect(pass.at).toBeCloseTo(T0 + 12 * HOUR, -3) // within a second
  })

  it('a 60 nm radius (111.12 km) reaches Saba at T0 + 8.0027 h = 08:00:10', () => {
    // 111.12 km / 111.194927 km per degree = 0.999326° → lat = 17.63 − 0.999326 = 16.630674
    // s = (16.630674 − 14.63) / 6 = 0.333446 → 8.00270 h = 8 h 00 min 09.7 s
    const pass = passOf(track(60, 60), SABA)
    expect((pass.windsAt! - T0) / HOUR).toBeCloseTo(8.0027, 3)
    const [saba] = assessTrack(track(60, 60)).filter((i) => i.island === 'SA')
    expect(saba!.tropicalStormWindsAt).toBe(T0 + 8 * HOUR) // rounded to the minute
  })

  it('a quadrant radius NE 90 / SE 60 / SW 30 / NW 45 counts as 90 nm: T0 + 6.0040 h = 06:00:15', () => {
    // 90 nm = 166.68 km = 1.498989° → lat = 16.131011 → s = 0.250169 → 6.00404 h = 6 h 00 min 14.6 s
    const q = { ne: 90, se: 60, sw: 30, nw: 45 }
    const pass = passOf(track(q, q), SABA)
    expect((pass.windsAt! - T0) / HOUR).toBeCloseTo(6.004, 3)
  })

  it('a radius growing from 30 to 90 nm is interpolated too: T0 + 8.5734 h = 08:34:24', () => {
    // Arrival when R·(3 − 6s)·π/180 = (30 + 60s)·1.852:
    // 111.194927·(3 − 6s) = 55.56 + 111.12s → 333.584781 − 667.169562s = 55.56 + 111.12s
    // → 278.024781 = 778.289562 s → s = 0.357226 → 8.57341 h = 8 h 34 min 24.3 s
    const pass = passOf(track(30, 90), SABA)
    expect((pass.windsAt! - T0) / HOUR).toBeCloseTo(8.5734, 3)
    const [saba] = assessTrack(track(30, 90)).filter((i) => i.island === 'SA')
    expect(saba!.tropicalStormWindsAt).toBe(T0 + 8 * HOUR + 34 * MINUTE)
  })
})

describe('a storm moving due north one degree east of Saba, along 62.24°W', () => {
  it('is closest 105.97 km away at 17.6325°N, T0 + 12.0101 h (the sphere puts the foot slightly poleward)', () => {
    // On the sphere the foot of the perpendicular from Saba to the meridian Δλ = 1° away lies at
    // tan φf = tan 17.63° / cos 1° = 0.317795 / 0.999848 = 0.317843 → φf = 17.632519°,
    // and the distance is R·asin(cos 17.63° · sin 1°) = 6371 · asin(0.953032 · 0.0174524)
    // = 6371 · asin(0.0166327) = 6371 · 0.0166335 = 105.972 km.
    // s = (17.632519 − 14.63) / 6 = 0.500420 → 12.01008 h = 12 h 00 min 36 s → rounded 12:01.
    const track = [point(0, 14.63, -62.24, null, 20), point(24, 20.63, -62.24, null, 20)]
    const pass = passOf(track, SABA)
    expect(pass.km).toBeCloseTo(105.972, 2)
    expect((pass.at - T0) / HOUR).toBeCloseTo(12.0101, 3)
    const [saba] = assessTrack(track).filter((i) => i.island === 'SA')
    expect(saba).toEqual({
      island: 'SA',
      closestApproachKm: 106,
      closestApproachAt: T0 + 12 * HOUR + MINUTE,
      tropicalStormWindsAt: null, // 20 kt: no tropical-storm-force winds at all
    })
  })
})

describe('interpolation across several points', () => {
  it('a track bending at Saba: closest at the middle point, winds from the first segment', () => {
    // 0 h at 16.63°N 63.24°W (111.19 km south of Saba), 6 h over Saba, 12 h at 17.63°N 62.24°W.
    // r34 = 50 nm = 92.6 km on all points: first segment lat(s) = 16.63 + s, distance
    // 111.194927·(1 − s) ≤ 92.6 → s ≥ 0.167229 → 1.00337 h = 1 h 00 min 12 s.
    const track = [point(0, 16.63, -63.24, 50), point(6, 17.63, -63.24, 50), point(12, 17.63, -62.24, 50)]
    const pass = passOf(track, SABA)
    expect(pass.km).toBeCloseTo(0, 3)
    expect(pass.at).toBeCloseTo(T0 + 6 * HOUR, -3)
    expect((pass.windsAt! - T0) / HOUR).toBeCloseTo(1.0034, 3)
  })

  it('an island already inside the winds at the first point: arrival is that point’s time', () => {
    const track = [point(0, 17.7, -63.2, 60), point(12, 19, -66, 60)]
    expect(passOf(track, SABA).windsAt).toBe(T0)
  })

  it('a single point: closest approach is that point', () => {
    const pass = passOf([point(0, 16.63, -63.24, 50)], SABA)
    expect(pass.km).toBeCloseTo(DEG_KM, 3)
    expect(pass).toMatchObject({ at: T0, windsAt: null })
  })

  it('points are put in time order first', () => {
    const a = point(0, 14.63, -63.24, 60)
    const b = point(24, 20.63, -63.24, 60)
    expect(passOf([b, a], SABA)).toEqual(passOf([a, b], SABA))
  })
})

describe('points without a radius', () => {
  it('take the nearest point’s radius in time; none below 34 kt; null when the track has none', () => {
    const track = [
      point(0, 15, -60, 60),
      point(12, 16, -61, 80),
      point(72, 18, -64, null),
      point(96, 19, -66, null, 30),
    ]
    expect(effectiveRadiiKm(track)).toEqual([60 * 1.852, 80 * 1.852, 80 * 1.852, 0])
    expect(effectiveRadiiKm([point(0, 15, -60, null)])).toEqual([null])
  })
})

describe('per island', () => {
  it('gives all six islands and not the European base', () => {
    const track = [point(0, 14.63, -63.24, 60), point(24, 20.63, -63.24, 60)]
    expect(assessTrack(track).map((i) => i.island)).toEqual(['AW', 'CW', 'SX', 'BO', 'SE', 'SA'])
    expect(assessTrack([])).toEqual([])
  })
})

describe('on the sample advisories (regression figures, not worked by hand)', () => {
  const read = (name: string) => {
    const text = readFileSync(new URL(`../../fixtures/nhc-${name}.txt`, import.meta.url), 'utf8')
    const result = parseAdvisory(text, 0)
    if (!result.ok) throw new Error(name)
    return assessTrack(result.value.track).map((i) => [
      i.island,
      i.closestApproachKm,
      new Date(i.closestApproachAt).toISOString().slice(5, 16),
      i.tropicalStormWindsAt && new Date(i.tropicalStormWindsAt).toISOString().slice(5, 16),
    ])
  }

  it('Paulette passes 4.8 km from Saba; its winds reach Sint Eustatius first', () => {
    expect(read('paulette')).toEqual([
      ['AW', 783.7, '09-08T08:47', null],
      ['CW', 780.3, '09-08T05:41', null],
      ['SX', 44.4, '09-07T14:23', '09-07T05:00'],
      ['BO', 752.9, '09-08T02:43', null],
      ['SE', 11.4, '09-07T13:19', '09-07T03:55'],
      ['SA', 4.8, '09-07T14:34', '09-07T05:02'],
    ])
  })

  it('Tomas passes over the ABC islands and far from the northern three', () => {
    expect(read('tomas')).toEqual([
      ['AW', 24.7, '10-02T03:38', '10-01T22:45'],
      ['CW', 4.2, '10-01T23:35', '10-01T18:50'],
      ['SX', 755.2, '10-01T04:30', null],
      ['BO', 18.6, '10-01T20:45', '10-01T16:12'],
      ['SE', 696.2, '10-01T03:54', null],
      ['SA', 707.1, '10-01T04:52', null],
    ])
  })
})
