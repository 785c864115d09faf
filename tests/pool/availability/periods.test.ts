/** Availability: period rules, overlap and "free for the whole period", who plans whose, the week grid. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  addDays,
  addUnavailability,
  availabilityGrid,
  type Busy,
  busyDays,
  cellFor,
  freeFor,
  lengthInDays,
  mayPlan,
  overlaps,
  type Period,
  pageOf,
  parsePeriodInput,
  removeUnavailability,
  today,
  type UnavailabilityRecord,
  weeksFrom,
} from '../../../pool/availability/index.ts'
import {
  UNAVAILABILITY_REASONS as SCHEMA_REASONS,
  UNAVAILABILITY_REASONS,
} from '../../../pool/reference/index.ts'
import { actors, NOW } from '../../fixtures/requests.ts'
import { english } from '../../helpers/english.ts'

const TODAY = '2026-09-05'
let seq = 0
const ids = () => `id-${++seq}`

/** Anna's leave: 10 to 20 September, entered by herself. */
const annaLeave: UnavailabilityRecord = {
  id: 'u-leave',
  functionaryId: 'f-anna',
  start: '2026-09-10',
  end: '2026-09-20',
  reason: 'leave',
  note: 'Family visit',
  createdBy: 'u-anna',
  createdAt: NOW,
}
const busy = (functionaryId: string, start: string, end: string): Busy => ({
  functionaryId,
  start,
  end,
  source: 'unavailability',
  reason: 'leave',
})

/** Any period of 1–60 days within two years from 2026-01-01. */
const arbPeriod = fc
  .tuple(fc.integer({ min: 0, max: 730 }), fc.integer({ min: 0, max: 59 }))
  .map(([offset, length]): Period => {
    const start = addDays('2026-01-01', offset)
    return { start, end: addDays(start, length) }
  })

describe('dates', () => {
  it.each([
    [Date.UTC(2026, 8, 6, 3, 59), '2026-09-05'], // 23:59 on the islands
    [Date.UTC(2026, 8, 6, 4, 0), '2026-09-06'],
  ])('today on the islands at %s is %s', (now, day) => {
    expect(today(now)).toBe(day)
  })

  it('adds days across months and leap years', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
    expect(lengthInDays({ start: '2026-09-06', end: '2026-09-06' })).toBe(1)
  })

  it('keeps the schema and the domain on the same reasons', () => {
    expect(UNAVAILABILITY_REASONS).toEqual(SCHEMA_REASONS)
  })
})

describe('parsePeriodInput', () => {
  const body = { start: '2026-09-10', end: '2026-09-20', reason: 'leave', note: ' Family visit ' }

  it('accepts a period and trims the note', () => {
    expect(parsePeriodInput(body, TODAY)).toEqual({
      ok: true,
      value: { start: '2026-09-10', end: '2026-09-20', reason: 'leave', note: 'Family visit' },
    })
  })

  it('takes a one-day period and no note', () => {
    const r = parsePeriodInput({ start: TODAY, end: TODAY, reason: 'training' }, TODAY)
    expect(r).toEqual({ ok: true, value: { start: TODAY, end: TODAY, reason: 'training', note: '' } })
  })

  it.each<[string, Record<string, unknown>, string, string, RegExp]>([
    ['no start', { start: '' }, 'start', 'availability.start.required', /first day/],
    ['no end', { end: undefined }, 'end', 'availability.end.required', /last day/],
    ['an impossible date', { start: '2026-02-30' }, 'start', 'field.date', /YYYY-MM-DD/],
    ['a Dutch date', { end: '20-09-2026' }, 'end', 'field.date', /YYYY-MM-DD/],
    [
      'the end before the start',
      { end: '2026-09-09' },
      'end',
      'field.endBeforeStart',
      /before the first day/,
    ],
    [
      'a period already over',
      { start: '2026-08-01', end: '2026-09-04' },
      'end',
      'availability.over',
      /already over/,
    ],
    ['a period over a year', { end: '2027-09-11' }, 'end', 'availability.tooLong', /366 days/],
    ['an unknown reason', { reason: 'holiday' }, 'reason', 'availability.reason.choose', /reason/],
    ['a note of 501 characters', { note: 'x'.repeat(501) }, 'note', 'field.tooLong', /500/],
  ])('refuses %s', (_, patch, field, code, message) => {
    const r = parsePeriodInput({ ...body, ...patch }, TODAY)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(Object.keys(r.errors)).toEqual([field])
      expect(r.errors[field]!.code).toBe(code)
      expect(english(r.errors[field]!)).toMatch(message)
    }
  })

  it('accepts a note of exactly 500 characters and a period of exactly 366 days', () => {
    expect(parsePeriodInput({ ...body, note: 'x'.repeat(500) }, TODAY).ok).toBe(true)
    expect(parsePeriodInput({ ...body, end: addDays(body.start, 365) }, TODAY).ok).toBe(true)
  })

  it('refuses what is not an object, and never throws on junk (property)', () => {
    expect(parsePeriodInput('leave', TODAY).ok).toBe(false)
    fc.assert(
      fc.property(fc.jsonValue(), (raw) => {
        const r = parsePeriodInput(raw, TODAY)
        if (r.ok) expect(r.value.end >= r.value.start).toBe(true)
      }),
    )
  })
})

