/**
 * One-time keys on mutating requests. A form carries `_key` (a fresh random key per render), an
 * API client sends `Idempotency-Key`. The first request with a key claims it and its outcome
 * (a success or redirect) is stored; the same key again replays that outcome and does nothing;
 * the same key with a different body is a 422. A failure (4xx, 5xx) releases the key: nothing
 * was done, so the corrected form may be sent again. A claim whose first request never finished
 * (process died mid-way) stays claimed and answers 409: never done twice, and said so.
 */
import type { Context, MiddlewareHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { claimKey, completeKey, findKey, releaseKey } from '../../db/queries/idempotency.ts'
import { sha256Hex } from '../auth/crypto.ts'
import type { AppEnv } from '../env.ts'

const KEY = /^[\w-]{8,100}$/
const MAX_STORED_BODY = 200_000

async function keyOf(c: Context<AppEnv>): Promise<string | undefined> {
  const header = c.req.header('idempotency-key')
  if (header) return header
  const type = c.req.header('content-type') ?? ''
  if (type.startsWith('application/x-www-form-urlencoded') || type.startsWith('multipart/form-data')) {
    const value = (await c.req.parseBody())._key
    return typeof value === 'string' ? value : undefined
  }
  return undefined
}

/**
 * The body as compared between a request and its repeat. A multipart body gets a new boundary
 * each time it is sent, so it is compared by its fields (files by name, size and content hash).
 */
async function bodyText(c: Context<AppEnv>): Promise<string> {
  if (!(c.req.header('content-type') ?? '').startsWith('multipart/form-data')) return c.req.text()
  const fields = await c.req.parseBody({ all: true })
  const parts: string[] = []
  for (const [name, value] of Object.entries(fields).sort(([a], [b]) => a.localeCompare(b))) {
    for (const v of [value].flat()) {
      parts.push(
        typeof v === 'string'
          ? `${name}=${v}`
          : `${name}=file:${v.name}:${v.size}:${await sha256Hex(await v.text())}`,
      )
    }
  }
  return parts.join('\n')
}

export function idempotency(): MiddlewareHandler<AppEnv> {
  return async function idempotency(c, next) {
    if (c.req.method !== 'POST' && c.req.method !== 'PATCH' && c.req.method !== 'PUT') return next()
    const key = await keyOf(c)
    if (!key) return next()
    if (!KEY.test(key)) throw new HTTPException(422, { message: 'The one-time key is malformed.' })
    const { db, now } = c.var.deps
    const scope = c.var.user?.id ?? 'anon'
    const fingerprint = await sha256Hex(`${c.req.method} ${c.req.path}\n${await bodyText(c)}`)

    if (!(await claimKey(db, scope, key, fingerprint, now()))) {
      const seen = await findKey(db, scope, key)
      if (seen && seen.fingerprint !== fingerprint) {
        throw new HTTPException(422, {
          message: 'This one-time key was already used for a different request.',
        })
      }
      if (!seen || seen.status == null) {
        throw new HTTPException(409, {
          message:
            'This was already received and is being handled, or was interrupted. Check the current state before sending it again.',
        })
      }
      const headers = new Headers({ 'Idempotent-Replay': 'true' })
      if (seen.location) headers.set('Location', seen.location)
      if (seen.contentType) headers.set('Content-Type', seen.contentType)
      return new Response(seen.body, { status: seen.status, headers })
    }

    try {
      await next()
    } catch (err) {
      await releaseKey(db, scope, key)
      throw err
    }
    if (c.res.status >= 400 || c.error || c.var.keyUnused) {
      await releaseKey(db, scope, key)
      return
    }
    const text = c.res.body ? await c.res.clone().text() : null
    await completeKey(db, scope, key, {
      status: c.res.status,
      location: c.res.headers.get('location'),
      contentType: c.res.headers.get('content-type'),
      body: text && text.length <= MAX_STORED_BODY ? text : null,
    })
  }
}
