/**
 * A page rendered for a reader is kept and sent again while nothing it could show has changed
 * (docs/architecture.md, "The page cache"). Nothing changed means all of:
 * - the database: `deps.dataVersion()` (SQLite's `data_version` on a connection that never writes)
 *   is the same as when the page was rendered, and no commit landed while it was rendered;
 * - the reader: the same session cookie (by its hash), language cookie, Accept-Language and htmx headers (with
 *   the path and the poll interval, every input of a render besides the database), and
 *   their session needs no write yet (last seen, renewal, expiry: `quietUntil`). A signed-out
 *   reader is cached only without any session cookie; an unknown cookie always goes through;
 * - the clock: the same 10-second step (pages show times to the minute; a deadline passing shows
 *   at most 10 s late, and every write still checks it).
 * Only GET pages answered 200 by `server/render.tsx` are kept: not the API, not assets, not the
 * links that carry a secret (`/answer/…`, `/password/…`), not `/healthz`, nothing that sets a
 * cookie or says `no-store`. A page with forms gets fresh one-time keys each time it is sent: it is
 * kept as the pieces between its keys, each deflated once (with what precedes it as dictionary), and
 * sent as one gzip stream with the new keys as stored blocks between them (RFC 1951 §3.2.4), so a
 * hit costs no compression. The pieces are deflated once the page has been sent again twice (most
 * renders are never sent again, and a page of 100 forms takes ~2.7 ms to piece); until then, and
 * for a page whose pieces would not fit the first round trip (14 KB), it is gzipped at each sending.
 * Any commit empties the cache. Where there is no `dataVersion` (Workers, a libSQL server) it is off;
 * `PAGE_CACHE=off` turns it off (the benchmark's uncached pass).
 */
import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { randomToken } from '../../pool/shared/index.ts'
import { sha256Hex } from '../auth/crypto.ts'
import { readSessionCookie } from '../auth/session.ts'
import { concat } from '../bytes.ts'
import type { AppEnv } from '../env.ts'
import { drawnKeys, LOCALE_COOKIE } from '../render.tsx'
import { deflatePieces, gzipOf, type Pieced, zlib } from './gzip-pieces.ts'
import { acceptsGzip, handedOver, handOver, matches, pageTag } from './respond.ts'

const STEP_MS = 10_000
const MAX_BYTES = 32 * 1024 * 1024
const SKIP = /^\/(api|assets|answer|password)\/|^\/healthz$/
const KEY_LENGTH = 24

interface Entry {
  version: number
  step: number
  quietUntil: number
  user: AppEnv['Variables']['user']
  sessionId: string | null
  headers: [string, string][]
  /** The body between its form keys (one piece when it has none). */
  pieces: Uint8Array<ArrayBuffer>[]
  /** For each gap between pieces, which of the render's keys stood there. */
  slots: number[]
  keys: number
  /** Times sent again. */
  hits: number
  /**
   * The pieces deflated (see `deflatePieces`). Not yet tried: undefined; null: the response step
   * decides, as for any page (plain under 1 KB, else gzipped at each sending).
   */
  zipped?: Pieced | null
  /** Pages without keys: their ETag, and their whole gzip (nothing to put together). */
  tag?: string
  gzip?: Uint8Array<ArrayBuffer>
  size: number
}

const encoder = new TextEncoder()

/** Sent again this often, a page's pieces are deflated. */
const PROVEN = 2

/** Splits a rendered text at its form keys. */
function piecesOf(text: string, keys: readonly string[]) {
  const pieces: string[] = []
  const slots: number[] = []
  let from = 0
  for (;;) {
    let next = -1
    let which = -1
    keys.forEach((k, i) => {
      const at = text.indexOf(k, from)
      if (at >= 0 && (next < 0 || at < next)) {
        next = at
        which = i
      }
    })
    if (next < 0) break
    pieces.push(text.slice(from, next))
    slots.push(which)
    from = next + KEY_LENGTH
  }
  pieces.push(text.slice(from))
  return { pieces, slots }
}

