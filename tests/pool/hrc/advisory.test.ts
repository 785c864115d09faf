/** The NHC forecast/advisory reader, on sample texts written in the TCM layout (tests/fixtures/nhc-*.txt). */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { categoryFromWind, parseAdvisory, resolveDay } from '../../../pool/hrc/index.ts'

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/nhc-${name}.txt`, import.meta.url), 'utf8')
const NOW = Date.UTC(2026, 8, 1)
const at = (iso: string) => Date.parse(iso)

function parsed(name: string) {
  const result = parseAdvisory(fixture(name), NOW)
  if (!result.ok) throw new Error(JSON.stringify(result.errors))
  return result.value
}

describe('Hurricane Paulette, advisory 21 (a hurricane heading for Saba)', () => {
  const v = parsed('paulette')

  it('reads name, category from the maximum sustained wind, number and time of issue', () => {
    expect(v).toMatchObject({
      name: 'Paulette',
      category: 'hurricane_3',
      number: '21',
      issuedAt: at('2026-09-06T09:00Z'),
    })
  })

  it('reads the centre with its wind and 34-kt radii, then each FORECAST and OUTLOOK point', () => {
    expect(
      v.track.map((p) => [new Date(p.at).toISOString().slice(5, 16), p.lat, p.lon, p.maxWindKt]),
    ).toEqual([
      ['09-06T09:00', 15.8, -56.4, 100],
      ['09-06T18:00', 16.3, -58.5, 105],
      ['09-07T06:00', 17.1, -61.3, 115],
      ['09-07T18:00', 17.9, -64, 115],
      ['09-08T06:00', 18.8, -66.6, 110],
      ['09-08T18:00', 19.7, -68.8, 105],
      ['09-09T06:00', 20.5, -70.8, 100],
      ['09-10T06:00', 22.5, -74.5, 95],
      ['09-11T06:00', 24.8, -77.5, 90],
    ])
    // the 34 KT line, not the 64 or 50 KT lines, nor the 12 FT SEAS line
    expect(v.track[0]!.r34Nm).toEqual({ ne: 120, se: 90, sw: 60, nw: 100 })
    expect(v.track[6]!.r34Nm).toEqual({ ne: 150, se: 120, sw: 90, nw: 120 })
    // no radii in the extended outlook
    expect(v.track[7]!.r34Nm).toBeNull()
  })

  it('skips the REPEAT line and the past position ("AT 06/0600Z CENTER WAS LOCATED")', () => {
    expect(v.track.filter((p) => p.lat === 15.8)).toHaveLength(1)
    expect(v.track.some((p) => p.lon === -55.7)).toBe(false)
  })
})

describe('Tropical Storm Tomas, advisory 7 (issued 30 Sep, forecasts into October)', () => {
  const v = parsed('tomas')

  it('dates "01/0600Z" in the next month', () => {
    expect(v.issuedAt).toBe(at('2026-09-30T21:00Z'))
    expect(v.track.map((p) => new Date(p.at).toISOString().slice(0, 16))).toEqual([
      '2026-09-30T21:00',
      '2026-10-01T06:00',
      '2026-10-01T18:00',
      '2026-10-02T06:00',
      '2026-10-02T18:00',
      '2026-10-03T18:00',
      '2026-10-04T18:00',
      '2026-10-05T18:00',
    ])
  })

  it('reads a tropical storm, zero quadrants, and a point marked INLAND', () => {
    expect(v.category).toBe('tropical_storm')
    expect(v.track[0]!.r34Nm).toEqual({ ne: 60, se: 40, sw: 0, nw: 40 })
    expect(v.track[7]).toMatchObject({ lat: 15.6, lon: -84, maxWindKt: 50, r34Nm: null })
  })
})

describe('Tropical Depression Nineteen, advisory 3 (CRLF line ends, post-tropical and dissipated points)', () => {
  const v = parsed('nineteen')

  it('reads a depression without 34-kt radii at the centre and stops at DISSIPATED', () => {
    expect(fixture('nineteen')).toContain('\r\n')
    expect(v).toMatchObject({ name: 'Nineteen', category: 'tropical_depression', number: '3' })
    expect(v.track[0]).toMatchObject({ lat: 19.2, lon: -58.9, maxWindKt: 30, r34Nm: null })
    expect(v.track).toHaveLength(5)
    expect(v.track[4]).toMatchObject({ at: at('2026-10-14T00:00Z'), lat: 24, lon: -62.5, maxWindKt: 35 })
  })
})

describe('texts that are not a whole advisory', () => {
  it('without the header, dates the points near `now` and leaves name and category open to the input', () => {
    const text = [
      'HURRICANE CENTER LOCATED NEAR 17.0N  62.0W AT 06/1200Z',
      'MAX SUSTAINED WINDS  70 KT WITH GUSTS TO  85 KT.',
      '34 KT....... 80NE  60SE  40SW  60NW.',
      'FORECAST VALID 07/0000Z 17.8N  64.1W',
      'MAX WIND  75 KT...GUSTS  90 KT.',
      '34 KT... 90NE  70SE  40SW  70NW.',
    ].join('\n')
    const result = parseAdvisory(text, Date.UTC(2026, 8, 6, 13))
    expect(result).toEqual({
      ok: true,
      value: {
        name: null,
        category: 'hurricane_1',
        number: null,
        issuedAt: null,
        track: [
          {
            at: at('2026-09-06T12:00Z'),
            lat: 17,
            lon: -62,
            maxWindKt: 70,
            r34Nm: { ne: 80, se: 60, sw: 40, nw: 60 },
          },
          {
            at: at('2026-09-07T00:00Z'),
            lat: 17.8,
            lon: -64.1,
            maxWindKt: 75,
            r34Nm: { ne: 90, se: 70, sw: 40, nw: 70 },
          },
        ],
      },
    })
  })

  it('lower-case text and southern or eastern hemispheres read as well', () => {
    const result = parseAdvisory(
      'center located near 12.5s 45.0e at 03/0000z\nmax sustained winds 40 kt',
      NOW,
    )
    expect(result.ok && result.value.track[0]).toMatchObject({ lat: -12.5, lon: 45, maxWindKt: 40 })
  })

  it('text without any position is refused with a code', () => {
    expect(parseAdvisory('Paulette is coming, be ready.', NOW)).toEqual({
      ok: false,
      errors: { advisory: { code: 'hrc.advisory.noTrack', params: {} } },
    })
  })

  it('refuses more than 20,000 characters', () => {
    const result = parseAdvisory('x'.repeat(20_001), NOW)
    expect(result).toMatchObject({ ok: false, errors: { advisory: { code: 'hrc.field.tooLong' } } })
  })
})

describe('helpers', () => {
  it('Saffir-Simpson by wind', () => {
    expect([33, 34, 63, 64, 82, 83, 95, 96, 112, 113, 136, 137].map(categoryFromWind)).toEqual([
      'tropical_depression',
      'tropical_storm',
      'tropical_storm',
      'hurricane_1',
      'hurricane_1',
      'hurricane_2',
      'hurricane_2',
      'hurricane_3',
      'hurricane_3',
      'hurricane_4',
      'hurricane_4',
      'hurricane_5',
    ])
  })

  it('a day of the month is the one nearest the reference, across month and year ends', () => {
    expect(resolveDay(1, 6, 0, Date.UTC(2026, 8, 30, 21))).toBe(Date.UTC(2026, 9, 1, 6))
    expect(resolveDay(30, 18, 0, Date.UTC(2026, 9, 1, 3))).toBe(Date.UTC(2026, 8, 30, 18))
    expect(resolveDay(2, 0, 0, Date.UTC(2026, 11, 31, 21))).toBe(Date.UTC(2027, 0, 2, 0))
    expect(resolveDay(32, 0, 0, NOW)).toBeNull()
  })
})
