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
 * hit costs no compression (a page with more than 8 forms is gzipped at each sending instead).
 * Any commit empties the cache. Where there is no `dataVersion` (Workers, a libSQL server) it is off;
 * `PAGE_CACHE=off` turns it off (the benchmark's uncached pass).
 */
import type { MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { randomToken } from '../../pool/shared/index.ts'
import { sha256Hex } from '../auth/crypto.ts'
import { readSessionCookie } from '../auth/session.ts'
import type { AppEnv } from '../env.ts'
import { drawnKeys, LOCALE_COOKIE } from '../render.tsx'
import { handedOver, handOver, matches, textHash } from './respond.ts'

const STEP_MS = 10_000
const MAX_BYTES = 32 * 1024 * 1024
const SKIP = /^\/(api|assets|answer|password)\/|^\/healthz$/
const KEY_LENGTH = 24

type Zlib = {
  deflateRawSync: (
    b: Uint8Array,
    o: { level: number; finishFlush: number; dictionary?: Uint8Array },
  ) => Uint8Array
  crc32: (b: Uint8Array) => number
  constants: { Z_SYNC_FLUSH: number }
}
const zlib = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
).process?.getBuiltinModule?.('node:zlib') as Zlib | undefined

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
  /**
   * Each piece deflated, ending byte-aligned (null: the response step decides, as for any page:
   * plain under 1 KB, else gzipped at each sending; see `deflatePieces`).
   */
  zipped: Uint8Array[] | null
  /** Pages without keys: their ETag, and their whole gzip (nothing to put together). */
  tag?: string
  gzip?: Uint8Array<ArrayBuffer>
  size: number
}

const encoder = new TextEncoder()
const GZIP_HEADER = Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff)
const LAST_BLOCK = Uint8Array.of(1, 0, 0, 0xff, 0xff)

function concat(chunks: Uint8Array[]): Uint8Array<ArrayBuffer> {
  let n = 0
  for (const c of chunks) n += c.byteLength
  const out = new Uint8Array(n)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.byteLength
  }
  return out
}

/** A stored (uncompressed) deflate block that is not the last: header byte, LEN, NLEN, bytes. */
function storedBlock(bytes: Uint8Array): Uint8Array {
  const n = bytes.byteLength
  return concat([Uint8Array.of(0, n & 0xff, n >> 8, ~n & 0xff, (~n >> 8) & 0xff), bytes])
}

function gzipOf(zipped: Uint8Array[], keys: Uint8Array[], body: Uint8Array, z: Zlib) {
  const chunks: Uint8Array[] = [GZIP_HEADER]
  zipped.forEach((piece, i) => {
    chunks.push(piece)
    const key = keys[i]
    if (key) chunks.push(storedBlock(key))
  })
  const trailer = new Uint8Array(8)
  const view = new DataView(trailer.buffer)
  view.setUint32(0, z.crc32(body), true)
  view.setUint32(4, body.byteLength >>> 0, true)
  chunks.push(LAST_BLOCK, trailer)
  return concat(chunks)
}

const WINDOW = 32 * 1024
/** Past this many pieces, their own block headers cost more bytes on the link than a gzip costs CPU. */
const MAX_PIECES = 8

/**
 * Deflates each piece with everything before it as its dictionary, the keys' places held by NUL
 * bytes: the text of a page never holds NUL, so no match can reach into a key, and every distance
 * is the same as in the stream the reader gets, whatever keys stand there. (A page that does hold
 * a NUL, or has too many pieces, is left to the response step.)
 */
function deflatePieces(pieces: Uint8Array[], z: Zlib): Uint8Array[] | null {
  if (pieces.length > MAX_PIECES || pieces.some((p) => p.includes(0))) return null
  const hole = new Uint8Array(KEY_LENGTH)
  let before = new Uint8Array(0)
  return pieces.map((piece) => {
    const out = z.deflateRawSync(piece, {
      level: 6,
      finishFlush: z.constants.Z_SYNC_FLUSH,
      ...(before.byteLength ? { dictionary: before } : {}),
    })
    const next = concat([before, piece, hole])
    before = next.byteLength > WINDOW ? next.subarray(next.byteLength - WINDOW) : next
    return out
  })
}

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
      const fresh = Array.from({ length: hit.keys }, () => encoder.encode(randomToken(KEY_LENGTH)))
      const inGaps = hit.slots.map((s) => fresh[s] as Uint8Array)
      const chunks: Uint8Array[] = []
      hit.pieces.forEach((p, i) => {
        chunks.push(p)
        const k = inGaps[i]
        if (k) chunks.push(k)
      })
      const body = hit.keys ? concat(chunks) : (hit.pieces[0] as Uint8Array<ArrayBuffer>)
      const zipped = hit.gzip ?? (hit.zipped ? gzipOf(hit.zipped, inGaps, body, zlib) : undefined)
      const res = c.body(body, 200, Object.fromEntries(hit.headers))
      return handOver(c, res, '', body, hit.keys > 0, {
        tag: hit.tag,
        zipped: zipped as Uint8Array<ArrayBuffer> | undefined,
      })
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
    const zipped = page.bytes.byteLength >= 1024 ? deflatePieces(pieces, zlib) : null
    const gzip = !keys.length && zipped ? gzipOf(zipped, [], page.bytes, zlib) : undefined
    let size = gzip?.byteLength ?? 0
    for (const p of pieces) size += p.byteLength
    for (const p of zipped ?? []) size += p.byteLength
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
      zipped,
      tag: keys.length ? undefined : `W/"${textHash(page.text)}"`,
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
