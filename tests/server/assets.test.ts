/**
 * Static files and HTTP caching on the real Node server (`startServer`): the versioned CSS and
 * htmx from public/manifest.json are cached for a year, the CSS is small, HTML is gzipped and
 * revalidates with an ETag, and the CSP forbids inline script.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseConfig } from '../../server/config.ts'
import { startServer } from '../../server/serve.ts'

const manifest = JSON.parse(readFileSync(new URL('../../public/manifest.json', import.meta.url), 'utf8')) as {
  css: string
  htmx: string
}
const YEAR = 'public, max-age=31536000, immutable'

let server: Awaited<ReturnType<typeof startServer>>
let dir: string

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'ccpm-assets-'))
  const config = parseConfig({ PORT: '0', DATABASE_URL: `file:${join(dir, 'test.db')}` })
  // A fixed clock: the page shows the time, and the ETag must not change between two requests.
  const now = Date.UTC(2026, 8, 6, 12, 0, 0)
  server = await startServer(config, { log: () => {}, now: () => now })
})

afterAll(async () => {
  await server?.close()
  if (dir) rmSync(dir, { recursive: true, force: true })
})

interface Raw {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: Buffer
}

/** A plain HTTP GET that neither asks for nor undoes compression unless told (fetch does both). */
function get(path: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url.replace('localhost', '127.0.0.1')}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (chunk: Buffer) => chunks.push(chunk))
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      )
      res.on('error', reject)
    })
    req.on('error', reject)
    req.end()
  })
}

describe('versioned static files', () => {
  it('names the CSS and htmx with a content hash', () => {
    expect(manifest.css).toMatch(/^\/assets\/app-[0-9a-f]{10}\.css$/)
    expect(manifest.htmx).toMatch(/^\/assets\/htmx-[\d.]+-[0-9a-f]{10}\.min\.js$/)
  })

  for (const key of ['css', 'htmx'] as const) {
    it(`serves the ${key} with 200, the right type, and a year of immutable caching`, async () => {
      const res = await get(manifest[key])
      expect(res.status).toBe(200)
      expect(res.headers['cache-control']).toBe(YEAR)
      expect(res.headers['content-type']).toMatch(key === 'css' ? /^text\/css/ : /javascript/)
      expect(res.body.byteLength).toBeGreaterThan(0)
    })
  }

  it('keeps the CSS at or under 6 KB gzip', async () => {
    const res = await get(manifest.css)
    const size = gzipSync(res.body).byteLength
    expect(size, `CSS ${res.body.byteLength} B, ${size} B gzip`).toBeLessThanOrEqual(6 * 1024)
  })

  it('is what the pages link to', async () => {
    const html = (await get('/login')).body.toString('utf8')
    expect(html).toContain(`<link rel="stylesheet" href="${manifest.css}"`)
    expect(html).toContain(`<script src="${manifest.htmx}"`)
  })

  it('answers an unknown asset with 404, not with a year of caching', async () => {
    const res = await get('/assets/app-0000000000.css')
    expect(res.status).toBe(404)
    expect(res.headers['cache-control']).not.toBe(YEAR)
  })
})

describe('HTML pages', () => {
  it('are gzipped when the client asks for it', async () => {
    const plain = await get('/login')
    const zipped = await get('/login', { 'accept-encoding': 'gzip' })
    expect(plain.status).toBe(200)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(zipped.status).toBe(200)
    expect(zipped.headers['content-encoding']).toBe('gzip')
    expect(zipped.body.byteLength).toBeLessThan(plain.body.byteLength)
  })

  it('carry an ETag, and a repeat with If-None-Match gets 304 without a body', async () => {
    const first = await get('/login', { 'accept-encoding': 'gzip' })
    const etag = first.headers.etag
    expect(etag).toMatch(/^(W\/)?"[^"]+"$/)
    const again = await get('/login', { 'accept-encoding': 'gzip', 'if-none-match': String(etag) })
    expect(again.status).toBe(304)
    expect(again.body.byteLength).toBe(0)
    const changed = await get('/login', { 'accept-encoding': 'gzip', 'if-none-match': '"something-else"' })
    expect(changed.status).toBe(200)
  })

  it('forbid inline script in the Content-Security-Policy', async () => {
    const res = await get('/login')
    const csp = String(res.headers['content-security-policy'] ?? '')
    const directives = new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/))
        .filter((parts) => parts[0])
        .map((parts) => [parts[0]!.toLowerCase(), parts.slice(1)]),
    )
    const scriptSrc = directives.get('script-src')
    expect(scriptSrc, csp).toContain("'self'")
    // Only this origin (or a nonce or hash): no host, no scheme, no inline.
    for (const source of scriptSrc ?? [])
      expect(source, csp).toMatch(/^'(self|none|strict-dynamic|nonce-[\w+/=-]+|sha(256|384|512)-[\w+/=-]+)'$/)
    expect(csp).not.toMatch(/'unsafe-inline'|'unsafe-eval'|'unsafe-hashes'/)
    expect(directives.get('default-src')).toEqual(["'self'"])
    expect(directives.get('object-src')).toEqual(["'none'"])
  })
})
