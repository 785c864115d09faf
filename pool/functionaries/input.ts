/** A pool member's fields and input rules, and which of them a functionary may change themself. */

import { LEVELS, type Level, PROFICIENCIES, type Proficiency } from '../reference/index.ts'
import { blank, isObject, type Raw, Reader } from '../shared/fields.ts'
import { msg } from '../shared/message.ts'
import type { FunctionaryFieldMessage, FunctionaryMessage } from './messages.ts'

/** A language given without a proficiency keeps the one on record, or gets this one. */
export const DEFAULT_PROFICIENCY: Proficiency = 'working'

export interface RoleLevel {
  role: string
  level: Level
}
export interface LanguageSkill {
  language: string
  proficiency: Proficiency
}

/** Everything a coordinator types about a person; roles and languages sorted by code. */
export interface FunctionaryFields {
  name: string
  email: string
  phone: string
  base: string
  organisation: string
  roles: RoleLevel[]
  languages: LanguageSkill[]
  remoteCapable: boolean
  travelDocumentExpiry: string | null
  medicalFitnessExpiry: string | null
  notes: string
}

export interface FunctionaryRecord extends FunctionaryFields {
  id: string
  active: boolean
  version: number
}

/** The codes that exist now. */
export interface FunctionaryRef {
  bases: readonly string[]
  roles: readonly string[]
  languages: readonly string[]
}

export type Errors = Record<string, FunctionaryFieldMessage>
export type FieldsParse = { ok: true; value: FunctionaryFields } | { ok: false; errors: Errors }

// biome-ignore format: the fields read best as one list
export const FIELDS = ['name', 'email', 'phone', 'base', 'organisation', 'roles', 'languages', 'remoteCapable',
  'travelDocumentExpiry', 'medicalFitnessExpiry', 'notes'] as const satisfies readonly (keyof FunctionaryFields)[]

/** What a functionary keeps up themself: contact, languages, documents. Roles and levels are the coordinators'. */
// biome-ignore format: as above
export const SELF_SERVICE_FIELDS = ['phone', 'languages', 'remoteCapable', 'travelDocumentExpiry',
  'medicalFitnessExpiry'] as const satisfies readonly (keyof FunctionaryFields)[]

