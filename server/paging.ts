/** A list's page from its query string (`limit`, `offset`): one reading for every paged list, page or API (docs/api.md). */
import { type FieldMessage, msg } from '../pool/shared/index.ts'

export const PAGE_SIZE = 50
export const MAX_LIMIT = 200

export interface Page {
  limit: number
  offset: number
}

/**
 * `limit` (1 to `maxLimit`, default `PAGE_SIZE`) and `offset`. A value that is not a whole number,
 * or above its maximum, is a field error (the API answers 422 with it); the page still holds a
 * usable value, so a lenient list may ignore the errors and show the default instead.
 */
export function readPage(
  q: Record<string, string | undefined>,
  maxLimit = MAX_LIMIT,
): { page: Page; errors: Record<string, FieldMessage> } {
  const errors: Record<string, FieldMessage> = {}
  const whole = (k: string, fallback: number, max: number) => {
    const v = (q[k] ?? '').trim()
    if (v === '') return fallback
    if (!/^\d{1,7}$/.test(v)) {
      errors[k] = msg('field.wholeNumber', { max })
      return fallback
    }
    if (Number(v) > max) errors[k] = msg('field.wholeNumber', { max })
    return Math.min(Number(v), max)
  }
  const limit = Math.max(whole('limit', Math.min(PAGE_SIZE, maxLimit), maxLimit), 1)
  const offset = whole('offset', 0, 10_000_000)
  return { page: { limit, offset }, errors }
}

/** A page list's `?page=` (1 to 1000; anything else is the first page: a list is only ever a look). */
export const pageNumber = (raw: string | undefined): number =>
  Math.max(1, Math.min(1000, Number.parseInt(raw ?? '1', 10) || 1))
