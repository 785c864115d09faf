/** The rules around assignments as tables: overlap and activity, fill, the lowest count, the request's end and close, the answer lock. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  activeOverlap,
  answerLocked,
  closeRefusal,
  countRefusal,
  fill,
  filled,
  isActive,
  minimumCount,
  overlaps,
  requestEndRefusal,
  withdrawsAvailability,
} from '../../../pool/assignments/index.ts'
import { ACTIVE_ASSIGNMENT_STATUSES, ASSIGNMENT_STATUSES } from '../../../pool/reference/index.ts'
import { assignment, other } from './fixtures.ts'

const period = (periodStart: string, periodEnd: string) => ({ periodStart, periodEnd })

describe('overlaps', () => {
  it.each([
    ['same period', ['2026-09-06', '2026-09-20'], ['2026-09-06', '2026-09-20'], true],
    ['inside', ['2026-09-06', '2026-09-20'], ['2026-09-10', '2026-09-12'], true],
    ['around', ['2026-09-10', '2026-09-12'], ['2026-09-06', '2026-09-20'], true],
    ['shares the last day', ['2026-09-06', '2026-09-20'], ['2026-09-20', '2026-09-30'], true],
    ['shares the first day', ['2026-09-20', '2026-09-30'], ['2026-09-06', '2026-09-20'], true],
    ['one day, on the edge', ['2026-09-06', '2026-09-06'], ['2026-09-06', '2026-09-20'], true],
    ['the day after', ['2026-09-06', '2026-09-20'], ['2026-09-21', '2026-09-30'], false],
    ['the day before', ['2026-09-21', '2026-09-30'], ['2026-09-06', '2026-09-20'], false],
    ['across a year', ['2026-12-28', '2027-01-04'], ['2027-01-01', '2027-01-02'], true],
  ] as const)('%s', (_, [as, ae], [bs, be], expected) => {
    expect(overlaps(period(as, ae), period(bs, be))).toBe(expected)
    expect(overlaps(period(bs, be), period(as, ae))).toBe(expected)
  })

  it('agrees with a day-by-day check', () => {
    const day = fc.integer({ min: 0, max: 60 })
    const iso = (n: number) => new Date(Date.UTC(2026, 8, 1 + n)).toISOString().slice(0, 10)
    fc.assert(
      fc.property(day, day, day, day, (a1, a2, b1, b2) => {
        const [as, ae] = [Math.min(a1, a2), Math.max(a1, a2)]
        const [bs, be] = [Math.min(b1, b2), Math.max(b1, b2)]
        let shared = false
        for (let d = as; d <= ae; d++) if (d >= bs && d <= be) shared = true
        expect(overlaps(period(iso(as), iso(ae)), period(iso(bs), iso(be)))).toBe(shared)
      }),
    )
  })
})

describe('what is active', () => {
  const active = new Set(['proposed', 'offered', 'accepted', 'travelling', 'on_site'])
  it.each(ASSIGNMENT_STATUSES)('%s', (status) => {
    expect(isActive(status)).toBe(active.has(status))
    expect((ACTIVE_ASSIGNMENT_STATUSES as readonly string[]).includes(status)).toBe(active.has(status))
  })

  it.each(ASSIGNMENT_STATUSES)(
    'an overlapping %s assignment holds the person only while active',
    (status) => {
      const held = assignment({ status, periodStart: '2026-09-01', periodEnd: '2026-09-10' })
      expect(activeOverlap([held], period('2026-09-10', '2026-09-15'))).toBe(
        active.has(status) ? held : undefined,
      )
      expect(activeOverlap([held], period('2026-09-11', '2026-09-15'))).toBeUndefined()
      expect(activeOverlap([held], period('2026-09-10', '2026-09-15'), held.id)).toBeUndefined()
    },
  )
})

describe("a need's fill", () => {
  const need = { id: 'need-im', count: 3 }
  it.each([
    [[], { filled: 0, offered: 0, proposed: 0, open: 3 }],
    [['proposed', 'offered'], { filled: 0, offered: 1, proposed: 1, open: 3 }],
    [['accepted', 'travelling', 'offered'], { filled: 2, offered: 1, proposed: 0, open: 1 }],
    [['on_site', 'released', 'completed'], { filled: 3, offered: 0, proposed: 0, open: 0 }],
    [['declined', 'cancelled', 'accepted'], { filled: 1, offered: 0, proposed: 0, open: 2 }],
    [['accepted', 'accepted', 'accepted', 'accepted'], { filled: 4, offered: 0, proposed: 0, open: 0 }],
  ] as const)('%j', (statuses, expected) => {
    const list = [
      ...statuses.map((s, i) => other(`p${i}`, s)),
      other('elsewhere', 'accepted', { needId: 'need-x' }),
    ]
    expect(fill(need, list)).toEqual({ count: 3, ...expected })
    expect(filled('need-im', list)).toBe(expected.filled)
  })
})

describe('the lowest count an edit may give a need', () => {
  const list = [
    other('a', 'accepted'),
    other('b', 'on_site'),
    other('c', 'offered'),
    other('d', 'declined'),
    other('e', 'completed', { needId: 'need-x' }),
  ]
  it('counts accepted-or-later people of that need', () => {
    expect(minimumCount('need-im', list)).toBe(2)
    expect(minimumCount('need-x', list)).toBe(1)
    expect(minimumCount('need-none', list)).toBe(0)
  })
  it.each([
    [3, null],
    [2, null],
    [1, 'conflict'],
    [0, 'conflict'],
  ] as const)('to %i: %s', (count, expected) => {
    const r = countRefusal('need-im', count, list)
    expect(r?.error ?? null).toBe(expected)
    if (r) expect(r.message).toEqual({ code: 'assignment.need.belowFilled', params: { count, filled: 2 } })
  })
})

describe('the end of a request', () => {
  it.each(ASSIGNMENT_STATUSES)('with someone %s', (status) => {
    const list = [other('a', status), other('b', 'completed')]
    const onSite = status === 'on_site'
    for (const to of ['withdrawn', 'rejected'] as const) {
      const r = requestEndRefusal(to, list)
      expect(r?.error ?? null).toBe(onSite ? 'conflict' : null)
      if (r) expect(r.message).toEqual({ code: 'assignment.request.onSite', params: { to, count: 1 } })
    }
    const close = closeRefusal(list)
    expect(close?.error ?? null).toBe(isActive(status) ? 'conflict' : null)
    if (close) expect(close.message).toEqual({ code: 'assignment.request.active', params: { count: 1 } })
  })
})

describe('the alert answer by link', () => {
  const locking = new Set(['offered', 'accepted', 'travelling', 'on_site', 'released', 'completed'])
  it.each(ASSIGNMENT_STATUSES)('with an assignment %s for the need', (status) => {
    const list = [assignment({ status })]
    expect(answerLocked('f-anna', 'need-im', list)).toBe(locking.has(status))
    expect(answerLocked('f-anna', 'need-other', list)).toBe(false)
    expect(answerLocked('f-bert', 'need-im', list)).toBe(false)
  })

  it.each([
    ['available', 'unavailable', true],
    ['available', 'available', false],
    ['unavailable', 'available', false],
    [null, 'unavailable', false],
    ['available', null, false],
  ] as const)('%s → %s withdraws availability: %s', (before, after, expected) => {
    expect(withdrawsAvailability(before, after)).toBe(expected)
  })
})
