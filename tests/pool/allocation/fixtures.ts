/** Small random plans for the properties: a few needs on struck islands, a handful of people, scarce roles. */
import fc from 'fast-check'
import type { PlanNeed } from '../../../pool/allocation/index.ts'
import type { MatchCandidate } from '../../../pool/matching/index.ts'
import { anna, sabaNeed } from '../matching/fixtures.ts'

const ROLES = ['information_manager', 'plotter'] as const
const PERIODS = [
  { start: '2026-09-10', end: '2026-09-24' },
  { start: '2026-09-20', end: '2026-10-04' },
] as const

export const planNeed = (changes: Partial<PlanNeed> = {}): PlanNeed => ({
  ...sabaNeed,
  count: 1,
  filled: 0,
  submittedAt: 0,
  ...changes,
})

const arbNeed = fc.record({
  role: fc.constantFrom(...ROLES),
  island: fc.constantFrom('SA', 'SE', 'CW'),
  minLevel: fc.constantFrom('trainee', 'qualified', 'qualified', 'senior'),
  pap: fc.constantFrom(false, false, false, true),
  period: fc.constantFrom(...PERIODS),
  count: fc.integer({ min: 1, max: 3 }),
  filled: fc.integer({ min: 0, max: 1 }),
  priority: fc.constantFrom('urgent', 'high', 'normal'),
  phase: fc.constantFrom('warm', 'cold'),
  submittedAt: fc.integer({ min: 0, max: 3 }),
})

const arbPerson = fc.record({
  roles: fc.subarray([...ROLES], { minLength: 1 }),
  level: fc.constantFrom('trainee', 'qualified', 'qualified', 'senior'),
  base: fc.constantFrom('NL', 'NL', 'CW', 'BO', 'SA', 'SX'),
  pap: fc.constantFrom(null, 'basic', 'fluent'),
  nl: fc.constantFrom(null, 'working', 'native'),
  busy: fc.constantFrom(null, null, null, ...PERIODS),
  answers: fc.array(fc.constantFrom('available', 'unavailable', 'sent', 'sent', 'expired'), {
    minLength: 6,
    maxLength: 6,
  }),
  deployedDays: fc.integer({ min: 0, max: 60 }),
})

/** Up to `maxNeeds` needs and `maxPeople` people, on Saba, Statia and Curaçao after an incident striking Sint Maarten. */
export const arbPlan = (maxNeeds: number, maxPeople: number) =>
  fc
    .tuple(
      fc.array(arbNeed, { minLength: Math.min(2, maxNeeds), maxLength: maxNeeds }),
      fc.array(arbPerson, { minLength: Math.min(2, maxPeople), maxLength: maxPeople }),
      fc.subarray(['SX', 'SE']),
    )
    .map(([ns, ps, struck]) => {
      const needs: PlanNeed[] = ns.map((n, j) =>
        planNeed({
          id: `n${j}`,
          requestId: `r${j}`,
          island: n.island,
          role: n.role,
          minLevel: n.minLevel,
          languages: n.pap ? ['pap'] : [],
          preferredLanguages: ['nl'],
          period: n.period,
          struckIslands: struck,
          count: n.count,
          filled: n.filled,
          priority: n.priority,
          phase: n.phase,
          submittedAt: n.submittedAt,
        }),
      )
      const people: MatchCandidate[] = ps.map((p, i) => ({
        ...anna,
        id: `f${i}`,
        name: `Person ${String.fromCharCode(65 + (i % 3))}`,
        base: p.base,
        roles: p.roles.map((role) => ({ role, level: p.level })),
        languages: [
          { language: 'en', proficiency: 'fluent' },
          ...(p.pap ? [{ language: 'pap', proficiency: p.pap }] : []),
          ...(p.nl ? [{ language: 'nl', proficiency: p.nl }] : []),
        ],
        unavailable: p.busy ? [{ ...p.busy, reason: 'leave' as const }] : [],
        deployments: p.deployedDays
          ? [
              {
                start: '2026-05-01',
                end: `2026-05-${String(Math.min(p.deployedDays, 31)).padStart(2, '0')}`,
                island: 'SA',
              },
            ]
          : [],
        alerts: p.answers.map((state, j) => ({ needId: `n${j}`, state })),
      }))
      return { needs, people }
    })
