/** One validator for a request as typed in the HTML form or posted to the JSON API: one message code per field. */
import { blank, isObject, type Raw, Reader } from '../shared/fields.ts'
import { msg } from '../shared/message.ts'

export { isIsoDate } from '../shared/fields.ts'

import { LEVELS, type Level, PHASES, type Phase, PRIORITIES, type Priority } from '../reference/codes.ts'
import type { Actor } from '../shared/actor.ts'
import type { RequestFieldMessage, RequestMessage } from './messages.ts'
import { EDITABLE_FIELDS, type NeedInput } from './types.ts'

/** The codes that exist now: roles of the catalogue, languages, islands, HRC unit types, open incidents. */
export interface RequestRef {
  roles: readonly string[]
  languages: readonly string[]
  islands: readonly string[]
  unitTypes: readonly string[]
  incidents: readonly string[]
}

/** What a draft gets for a choice left out: the form's own preselection. */
export const REQUEST_DEFAULTS = { phase: 'warm', priority: 'high' } as const satisfies {
  phase: Phase
  priority: Priority
}

/**
 * A request as typed. A draft needs only its title: the situation, the period and the
 * contact may still be empty (`''`, a period not yet given), and are asked for when it is submitted
 * (machine.ts, readyToSubmit). What is given is checked now.
 */
export interface RequestInput {
  island: string
  onBehalf: boolean
  title: string
  situation: string
  phase: Phase
  priority: Priority
  periodStart: string
  periodEnd: string
  incidentId: string | null
  contact: string
  needs: NeedInput[]
}

export type Errors = Record<string, RequestFieldMessage>
export type ParseResult = { ok: true; value: RequestInput } | { ok: false; errors: Errors }

export const INPUT_LIMITS = {
  title: 200,
  situation: 5000,
  notes: 2000,
  contact: 500,
  description: 500,
  count: 500,
  needs: 50,
} as const

function parseNeed(
  raw: unknown,
  i: number,
  period: { start?: string | null; end?: string | null },
  ref: RequestRef,
  errors: Errors,
): NeedInput | undefined {
  const key = `needs.${i}`
  if (!isObject(raw)) {
    errors[key] = msg('requests.need.notObject')
    return undefined
  }
  const r = new Reader<RequestMessage>(raw, `${key}.`, errors)
  const id = typeof raw.id === 'string' && raw.id.trim() ? raw.id.trim() : undefined
  const kind = r.oneOf('kind', ['functionary', 'capacity', 'other'], msg('requests.need.kind'))
  if (kind === 'other') {
    const description = r.text('description', INPUT_LIMITS.description, msg('requests.need.description'))
    const quantity = r.count(
      'quantity',
      INPUT_LIMITS.count,
      msg('requests.need.quantity', { max: INPUT_LIMITS.count }),
    )
    if (description === undefined || quantity === undefined) return undefined
    return { ...(id ? { id } : {}), kind, description, quantity }
  }
  if (kind === 'capacity') {
    const unitType = r.code('unitType', ref.unitTypes, msg('requests.need.unitType'), (value) =>
      msg('requests.need.unknownUnitType', { value }),
    )
    const count = r.count(
      'count',
      INPUT_LIMITS.count,
      msg('requests.need.countUnits', { max: INPUT_LIMITS.count }),
    )
    const notes = r.text('notes', INPUT_LIMITS.notes, null)
    if (unitType === undefined || count === undefined || notes === undefined) return undefined
    return { ...(id ? { id } : {}), kind, unitType, count, notes }
  }
  if (kind !== 'functionary') return undefined
  const role = r.code('role', ref.roles, msg('requests.need.role'), (value) =>
    msg('requests.need.unknownRole', { value }),
  )
  const count = r.count(
    'count',
    INPUT_LIMITS.count,
    msg('requests.need.countPeople', { max: INPUT_LIMITS.count }),
  )
  const minLevel = r.oneOf<Level>('minLevel', LEVELS, msg('requests.need.minLevel'))
  const languages = r.codes('languages', ref.languages, 'language')
  const preferred = r.codes('preferredLanguages', ref.languages, 'language')
  const remoteOk = r.flag('remoteOk')
  const periodStart = r.date('periodStart', null)
  const periodEnd = r.date('periodEnd', null)
  const notes = r.text('notes', INPUT_LIMITS.notes, null)
  if (periodStart !== undefined && periodEnd !== undefined && period.start && period.end) {
    const start = periodStart ?? period.start
    const end = periodEnd ?? period.end
    if (end < start) r.fail('periodEnd', msg('field.endBeforeStart'))
    else if (start < period.start || end > period.end)
      r.fail(
        periodStart && start < period.start ? 'periodStart' : 'periodEnd',
        msg('requests.need.outsidePeriod', { start: period.start, end: period.end }),
      )
  }
  const values = [role, count, minLevel, languages, preferred, remoteOk, periodStart, periodEnd, notes]
  if (values.includes(undefined) || errors[`${key}.periodStart`] || errors[`${key}.periodEnd`])
    return undefined
  return {
    ...(id ? { id } : {}),
    kind,
    role: role!,
    count: count!,
    minLevel: minLevel!,
    languages: languages!,
    // A required language is not also a preference.
    preferredLanguages: preferred!.filter((c) => !languages!.includes(c)),
    remoteOk: remoteOk!,
    periodStart: periodStart ?? null,
    periodEnd: periodEnd ?? null,
    notes: notes!,
  }
}

