/** HRC units as the dispatcher keeps them: input rules, the code made from the type, creation and edits. */
import { can } from '../access/index.ts'
import {
  BASE_CODES,
  type BaseCode,
  ISLAND_CODES,
  type IslandCode,
  UNIT_TYPES,
  type UnitType,
} from '../reference/index.ts'
import { auditEvent, isObject, type NamedActor, type Refusal, refuse } from '../shared/index.ts'
import { done, type FieldErrors, Fields, type Parsed } from './fields.ts'
import { type HrcMessage, hrcMsg } from './messages.ts'
import type { Leader, UnitRecord } from './types.ts'

export const UNIT_LIMITS = {
  name: 120,
  code: 20,
  people: 500,
  weightKg: 200_000,
  volumeM3: 2_000,
  selfSufficientDays: 60,
  leaderName: 120,
  notes: 2_000,
} as const

/** The prefix of a unit's code by type: `LUSAR-3` is the third light USAR unit. */
export const CODE_PREFIX: Record<UnitType, string> = {
  reconnaissance: 'RECCE',
  light_usar: 'LUSAR',
  logistics: 'LOG',
  water_purification: 'WATER',
  communications: 'COMMS',
  medical: 'MED',
  command_liaison: 'CMD',
  shelter_relief: 'SHELTER',
}

const CODE = /^[A-Z][A-Z0-9-]{1,19}$/

/** The next free code of a type: one above the highest `PREFIX-n` in use (gaps are not refilled, so a code is never reused). */
export function makeUnitCode(type: UnitType, existing: readonly string[]): string {
  const prefix = CODE_PREFIX[type]
  const pattern = new RegExp(`^${prefix}-(\\d+)$`)
  const highest = existing.reduce((max, code) => {
    const m = pattern.exec(code.toUpperCase())
    return m ? Math.max(max, Number(m[1])) : max
  }, 0)
  return `${prefix}-${highest + 1}`
}

export interface UnitInput {
  name: string
  /** Null: made from the type when the unit is created. */
  code: string | null
  type: UnitType
  people: number
  leader: Leader | null
  weightKg: number
  volumeM3: number
  selfSufficientDays: number | null
  base: BaseCode
  location: BaseCode
  islands: IslandCode[]
  notes: string
}

function parseLeader(f: Fields): Leader | null | undefined {
  const l = f.nested('leader')
  if (!l) return f.errors.leader ? undefined : null
  const name = l.text('name', UNIT_LIMITS.leaderName, true)
  const phone = l.phone('phone')
  const email = l.email('email', true)
  if (name === undefined || phone === undefined || email === undefined) return undefined
  return { name, phone, email }
}

/**
 * One validator for a unit typed in a form or posted to the API. With `current` (an edit), a field
 * left out keeps its value; a field sent blank is read as blank.
 */
export function parseUnit(raw: unknown, current?: UnitRecord): Parsed<UnitInput> {
  const errors: FieldErrors = {}
  if (!isObject(raw)) return { ok: false, errors: { '': hrcMsg('hrc.field.object') } }
  const merged = current ? { ...fromRecord(current), ...raw } : raw
  const f = new Fields(merged, '', errors)
  const name = f.text('name', UNIT_LIMITS.name, true)
  const typed = f.text('code', UNIT_LIMITS.code, false)?.toUpperCase()
  const code = typed && !CODE.test(typed) ? f.fail('code', hrcMsg('hrc.unit.codeShape')) : typed || null
  const type = f.code('type', UNIT_TYPES)
  const people = f.number('people', 1, UNIT_LIMITS.people, { whole: true, required: true })
  const leader = parseLeader(f)
  const weightKg = f.number('weightKg', 0, UNIT_LIMITS.weightKg, { required: true })
  const volumeM3 = f.number('volumeM3', 0, UNIT_LIMITS.volumeM3, { required: true })
  const days = f.number('selfSufficientDays', 0, UNIT_LIMITS.selfSufficientDays, {
    whole: true,
    required: false,
  })
  const base = f.code('base', BASE_CODES)
  // Where it is now: its base unless told otherwise (a bad base is one error, not two).
  const location = f.has('location') ? f.code('location', BASE_CODES) : base
  const islands = f.codes('islands', ISLAND_CODES, ISLAND_CODES)
  const notes = f.text('notes', UNIT_LIMITS.notes, false)
  return done(errors, () => ({
    name: name!,
    code: code ?? null,
    type: type!,
    people: people!,
    leader: leader ?? null,
    weightKg: weightKg!,
    volumeM3: volumeM3!,
    selfSufficientDays: days ?? null,
    base: base!,
    location: location!,
    islands: ISLAND_CODES.filter((c) => islands!.includes(c)),
    notes: notes!,
  }))
}