export function pageCache(): MiddlewareHandler<AppEnv> {
  const entries = new Map<string, Entry>()
  let bytes = 0
  let seen = Number.NaN

  const drop = (key: string, e: Entry) => {
    entries.delete(key)
    bytes -= e.size
  }

  return async function pageCache(c, next) {
    if (c.req.method !== 'GET' || !zlib || SKIP.test(c.req.path)) return next()
    const deps = c.get('deps')
    const version = deps.config.pageCache ? deps.dataVersion?.() : undefined
    if (version === undefined) return next()
    if (version !== seen) {
      entries.clear()
      bytes = 0
      seen = version
    }
    const now = deps.now()
    const step = Math.floor(now / STEP_MS)
    const token = readSessionCookie(c) ?? ''
    const url = c.req.url
    const key = [
      // (the cookie's hash, not the cookie: no secret sits in the cache's keys, and finding a key
      // tells nothing about how close a guess came)
      token && (await sha256Hex(token)),
      getCookie(c, LOCALE_COOKIE) ?? '',
      c.req.header('accept-language') ?? '',
      c.req.header('hx-request') ?? '',
      c.req.header('hx-request-type') ?? '',
      deps.config.pollSeconds, // (the one setting a page shows; the rest of views/context.ts is above)
      url.slice(url.indexOf('/', url.indexOf('//') + 2)),
    ].join('\n')

    const hit = entries.get(key)
    if (hit && hit.step === step && now < hit.quietUntil) {
      entries.delete(key) // (and back at the end: the most recently used leave last)
      entries.set(key, hit)
      c.set('cached', true)
      c.set('user', hit.user)
      c.set('sessionId', hit.sessionId)
      // a route's own ETag (the readiness board's) answers its polls with a 304, as the route would
      const etag = hit.headers.find(([name]) => name === 'etag')?.[1]
      if (etag && matches(c.req.header('if-none-match'), etag))
        return c.body(null, 304, Object.fromEntries(hit.headers.filter(([n]) => n !== 'content-type')))
      if (!hit.keys) {
        const body = hit.pieces[0] as Uint8Array<ArrayBuffer>
        const res = c.body(body, 200, Object.fromEntries(hit.headers))
        return handOver(c, res, '', body, false, { tag: hit.tag, zipped: hit.gzip })
      }
      hit.hits++
      if (hit.zipped === undefined && hit.hits >= PROVEN) {
        const size = hit.pieces.reduce((n, p) => n + p.byteLength, 0)
        hit.zipped = size >= 1024 ? deflatePieces(hit.pieces, KEY_LENGTH, zlib) : null
        let added = 0
        // (each piece: its deflated bytes, and its CRC, length operator and length, 4 bytes each)
        for (const z of hit.zipped?.zipped ?? []) added += z.byteLength + 12
        hit.size += added
        bytes += added
      }
      // fresh keys, drawn at once (the alphabet is ASCII: one character, one byte)
      const drawn = encoder.encode(randomToken(KEY_LENGTH * hit.keys))
      const inGaps = hit.slots.map((s) => drawn.subarray(s * KEY_LENGTH, (s + 1) * KEY_LENGTH))
      if (hit.zipped && acceptsGzip(c.req.header('accept-encoding'))) {
        const zipped = gzipOf(hit.zipped, inGaps)
        const headers = new Headers(hit.headers)
        headers.append('Vary', 'Accept-Encoding')
        headers.set('Content-Encoding', 'gzip')
        headers.set('Content-Length', String(zipped.byteLength))
        return c.body(zipped, 200, Object.fromEntries(headers))
      }
      const chunks: Uint8Array[] = []
      hit.pieces.forEach((p, i) => {
        chunks.push(p)
        const k = inGaps[i]
        if (k) chunks.push(k)
      })
      const body = concat(chunks)
      return handOver(c, c.body(body, 200, Object.fromEntries(hit.headers)), '', body, true)
    }
    if (hit) drop(key, hit)

    await next()

    const page = handedOver(c)
    const user = c.get('user')
    const quietUntil = user ? c.get('sessionQuietUntil') : token ? null : Number.POSITIVE_INFINITY
    if (
      !page ||
      c.res.status !== 200 ||
      quietUntil == null ||
      c.res.headers.has('set-cookie') ||
      /no-store/.test(c.res.headers.get('cache-control') ?? '') ||
      deps.dataVersion?.() !== version
    )
      return
    const keys = drawnKeys(c)
    const split = keys.length ? piecesOf(page.text, keys) : { pieces: [page.text], slots: [] }
    const pieces = keys.length
      ? split.pieces.map((p) => encoder.encode(p) as Uint8Array<ArrayBuffer>)
      : [page.bytes]
    const gzip =
      !keys.length && page.bytes.byteLength >= 1024 ? zlib.gzipSync(page.bytes, { level: 6 }) : undefined
    let size = gzip?.byteLength ?? 0
    for (const p of pieces) size += p.byteLength
    const entry: Entry = {
      version,
      step,
      quietUntil,
      user,
      sessionId: c.get('sessionId'),
      headers: [...c.res.headers].filter(([name]) => name !== 'content-length'),
      pieces,
      slots: split.slots,
      keys: keys.length,
      hits: 0,
      tag: keys.length ? undefined : pageTag(page.text, page.bytes),
      gzip,
      size,
    }
    while (bytes + size > MAX_BYTES && entries.size) {
      const [oldest, e] = entries.entries().next().value as [string, Entry]
      drop(oldest, e)
    }
    entries.set(key, entry)
    bytes += size
  }
}