/** Whose island: an island user's own, always; a coordinator names one and files on its behalf. */
function parseIsland(
  raw: Raw,
  ref: RequestRef,
  actor: Actor,
  r: Reader<RequestMessage>,
): { island?: string; onBehalf: boolean } {
  if (actor.role === 'island') {
    if (!blank(raw.island) && raw.island !== actor.island)
      return { island: r.fail('island', msg('requests.island.ownOnly')), onBehalf: false }
    return { island: actor.island ?? r.fail('island', msg('requests.island.notLinked')), onBehalf: false }
  }
  if (actor.role === 'coordinator')
    return {
      island: r.code('island', ref.islands, msg('requests.island.choose'), (value) =>
        msg('requests.island.unknown', { value }),
      ),
      onBehalf: true,
    }
  return { island: r.fail('island', msg('requests.island.notAllowed')), onBehalf: false }
}

/** Validate a request from either door; `actor.contact` prefills an empty contact. */
export function parseRequestInput(
  raw: unknown,
  ref: RequestRef,
  actor: Actor & { contact?: string },
): ParseResult {
  if (!isObject(raw)) return { ok: false, errors: { request: msg('requests.notObject') } }
  const errors: Errors = {}
  const r = new Reader<RequestMessage>(raw, '', errors)
  const { island, onBehalf } = parseIsland(raw, ref, actor, r)
  const title = r.text('title', INPUT_LIMITS.title, msg('requests.title.required'))
  const situation = r.text('situation', INPUT_LIMITS.situation, null)
  const phase = blank(raw.phase)
    ? REQUEST_DEFAULTS.phase
    : r.oneOf<Phase>('phase', PHASES, msg('requests.phase.choose'))
  const priority = blank(raw.priority)
    ? REQUEST_DEFAULTS.priority
    : r.oneOf<Priority>('priority', PRIORITIES, msg('requests.priority.choose'))
  const periodStart = r.date('periodStart', null)
  const periodEnd = r.date('periodEnd', null)
  if (periodStart && periodEnd && periodEnd < periodStart) r.fail('periodEnd', msg('field.endBeforeStart'))
  const incident = msg('requests.incident.choose')
  const incidentId = blank(raw.incidentId)
    ? null
    : r.code('incidentId', ref.incidents, incident, () => incident)
  const typed = r.text('contact', INPUT_LIMITS.contact, null)
  const contact = typed || (actor.contact ?? '').trim()

  const needs: NeedInput[] = []
  const rawNeeds = raw.needs ?? []
  if (!Array.isArray(rawNeeds)) r.fail('needs', msg('requests.needs.notList'))
  else if (rawNeeds.length > INPUT_LIMITS.needs)
    r.fail('needs', msg('requests.needs.tooMany', { max: INPUT_LIMITS.needs }))
  else {
    const period = errors.periodEnd ? {} : { start: periodStart, end: periodEnd }
    rawNeeds.forEach((item, i) => {
      const need = parseNeed(item, i, period, ref, errors)
      if (need) needs.push(need)
    })
  }

  if (Object.keys(errors).length) return { ok: false, errors }
  return {
    ok: true,
    value: {
      island: island!,
      onBehalf,
      title: title!,
      situation: situation!,
      phase: phase!,
      priority: priority!,
      periodStart: periodStart ?? '',
      periodEnd: periodEnd ?? '',
      incidentId: incidentId ?? null,
      contact,
      needs,
    },
  }
}

