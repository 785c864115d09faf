/** The JSON API's shared edges: reading a body, and the shapes of 400, 422 and refusal answers. */
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { Message, Refusal, RefusalKind } from '../pool/shared/index.ts'
import { translatorFor } from '../views/i18n/index.ts'

/** The request body as a JSON object, or a 400. */
export async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  try {
    const value = await c.req.json()
    if (value && typeof value === 'object' && !Array.isArray(value)) return value
  } catch {}
  throw new HTTPException(400, { message: 'The body must be a JSON object.' })
}

const english = translatorFor('en')
/** A message as the API's clients read it: in English (clients translate by code). */
export const inEnglish = (m: Message): string => (typeof m === 'string' ? m : english.m(m))

/** 422 with one message per field, keyed as the input is (`title`, `needs.0.count`). */
export function invalid(c: Context, fields: Record<string, Message>) {
  const out = Object.fromEntries(Object.entries(fields).map(([k, m]) => [k, inEnglish(m)]))
  return c.json({ error: { status: 422, message: 'Some fields need attention.', fields: out } }, 422)
}

/** The HTTP status of a domain refusal. */
export const REFUSAL_STATUS = {
  not_found: 404,
  forbidden: 403,
  conflict: 409,
  invalid: 422,
} as const satisfies Record<RefusalKind, number>

export const iso = (at: number | null) => (at == null ? null : new Date(at).toISOString())

/** A domain refusal as JSON; a 409 says what the record is now (`current`). */
export function refused(
  c: Context,
  r: Refusal<Message> & {
    current?: { status: string; version: number } | { request: { status: string; version: number } }
  },
) {
  const status = REFUSAL_STATUS[r.error]
  const current = r.current && 'request' in r.current ? r.current.request : r.current
  const extra =
    status === 409 && current ? { current: { status: current.status, version: current.version } } : {}
  return c.json(
    { error: { status, message: status === 404 ? 'not found' : inEnglish(r.message), ...extra } },
    status,
  )
}
