/** The score: one table per named part, the answer bonus above everything, and the worked example of docs/matching.md. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  dayOf,
  type MatchCandidate,
  type MatchNeed,
  type PARTS,
  rank,
  score,
  scoreParts,
  total,
  WEIGHTS,
} from '../../../pool/matching/index.ts'
import { translatorFor } from '../../../views/i18n/index.ts'
import { anna, ctx, need, person, sabaNeed } from './fixtures.ts'

const part = (p: (typeof PARTS)[number], c: MatchCandidate, n: MatchNeed = sabaNeed) =>
  scoreParts(n, c, ctx)[p]
const spared = need({ struckIslands: [] })

describe('travel: 30 points on the island, falling to 0 at 15 hours door to door', () => {
  it.each([
    ['from the island itself', 'SA', 30],
    ['from Sint Maarten, 120 min', 'SX', 26],
    ['from Curaçao, 420 min', 'CW', 16],
    ['from Aruba, 480 min', 'AW', 14],
    ['from the Netherlands, 810 min', 'NL', 3],
    ['from a base the table lacks', 'XX', 0],
  ])('%s', (_, base, points) => expect(part('travel', person({ base }), spared)).toBe(points))
})

describe('local: 20 points when based there, 5 per earlier deployment there (two counted)', () => {
  const there = { start: '2026-03-01', end: '2026-03-10', island: 'SA' }
  const elsewhere = { ...there, island: 'CW' }
  it.each([
    ['based elsewhere, never there', person(), 0],
    ['based there', person({ base: 'SA' }), 20],
    ['one earlier deployment there', person({ deployments: [there] }), 5],
    ['three earlier deployments there', person({ deployments: [there, there, there] }), 10],
    ['deployments elsewhere', person({ deployments: [elsewhere, elsewhere] }), 0],
    ['based there and two deployments there', person({ base: 'SA', deployments: [there, there] }), 30],
  ])('%s', (_, c, points) => expect(part('local', c, spared)).toBe(points))
})

describe('level: 10 points per level above the minimum', () => {
  const at = (level: 'trainee' | 'qualified' | 'senior') =>
    person({ roles: [{ role: 'information_manager', level }] })
  it.each([
    ['qualified for qualified', at('qualified'), 'qualified', 0],
    ['senior for qualified', at('senior'), 'qualified', 10],
    ['senior for trainee', at('senior'), 'trainee', 20],
    ['trainee for trainee', at('trainee'), 'trainee', 0],
  ] as const)('%s', (_, c, minLevel, points) => expect(part('level', c, need({ minLevel }))).toBe(points))
})

describe('languages: points per preferred language by proficiency, at most 30', () => {
  const speaks = (...l: [string, 'basic' | 'working' | 'fluent' | 'native'][]) =>
    person({
      languages: [
        { language: 'en', proficiency: 'fluent' },
        ...l.map(([language, proficiency]) => ({ language, proficiency })),
      ],
    })
  it.each([
    ['none of the preferred', speaks(), ['nl', 'pap'], 0],
    ['native Dutch', speaks(['nl', 'native']), ['nl', 'pap'], 10],
    ['working Dutch, basic Papiamentu', speaks(['nl', 'working'], ['pap', 'basic']), ['nl', 'pap'], 7],
    ['fluent Papiamentu', speaks(['pap', 'fluent']), ['nl', 'pap'], 8],
    ['a preferred language listed twice counts once', speaks(['nl', 'native']), ['nl', 'nl'], 10],
    [
      'four native languages: capped',
      speaks(['nl', 'native'], ['pap', 'native'], ['es', 'native'], ['fr', 'native']),
      ['nl', 'pap', 'es', 'fr'],
      30,
    ],
  ])('%s', (_, c, preferredLanguages, points) =>
    expect(part('languages', c, need({ preferredLanguages }))).toBe(points),
  )
})

describe('rest: 10 points 90 days after the last deployment ended (or never deployed), linear before', () => {
  it.each([
    ['never deployed', person(), 10],
    ['ended 15 days before the need starts', person({ lastDeploymentEnd: '2026-08-26' }), 1],
    ['ended 45 days before', person({ lastDeploymentEnd: '2026-07-27' }), 5],
    ['ended 200 days before', person({ lastDeploymentEnd: '2026-02-22' }), 10],
    [
      'an active deployment ending 5 days before counts as the last',
      person({
        lastDeploymentEnd: '2025-01-01',
        assignments: [{ start: '2026-08-20', end: '2026-09-05', island: 'SE', needId: 'n-se' }],
      }),
      0,
    ],
  ])('%s', (_, c, points) => expect(part('rest', c)).toBe(points))
})

describe('fairness: 10 points with no days deployed in the last 365, falling to 0 at 90 days', () => {
  const d = (start: string, end: string) => ({ start, end, island: 'CW' })
  it.each([
    ['no deployments', person(), 10],
    ['30 days deployed', person({ deployments: [d('2026-08-01', '2026-08-30')] }), 6],
    [
      'two deployments, 90 days in all',
      person({ deployments: [d('2026-01-01', '2026-02-14'), d('2026-06-01', '2026-07-15')] }),
      0,
    ],
    [
      'only the days inside the 365 count (25 of 61)',
      person({ deployments: [d('2025-08-01', '2025-09-30')] }),
      7,
    ],
  ])('%s', (_, c, points) => expect(part('fairness', c)).toBe(points))
})

describe('answer: said available ranks above everyone who has not', () => {
  it.each([
    ['available', WEIGHTS.ANSWER_BONUS],
    ['sent', 0],
    ['expired', 0],
  ] as const)('%s', (state, points) =>
    expect(part('answer', person({ alerts: [{ needId: sabaNeed.id, state: state }] }))).toBe(points),
  )

  it('the bonus exceeds the most the other parts can add up to', () => {
    const best = person({
      base: 'SA',
      roles: [{ role: 'information_manager', level: 'senior' }],
      languages: ['en', 'nl', 'pap', 'es', 'fr', 'de'].map((language) => ({
        language,
        proficiency: 'native' as const,
      })),
      deployments: [
        { start: '2024-01-01', end: '2024-01-02', island: 'SA' },
        { start: '2024-02-01', end: '2024-02-02', island: 'SA' },
      ],
    })
    const n = need({
      struckIslands: [],
      minLevel: 'trainee',
      preferredLanguages: ['nl', 'pap', 'es', 'fr', 'de'],
    })
    const parts = scoreParts(n, best, ctx)
    expect(parts.answer).toBe(0)
    expect(total(parts)).toBe(WEIGHTS.MAX_WITHOUT_ANSWER)
    expect(WEIGHTS.ANSWER_BONUS).toBeGreaterThan(total(parts))
  })

  it('in any pool, everyone who said available comes before everyone else (property)', () => {
    const arb = fc.record({
      base: fc.constantFrom('NL', 'CW', 'AW', 'BO', 'SA'),
      level: fc.constantFrom('qualified', 'senior'),
      pap: fc.constantFrom(null, 'basic', 'working', 'fluent', 'native'),
      deployedDays: fc.integer({ min: 0, max: 120 }),
      lastEnd: fc.option(fc.integer({ min: 1, max: 400 })),
      alert: fc.constantFrom(undefined, 'sent', 'available', 'expired'),
    })
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 12 }), (specs) => {
        const n = need({ struckIslands: [] })
        const pool = specs.map((s, i) =>
          person({
            id: `f-${i}`,
            name: `Person ${i % 3}`,
            base: s.base,
            roles: [{ role: 'information_manager', level: s.level }],
            languages: [
              { language: 'en', proficiency: 'fluent' },
              ...(s.pap ? [{ language: 'pap', proficiency: s.pap }] : []),
            ],
            deployments: s.deployedDays
              ? [{ start: '2026-01-01', end: day(s.deployedDays - 1), island: 'SA' }]
              : [],
            lastDeploymentEnd: s.lastEnd === null ? null : day(-s.lastEnd),
            alerts: s.alert ? [{ needId: n.id, state: s.alert }] : [],
          }),
        )
        const { eligible } = rank(n, pool, ctx)
        expect(eligible).toHaveLength(pool.length)
        const firstOther = eligible.findIndex((r) => r.alert !== 'available')
        if (firstOther >= 0)
          expect(eligible.slice(firstOther).every((r) => r.alert !== 'available')).toBe(true)
        for (const r of eligible) expect(r.score).toBe(total(r.parts))
        for (let i = 1; i < eligible.length; i++) {
          const [a, b] = [eligible[i - 1]!, eligible[i]!]
          expect(
            a.score > b.score ||
              (a.score === b.score && (a.name < b.name || (a.name === b.name && a.id < b.id))),
          ).toBe(true)
        }
      }),
    )
  })
})

describe('dates', () => {
  it('dayOf counts days since 1970 as Date does, for any date of four centuries', () => {
    fc.assert(
      fc.property(fc.integer({ min: -25_000, max: 120_000 }), (n) => {
        const iso = new Date(n * 86_400_000).toISOString().slice(0, 10)
        expect(dayOf(iso)).toBe(n)
      }),
      { numRuns: 2000 },
    )
  })
})

/** 2026-01-01 plus `n` days. */
function day(n: number): string {
  return new Date(Date.UTC(2026, 0, 1 + n)).toISOString().slice(0, 10)
}