const SCALARS = ['island', ...EDITABLE_FIELDS]
const LISTS = new Set(['languages', 'preferredLanguages'])
const NEED_FIELD = /^needs\[(\d{1,4})\]\[(\w+)\](\[\])?$/

/** What a need row of the form holds before anyone types in it (the form presets them). */
export const NEED_ROW_PRESETS = { count: '1', quantity: '1', minLevel: 'qualified' } as const

/**
 * The kind of a need row of the form, or null for a row left blank. The form offers blank rows so
 * that a whole request is filed in one post, and the first comes with "functionary"
 * chosen: a row whose fields are all empty or as preset is no need, whatever kind is ticked. Else
 * the kind chosen; without a choice, the one its first telling field gives away (a browser that
 * cannot hide the other kinds' fields shows them all). The form's re-render skips the same rows.
 */
export function rowKind(row: Readonly<Record<string, unknown>>): string | null {
  const given = (v: unknown) => (Array.isArray(v) ? v.find((x) => !blank(x)) : v)
  const filled = (v: unknown) => !blank(given(v))
  const typed = Object.entries(row).some(
    ([field, value]) =>
      field !== 'kind' &&
      field !== 'id' &&
      filled(value) &&
      given(value) !== NEED_ROW_PRESETS[field as keyof typeof NEED_ROW_PRESETS],
  )
  if (!typed && !filled(row.id)) return null
  if (filled(row.kind)) return String(given(row.kind))
  if (filled(row.role)) return 'functionary'
  if (filled(row.unitType)) return 'capacity'
  if (filled(row.description)) return 'other'
  return null
}

/**
 * Flat form fields (`needs[0][role]`, `needs[0][languages]` repeated) into the JSON shape, so that the
 * HTML form and the API share `parseRequestInput`. Blank rows are dropped (see rowKind) and the rest
 * renumbered in order, so a removed or blank row leaves no gap and error keys (`needs.1.role`) match
 * the rows as they are shown again. An unticked checkbox sends nothing: a row without `remoteOk`
 * means false.
 */
export function formToRequestInput(fields: Record<string, string | string[]>): Record<string, unknown> {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)
  const out: Record<string, unknown> = {}
  for (const key of SCALARS) if (fields[key] !== undefined) out[key] = first(fields[key])
  const rows = new Map<number, Record<string, unknown>>()
  for (const [key, value] of Object.entries(fields)) {
    const m = NEED_FIELD.exec(key)
    if (!m) continue
    const index = Number(m[1])
    const field = m[2]!
    const row = rows.get(index) ?? {}
    rows.set(index, row)
    const values = (Array.isArray(value) ? value : [value]).filter((v) => v !== '')
    if (LISTS.has(field)) row[field] = [...((row[field] as string[]) ?? []), ...values]
    // A hidden "false" before the checkbox is a common way to send unticked: any ticked value wins.
    else if (field === 'remoteOk') row[field] = values.some((v) => v === 'on' || v === 'true' || v === '1')
    else row[field] = first(value)
  }
  out.needs = [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .flatMap(([, row]) => {
      const kind = rowKind(row)
      if (kind === null) return []
      return [kind === 'functionary' ? { remoteOk: false, ...row, kind } : { ...row, kind }]
    })
  return out
}
