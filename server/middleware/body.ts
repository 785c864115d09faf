/**
 * Every request body is read here, once, before any route or the one-time keys see it:
 * - at most ~256 KB (2 MB for the CSV import), counted on the stream, chunked bodies too: a
 *   hostile body costs no more memory than its limit, and is answered 413;
 * - a JSON, urlencoded or multipart body that does not parse is a 400, never a 500;
 * - a NUL character in any text is a 422 naming the field (SQLite would cut the text there).
 * The routes then read the buffered body through Hono as before (`parseBody`, `json`, `text`).
 */
import type { Context, MiddlewareHandler } from 'hono'
import { msg } from '../../pool/shared/index.ts'
import { concat } from '../bytes.ts'
import type { AppEnv } from '../env.ts'
import { invalid } from '../json.ts'
import { Refused } from '../refused.ts'

export const BODY_LIMIT = 256 * 1024
export const IMPORT_LIMIT = 2 * 1024 * 1024
const IMPORT_PATHS = /^\/(pool\/import(\/confirm)?|api\/v1\/functionaries\/import)$/

/** What a client hears, as codes (server/messages.ts): the catalogues say them. */
export const BODY_MESSAGES = {
  tooLarge: (limit: number) => msg('app.body.tooLarge', { bytes: limit }),
  malformed: msg('app.body.malformed'),
  nul: msg('app.body.nul'),
  nulIn: (fields: string[]) => msg('app.body.nulIn', { fields }),
}

export const isForm = (c: Context) =>
  /^(application\/x-www-form-urlencoded|multipart\/form-data)/i.test(c.req.header('content-type') ?? '')
const isJson = (type: string) => /^application\/([\w.+-]+\+)?json/i.test(type)

/** The posted form, repeated fields as lists (parsed once; Hono caches it for the route's own reads). */
export async function formBody(c: Context): Promise<Record<string, string | File | (string | File)[]>> {
  try {
    return await c.req.parseBody({ all: true })
  } catch {
    throw new Refused(400, BODY_MESSAGES.malformed)
  }
}

function tooLarge(c: Context, limit: number): never {
  // Stop reading: the rest of the body is not wanted, so the connection ends with the answer.
  c.header('Connection', 'close')
  throw new Refused(413, BODY_MESSAGES.tooLarge(limit))
}

/** The body's bytes, reading no further than `limit` (+ the chunk that crossed it). */
async function readAtMost(
  c: Context,
  body: ReadableStream<Uint8Array>,
  limit: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const reader = body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => {})
      tooLarge(c, limit)
    }
    chunks.push(value)
  }
  return concat(chunks)
}

/** The names (`title`, `needs.0.notes`) of every string in a JSON value that holds a NUL. */
function nulPaths(value: unknown, path: string, out: string[]) {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) out.push(path || 'body')
  } else if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) nulPaths(v, path ? `${path}.${i}` : String(i), out)
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) {
      const at = path ? `${path}.${k}` : k
      if (k.includes('\u0000')) out.push(at)
      nulPaths(v, at, out)
    }
  return out
}

/** Every `%` escapes two hex digits and the escaped bytes are UTF-8 (parsers would guess otherwise). */
function wellFormedUrlencoded(bytes: Uint8Array): boolean {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
    for (const part of text.split(/[&=]/)) decodeURIComponent(part.replace(/\+/g, ' '))
    return true
  } catch {
    return false
  }
}

async function formNulFields(c: Context): Promise<string[]> {
  const out: string[] = []
  for (const [name, value] of Object.entries(await formBody(c))) {
    for (const v of [value].flat()) {
      const holds =
        typeof v === 'string' ? v.includes('\u0000') : new Uint8Array(await v.arrayBuffer()).includes(0)
      if (holds || name.includes('\u0000')) out.push(name)
    }
  }
  return [...new Set(out)]
}

export function bodies(): MiddlewareHandler<AppEnv> {
  return async function bodies(c, next) {
    if (c.req.method === 'GET' || c.req.method === 'HEAD' || !c.req.raw.body) return next()
    const isImport = IMPORT_PATHS.test(c.req.path)
    const limit = isImport ? IMPORT_LIMIT : BODY_LIMIT
    const declared = c.req.header('content-length')
    if (declared && Number(declared) > limit) tooLarge(c, limit)
    const bytes = await readAtMost(c, c.req.raw.body, limit)
    c.req.raw = new Request(c.req.raw, { body: bytes })

    const type = c.req.header('content-type') ?? ''
    let bad: string[] = []
    if (/^application\/x-www-form-urlencoded/i.test(type) && !wellFormedUrlencoded(bytes))
      throw new Refused(400, BODY_MESSAGES.malformed)
    if (isForm(c)) bad = await formNulFields(c)
    else if (isJson(type) || /^text\//i.test(type)) {
      let text: string
      try {
        text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
      } catch {
        throw new Refused(400, BODY_MESSAGES.malformed)
      }
      // (the import takes CSV only and answers any other type 415 itself)
      if (isJson(type) && !isImport && text.trim() !== '') {
        let value: unknown
        try {
          value = JSON.parse(text)
        } catch {
          throw new Refused(400, BODY_MESSAGES.malformed)
        }
        bad = nulPaths(value, '', [])
      } else if (text.includes('\u0000')) bad = ['body']
    }
    if (bad.length === 0) return next()
    if (c.req.path.startsWith('/api/'))
      return invalid(c, Object.fromEntries(bad.map((field) => [field, BODY_MESSAGES.nul])))
    throw new Refused(422, BODY_MESSAGES.nulIn(bad))
  }
}