describe('ranking', () => {
  it('equal scores rank by name, then id', () => {
    const pool = [
      person({ id: 'f-2', name: 'Bo' }),
      person({ id: 'f-1', name: 'Bo' }),
      person({ id: 'f-0', name: 'Cas' }),
      person({ id: 'f-9', name: 'Ab' }),
    ]
    expect(rank(sabaNeed, pool, ctx).eligible.map((r) => r.id)).toEqual(['f-9', 'f-1', 'f-2', 'f-0'])
  })
  it('nobody is dropped: everyone is either ranked or excluded with reasons, the excluded as given', () => {
    const pool = [
      person({ id: 'z', name: 'Zoë', active: false }),
      anna,
      person({ id: 'b', name: 'Bram', base: 'SX' }),
    ]
    // Excluded people keep the order they came in: the query gives the pool by name.
    const { eligible, excluded } = rank(sabaNeed, pool, ctx)
    expect(eligible.map((r) => r.id)).toEqual(['f-anna'])
    expect(excluded.map((r) => [r.name, r.reasons.map((m) => m.code)])).toEqual([
      ['Zoë', ['matching.excluded.inactive']],
      ['Bram', ['matching.excluded.home']],
    ])
  })
  it('the score alone equals the sum of the parts', () => {
    expect(score(sabaNeed, anna, ctx)).toBe(total(scoreParts(sabaNeed, anna, ctx)))
  })
})

