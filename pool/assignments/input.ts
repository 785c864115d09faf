/**
 * Reading a step as posted (JSON, or a form's flat `travel.etd` fields) into a `StepInput`. Shape
 * only: whether the step may be taken, and what it needs, is the machine's to say.
 */
import { isObject, type Raw, type Refusal, refuse } from '../shared/index.ts'
import type { StepInput } from './machine.ts'
import type { AssignmentMessage } from './messages.ts'

const MS = /^\d{12,14}$/
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/

const zoneParts = new Map<string, Intl.DateTimeFormat>()
/** How far `zone`'s clock is ahead of UTC at `at`, in ms. */
function offsetAt(at: number, zone: string): number {
  let f = zoneParts.get(zone)
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    })
    zoneParts.set(zone, f)
  }
  const p: Record<string, number> = {}
  for (const part of f.formatToParts(at)) p[part.type] = Number(part.value)
  return (
    Date.UTC(p.year!, p.month! - 1, p.day!, p.hour!, p.minute!, p.second!) -
    (at - (((at % 1000) + 1000) % 1000))
  )
}

/**
 * A moment as epoch ms: a number, an ISO date-time with its offset, or a form's local date-time
 * (`2026-09-06T14:30`) read on the clock of `zone`. Undefined when it is none of these.
 */
export function readMoment(value: unknown, zone: string): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined
  if (typeof value !== 'string') return undefined
  const v = value.trim()
  if (MS.test(v)) return Number(v)
  if (WITH_OFFSET.test(v)) {
    const at = Date.parse(v)
    return Number.isNaN(at) ? undefined : at
  }
  const m = LOCAL.exec(v)
  if (!m) return undefined
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as number[]
  const wall = Date.UTC(y!, mo! - 1, d!, h!, mi!, s!)
  const check = new Date(wall)
  if (check.getUTCMonth() !== mo! - 1 || check.getUTCDate() !== d! || h! > 23 || mi! > 59) return undefined
  // The wall time minus the zone's offset; asked twice so a change of offset in between is caught.
  const first = wall - offsetAt(wall, zone)
  return wall - offsetAt(first, zone)
}

/** A nested object (JSON) or the flat `prefix.field` keys of a form. */
function part(raw: Raw, prefix: string): Raw | null {
  if (isObject(raw[prefix])) return raw[prefix] as Raw
  const flat: Raw = {}
  for (const [k, v] of Object.entries(raw))
    if (k.startsWith(`${prefix}.`)) flat[k.slice(prefix.length + 1)] = v
  return Object.values(flat).some((v) => v !== undefined && v !== null && v !== '') ? flat : null
}

const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined)

export type ReadStep = { ok: true; input: StepInput } | Refusal<AssignmentMessage>

/** Read a posted step; `zone` is the clock a form's local times are read on (the island's). */
export function readStep(raw: unknown, zone: string): ReadStep {
  const body: Raw = isObject(raw) ? raw : {}
  const fields: Record<string, AssignmentMessage> = {}
  const status = text(body.status)?.trim() ?? ''
  if (!status) fields.status = { code: 'assignment.step.unknown', params: { status: '' } }
  const input: StepInput = { status }
  if (body.reason !== undefined && body.reason !== null) input.reason = text(body.reason) ?? ''

  const v = body.version
  if (v !== undefined && v !== null && v !== '') {
    const n = typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v
    if (typeof n === 'number' && Number.isInteger(n) && n >= 1) input.version = n
    else fields.version = { code: 'assignment.version.invalid', params: {} }
  }

  const travel = part(body, 'travel')
  if (travel) {
    const etd = readMoment(travel.etd, zone)
    const eta = readMoment(travel.eta, zone)
    if (etd === undefined) fields['travel.etd'] = { code: 'assignment.travel.time', params: {} }
    if (eta === undefined) fields['travel.eta'] = { code: 'assignment.travel.time', params: {} }
    input.travel = {
      etd: etd ?? Number.NaN,
      eta: eta ?? Number.NaN,
      transport: text(travel.transport)?.trim() ?? '',
      reference: text(travel.reference) ?? '',
    }
  }
  const confirmed = part(body, 'confirmedBy')
  if (confirmed)
    input.confirmedBy = { channel: text(confirmed.channel)?.trim() ?? '', note: text(confirmed.note) ?? '' }

  if (Object.keys(fields).length)
    return refuse('invalid', { code: 'assignment.step.invalid', params: {} }, fields)
  return { ok: true, input }
}
