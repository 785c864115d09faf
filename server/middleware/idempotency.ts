/**
 * One-time keys on mutating requests. A form carries `_key` (a fresh random key per render), an
 * API client sends `Idempotency-Key`. The first request with a key claims it and its outcome
 * (a success or redirect) is stored; the same key again replays that outcome and does nothing;
 * the same key with a different body is a 422. A failure (4xx, 5xx) that changed nothing releases
 * the key, so the corrected form may be sent again.
 *
 * An interrupted first attempt never blocks its key (docs/api.md, "One-time keys"): the change's
 * batch also marks the claim committed and fails if the claim is no longer this request's. A claim
 * that did not commit within `keyLeaseMs` (the process died, or the request stalls) is taken over
 * by the retry, which does the work; the stalled first attempt can then no longer commit, so the
 * change is done once. A retry within the lease hears 409 "being handled".
 *
 * Forms get a second line of defence. When a response is lost, the user goes back and sends the
 * form again; if the browser fetches the form page anew (no cache, a reload), the hidden key is a
 * new one while the fields it restored are the same. So a form post whose content (all but its
 * key) equals one this user sent successfully in the last 10 minutes replays that outcome too.
 * A replayed form redirect says so: its Location carries `replayed=<first sent>`, and the page it
 * lands on tells the user the form was sent before and not done again (views/layout.tsx).
 */
import type { Context, MiddlewareHandler } from 'hono'
import {
  abortUnlessClaimed,
  claimKey,
  completeKey,
  findKey,
  holdsKey,
  markCommitted,
  releaseKey,
  saveOutcome,
  takeOverKey,
} from '../../db/queries/idempotency.ts'
import type { Db, Stmt } from '../../db/types.ts'
import { msg, randomToken } from '../../pool/shared/index.ts'
import { sha256Hex } from '../auth/crypto.ts'
import type { AppEnv } from '../env.ts'
import { Refused } from '../refused.ts'
import { formBody, isForm } from './body.ts'

const KEY = /^[\w-]{8,100}$/
const MAX_STORED_BODY = 200_000
export const SAME_CONTENT_WINDOW = 10 * 60_000

/** What a client hears, as codes (server/messages.ts): the catalogues say them. */
export const KEY_REFUSALS = {
  malformed: msg('app.key.malformed'),
  reused: msg('app.key.reused'),
  inFlight: msg('app.key.pending'),
  takenOver: msg('app.key.takenOver'),
  doneUnrecorded: msg('app.key.doneUnrecorded'),
}

type Stored = {
  status: number | null
  location: string | null
  contentType: string | null
  body: string | null
}

async function keyOf(c: Context<AppEnv>): Promise<string | undefined> {
  const header = c.req.header('idempotency-key')
  if (header) return header
  if (!isForm(c)) return undefined
  const value = (await formBody(c))._key
  return typeof value === 'string' ? value : undefined
}

/**
 * The body as compared between a request and its repeat, as sorted `name=value` lines (a
 * multipart body gets a new boundary each time; files compare by name, size and content hash).
 */
async function bodyLines(c: Context<AppEnv>): Promise<string[]> {
  if (!isForm(c)) return [await c.req.text()]
  const fields = await formBody(c)
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

/**
 * The database as the route sees it while it holds the claim: every batch also checks the claim
 * (and fails as a whole if a retry took it over) and marks it committed.
 */
function guardedDb(
  db: Db,
  scope: string,
  key: string,
  claim: string,
  now: () => number,
  lost: () => void,
): Db {
  const batch = async (stmts: readonly Stmt[]) => {
    const guard = [abortUnlessClaimed(db, scope, key, claim), markCommitted(db, scope, key, claim, now())]
    try {
      const results = await db.batch([...stmts, ...guard] as unknown as [Stmt, ...Stmt[]])
      return results.slice(0, stmts.length)
    } catch (err) {
      if (!(await holdsKey(db, scope, key, claim))) {
        lost()
        throw new Refused(409, KEY_REFUSALS.takenOver)
      }
      throw err
    }
  }
  return new Proxy(db, {
    get: (target, prop) => (prop === 'batch' ? batch : Reflect.get(target, prop, target)),
  }) as Db
}

export function idempotency(): MiddlewareHandler<AppEnv> {
  return async function idempotency(c, next) {
    if (c.req.method !== 'POST' && c.req.method !== 'PATCH' && c.req.method !== 'PUT') return next()
    const key = await keyOf(c)
    if (!key) return next()
    if (!KEY.test(key)) throw new Refused(422, KEY_REFUSALS.malformed)
    const deps = c.get('deps')
    const { db, now } = deps
    const lease = deps.config.keyLeaseMs
    const scope = c.get('user')?.id ?? 'anon'
    const lines = await bodyLines(c)
    const fingerprint = await sha256Hex(`${c.req.method} ${c.req.path}\n${lines.join('\n')}`)
    const content = isForm(c)
      ? `content:${await sha256Hex(`${c.req.method} ${c.req.path}\n${lines.filter((l) => !l.startsWith('_key=')).join('\n')}`)}`
      : null
    const claim = randomToken(16)

    if (!(await claimKey(db, scope, key, fingerprint, claim, now()))) {
      const seen = await findKey(db, scope, key)
      if (seen && seen.fingerprint !== fingerprint) throw new Refused(422, KEY_REFUSALS.reused)
      if (seen && seen.status != null) return replay(seen, isForm(c))
      const stale = seen != null && seen.createdAt <= now() - lease
      if (seen?.committedAt != null && seen.committedAt <= now() - lease)
        throw new Refused(409, KEY_REFUSALS.doneUnrecorded)
      if (
        !seen ||
        seen.committedAt != null ||
        !stale ||
        !(await takeOverKey(db, scope, key, seen.claim, claim, now()))
      )
        throw new Refused(409, KEY_REFUSALS.inFlight)
      deps.log({ level: 'warn', event: 'key-taken-over', id: c.get('requestId'), since: seen.createdAt })
    } else if (content) {
      const same = await findKey(db, scope, content)
      if (same && same.status != null && same.createdAt > now() - SAME_CONTENT_WINDOW) {
        const { status, location, contentType, body } = same
        await completeKey(db, scope, key, claim, { status, location, contentType, body })
        return replay(same, true)
      }
    }

    let lost = false
    c.set('deps', { ...deps, db: guardedDb(db, scope, key, claim, now, () => (lost = true)) })
    try {
      await next()
    } catch (err) {
      if (!lost) await releaseKey(db, scope, key, claim)
      throw err
    } finally {
      c.set('deps', deps)
    }
    if (lost) return
    if (c.res.status >= 400 || c.error || c.get('keyUnused')) {
      // Nothing changed: the key is free again. A change committed before the failure keeps the
      // key (committed, no outcome): a retry hears that it was done, never does it twice.
      await releaseKey(db, scope, key, claim)
      return
    }
    const text = c.res.body ? await c.res.clone().text() : null
    const outcome = {
      status: c.res.status,
      location: c.res.headers.get('location'),
      contentType: c.res.headers.get('content-type'),
      body: text && text.length <= MAX_STORED_BODY ? text : null,
    }
    await completeKey(db, scope, key, claim, outcome)
    if (content) await saveOutcome(db, { scope, key: content, fingerprint, createdAt: now() }, outcome)
  }
}
