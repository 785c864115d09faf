/**
 * The JSON API's shared edges: reading a body, and the error envelope. Every error carries a code
 * that clients translate by, and its English rendering:
 * `{"error": {"status", "code", "message", "fields": {"<field>": {"code", "message"}}, …}}`.
 */
import type { Context } from 'hono'
import { type Msg, msg, type Refusal, type RefusalKind } from '../pool/shared/index.ts'
import { translatorFor } from '../views/i18n/index.ts'
import { Refused } from './refused.ts'

/** The request body as a JSON object, or a 400. */
export async function jsonBody(c: Context): Promise<Record<string, unknown>> {
  try {
    const value = await c.req.json()
    if (value && typeof value === 'object' && !Array.isArray(value)) return value
  } catch {}
  throw new Refused(400, msg('app.body.json'))
}

const english = translatorFor('en')
/** A message as the API's clients read it: in English (clients translate by code). */
export const inEnglish = (m: Msg): string => english.m(m)

/** Per-field messages as the envelope carries them: the code, and the English. */
export const fieldsJson = (fields: Record<string, Msg>) =>
  Object.fromEntries(Object.entries(fields).map(([k, m]) => [k, { code: m.code, message: inEnglish(m) }]))

/** 422 with one message per field, keyed as the input is (`title`, `needs.0.count`). */
export function invalid(c: Context, fields: Record<string, Msg>, extra: Record<string, unknown> = {}) {
  const message = msg('http.422')
  return c.json(
    {
      error: {
        status: 422,
        code: message.code,
        message: inEnglish(message),
        fields: fieldsJson(fields),
        ...extra,
      },
    },
    422,
  )
}

/** The HTTP status of a domain refusal. */
export const REFUSAL_STATUS = {
  not_found: 404,
  forbidden: 403,
  conflict: 409,
  invalid: 422,
} as const satisfies Record<RefusalKind, number>

export const iso = (at: number | null) => (at == null ? null : new Date(at).toISOString())

/** A domain refusal as JSON; a 409 may say what the record is now (`current`). */
export function refused(c: Context, r: Refusal, current?: Record<string, unknown>) {
  const status = REFUSAL_STATUS[r.error]
  const fields = r.fields ? { fields: fieldsJson(r.fields) } : {}
  const now = status === 409 && current ? { current } : {}
  return c.json(
    { error: { status, code: r.message.code, message: inEnglish(r.message), ...fields, ...now } },
    status,
  )
}