/** A record's editable fields in the shape of input, so an edit can send only what changes. */
function fromRecord(unit: UnitRecord): Record<string, unknown> {
  const { id: _id, readiness: _r, readinessAt: _at, version: _v, ...fields } = unit
  return fields
}

type UnitRefusal = Refusal<HrcMessage>

/** Only the dispatcher keeps units; coordinators and observers read them; others do not see them. */
function keeperRefusal(actor: NamedActor): UnitRefusal | null {
  if (!can(actor, 'hrc:read')) return refuse('not_found', hrcMsg('hrc.unit.notFound'))
  if (!can(actor, 'hrc:manage')) return refuse('forbidden', hrcMsg('hrc.unit.keeperOnly'))
  return null
}

function codeTaken(code: string, existing: readonly string[]): UnitRefusal | null {
  if (!existing.some((c) => c.toUpperCase() === code)) return null
  const fields = { code: hrcMsg('hrc.unit.codeTaken', { code }) }
  return refuse('invalid', fields.code, fields)
}

const EDITABLE = [
  'name',
  'code',
  'type',
  'people',
  'leader',
  'weightKg',
  'volumeM3',
  'selfSufficientDays',
  'base',
  'location',
  'islands',
  'notes',
] as const

/** A new unit on standby. `existingCodes`: the codes in use (the unique index still guards the write). */
export function createUnit(
  input: UnitInput,
  actor: NamedActor,
  ctx: { now: number; newId: () => string; existingCodes: readonly string[] },
): { ok: true; unit: UnitRecord; event: ReturnType<typeof auditEvent> } | UnitRefusal {
  const denied = keeperRefusal(actor)
  if (denied) return denied
  const code = input.code ?? makeUnitCode(input.type, ctx.existingCodes)
  const taken = codeTaken(code, ctx.existingCodes)
  if (taken) return taken
  const unit: UnitRecord = {
    id: ctx.newId(),
    ...input,
    code,
    readiness: 'standby',
    readinessAt: null,
    version: 1,
  }
  const after: Record<string, unknown> = {}
  for (const key of EDITABLE) after[key] = unit[key]
  const event = auditEvent(
    { id: actor.id, label: actor.name },
    'hrc.unit.created',
    'hrc_unit',
    unit.id,
    { after: { ...after, readiness: 'standby' } },
    ctx.now,
    ctx.newId(),
  )
  return { ok: true, unit, event }
}

export type UnitPatch = Partial<UnitInput> & { code?: string; version: number }

/** An edit of a unit's facts (not its readiness: that is the ladder's). Null patch: nothing changed. */
export function editUnit(
  unit: UnitRecord,
  input: UnitInput,
  actor: NamedActor,
  ctx: { now: number; newId: () => string; version?: number; existingCodes: readonly string[] },
): { ok: true; patch: UnitPatch | null; event: ReturnType<typeof auditEvent> | null } | UnitRefusal {
  const denied = keeperRefusal(actor)
  if (denied) return denied
  if (ctx.version !== undefined && ctx.version !== unit.version)
    return refuse('conflict', hrcMsg('hrc.unit.stale', { unit: unit.code }))
  const code = input.code ?? unit.code
  if (code !== unit.code) {
    const taken = codeTaken(code, ctx.existingCodes)
    if (taken) return taken
  }
  const next: Record<string, unknown> = { ...input, code }
  const before: Record<string, unknown> = {}
  const after: Record<string, unknown> = {}
  for (const key of EDITABLE) {
    if (JSON.stringify(unit[key]) === JSON.stringify(next[key])) continue
    before[key] = unit[key]
    after[key] = next[key]
  }
  if (Object.keys(after).length === 0) return { ok: true, patch: null, event: null }
  const patch = { ...after, version: unit.version + 1 } as UnitPatch
  const event = auditEvent(
    { id: actor.id, label: actor.name },
    'hrc.unit.updated',
    'hrc_unit',
    unit.id,
    { before: { code: unit.code, ...before }, after: { code, ...after } },
    ctx.now,
    ctx.newId(),
  )
  return { ok: true, patch, event }
}
