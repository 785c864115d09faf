/** Reading untrusted fields one by one, each failure a message code under the field's key (`needs.0.count`). */
import { type Msg, msg } from './message.ts'
import type { CodeKind, FieldMessage } from './messages.ts'

export type Raw = Record<string, unknown>

export const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v)
export const blank = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '')

/** A real calendar day written YYYY-MM-DD. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const [y, m, d] = value.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/**
 * Reads one object's fields, collecting a message per bad field under `prefix`. `M` is the
 * capability's own messages (what is required, what a choice may be); the Reader adds its own.
 */
export class Reader<M extends Msg> {
  constructor(
    private raw: Raw,
    private prefix: string,
    readonly errors: Record<string, M | FieldMessage>,
  ) {}

  fail(field: string, message: M | FieldMessage): undefined {
    this.errors[this.prefix + field] ??= message
    return undefined
  }

  text(field: string, max: number, required: M | null): string | undefined {
    const v = this.raw[field]
    if (blank(v)) return required ? this.fail(field, required) : ''
    if (typeof v !== 'string') return this.fail(field, msg('field.text'))
    const value = v.trim()
    if (value.length > max) return this.fail(field, msg('field.tooLong', { max, length: value.length }))
    return value
  }

  oneOf<T extends string>(field: string, allowed: readonly T[], message: M): T | undefined {
    const v = this.raw[field]
    return typeof v === 'string' && (allowed as readonly string[]).includes(v)
      ? (v as T)
      : this.fail(field, message)
  }

  /** One known code; `unknown` says what was given instead. */
  code(
    field: string,
    known: readonly string[],
    missing: M,
    unknown: (value: string) => M,
  ): string | undefined {
    const v = this.raw[field]
    if (blank(v)) return this.fail(field, missing)
    if (typeof v !== 'string' || !known.includes(v.trim())) return this.fail(field, unknown(String(v)))
    return v.trim()
  }

  /** A whole number from 1 to `max`, given as a number (JSON) or as digits (a form). */
  count(field: string, max: number, message: M): number | undefined {
    const v = this.raw[field]
    const n = typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v
    return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= max ? n : this.fail(field, message)
  }

  date(field: string, required: M | null): string | null | undefined {
    const v = this.raw[field]
    if (blank(v)) return required ? this.fail(field, required) : null
    return isIsoDate(typeof v === 'string' ? v.trim() : v)
      ? (v as string).trim()
      : this.fail(field, msg('field.date'))
  }

  /** A list of known codes (one code alone is a list of one), duplicates dropped. */
  codes(field: string, known: readonly string[], kind: CodeKind): string[] | undefined {
    const v = this.raw[field]
    if (blank(v)) return []
    const list = typeof v === 'string' ? [v] : v
    if (!Array.isArray(list) || !list.every((c) => typeof c === 'string'))
      return this.fail(field, msg('field.codeList', { kind }))
    const unknown = list.filter((c) => !known.includes(c))
    if (unknown.length) return this.fail(field, msg('field.unknownCodes', { kind, codes: unknown }))
    return [...new Set(list)]
  }

  flag(field: string): boolean | undefined {
    const v = this.raw[field]
    if (v === true || v === 'true' || v === 'on' || v === '1') return true
    if (blank(v) || v === false || v === 'false' || v === '0') return false
    return this.fail(field, msg('field.yesNo'))
  }
}
