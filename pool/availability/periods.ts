/**
 * Who is free when: unavailability periods (input rules, who may plan whose, the audit events) and
 * the week grid of a role. Plain functions of ISO dates; no I/O.
 *
 * "Busy" is any `Busy` period, whatever its source. Today the only source is a declared
 * unavailability; deployments (assignments, the matching issue) will add `source: 'assignment'`
 * rows through the same type, so `freeFor`, `busyDays` and the grid need no change for them.
 */

import { can, inScope } from '../access/index.ts'
import { UNAVAILABILITY_REASONS, type UnavailabilityReason } from '../reference/index.ts'
import { type AuditEvent, auditEvent } from '../shared/audit.ts'
import { isObject, Reader } from '../shared/fields.ts'
import { type Actor, msg, type NamedActor, type Refusal, refuse } from '../shared/index.ts'
import type { AvailabilityFieldMessage, AvailabilityMessage } from './messages.ts'

export { UNAVAILABILITY_REASONS, type UnavailabilityReason }
export const NOTE_MAX = 500
/** Longer absences are a matter for the register (deactivate), not for a period. */
export const PERIOD_MAX_DAYS = 366
export const GRID_WEEKS = 8

/** Dates are ISO `YYYY-MM-DD`, both ends inclusive. */
export interface Period {
  start: string
  end: string
}

export type BusySource = 'unavailability' | 'assignment'

export interface Busy extends Period {
  functionaryId: string
  source: BusySource
  /** The unavailability reason, or what the assignment is for. */
  reason: string
}

export interface UnavailabilityRecord extends Period {
  id: string
  functionaryId: string
  reason: UnavailabilityReason
  note: string
  createdBy: string | null
  createdAt: number
}

export type PeriodInput = Pick<UnavailabilityRecord, 'start' | 'end' | 'reason' | 'note'>

const DAY = 86_400_000

/** Days since 1970-01-01 of an ISO date. */
export const dayNumber = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY
export const fromDayNumber = (n: number): string => new Date(n * DAY).toISOString().slice(0, 10)
export const addDays = (iso: string, days: number): string => fromDayNumber(dayNumber(iso) + days)
export const lengthInDays = (p: Period): number => dayNumber(p.end) - dayNumber(p.start) + 1

/** The calendar date at `now` on the islands' clock (UTC−4 all year). */
export function today(now: number, offsetMinutes = -240): string {
  return new Date(now + offsetMinutes * 60_000).toISOString().slice(0, 10)
}

/** Do two inclusive periods share at least one day? */
export function overlaps(a: Period, b: Period): boolean {
  return a.start <= b.end && b.start <= a.end
}

/** Days of `period` covered by any of `busy` (overlapping periods are counted once). */
export function busyDays(period: Period, busy: readonly Period[]): number {
  const first = dayNumber(period.start)
  const length = lengthInDays(period)
  if (length <= 0) return 0
  const covered = new Uint8Array(length)
  for (const b of busy) {
    if (!overlaps(period, b)) continue
    const from = Math.max(0, dayNumber(b.start) - first)
    const to = Math.min(length - 1, dayNumber(b.end) - first)
    covered.fill(1, from, to + 1)
  }
  return covered.reduce((sum, d) => sum + d, 0)
}

/** Free for the whole period: no busy period touches any of its days. */
export function freeFor(period: Period, busy: readonly Period[]): boolean {
  return !busy.some((b) => overlaps(period, b))
}

export type Parsed =
  | { ok: true; value: PeriodInput }
  | { ok: false; errors: Record<string, AvailabilityFieldMessage> }

/** Validates a period from the form or the API, against the islands' `today`. */
export function parsePeriodInput(raw: unknown, todayIso: string): Parsed {
  if (!isObject(raw)) return { ok: false, errors: { period: msg('availability.notObject') } }
  const errors: Record<string, AvailabilityFieldMessage> = {}
  const r = new Reader<AvailabilityMessage>(raw, '', errors)
  const start = r.date('start', msg('availability.start.required'))
  const end = r.date('end', msg('availability.end.required'))
  const reason = r.oneOf('reason', UNAVAILABILITY_REASONS, msg('availability.reason.choose'))
  const note = r.text('note', NOTE_MAX, null)
  if (start && end) {
    if (end < start) r.fail('end', msg('field.endBeforeStart'))
    else if (end < todayIso) r.fail('end', msg('availability.over'))
    else if (lengthInDays({ start, end }) > PERIOD_MAX_DAYS)
      r.fail('end', msg('availability.tooLong', { max: PERIOD_MAX_DAYS }))
  }
  if (Object.keys(errors).length) return { ok: false, errors }
  return { ok: true, value: { start: start!, end: end!, reason: reason!, note: note ?? '' } }
}

/**
 * May the actor see or plan this functionary's availability? Coordinators: anyone. A functionary:
 * only themself (someone else's is "not found"). Everyone else: forbidden.
 */
export function mayPlan(actor: Actor, functionaryId: string): Refusal<AvailabilityMessage> | null {
  if (can(actor, 'pool:manage')) return null
  if (can(actor, 'profile:own'))
    return inScope(actor, { functionaryId }) ? null : refuse('not_found', msg('availability.notFound'))
  return refuse('forbidden', msg('availability.forbidden'))
}

