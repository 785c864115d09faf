/** Reading untrusted fields one by one, each failure a plain message under the field's key (`needs.0.count`). */

export type Raw = Record<string, unknown>

export const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v)
export const blank = (v: unknown) =>
  v === undefined || v === null || (typeof v === 'string' && v.trim() === '')
const thousands = (n: number) => n.toLocaleString('en')

/** A real calendar day written YYYY-MM-DD. */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false
  const [y, m, d] = value.split('-').map(Number) as [number, number, number]
  const date = new Date(Date.UTC(y, m - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
}

/** Reads one object's fields, collecting a message per bad field under `prefix`. */
export class Reader {
  constructor(
    private raw: Raw,
    private prefix: string,
    readonly errors: Record<string, string>,
  ) {}

  fail(field: string, message: string): undefined {
    this.errors[this.prefix + field] ??= message
    return undefined
  }

  text(field: string, max: number, required: string | null): string | undefined {
    const v = this.raw[field]
    if (blank(v)) return required ? this.fail(field, required) : ''
    if (typeof v !== 'string') return this.fail(field, 'Enter text here.')
    const value = v.trim()
    if (value.length > max)
      return this.fail(field, `Keep this to ${thousands(max)} characters (now ${thousands(value.length)}).`)
    return value
  }

  oneOf<T extends string>(field: string, allowed: readonly T[], message: string): T | undefined {
    const v = this.raw[field]
    return typeof v === 'string' && (allowed as readonly string[]).includes(v)
      ? (v as T)
      : this.fail(field, message)
  }

  code(field: string, known: readonly string[], missing: string, unknown: string): string | undefined {
    const v = this.raw[field]
    if (blank(v)) return this.fail(field, missing)
    if (typeof v !== 'string' || !known.includes(v.trim()))
      return this.fail(field, unknown.replace('%s', String(v)))
    return v.trim()
  }

  /** A whole number from 1 to `max`, given as a number (JSON) or as digits (a form). */
  count(field: string, max: number, message: string): number | undefined {
    const v = this.raw[field]
    const n = typeof v === 'string' && /^\s*\d+\s*$/.test(v) ? Number(v) : v
    return typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= max ? n : this.fail(field, message)
  }

  date(field: string, required: string | null): string | null | undefined {
    const v = this.raw[field]
    if (blank(v)) return required ? this.fail(field, required) : null
    return isIsoDate(typeof v === 'string' ? v.trim() : v)
      ? (v as string).trim()
      : this.fail(field, 'Enter a date as YYYY-MM-DD, for example 2026-09-06.')
  }

  /** A list of known codes (one code alone is a list of one), duplicates dropped. */
  codes(field: string, known: readonly string[], noun: string): string[] | undefined {
    const v = this.raw[field]
    if (blank(v)) return []
    const list = typeof v === 'string' ? [v] : v
    if (!Array.isArray(list) || !list.every((c) => typeof c === 'string'))
      return this.fail(field, `Give a list of ${noun} codes.`)
    const unknown = list.filter((c) => !known.includes(c))
    if (unknown.length) return this.fail(field, `Unknown ${noun}: ${unknown.join(', ')}.`)
    return [...new Set(list)]
  }

  flag(field: string): boolean | undefined {
    const v = this.raw[field]
    if (v === true || v === 'true' || v === 'on' || v === '1') return true
    if (blank(v) || v === false || v === 'false' || v === '0') return false
    return this.fail(field, 'Answer yes or no.')
  }
}
