/**
 * The last step of every answer, done once and only where it pays (docs/bench.md):
 * - a page or fragment (server/render.tsx hands its text over, so nothing is read back from the
 *   Response) gets a weak ETag from a fast hash of that text when a browser may revalidate it:
 *   a GET answered 200, not `no-store`, without an ETag of the route's own, and without a one-time
 *   form key (a fresh key makes every render different, so its tag could never match); a match is
 *   a 304 without a body;
 * - a text body of 1 KB or more is gzipped when the client accepts it: synchronous zlib where the
 *   runtime has it (Node: a few µs per KB, where a CompressionStream cost ~0.5 ms a response), a
 *   CompressionStream elsewhere (the Worker sends plain bodies and lets Cloudflare compress);
 * - immutable assets are gzipped once per path, not per request;
 * - the body leaves as bytes with a Content-Length, so @hono/node-server writes it in one go.
 * JSON and other text from the API get no ETag (API clients do not revalidate); they are read
 * once and compressed like the rest, unless they say their length and it is under 1 KB.
 */
import type { Context, MiddlewareHandler } from 'hono'
import { quickDigest } from '../auth/crypto.ts'
import type { AppEnv } from '../env.ts'
import { zlib } from './gzip-pieces.ts'

const THRESHOLD = 1024
const COMPRESSIBLE = /^(text\/|application\/(json|javascript|xml|[\w.+-]+\+(json|xml))|image\/svg\+xml)/i

/** Node's zlib (server/middleware/gzip-pieces.ts resolves it); null where there is none. */
const node = zlib
const syncGzip = node ? (bytes: Uint8Array) => node.gzipSync(bytes, { level: 6 }) : null

interface Rendered {
  res: Response
  text: string
  bytes: Uint8Array<ArrayBuffer>
  /** A one-time form key was drawn while rendering: this text is never sent twice. */
  keyed: boolean
  /** Worked out before (server/middleware/page-cache.ts): the ETag, the gzipped body. */
  ready?: { tag?: string; zipped?: Uint8Array<ArrayBuffer> }
}
const rendered = new WeakMap<Context, Rendered>()

/** server/render.tsx: the text behind the Response it made, so that it is not read back. */
export function handOver(
  c: Context,
  res: Response,
  text: string,
  bytes: Uint8Array<ArrayBuffer>,
  keyed: boolean,
  ready?: Rendered['ready'],
) {
  rendered.set(c, { res, text, bytes, keyed, ready })
  return res
}

/** What a page's render handed over, if this response is still it (server/middleware/page-cache.ts). */
export function handedOver(c: Context): Readonly<Rendered> | undefined {
  const mine = rendered.get(c)
  return mine?.res === c.res ? mine : undefined
}

/**
 * A page's weak ETag: 96 bits of the SHA-1 of its bytes where Node's crypto is at hand (39 µs for
 * 50 KB), else 53 bits of a string hash (cyrb53; 250 µs for 50 KB on Node). Either is enough that
 * two renders of one URL never collide.
 */
export function pageTag(text: string, bytes: Uint8Array): string {
  const digest = quickDigest(bytes)
  if (digest) return `W/"${digest}"`
  let h1 = 0xdeadbeef
  let h2 = 0x41c6ce57
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    h1 = Math.imul(h1 ^ ch, 2654435761)
    h2 = Math.imul(h2 ^ ch, 1597334677)
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909)
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909)
  return `W/"${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}"`
}

const immutable = new Map<string, Uint8Array<ArrayBuffer>>()

export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false
  const m = /(?:^|,)\s*(gzip|\*)\s*(?:;\s*q=([\d.]+))?\s*(?:,|$)/i.exec(header)
  return m != null && (m[2] == null || Number(m[2]) > 0)
}

/** If-None-Match holds `tag` (weak comparison, a list or `*`). */
export function matches(header: string | undefined, tag: string): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  const bare = tag.replace(/^W\//, '')
  return header.split(',').some((t) => t.trim().replace(/^W\//, '') === bare)
}

function replace(c: Context, body: BodyInit | null, status: number, headers: Headers) {
  // (assigning over a response makes Hono copy every header into the new one: start afresh)
  c.res = undefined as unknown as Response
  c.res = new Response(body, { status, headers })
}

export function respond(): MiddlewareHandler<AppEnv> {
  return async function respond(c, next) {
    await next()
    const res = c.res
    const headers = res.headers
    const type = headers.get('content-type') ?? ''
    const mine = rendered.get(c)
    const text = mine?.res === res ? mine : undefined
    // (checked before the body: reading `res.body` makes @hono/node-server build a full Response)
    if (
      !text &&
      (res.status === 204 ||
        res.status === 304 ||
        !COMPRESSIBLE.test(type) ||
        headers.has('content-encoding') ||
        Number(headers.get('content-length') ?? THRESHOLD) < THRESHOLD ||
        !res.body)
    )
      return
    const get = c.req.method === 'GET'
    if (
      text &&
      get &&
      res.status === 200 &&
      !text.keyed &&
      !headers.has('etag') &&
      !/no-store/.test(headers.get('cache-control') ?? '')
    ) {
      const tag = text.ready?.tag ?? pageTag(text.text, text.bytes)
      headers.set('ETag', tag)
      if (matches(c.req.header('if-none-match'), tag)) {
        headers.delete('content-type')
        return replace(c, null, 304, headers)
      }
    }
    const forever = /immutable/.test(headers.get('cache-control') ?? '')
    const bytes = text ? text.bytes : new Uint8Array(await res.arrayBuffer())
    if (
      bytes.byteLength < THRESHOLD ||
      c.req.method === 'HEAD' ||
      !COMPRESSIBLE.test(type) ||
      !acceptsGzip(c.req.header('accept-encoding'))
    ) {
      headers.set('Content-Length', String(bytes.byteLength))
      return replace(c, bytes, res.status, headers)
    }
    headers.append('Vary', 'Accept-Encoding')
    headers.set('Content-Encoding', 'gzip')
    if (!syncGzip) {
      headers.delete('Content-Length')
      const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'))
      return replace(c, stream, res.status, headers)
    }
    let zipped = text?.ready?.zipped ?? (forever ? immutable.get(c.req.path) : undefined)
    if (!zipped) {
      zipped = syncGzip(bytes)
      if (forever && res.status === 200) immutable.set(c.req.path, zipped)
    }
    headers.set('Content-Length', String(zipped.byteLength))
    replace(c, zipped, res.status, headers)
  }
}
