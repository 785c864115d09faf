/** One validator for a request as typed in the HTML form or posted to the JSON API: one plain message per field. */
import { blank, isObject, type Raw, Reader } from '../shared/fields.ts'

export { isIsoDate } from '../shared/fields.ts'

import { LEVELS, type Level, PHASES, type Phase, PRIORITIES, type Priority } from '../reference/codes.ts'
import type { Actor } from '../shared/actor.ts'
import { EDITABLE_FIELDS, type NeedInput } from './types.ts'

/** The codes that exist now: roles of the catalogue, languages, islands, HRC unit types, open incidents. */
export interface RequestRef {
  roles: readonly string[]
  languages: readonly string[]
  islands: readonly string[]
  unitTypes: readonly string[]
  incidents: readonly string[]
}

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

export type Errors = Record<string, string>
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

const COUNT_PEOPLE = `Give how many people: a whole number from 1 to ${INPUT_LIMITS.count}.`
const COUNT_UNITS = `Give how many units: a whole number from 1 to ${INPUT_LIMITS.count}.`

function parseNeed(
  raw: unknown,
  i: number,
  period: { start?: string | null; end?: string | null },
  ref: RequestRef,
  errors: Errors,
): NeedInput | undefined {
  const key = `needs.${i}`
  if (!isObject(raw)) {
    errors[key] = 'Each need must be an object with a kind.'
    return undefined
  }
  const r = new Reader(raw, `${key}.`, errors)
  const id = typeof raw.id === 'string' && raw.id.trim() ? raw.id.trim() : undefined
  const kind = r.oneOf(
    'kind',
    ['functionary', 'capacity', 'other'],
    'Choose a kind of need: functionary, HRC capacity or other.',
  )
  if (kind === 'other') {
    const description = r.text('description', INPUT_LIMITS.description, 'Describe what is needed.')
    const quantity = r.count(
      'quantity',
      INPUT_LIMITS.count,
      `Give a quantity: a whole number from 1 to ${INPUT_LIMITS.count}.`,
    )
    if (description === undefined || quantity === undefined) return undefined
    return { ...(id ? { id } : {}), kind, description, quantity }
  }
  if (kind === 'capacity') {
    const unitType = r.code(
      'unitType',
      ref.unitTypes,
      'Choose an HRC unit type.',
      'Unknown HRC unit type "%s".',
    )
    const count = r.count('count', INPUT_LIMITS.count, COUNT_UNITS)
    const notes = r.text('notes', INPUT_LIMITS.notes, null)
    if (unitType === undefined || count === undefined || notes === undefined) return undefined
    return { ...(id ? { id } : {}), kind, unitType, count, notes }
  }
  if (kind !== 'functionary') return undefined
  const role = r.code('role', ref.roles, 'Choose a role.', 'Unknown role "%s".')
  const count = r.count('count', INPUT_LIMITS.count, COUNT_PEOPLE)
  const minLevel = r.oneOf<Level>(
    'minLevel',
    LEVELS,
    'Choose the minimum level: trainee, qualified or senior.',
  )
  const languages = r.codes('languages', ref.languages, 'language')
  const preferred = r.codes('preferredLanguages', ref.languages, 'language')
  const remoteOk = r.flag('remoteOk')
  const periodStart = r.date('periodStart', null)
  const periodEnd = r.date('periodEnd', null)
  const notes = r.text('notes', INPUT_LIMITS.notes, null)
  if (periodStart !== undefined && periodEnd !== undefined && period.start && period.end) {
    const start = periodStart ?? period.start
    const end = periodEnd ?? period.end
    if (end < start) r.fail('periodEnd', 'The last day cannot be before the first day.')
    else if (start < period.start || end > period.end)
      r.fail(
        periodStart && start < period.start ? 'periodStart' : 'periodEnd',
        `Keep this need within the request's period, ${period.start} to ${period.end}.`,
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
  r: Reader,
): { island?: string; onBehalf: boolean } {
  if (actor.role === 'island') {
    if (!blank(raw.island) && raw.island !== actor.island)
      return { island: r.fail('island', 'You can file requests only for your own island.'), onBehalf: false }
    return {
      island: actor.island ?? r.fail('island', 'Your account is not linked to an island.'),
      onBehalf: false,
    }
  }
  if (actor.role === 'coordinator')
    return {
      island: r.code('island', ref.islands, 'Choose the island this request is for.', 'Unknown island "%s".'),
      onBehalf: true,
    }
  return {
    island: r.fail('island', 'Only island teams and coordinators can file requests.'),
    onBehalf: false,
  }
}

/** Validate a request from either door; `actor.contact` prefills an empty contact. */
export function parseRequestInput(
  raw: unknown,
  ref: RequestRef,
  actor: Actor & { contact?: string },
): ParseResult {
  if (!isObject(raw)) return { ok: false, errors: { request: 'Send the request as an object of fields.' } }
  const errors: Errors = {}
  const r = new Reader(raw, '', errors)
  const { island, onBehalf } = parseIsland(raw, ref, actor, r)
  const title = r.text('title', INPUT_LIMITS.title, 'Give the request a short title.')
  const situation = r.text(
    'situation',
    INPUT_LIMITS.situation,
    "Describe the situation: what happened, and what the island's own capacity cannot cover.",
  )
  const phase = r.oneOf<Phase>('phase', PHASES, 'Choose the phase: warm (response) or cold (preparation).')
  const priority = r.oneOf<Priority>('priority', PRIORITIES, 'Choose the priority: urgent, high or normal.')
  const periodStart = r.date('periodStart', 'Give the first day help is needed.')
  const periodEnd = r.date('periodEnd', 'Give the last day help is needed.')
  if (periodStart && periodEnd && periodEnd < periodStart)
    r.fail('periodEnd', 'The last day cannot be before the first day.')
  const incidentId = blank(raw.incidentId)
    ? null
    : r.code('incidentId', ref.incidents, '', 'Choose an open incident, or none.')
  const typed = r.text('contact', INPUT_LIMITS.contact, null)
  const contact = typed || (actor.contact ?? '').trim()

  const needs: NeedInput[] = []
  const rawNeeds = raw.needs ?? []
  if (!Array.isArray(rawNeeds)) r.fail('needs', 'Give the needs as a list.')
  else if (rawNeeds.length > INPUT_LIMITS.needs)
    r.fail('needs', `A request can hold at most ${INPUT_LIMITS.needs} needs; file a second request for more.`)
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
      periodStart: periodStart!,
      periodEnd: periodEnd!,
      incidentId: incidentId ?? null,
      contact,
      needs,
    },
  }
}

const SCALARS = ['island', ...EDITABLE_FIELDS]
const LISTS = new Set(['languages', 'preferredLanguages'])
const NEED_FIELD = /^needs\[(\d{1,4})\]\[(\w+)\](\[\])?$/

/**
 * Flat form fields (`needs[0][role]`, `needs[0][languages]` repeated) into the JSON shape, so that the
 * HTML form and the API share `parseRequestInput`. Rows are renumbered in order, so a removed row leaves
 * no gap and error keys (`needs.1.role`) match the rows as they are shown again. An unticked checkbox
 * sends nothing: a row without `remoteOk` means false.
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
    .map(([, row]) => (row.kind === 'functionary' ? { remoteOk: false, ...row } : row))
  return out
}
