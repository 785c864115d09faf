/** The plan under scarcity: properties against greedy and against a brute force, and named cases. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { classOf, type Fill, type PlanNeed, plan } from '../../../pool/allocation/index.ts'
import { type MatchCandidate, passes, score } from '../../../pool/matching/index.ts'
import { ctx, person } from '../matching/fixtures.ts'
import { bruteForce } from './brute.ts'
import { isOptimal } from './certificate.ts'
import { arbPlan, planNeed } from './fixtures.ts'

/** Compares class vectors: > 0 when `a` fills more slots of a more pressing class. */
const lexCompare = (a: number[], b: number[]) => {
  for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return a[k]! - b[k]!
  return 0
}

function checkFill(fill: Fill, needs: readonly PlanNeed[], people: readonly MatchCandidate[]) {
  const needOf = new Map(needs.map((n) => [n.id, n]))
  const personOf = new Map(people.map((p) => [p.id, p]))
  const ids = fill.lines.map((l) => l.functionaryId)
  expect(new Set(ids).size).toBe(ids.length) // nobody twice
  for (const line of fill.lines) {
    const n = needOf.get(line.needId)!
    const c = personOf.get(line.functionaryId)!
    expect(passes(n, c)).toBe(true) // only eligible pairs
    expect(line.score).toBe(score(n, c, ctx))
  }
  for (const n of needs) {
    const taken = fill.lines.filter((l) => l.needId === n.id).length
    expect(taken).toBeLessThanOrEqual(Math.max(0, n.count - n.filled))
  }
  expect(fill.filled).toBe(fill.lines.length)
  expect(fill.score).toBe(fill.lines.reduce((s, l) => s + l.score, 0))
  expect(fill.byClass.reduce((s, x) => s + x, 0)).toBe(fill.filled)
}

