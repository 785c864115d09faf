/** Matching's hard rules: one table row per rule, with the reason as the coordinator reads it; all failing rules are given. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { eligibility, type MatchCandidate, type MatchNeed, passes } from '../../../pool/matching/index.ts'
import { translatorFor } from '../../../views/i18n/index.ts'
import { anna, need, person, sabaNeed } from './fixtures.ts'

const en = translatorFor('en')
const nl = translatorFor('nl')
const pap = translatorFor('pap')

const deployed = { start: '2026-09-01', end: '2026-09-20', island: 'SE', needId: 'need-statia' }

/** [rule, the person, the need, the code, what an English-reading coordinator reads]. */
const RULES: [string, MatchCandidate, MatchNeed, string, string][] = [
  ['inactive', person({ active: false }), sabaNeed, 'matching.excluded.inactive', 'inactive in the pool'],
  [
    'lacks the role',
    person({ roles: [{ role: 'plotter', level: 'senior' }] }),
    sabaNeed,
    'matching.excluded.role',
    'lacks the role Information manager',
  ],
  [
    'level below the minimum',
    person({ roles: [{ role: 'information_manager', level: 'trainee' }] }),
    sabaNeed,
    'matching.excluded.level',
    'level trainee, need asks qualified',
  ],
  [
    'lacks a required language',
    anna,
    need({ languages: ['en', 'pap'] }),
    'matching.excluded.languages',
    'no Papiamentu',
  ],
  [
    'lacks two required languages',
    anna,
    need({ languages: ['pap', 'es'] }),
    'matching.excluded.languages',
    'no Papiamentu or Spanish',
  ],
  [
    'speaks a required language below working level',
    person({ languages: [{ language: 'en', proficiency: 'basic' }] }),
    sabaNeed,
    'matching.excluded.languages',
    'not enough English',
  ],
  [
    'on deployment in the period',
    person({ assignments: [deployed] }),
    sabaNeed,
    'matching.excluded.deployed',
    'on deployment to Sint Eustatius until 20 Sep',
  ],
  [
    'already on this need',
    person({ assignments: [{ ...deployed, needId: sabaNeed.id, island: 'SA' }] }),
    sabaNeed,
    'matching.excluded.assigned',
    'already proposed or deployed for this need',
  ],
  [
    'unavailable in the period',
    person({ unavailable: [{ start: '2026-09-20', end: '2026-09-28', reason: 'leave' }] }),
    sabaNeed,
    'matching.excluded.unavailable',
    'on leave 20–28 Sep',
  ],
  [
    'based on an island the incident strikes',
    person({ base: 'SX' }),
    sabaNeed,
    'matching.excluded.home',
    'based on Sint Maarten, struck by the same incident',
  ],
  [
    'travel document expires before the period ends',
    person({ travelDocumentExpiry: '2026-09-20' }),
    sabaNeed,
    'matching.excluded.document',
    'travel document expires 20 Sep 2026',
  ],
  [
    'fitness expires before the period ends',
    person({ fitnessExpiry: '2026-09-03' }),
    sabaNeed,
    'matching.excluded.fitness',
    'medical fitness expires 3 Sep 2026',
  ],
  [
    'said not available for this need',
    person({ alerts: [{ needId: sabaNeed.id, state: 'unavailable' }] }),
    sabaNeed,
    'matching.excluded.saidUnavailable',
    'said not available for this need',
  ],
  [
    'declined by the island for this need',
    person({ declinedNeeds: [sabaNeed.id] }),
    sabaNeed,
    'matching.excluded.declined',
    'declined by the island for this need',
  ],
]

describe('each hard rule excludes with its reason', () => {
  it('Anna fits the Saba need', () => {
    expect(eligibility(sabaNeed, anna)).toEqual({ eligible: true, reasons: [], flags: [] })
  })
  it.each(RULES)('%s', (_, c, n, code, english) => {
    const result = eligibility(n, c)
    expect(result.eligible).toBe(false)
    expect(result.reasons.map((r) => r.code)).toEqual([code])
    expect(en.m(result.reasons[0]!)).toBe(english)
    expect(passes(n, c)).toBe(false)
    // Every reason reads in Dutch and Papiamentu too, not as its code nor as the English.
    for (const t of [nl, pap]) {
      const text = t.m(result.reasons[0]!)
      expect(text).not.toBe(code)
      expect(text).not.toBe(english)
    }
  })
})

describe('edges of the rules', () => {
  it('a period touching the need on its last day conflicts; one ending the day before does not', () => {
    const u = (start: string, end: string) => person({ unavailable: [{ start, end, reason: 'training' }] })
    expect(passes(sabaNeed, u('2026-09-24', '2026-09-30'))).toBe(false)
    expect(passes(sabaNeed, u('2026-09-01', '2026-09-09'))).toBe(true)
    expect(passes(sabaNeed, u('2026-09-25', '2026-09-30'))).toBe(true)
  })
  it('a document valid up to the last day of the period is enough', () => {
    expect(
      passes(sabaNeed, person({ travelDocumentExpiry: '2026-09-24', fitnessExpiry: '2026-09-24' })),
    ).toBe(true)
  })
  it('a higher level than asked qualifies', () => {
    expect(passes(sabaNeed, person({ roles: [{ role: 'information_manager', level: 'senior' }] }))).toBe(true)
  })
  it('a remote-capable person needs no travel document for a need that may be served remotely', () => {
    const c = person({ remoteCapable: true, travelDocumentExpiry: '2026-01-01' })
    expect(passes(need({ remoteOk: true }), c)).toBe(true)
    expect(passes(sabaNeed, c)).toBe(false)
    expect(passes(need({ remoteOk: true }), person({ travelDocumentExpiry: '2026-01-01' }))).toBe(false)
  })
  it('an alert that is sent, expired or answered "available" does not exclude', () => {
    for (const state of ['sent', 'expired', 'available'] as const)
      expect(passes(sabaNeed, person({ alerts: [{ needId: sabaNeed.id, state: state }] }))).toBe(true)
  })
  it('a "not available" answer or a decline for another need does not exclude from this one', () => {
    expect(
      passes(
        sabaNeed,
        person({ alerts: [{ needId: 'other', state: 'unavailable' }], declinedNeeds: ['other'] }),
      ),
    ).toBe(true)
  })
  it('each conflicting period is its own reason, in the order given', () => {
    const c = person({
      unavailable: [
        { start: '2026-09-10', end: '2026-09-12', reason: 'leave' },
        { start: '2026-09-20', end: '2026-09-21', reason: 'island_duty' },
      ],
    })
    expect(eligibility(sabaNeed, c).reasons.map((r) => en.m(r))).toEqual([
      'on leave 10–12 Sep',
      'on duty on own island 20–21 Sep',
    ])
  })
})