export const LIMITS = { name: 200, email: 254, phone: 50, organisation: 200, notes: 2000 } as const
const EMAIL = /^[^\s@<>(),;:"[\]]+@[^\s@<>(),;:"[\]]+\.[^\s@<>(),;:"[\]]{2,}$/

const byRole = (a: RoleLevel, b: RoleLevel) => a.role.localeCompare(b.role)
const byLanguage = (a: LanguageSkill, b: LanguageSkill) => a.language.localeCompare(b.language)

/** `["information_manager:senior"]`, `"a:senior|b:qualified"` or `[{role, level}]`, as CSV, form and API send them. */
function items(v: unknown): unknown[] | null {
  if (blank(v)) return []
  if (typeof v === 'string') return v.split(/[,|]/).filter((s) => s.trim() !== '')
  return Array.isArray(v) ? v : null
}

function pair(item: unknown, a: string, b: string): [string, string | undefined] | null {
  if (typeof item === 'string') {
    const [code, level, ...rest] = item.split(':').map((s) => s.trim())
    return rest.length ? null : [code ?? '', level || undefined]
  }
  if (!isObject(item) || typeof item[a] !== 'string') return null
  const second = item[b]
  return [String(item[a]).trim(), blank(second) ? undefined : String(second).trim()]
}

function parseRoles(v: unknown, ref: FunctionaryRef, errors: Errors): RoleLevel[] {
  const list = items(v)
  if (list === null) return fail(errors, 'roles', msg('functionaries.roles.notList'))
  const out: RoleLevel[] = []
  for (const item of list) {
    const p = pair(item, 'role', 'level')
    if (!p) return fail(errors, 'roles', msg('functionaries.roles.format'))
    const [role, level] = p
    if (!ref.roles.includes(role)) return fail(errors, 'roles', msg('functionaries.roles.unknown', { role }))
    if (!level) return fail(errors, 'roles', msg('functionaries.roles.noLevel', { role }))
    if (!(LEVELS as readonly string[]).includes(level))
      return fail(errors, 'roles', msg('functionaries.roles.badLevel', { role, level }))
    if (out.some((r) => r.role === role))
      return fail(errors, 'roles', msg('functionaries.roles.twice', { role }))
    out.push({ role, level: level as Level })
  }
  if (out.length === 0) return fail(errors, 'roles', msg('functionaries.roles.none'))
  return out.sort(byRole)
}

function parseLanguages(
  v: unknown,
  ref: FunctionaryRef,
  previous: readonly LanguageSkill[],
  errors: Errors,
): LanguageSkill[] {
  const list = items(v)
  if (list === null) return fail(errors, 'languages', msg('functionaries.languages.notList'))
  const out: LanguageSkill[] = []
  for (const item of list) {
    const p = pair(item, 'language', 'proficiency')
    if (!p) return fail(errors, 'languages', msg('functionaries.languages.format'))
    const [language, proficiency] = p
    if (!ref.languages.includes(language))
      return fail(errors, 'languages', msg('functionaries.languages.unknown', { language }))
    if (proficiency && !(PROFICIENCIES as readonly string[]).includes(proficiency))
      return fail(
        errors,
        'languages',
        msg('functionaries.languages.badProficiency', { language, proficiency }),
      )
    if (out.some((l) => l.language === language))
      return fail(errors, 'languages', msg('functionaries.languages.twice', { language }))
    const kept = previous.find((l) => l.language === language)?.proficiency
    out.push({ language, proficiency: (proficiency as Proficiency) ?? kept ?? DEFAULT_PROFICIENCY })
  }
  return out.sort(byLanguage)
}

function fail(errors: Errors, field: string, message: FunctionaryMessage): never[] {
  errors[field] ??= message
  return []
}

/**
 * Validates a whole person from the form, the API or a CSV row. `previous` is the person as
 * stored, when there is one: a language without a proficiency keeps the one on record.
 */
export function parseFunctionaryInput(
  raw: unknown,
  ref: FunctionaryRef,
  previous?: FunctionaryFields,
): FieldsParse {
  if (!isObject(raw)) return { ok: false, errors: { name: msg('functionaries.notObject') } }
  const errors: Errors = {}
  const r = new Reader<FunctionaryMessage>(raw, '', errors)
  const name = r.text('name', LIMITS.name, msg('functionaries.name.required'))
  let email = r.text('email', LIMITS.email, msg('functionaries.email.required'))?.toLowerCase()
  if (email && !EMAIL.test(email)) email = r.fail('email', msg('functionaries.email.invalid', { email }))
  const phone = r.text('phone', LIMITS.phone, null)
  if (phone && !/^[+0-9 ()./-]+$/.test(phone)) r.fail('phone', msg('functionaries.phone.invalid'))
  const base = r.code('base', ref.bases, msg('functionaries.base.required'), (value) =>
    msg('functionaries.base.unknown', { value }),
  )
  const organisation = r.text('organisation', LIMITS.organisation, null)
  const roles = parseRoles(raw.roles, ref, errors)
  const languages = parseLanguages(raw.languages, ref, previous?.languages ?? [], errors)
  const remoteCapable = r.flag('remoteCapable')
  const travelDocumentExpiry = r.date('travelDocumentExpiry', null)
  const medicalFitnessExpiry = r.date('medicalFitnessExpiry', null)
  const notes = r.text('notes', LIMITS.notes, null)
  if (Object.keys(errors).length) return { ok: false, errors }
  return {
    ok: true,
    value: {
      name: name!,
      email: email!,
      phone: phone ?? '',
      base: base!,
      organisation: organisation ?? '',
      roles,
      languages,
      remoteCapable: remoteCapable!,
      travelDocumentExpiry: travelDocumentExpiry ?? null,
      medicalFitnessExpiry: medicalFitnessExpiry ?? null,
      notes: notes ?? '',
    },
  }
}

/** The posted form (`roles[code]=level`, `languages[code]=proficiency`, a ticked box) as parser input. */
export function formToInput(form: Record<string, string | string[]>): Raw {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v)
  const out: Raw = { roles: [], languages: [], remoteCapable: false }
  for (const [key, value] of Object.entries(form)) {
    const v = first(value) ?? ''
    const m = /^(roles|languages)\[([a-z_]{1,60})\]$/.exec(key)
    if (m) {
      if (v === '') continue
      const item = m[1] === 'roles' ? { role: m[2], level: v } : { language: m[2], proficiency: v }
      ;(out[m[1]!] as unknown[]).push(item)
    } else if (key === 'remoteCapable')
      out.remoteCapable = [value].flat().some((x) => x === 'on' || x === '1')
    else if ((FIELDS as readonly string[]).includes(key)) out[key] = v
  }
  return out
}

/** Fields whose values differ, compared in their canonical (sorted) form. */
export function changedFields(
  before: FunctionaryFields,
  after: FunctionaryFields,
): (keyof FunctionaryFields)[] {
  return FIELDS.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
}

export function fieldsOf(r: FunctionaryFields): FunctionaryFields {
  const out = {} as Record<string, unknown>
  for (const k of FIELDS) out[k] = r[k]
  return out as unknown as FunctionaryFields
}