describe('properties of the plan', () => {
  it('books nobody twice, only eligible pairs, no need beyond its open slots (plan and greedy)', () => {
    fc.assert(
      fc.property(arbPlan(6, 12), ({ needs, people }) => {
        const p = plan(needs, people, ctx)
        checkFill(p, needs, people)
        checkFill(p.greedy, needs, people)
      }),
      { numRuns: 300 },
    )
  })

  it('fills at least as many slots as greedy, more pressing ones first, and at the same fill per class scores at least as much', () => {
    fc.assert(
      fc.property(arbPlan(6, 12), ({ needs, people }) => {
        const p = plan(needs, people, ctx)
        expect(p.filled).toBeGreaterThanOrEqual(p.greedy.filled)
        const order = lexCompare(p.byClass, p.greedy.byClass)
        expect(order).toBeGreaterThanOrEqual(0)
        if (order === 0) expect(p.score).toBeGreaterThanOrEqual(p.greedy.score)
      }),
      { numRuns: 300 },
    )
  })

  it('leaves no slot of a more pressing need empty while someone eligible for it serves a less pressing one', () => {
    fc.assert(
      fc.property(arbPlan(6, 12), ({ needs, people }) => {
        const p = plan(needs, people, ctx)
        const open = new Map(needs.map((n) => [n.id, Math.max(0, n.count - n.filled)]))
        for (const l of p.lines) open.set(l.needId, open.get(l.needId)! - 1)
        const needOf = new Map(needs.map((n) => [n.id, n]))
        for (const l of p.lines) {
          const serving = needOf.get(l.needId)!
          const c = people.find((x) => x.id === l.functionaryId)!
          for (const n of needs) {
            if (open.get(n.id)! > 0 && classOf(n) < classOf(serving)) expect(passes(n, c)).toBe(false)
          }
        }
      }),
      { numRuns: 300 },
    )
  })

  it('is exact: the same slots per class and the same total score as trying every assignment', () => {
    fc.assert(
      fc.property(arbPlan(4, 8), ({ needs, people }) => {
        const p = plan(needs, people, ctx)
        const best = bruteForce(needs, people, ctx)
        expect(p.byClass).toEqual(best.byClass)
        expect(p.score).toBe(best.score)
        // The lexicographic optimum is also a largest fill (the fillable slots form a matroid).
        expect(p.filled).toBe(best.mostSlots)
      }),
      { numRuns: 400 },
    )
  })

  it('is exact on larger cases too: no augmenting path, no improving cycle (optimality certificate)', () => {
    fc.assert(
      fc.property(arbPlan(10, 40), ({ needs, people }) => {
        const p = plan(needs, people, ctx)
        expect(isOptimal(p, needs, people, ctx)).toBe(true)
        expect(isOptimal(p.greedy, needs, people, ctx)).toBe(
          lexCompare(p.greedy.byClass, p.byClass) === 0 && p.greedy.score === p.score,
        )
      }),
      { numRuns: 200 },
    )
  })

  it('gives every need it leaves short at least one reason, each counting at most the qualified people', () => {
    fc.assert(
      fc.property(arbPlan(6, 12), ({ needs, people }) => {
        const p = plan(needs, people, ctx)
        for (const s of p.shortfall) {
          expect(s.missing).toBeGreaterThan(0)
          expect(s.reasons.length).toBeGreaterThan(0)
          if (s.qualified === 0) expect(s.reasons).toEqual([{ code: 'nobodyQualified', count: 0 }])
          else for (const r of s.reasons) expect(r.count).toBeLessThanOrEqual(s.qualified)
        }
        const short = new Set(p.shortfall.map((s) => s.needId))
        for (const n of needs) {
          const open = Math.max(0, n.count - n.filled)
          const taken = p.lines.filter((l) => l.needId === n.id).length
          expect(short.has(n.id)).toBe(taken < open)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('does not depend on the order the people come in', () => {
    fc.assert(
      fc.property(arbPlan(5, 10), fc.integer(), ({ needs, people }, seed) => {
        const shuffled = [...people].sort((a, b) => (((a.id.length * seed) ^ b.id.charCodeAt(1)) % 3) - 1)
        expect(plan(needs, shuffled, ctx)).toEqual(plan(needs, people, ctx))
      }),
      { numRuns: 100 },
    )
  })
})

/** People for the named cases: an information manager from the Netherlands, varied as asked. */
const im = (id: string, changes: Partial<MatchCandidate> = {}) => person({ id, name: id, ...changes })

describe('named cases', () => {
  const saba = planNeed({ id: 'saba', priority: 'urgent', count: 1 })
  const statia = planNeed({ id: 'statia', island: 'SE', priority: 'high', count: 1, submittedAt: 1 })

  it('moves the best person to where only they can serve, where greedy leaves a slot empty', () => {
    // Lars fits both needs; Mila only Saba (she is on leave when Statia needs someone).
    const lars = im('lars', { alerts: [{ needId: 'saba', state: 'available' }] })
    const mila = im('mila', { unavailable: [{ start: '2026-09-25', end: '2026-10-10', reason: 'leave' }] })
    const needs = [saba, { ...statia, period: { start: '2026-09-20', end: '2026-10-04' } }]
    const p = plan(needs, [lars, mila], ctx)
    expect(p.lines.map((l) => [l.needId, l.functionaryId])).toEqual([
      ['saba', 'mila'],
      ['statia', 'lars'],
    ])
    expect(p.greedy.lines.map((l) => [l.needId, l.functionaryId])).toEqual([['saba', 'lars']])
    expect([p.filled, p.greedy.filled]).toEqual([2, 1])
  })

  it('puts priority before score: at the same total fill, greedy may score more, but serves a less urgent need', () => {
    // Saba (urgent) and Statia (high) both need Lars or (for Saba) Mila; Curaçao (normal) only Mila.
    const lars = im('lars', {
      alerts: [{ needId: 'saba', state: 'available' }],
      roles: [{ role: 'information_manager', level: 'qualified' }],
    })
    const mila = im('mila', {
      roles: [
        { role: 'information_manager', level: 'qualified' },
        { role: 'plotter', level: 'qualified' },
      ],
    })
    const statiaOnlyLars = { ...statia, languages: ['nl'] }
    const noLanguage = { ...saba, languages: [] }
    const curacao = planNeed({
      id: 'curacao',
      island: 'CW',
      role: 'plotter',
      priority: 'normal',
      submittedAt: 2,
    })
    const p = plan(
      [noLanguage, statiaOnlyLars, curacao],
      [lars, { ...mila, languages: [{ language: 'en', proficiency: 'fluent' }] }],
      ctx,
    )
    expect(p.filled).toBe(p.greedy.filled)
    expect(p.byClass).toEqual([1, 0, 1, 0, 0, 0])
    expect(p.greedy.byClass).toEqual([1, 0, 0, 0, 1, 0])
    expect(p.score).toBeLessThan(p.greedy.score)
  })

  it('counts the slots already filled: a need of 3 with 2 filled takes one more', () => {
    const need = planNeed({ id: 'saba', count: 3, filled: 2 })
    const p = plan([need], [im('a'), im('b'), im('c')], ctx)
    expect(p.lines.map((l) => l.functionaryId)).toEqual(['a'])
    expect(p.shortfall).toEqual([])
  })

  it('a full or over-full need gets nobody and is not short', () => {
    const p = plan([planNeed({ id: 'saba', count: 1, filled: 2 })], [im('a')], ctx)
    expect(p.lines).toEqual([])
    expect(p.shortfall).toEqual([])
  })

  it('with nobody and nothing, an empty plan', () => {
    const p = plan([], [], ctx)
    expect([p.filled, p.score, p.lines, p.shortfall, p.greedy.filled]).toEqual([0, 0, [], [], 0])
  })
})