describe('overlap and free for the whole period', () => {
  it.each<[string, Period, boolean]>([
    ['the day before', { start: '2026-09-01', end: '2026-09-09' }, false],
    ['touching the first day', { start: '2026-09-01', end: '2026-09-10' }, true],
    ['inside', { start: '2026-09-12', end: '2026-09-13' }, true],
    ['around it', { start: '2026-09-01', end: '2026-09-30' }, true],
    ['touching the last day', { start: '2026-09-20', end: '2026-09-25' }, true],
    ['the day after', { start: '2026-09-21', end: '2026-09-25' }, false],
  ])('%s', (_, p, expected) => {
    expect(overlaps(p, annaLeave)).toBe(expected)
    expect(freeFor(p, [annaLeave])).toBe(!expected)
  })

  it('overlap is symmetric (property)', () => {
    fc.assert(fc.property(arbPeriod, arbPeriod, (a, b) => overlaps(a, b) === overlaps(b, a)))
  })

  it('a period inside an unavailability is never free, and busy every day (property)', () => {
    fc.assert(
      fc.property(arbPeriod, fc.nat(), fc.nat(), (outer, x, y) => {
        const n = lengthInDays(outer)
        const [a, b] = [x % n, y % n].sort((p, q) => p - q) as [number, number]
        const inner = { start: addDays(outer.start, a), end: addDays(outer.start, b) }
        expect(freeFor(inner, [outer])).toBe(false)
        expect(busyDays(inner, [outer])).toBe(lengthInDays(inner))
      }),
    )
  })

  it('free exactly when no busy day falls in the period (property)', () => {
    fc.assert(
      fc.property(arbPeriod, fc.array(arbPeriod, { maxLength: 5 }), (p, list) => {
        expect(freeFor(p, list)).toBe(busyDays(p, list) === 0)
        expect(busyDays(p, list)).toBeLessThanOrEqual(lengthInDays(p))
      }),
    )
  })

  it('counts overlapping busy periods once', () => {
    const week = { start: '2026-09-07', end: '2026-09-13' }
    const list = [
      { start: '2026-09-01', end: '2026-09-08' },
      { start: '2026-09-08', end: '2026-09-09' },
    ]
    expect(busyDays(week, list)).toBe(3)
  })
})

describe('who plans whose availability', () => {
  it.each([
    ['a coordinator, anyone', actors.dutyOfficer, 'f-bob', null],
    ['a functionary, themself', actors.anna, 'f-anna', null],
    ['a functionary, someone else', actors.anna, 'f-bob', 'not_found'],
    ['an island team', actors.sabaTeam, 'f-anna', 'forbidden'],
    ['a dispatcher', actors.usar, 'f-anna', 'forbidden'],
    ['an observer', actors.ministry, 'f-anna', 'forbidden'],
    ['an admin', actors.sysadmin, 'f-anna', 'forbidden'],
  ])('%s', (_, actor, functionaryId, error) => {
    expect(mayPlan(actor, functionaryId)?.error ?? null).toBe(error)
  })

  it('adding records who, what and when on the functionary', () => {
    const input = { start: '2026-09-10', end: '2026-09-20', reason: 'leave' as const, note: 'x' }
    const d = addUnavailability('f-bob', input, actors.dutyOfficer, { now: NOW, newId: ids })
    expect(d.ok).toBe(true)
    if (!d.ok) return
    expect(d.period).toMatchObject({ functionaryId: 'f-bob', ...input, createdBy: 'u-locc', createdAt: NOW })
    expect(d.event).toMatchObject({
      action: 'unavailability.added',
      entity: 'functionary',
      entityId: 'f-bob',
      actorId: 'u-locc',
      actorLabel: 'Duty officer LOCC',
      at: NOW,
      before: null,
      after: { periodId: d.period.id, start: '2026-09-10', end: '2026-09-20', reason: 'leave', note: 'x' },
    })
  })

  it("refuses to add to or remove from someone else's planning", () => {
    const input = { start: '2026-09-10', end: '2026-09-20', reason: 'leave' as const, note: '' }
    expect(addUnavailability('f-bob', input, actors.anna, { now: NOW, newId: ids })).toMatchObject({
      ok: false,
      error: 'not_found',
    })
    expect(
      removeUnavailability({ ...annaLeave, functionaryId: 'f-bob' }, actors.anna, { now: NOW, newId: ids }),
    ).toMatchObject({ ok: false, error: 'not_found' })
    expect(removeUnavailability(annaLeave, actors.sabaTeam, { now: NOW, newId: ids })).toMatchObject({
      ok: false,
      error: 'forbidden',
    })
  })

  it('removing keeps what was removed in the event', () => {
    const d = removeUnavailability(annaLeave, actors.anna, { now: NOW, newId: ids })
    expect(d.ok && d.event).toMatchObject({
      action: 'unavailability.removed',
      entity: 'functionary',
      entityId: 'f-anna',
      before: { periodId: 'u-leave', start: '2026-09-10', end: '2026-09-20', reason: 'leave' },
      after: null,
    })
  })
})

