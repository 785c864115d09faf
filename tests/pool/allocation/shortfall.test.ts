/** The shortfall of a plan: one named case per reason, with what a coordinator reads. */
import { describe, expect, it } from 'vitest'
import { type PlanNeed, plan, shortfallMessages } from '../../../pool/allocation/index.ts'
import type { MatchCandidate } from '../../../pool/matching/index.ts'
import { translatorFor } from '../../../views/i18n/index.ts'
import { ctx, person } from '../matching/fixtures.ts'
import { planNeed } from './fixtures.ts'

const en = translatorFor('en')
const im = (id: string, changes: Partial<MatchCandidate> = {}) => person({ id, name: id, ...changes })
const leave = [{ start: '2026-09-01', end: '2026-09-30', reason: 'leave' as const }]

/** [case, needs, people, the first need's shortfall as read in English]. */
const CASES: [
  string,
  PlanNeed[],
  MatchCandidate[],
  { missing: number; qualified: number; read: string[] },
][] = [
  [
    'nobody holds the role at the level',
    [planNeed({ minLevel: 'senior' })],
    [im('a'), im('b', { roles: [{ role: 'plotter', level: 'senior' }] })],
    { missing: 1, qualified: 0, read: ['nobody in the pool holds this role at this level'] },
  ],
  [
    'all busy',
    [planNeed({ count: 2 })],
    [
      im('a', { unavailable: leave }),
      im('b', { assignments: [{ start: '2026-09-01', end: '2026-09-30', island: 'SE', needId: 'se' }] }),
    ],
    { missing: 2, qualified: 2, read: ['all 2 qualified are busy (deployed or unavailable)'] },
  ],
  [
    'all excluded by language',
    [planNeed({ languages: ['pap'] })],
    [im('a'), im('b'), im('c')],
    { missing: 1, qualified: 3, read: ['all 3 qualified lack a required language'] },
  ],
  [
    'all needed at home',
    [planNeed()],
    [im('a', { base: 'SX' })],
    {
      missing: 1,
      qualified: 1,
      read: ['the only qualified person is needed at home (the incident strikes their island)'],
    },
  ],
  [
    'a mix, most frequent first; a person stopped twice counts twice',
    [planNeed({ count: 3 })],
    [
      im('a', { base: 'SX', unavailable: leave }),
      im('b', { unavailable: leave }),
      im('c', {
        travelDocumentExpiry: '2026-09-01',
        alerts: [{ needId: 'need-saba-im', state: 'unavailable' }],
      }),
      im('d', { declinedNeeds: ['need-saba-im'] }),
    ],
    {
      missing: 3,
      qualified: 4,
      read: [
        '2 of 4 qualified are busy (deployed or unavailable)',
        '1 of 4 qualified is needed at home (the incident strikes their island)',
        '1 of 4 qualified has a travel document or medical fitness expiring',
        '1 of 4 qualified has said not available',
        '1 of 4 qualified was declined by the island',
      ],
    },
  ],
  [
    'all taken by higher-priority needs in this plan',
    [
      planNeed({ id: 'cold', priority: 'normal', phase: 'cold' }),
      planNeed({ id: 'hot', priority: 'urgent' }),
    ],
    [im('a')],
    {
      missing: 1,
      qualified: 1,
      read: ['the only qualified person is planned for more urgent needs in this plan'],
    },
  ],
  [
    'people already on this need count nowhere; one planned here says there are too few',
    [planNeed({ count: 3, filled: 1 })],
    [
      im('a', {
        assignments: [{ start: '2026-09-10', end: '2026-09-24', island: 'SA', needId: 'need-saba-im' }],
      }),
      im('b'),
    ],
    { missing: 1, qualified: 1, read: ['the only qualified person is planned for this need'] },
  ],
]

describe('the shortfall says why', () => {
  it.each(CASES)('%s', (_, needs, people, expected) => {
    const [first] = plan(needs, people, ctx).shortfall
    expect(first).toBeDefined()
    expect({
      missing: first!.missing,
      qualified: first!.qualified,
      read: shortfallMessages(first!).map((m) => en.m(m)),
    }).toEqual(expected)
  })

  it('at equal priority, a person serving the other need counts as taken by it', () => {
    const [a, b] = [planNeed({ id: 'a' }), planNeed({ id: 'b', submittedAt: 1 })]
    const p = plan([a, b], [im('x')], ctx)
    expect(p.shortfall.map((s) => [s.needId, s.reasons])).toEqual([['b', [{ code: 'takenOther', count: 1 }]]])
  })

  it('reads in Dutch and Papiamentu', () => {
    const [first] = plan([planNeed({ languages: ['pap'] })], [im('a'), im('b')], ctx).shortfall
    const [reason] = shortfallMessages(first!)
    expect(translatorFor('nl').m(reason!)).toBe('alle 2 gekwalificeerden missen een vereiste taal')
    expect(translatorFor('pap').m(reason!)).toBe('tur 2 persona kualifiká no ta papia un idioma ku ta rekerí')
  })
})