const audited = (p: UnavailabilityRecord) => ({
  periodId: p.id,
  start: p.start,
  end: p.end,
  reason: p.reason,
  note: p.note,
})

/** A period added to a functionary's planning, and its audit event on the functionary. */
export function addUnavailability(
  functionaryId: string,
  input: PeriodInput,
  actor: NamedActor,
  ctx: { now: number; newId: () => string },
): { ok: true; period: UnavailabilityRecord; event: AuditEvent } | Refusal<AvailabilityMessage> {
  const refusal = mayPlan(actor, functionaryId)
  if (refusal) return refusal
  const period: UnavailabilityRecord = {
    id: ctx.newId(),
    functionaryId,
    ...input,
    createdBy: actor.id,
    createdAt: ctx.now,
  }
  const event = auditEvent(
    { id: actor.id, label: actor.name },
    'unavailability.added',
    'functionary',
    functionaryId,
    { after: audited(period) },
    ctx.now,
    ctx.newId(),
  )
  return { ok: true, period, event }
}

/** A period taken out of the planning: the person's own planning, so it is deleted, with a trace. */
export function removeUnavailability(
  period: UnavailabilityRecord,
  actor: NamedActor,
  ctx: { now: number; newId: () => string },
): { ok: true; event: AuditEvent } | Refusal<AvailabilityMessage> {
  const refusal = mayPlan(actor, period.functionaryId)
  if (refusal) return refusal
  const event = auditEvent(
    { id: actor.id, label: actor.name },
    'unavailability.removed',
    'functionary',
    period.functionaryId,
    { before: audited(period) },
    ctx.now,
    ctx.newId(),
  )
  return { ok: true, event }
}

/** `count` consecutive 7-day blocks from `from`: "the next 8 weeks" starts today, not last Monday. */
export function weeksFrom(from: string, count = GRID_WEEKS): Period[] {
  return Array.from({ length: count }, (_, i) => ({
    start: addDays(from, 7 * i),
    end: addDays(from, 7 * i + 6),
  }))
}

export type CellState = 'free' | 'partly' | 'busy'

export interface Cell {
  state: CellState
  freeDays: number
  /** Why busy, once per source and reason (for a reader who asks "why"). */
  reasons: string[]
}

export function cellFor(week: Period, busy: readonly Busy[]): Cell {
  const hits = busy.filter((b) => overlaps(week, b))
  const taken = busyDays(week, hits)
  const freeDays = lengthInDays(week) - taken
  const state: CellState = taken === 0 ? 'free' : freeDays === 0 ? 'busy' : 'partly'
  return { state, freeDays, reasons: [...new Set(hits.map((b) => `${b.source}:${b.reason}`))] }
}

export interface Member {
  id: string
  name: string
  base: string
  level: string
}

export interface GridRow {
  member: Member
  cells: Cell[]
}

const LEVEL_RANK: Record<string, number> = { senior: 0, qualified: 1, trainee: 2 }

/**
 * One row per member (senior first, then by name), one cell per week, and per week how many
 * members are free all week: the scarcity at a glance.
 */
/**
 * `localeCompare`'s order (the runtime's default collation) from one collator built once: a bare
 * `localeCompare` sets up collation on every call, and a role of 700 holders sorts with ~7,000.
 */
const byText = new Intl.Collator().compare

/**
 * The grid of a role's members, senior first then by name: the cells of the rows on one page
 * (`page`; all rows without it), and per week how many of all members are free all week. Only the
 * shown rows and the members with a busy period are worked out: a week is free for everyone else,
 * so the cost follows the page and the leave, not the size of the pool.
 */
export function availabilityGrid(
  members: readonly Member[],
  busy: readonly Busy[],
  weeks: readonly Period[],
  page?: { offset: number; size: number },
): { rows: GridRow[]; freeAllWeek: number[] } {
  const byPerson = new Map<string, Busy[]>()
  for (const b of busy) {
    const list = byPerson.get(b.functionaryId)
    if (list) list.push(b)
    else byPerson.set(b.functionaryId, [b])
  }
  const sorted = [...members].sort(
    (a, b) =>
      (LEVEL_RANK[a.level] ?? 9) - (LEVEL_RANK[b.level] ?? 9) || byText(a.name, b.name) || byText(a.id, b.id),
  )
  const shown = page ? sorted.slice(page.offset, page.offset + page.size) : sorted
  const rows = shown.map((member) => ({
    member,
    cells: weeks.map((w) => cellFor(w, byPerson.get(member.id) ?? [])),
  }))
  const freeAllWeek = weeks.map(() => members.length)
  for (const member of members) {
    const own = byPerson.get(member.id)
    if (!own) continue
    weeks.forEach((w, i) => {
      if (cellFor(w, own).state !== 'free') freeAllWeek[i]!--
    })
  }
  return { rows, freeAllWeek }
}

/** Page `requested` (1-based, clamped) of `total` items, `size` per page. */
export function pageOf(total: number, requested: number, size: number) {
  const pages = Math.max(1, Math.ceil(total / size))
  const page = Math.min(pages, Math.max(1, Number.isInteger(requested) ? requested : 1))
  return { page, pages, offset: (page - 1) * size, size }
}