describe('the week grid', () => {
  const weeks = weeksFrom('2026-09-06')
  const members = [
    { id: 'f-c', name: 'Cora', base: 'SA', level: 'trainee' },
    { id: 'f-a', name: 'Anna', base: 'NL', level: 'qualified' },
    { id: 'f-b', name: 'Bob', base: 'SX', level: 'senior' },
  ]

  it('is 8 blocks of 7 days from the given day, without gaps', () => {
    expect(weeks).toHaveLength(8)
    expect(weeks[0]).toEqual({ start: '2026-09-06', end: '2026-09-12' })
    expect(weeks[7]).toEqual({ start: '2026-10-25', end: '2026-10-31' })
    for (let i = 1; i < 8; i++) expect(weeks[i]!.start).toBe(addDays(weeks[i - 1]!.end, 1))
  })

  it('says free, partly (with the free days) or busy per week', () => {
    const list = [busy('f-a', '2026-09-10', '2026-09-20')]
    expect(cellFor(weeks[0]!, list)).toMatchObject({ state: 'partly', freeDays: 4 })
    expect(cellFor(weeks[1]!, list)).toMatchObject({
      state: 'busy',
      freeDays: 0,
      reasons: ['unavailability:leave'],
    })
    expect(cellFor(weeks[2]!, list)).toMatchObject({ state: 'partly', freeDays: 6 })
    expect(cellFor(weeks[3]!, list)).toMatchObject({ state: 'free', freeDays: 7, reasons: [] })
  })

  it('orders senior first, applies busy periods to their own person, and counts who is free', () => {
    const list = [busy('f-a', '2026-09-06', '2026-09-19'), busy('f-b', '2026-09-15', '2026-09-15')]
    const grid = availabilityGrid(members, list, weeks)
    expect(grid.rows.map((r) => r.member.name)).toEqual(['Bob', 'Anna', 'Cora'])
    expect(grid.rows.map((r) => r.cells.slice(0, 3).map((c) => c.state))).toEqual([
      ['free', 'partly', 'free'],
      ['busy', 'busy', 'free'],
      ['free', 'free', 'free'],
    ])
    expect(grid.freeAllWeek.slice(0, 3)).toEqual([2, 1, 3])
  })

  it('a person with a busy day in a week is never counted free in it (property)', () => {
    fc.assert(
      fc.property(fc.array(arbPeriod, { maxLength: 6 }), (periods) => {
        const list = periods.map((p) => ({ ...busy('f-a', p.start, p.end) }))
        const grid = availabilityGrid(members, list, weeks)
        const anna = grid.rows.find((r) => r.member.id === 'f-a')!
        weeks.forEach((w, i) => {
          expect(anna.cells[i]!.state === 'free').toBe(freeFor(w, periods))
          expect(anna.cells[i]!.freeDays).toBe(7 - busyDays(w, periods))
        })
      }),
    )
  })

  it('a page of the grid is that page of the whole grid, and the free counts are those of everyone (property)', () => {
    const people = fc.uniqueArray(
      fc.record({
        id: fc.stringMatching(/^f-[a-z0-9]{1,4}$/),
        name: fc.constantFrom('Anna', 'anna', 'Émile', 'Bob', 'de Vries', 'Zoë'),
        base: fc.constant('SA'),
        level: fc.constantFrom('trainee', 'qualified', 'senior'),
      }),
      { selector: (m) => m.id, maxLength: 12 },
    )
    fc.assert(
      fc.property(
        people,
        fc.array(fc.tuple(fc.nat(11), arbPeriod), { maxLength: 10 }),
        fc.nat(12),
        fc.integer({ min: 1, max: 5 }),
        (members, periods, offset, size) => {
          // busy periods of members and of people no longer among them (another role's, inactive)
          const list = periods.map(([who, p]) => busy(members[who]?.id ?? `gone-${who}`, p.start, p.end))
          const whole = availabilityGrid(members, list, weeks)
          const paged = availabilityGrid(members, list, weeks, { offset, size })
          expect(paged.rows).toEqual(whole.rows.slice(offset, offset + size))
          expect(paged.freeAllWeek).toEqual(
            weeks.map((_, i) => whole.rows.filter((r) => r.cells[i]!.state === 'free').length),
          )
        },
      ),
    )
  })
})

describe('pageOf', () => {
  it.each([
    [0, 1, { page: 1, pages: 1, offset: 0 }],
    [42, 1, { page: 1, pages: 2, offset: 0 }],
    [42, 2, { page: 2, pages: 2, offset: 40 }],
    [42, 9, { page: 2, pages: 2, offset: 40 }],
    [42, -3, { page: 1, pages: 2, offset: 0 }],
    [42, Number.NaN, { page: 1, pages: 2, offset: 0 }],
  ])('%i items, page %s', (total, requested, expected) => {
    expect(pageOf(total, requested, 40)).toMatchObject(expected)
  })
})
