/** Reading untrusted HRC input field by field; each failure is a message code under the field's key (`track.2.lat`). */
import { blank, isObject, type Raw } from '../shared/index.ts'
import { type HrcMessage, hrcMsg } from './messages.ts'

export type FieldErrors = Record<string, HrcMessage>
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors }

/** A number typed in a form ("12,5" as Dutch readers write it) or posted as JSON. */
function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) ? v : undefined
  if (typeof v !== 'string') return undefined
  const s = v.trim().replace(',', '.')
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(s) ? Number(s) : undefined
}

/** "2026-09-06T14:00Z" or with an offset; a time without zone is island time (UTC−4, no summer time). */
export function parseMoment(v: unknown): number | undefined {
  if (typeof v === 'number') return Number.isFinite(v) && v > 0 ? v : undefined
  if (typeof v !== 'string') return undefined
  const m = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/.exec(v.trim())
  if (!m) return undefined
  const zone = m[5] ?? '-04:00'
  const at = Date.parse(`${m[1]}T${m[2]}${m[3] ?? ''}${zone === 'Z' ? 'Z' : zone}`)
  return Number.isNaN(at) ? undefined : at
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/
const PHONE = /^\+?[\d\s().-]{6,24}$/

export class Fields {
  constructor(
    readonly raw: Raw,
    private prefix: string,
    readonly errors: FieldErrors,
  ) {}

  has(field: string): boolean {
    return !blank(this.raw[field])
  }

  fail(field: string, message: HrcMessage): undefined {
    this.errors[this.prefix + field] ??= message
    return undefined
  }

  text(field: string, max: number, required: boolean): string | undefined {
    const v = this.raw[field]
    if (blank(v)) return required ? this.fail(field, hrcMsg('hrc.field.required')) : ''
    if (typeof v !== 'string') return this.fail(field, hrcMsg('hrc.field.text'))
    const value = v.trim()
    if (value.length > max)
      return this.fail(field, hrcMsg('hrc.field.tooLong', { max, length: value.length }))
    return value
  }

  /** A number from `min` to `max`; `whole` asks for an integer; `null` when blank and not required. */
  number(field: string, min: number, max: number, opts: { whole?: boolean; required: boolean }) {
    const v = this.raw[field]
    if (blank(v)) return opts.required ? this.fail(field, hrcMsg('hrc.field.required')) : null
    const n = toNumber(v)
    if (n === undefined || n < min || n > max || (opts.whole && !Number.isInteger(n)))
      return this.fail(field, hrcMsg(opts.whole ? 'hrc.field.whole' : 'hrc.field.number', { min, max }))
    return n
  }

  code<T extends string>(field: string, known: readonly T[], fallback?: T): T | undefined {
    const v = this.raw[field]
    if (blank(v)) return fallback ?? this.fail(field, hrcMsg('hrc.field.required'))
    const value = typeof v === 'string' ? v.trim() : v
    return (known as readonly unknown[]).includes(value)
      ? (value as T)
      : this.fail(field, hrcMsg('hrc.field.unknown', { value: String(v).slice(0, 40) }))
  }

  /** A list of known codes (one code alone is a list of one), duplicates dropped; `fallback` when blank. */
  codes<T extends string>(field: string, known: readonly T[], fallback: readonly T[]): T[] | undefined {
    const v = this.raw[field]
    if (blank(v) || (Array.isArray(v) && v.length === 0)) return [...fallback]
    const list = typeof v === 'string' ? v.split(/[\s,]+/).filter(Boolean) : v
    if (!Array.isArray(list) || !list.every((c) => typeof c === 'string'))
      return this.fail(field, hrcMsg('hrc.field.list'))
    const unknown = list.filter((c) => !(known as readonly string[]).includes(c))
    if (unknown.length)
      return this.fail(field, hrcMsg('hrc.field.unknownCodes', { codes: unknown.slice(0, 10) }))
    return [...new Set(list as T[])]
  }

  email(field: string, required: boolean): string | undefined {
    const value = this.text(field, 254, required)
    if (!value) return value
    return EMAIL.test(value) ? value.toLowerCase() : this.fail(field, hrcMsg('hrc.field.email'))
  }

  phone(field: string): string | undefined {
    const value = this.text(field, 40, false)
    if (!value) return value
    return PHONE.test(value) ? value : this.fail(field, hrcMsg('hrc.field.phone'))
  }

  moment(field: string, required: boolean): number | null | undefined {
    const v = this.raw[field]
    if (blank(v)) return required ? this.fail(field, hrcMsg('hrc.field.required')) : null
    return parseMoment(v) ?? this.fail(field, hrcMsg('hrc.field.moment'))
  }

  /** The nested object under `field` (a JSON object), or the fields a form sends flat as `field.x`. */
  nested(field: string): Fields | null {
    const flat: Raw = {}
    let formSent = false
    for (const [key, value] of Object.entries(this.raw))
      if (key.startsWith(`${field}.`)) {
        flat[key.slice(field.length + 1)] = value
        formSent = true
      }
    // A form's fields win over an object (the record's value an edit starts from); all blank clears it.
    if (formSent)
      return Object.values(flat).every(blank)
        ? null
        : new Fields(flat, `${this.prefix}${field}.`, this.errors)
    const v = this.raw[field]
    if (isObject(v))
      return Object.values(v).every(blank) ? null : new Fields(v, `${this.prefix}${field}.`, this.errors)
    if (!blank(v)) this.fail(field, hrcMsg('hrc.field.object'))
    return null
  }
}

export function done<T>(errors: FieldErrors, value: () => T): Parsed<T> {
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value: value() }
}