describe('local people', () => {
  it('someone based on the requesting island is flagged, not excluded, when the incident spares it', () => {
    const result = eligibility(need({ struckIslands: ['SX'] }), person({ base: 'SA' }))
    expect(result.eligible).toBe(true)
    expect(result.flags.map((f) => en.m(f))).toEqual(['local: may be needed at home'])
  })
  it('… and excluded as needed at home when the incident strikes it', () => {
    const result = eligibility(sabaNeed, person({ base: 'SA' }))
    expect(result.reasons.map((r) => en.m(r))).toEqual(['based on Saba, struck by the same incident'])
  })
  it('a request without an incident excludes nobody as needed at home', () => {
    expect(passes(need({ struckIslands: [] }), person({ base: 'SX' }))).toBe(true)
  })
  it('missing document and fitness dates are flagged, not excluded', () => {
    const result = eligibility(sabaNeed, person({ travelDocumentExpiry: null, fitnessExpiry: null }))
    expect(result.eligible).toBe(true)
    expect(result.flags.map((f) => f.code)).toEqual([
      'matching.flag.noDocumentDate',
      'matching.flag.noFitnessDate',
    ])
  })
})

describe('every failing rule is given, not only the first', () => {
  it('a person failing all rules at once reads every reason, in the rules order', () => {
    const c = person({
      active: false,
      roles: [{ role: 'information_manager', level: 'trainee' }],
      languages: [],
      base: 'SX',
      assignments: [deployed],
      unavailable: [{ start: '2026-09-22', end: '2026-09-30', reason: 'other' }],
      travelDocumentExpiry: '2026-09-01',
      fitnessExpiry: '2026-09-01',
      alerts: [{ needId: sabaNeed.id, state: 'unavailable' }],
      declinedNeeds: [sabaNeed.id],
    })
    expect(eligibility(sabaNeed, c).reasons.map((r) => en.m(r))).toEqual([
      'inactive in the pool',
      'level trainee, need asks qualified',
      'no English',
      'on deployment to Sint Eustatius until 20 Sep',
      'not available 22–30 Sep',
      'based on Sint Maarten, struck by the same incident',
      'travel document expires 1 Sep 2026',
      'medical fitness expires 1 Sep 2026',
      'said not available for this need',
      'declined by the island for this need',
    ])
  })

  it('the fast check and the explained list agree for any combination of the rules', () => {
    const arb = fc.record({
      active: fc.boolean(),
      level: fc.constantFrom('none', 'trainee', 'qualified', 'senior'),
      english: fc.constantFrom('none', 'basic', 'working', 'native'),
      base: fc.constantFrom('NL', 'SA', 'SX', 'CW'),
      busy: fc.boolean(),
      leave: fc.boolean(),
      document: fc.constantFrom(null, '2026-09-01', '2030-01-01'),
      fitness: fc.constantFrom(null, '2026-09-01', '2030-01-01'),
      alert: fc.constantFrom(undefined, 'sent', 'available', 'unavailable', 'expired'),
      declined: fc.boolean(),
      remote: fc.boolean(),
    })
    fc.assert(
      fc.property(arb, fc.boolean(), (a, remoteOk) => {
        const c = person({
          active: a.active,
          roles: a.level === 'none' ? [] : [{ role: 'information_manager', level: a.level }],
          languages: a.english === 'none' ? [] : [{ language: 'en', proficiency: a.english }],
          base: a.base,
          remoteCapable: a.remote,
          assignments: a.busy ? [deployed] : [],
          unavailable: a.leave ? [{ start: '2026-09-24', end: '2026-09-24', reason: 'leave' }] : [],
          travelDocumentExpiry: a.document,
          fitnessExpiry: a.fitness,
          alerts: a.alert ? [{ needId: sabaNeed.id, state: a.alert }] : [],
          declinedNeeds: a.declined ? [sabaNeed.id] : [],
        })
        const n = need({ remoteOk })
        const result = eligibility(n, c)
        expect(passes(n, c)).toBe(result.eligible)
        expect(result.eligible).toBe(result.reasons.length === 0)
        const expected = [
          !a.active,
          a.level === 'none' || a.level === 'trainee',
          a.english === 'none' || a.english === 'basic',
          a.busy,
          a.leave,
          a.base === 'SA' || a.base === 'SX',
          a.document === '2026-09-01' && !(remoteOk && a.remote),
          a.fitness === '2026-09-01',
          a.alert === 'unavailable',
          a.declined,
        ].filter(Boolean).length
        expect(result.reasons).toHaveLength(expected)
      }),
    )
  })
})
