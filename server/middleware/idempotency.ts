/**
 * One-time keys on mutating requests. A form carries `_key` (a fresh random key per render), an
 * API client sends `Idempotency-Key`. The first request with a key claims it and its outcome
 * (a success or redirect) is stored; the same key again replays that outcome and does nothing;
 * the same key with a different body is a 422. A failure (4xx, 5xx) releases the key: nothing
 * was done, so the corrected form may be sent again. A claim whose first request never finished
 * (process died mid-way) stays claimed and answers 409: never done twice, and said so.
 *
 * Forms get a second line of defence. When a response is lost, the user goes back and sends the
 * form again; if the browser fetches the form page anew (no cache, a reload), the hidden key is a
 * new one while the fields it restored are the same. So a form post whose content (all but its
 * key) equals one this user sent successfully in the last 10 minutes replays that outcome too.
 * A replayed form redirect says so: its Location carries `replayed=<first sent>`, and the page it
 * lands on tells the user the form was sent before and not done again (views/layout.tsx).
 */
import type { Context, MiddlewareHandler } from 'hono'
import { claimKey, completeKey, findKey, releaseKey, saveOutcome } from '../../db/queries/idempotency.ts'
import { msg } from '../../pool/shared/index.ts'
import { sha256Hex } from '../auth/crypto.ts'
import type { AppEnv } from '../env.ts'
import { Refused } from '../refused.ts'

const KEY = /^[\w-]{8,100}$/
const MAX_STORED_BODY = 200_000
export const SAME_CONTENT_WINDOW = 10 * 60_000

type Stored = {
  status: number | null
  location: string | null
  contentType: string | null
  body: string | null
}

const isForm = (c: Context) =>
  /^(application\/x-www-form-urlencoded|multipart\/form-data)/.test(c.req.header('content-type') ?? '')

async function keyOf(c: Context<AppEnv>): Promise<string | undefined> {
  const header = c.req.header('idempotency-key')
  if (header) return header
  if (!isForm(c)) return undefined
  const value = (await c.req.parseBody())._key
  return typeof value === 'string' ? value : undefined
}

/**
 * The body as compared between a request and its repeat, as sorted `name=value` lines (a
 * multipart body gets a new boundary each time; files compare by name, size and content hash).
 */
async function bodyLines(c: Context<AppEnv>): Promise<string[]> {
  if (!isForm(c)) return [await c.req.text()]
  const fields = await c.req.parseBody({ all: true })
  const lines: string[] = []
  for (const [name, value] of Object.entries(fields)) {
    for (const v of [value].flat()) {
      lines.push(
        typeof v === 'string'
          ? `${name}=${v}`
          : `${name}=file:${v.name}:${v.size}:${await sha256Hex(await v.text())}`,
      )
    }
  }
  return lines.sort()
}

/** `/requests/x` → `/requests/x?replayed=1757174400000`, before any fragment. */
export function markReplayed(location: string, firstSent: number): string {
  const [path = '', fragment] = location.split('#', 2)
  const marked = `${path}${path.includes('?') ? '&' : '?'}replayed=${firstSent}`
  return fragment === undefined ? marked : `${marked}#${fragment}`
}

function replay(seen: Stored & { createdAt: number }, form: boolean): Response {
  const headers = new Headers({ 'Idempotent-Replay': 'true' })
  const redirect = seen.status !== null && seen.status >= 300 && seen.status < 400
  if (seen.location)
    headers.set('Location', form && redirect ? markReplayed(seen.location, seen.createdAt) : seen.location)
  if (seen.contentType) headers.set('Content-Type', seen.contentType)
  return new Response(seen.body, { status: seen.status ?? 200, headers })
}

export function idempotency(): MiddlewareHandler<AppEnv> {
  return async function idempotency(c, next) {
    if (c.req.method !== 'POST' && c.req.method !== 'PATCH' && c.req.method !== 'PUT') return next()
    const key = await keyOf(c)
    if (!key) return next()
    if (!KEY.test(key)) throw new Refused(422, msg('app.key.malformed'))
    const { db, now } = c.var.deps
    const scope = c.var.user?.id ?? 'anon'
    const lines = await bodyLines(c)
    const fingerprint = await sha256Hex(`${c.req.method} ${c.req.path}\n${lines.join('\n')}`)
    const content = isForm(c)
      ? `content:${await sha256Hex(`${c.req.method} ${c.req.path}\n${lines.filter((l) => !l.startsWith('_key=')).join('\n')}`)}`
      : null

    if (!(await claimKey(db, scope, key, fingerprint, now()))) {
      const seen = await findKey(db, scope, key)
      if (seen && seen.fingerprint !== fingerprint) {
        throw new Refused(422, msg('app.key.reused'))
      }
      if (!seen || seen.status == null) {
        throw new Refused(409, msg('app.key.pending'))
      }
      return replay(seen, isForm(c))
    }
    if (content) {
      const same = await findKey(db, scope, content)
      if (same && same.status != null && same.createdAt > now() - SAME_CONTENT_WINDOW) {
        const { status, location, contentType, body } = same
        await completeKey(db, scope, key, { status, location, contentType, body })
        return replay(same, true)
      }
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
    const outcome = {
      status: c.res.status,
      location: c.res.headers.get('location'),
      contentType: c.res.headers.get('content-type'),
      body: text && text.length <= MAX_STORED_BODY ? text : null,
    }
    await completeKey(db, scope, key, outcome)
    if (content) await saveOutcome(db, { scope, key: content, fingerprint, createdAt: now() }, outcome)
  }
}