/** The worked example of docs/matching.md: if this changes, change the document too. */
describe('worked example', () => {
  const carmen = person({
    id: 'f-carmen',
    name: 'Carmen Martis',
    base: 'CW',
    roles: [{ role: 'information_manager', level: 'senior' }],
    languages: [
      { language: 'pap', proficiency: 'native' },
      { language: 'en', proficiency: 'fluent' },
      { language: 'nl', proficiency: 'working' },
    ],
    deployments: [{ start: '2026-03-01', end: '2026-03-20', island: 'SA' }],
    lastDeploymentEnd: '2026-03-20',
    alerts: [{ needId: sabaNeed.id, state: 'available' }],
  })
  const eddy = person({
    id: 'f-eddy',
    name: 'Eddy Thode',
    base: 'BO',
    languages: [
      { language: 'en', proficiency: 'native' },
      { language: 'pap', proficiency: 'working' },
    ],
    deployments: [{ start: '2026-07-12', end: '2026-08-20', island: 'SX' }],
    lastDeploymentEnd: '2026-08-20',
    alerts: [{ needId: sabaNeed.id, state: 'sent' }],
  })
  const femke = person({
    id: 'f-femke',
    name: 'Femke Jansen',
    roles: [{ role: 'information_manager', level: 'trainee' }],
  })
  const bram = person({ id: 'f-bram', name: 'Bram Richardson', base: 'SX' })

  it('ranks Carmen, Anna, Eddy and excludes Bram and Femke with their reasons', () => {
    const { eligible, excluded } = rank(sabaNeed, [anna, bram, carmen, eddy, femke], ctx)

    expect(eligible.map((r) => [r.name, r.score, r.parts])).toEqual([
      [
        'Carmen Martis',
        194,
        { travel: 16, local: 5, level: 10, languages: 15, rest: 10, fairness: 7, answer: 131 },
      ],
      [
        'Anna de Vries',
        33,
        { travel: 3, local: 0, level: 0, languages: 10, rest: 10, fairness: 10, answer: 0 },
      ],
      ['Eddy Thode', 26, { travel: 14, local: 0, level: 0, languages: 5, rest: 2, fairness: 5, answer: 0 }],
    ])
    const en = translatorFor('en')
    expect(excluded.map((r) => [r.name, r.reasons.map((m) => en.m(m))])).toEqual([
      ['Bram Richardson', ['based on Sint Maarten, struck by the same incident']],
      ['Femke Jansen', ['level trainee, need asks qualified']],
    ])
  })
})
