/**
 * Hostile bodies: limits counted on the stream (chunked too: the server stops reading at the
 * limit), 413 as a page or JSON; malformed JSON, multipart and urlencoded bodies are a 400, never a
 * 500; a NUL character is refused with a 422 that names the field, and nothing is stored.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requests } from '../../db/schema/index.ts'
import { parseConfig } from '../../server/config.ts'
import { BODY_LIMIT, BODY_MESSAGES, IMPORT_LIMIT } from '../../server/middleware/body.ts'
import { startServer } from '../../server/serve.ts'
import { translatorFor } from '../../views/i18n/index.ts'
import { ORIGIN, TEST_ITERATIONS, type TestApp, testApp } from '../helpers/app.ts'
import { sabaRequest } from '../helpers/requests.ts'

const english = translatorFor('en').m

let t: TestApp
let saba: string
let coordinator: string
beforeAll(async () => {
  t = await testApp()
  saba = await t.login('saba@demo.ccpm')
  coordinator = await t.login('coordinator@demo.ccpm')
})
afterAll(() => t.close())

const CHUNK = 64 * 1024

/** A body of `total` bytes made on demand, counting how much the server pulled. */
function endless(total: number, fill = 0x61) {
  const pulled = { bytes: 0 }
  const stream = new ReadableStream<Uint8Array>({
    pull(ctl) {
      if (pulled.bytes >= total) return ctl.close()
      pulled.bytes += CHUNK
      ctl.enqueue(new Uint8Array(CHUNK).fill(fill))
    },
  })
  return { stream, pulled }
}

const raw = (path: string, body: BodyInit, headers: Record<string, string>) =>
  t.app.request(`${ORIGIN}${path}`, {
    method: 'POST',
    body,
    headers: { origin: ORIGIN, ...headers },
    duplex: 'half',
  } as RequestInit)

describe('body limits', () => {
  it('refuses a form over 256 KB with a 413 page, before signing in, by its Content-Length', async () => {
    const res = await t.post('/login', { email: 'a@b.c', password: 'x'.repeat(BODY_LIMIT) })
    expect(res.status).toBe(413)
    expect(res.headers.get('content-type')).toContain('text/html')
    expect(await res.text()).toContain(english(BODY_MESSAGES.tooLarge(BODY_LIMIT)))
  })

  it('refuses a chunked 30 MB form after reading no more than its limit', async () => {
    const { stream, pulled } = endless(30 * 1024 * 1024)
    const res = await raw('/login', stream, { 'content-type': 'application/x-www-form-urlencoded' })
    expect(res.status).toBe(413)
    expect(pulled.bytes).toBeLessThanOrEqual(BODY_LIMIT + 2 * CHUNK)
  })

  it('answers the API with a 413 JSON', async () => {
    const { stream } = endless(1024 * 1024)
    const res = await raw('/api/v1/requests', stream, { 'content-type': 'application/json', cookie: saba })
    expect(res.status).toBe(413)
    expect((await res.json()).error).toMatchObject({
      status: 413,
      message: english(BODY_MESSAGES.tooLarge(BODY_LIMIT)),
    })
  })

  it('lets the CSV import have 2 MB, chunked or not, and no more', async () => {
    const header = 'name,email,base,roles\n'
    const big = header + 'x'.repeat(1_500_000)
    const ok = await t.app.request(`${ORIGIN}/api/v1/functionaries/import?dry_run=1`, {
      method: 'POST',
      body: big,
      headers: { 'content-type': 'text/csv', cookie: coordinator },
    })
    expect(ok.status).not.toBe(413)
    const { stream, pulled } = endless(53 * 1024 * 1024)
    const res = await raw('/api/v1/functionaries/import', stream, {
      'content-type': 'text/csv',
      cookie: coordinator,
    })
    expect(res.status).toBe(413)
    expect(pulled.bytes).toBeLessThanOrEqual(IMPORT_LIMIT + 2 * CHUNK)
    const page = await raw('/pool/import', endless(3 * 1024 * 1024).stream, {
      'content-type': 'multipart/form-data; boundary=x',
      cookie: coordinator,
    })
    expect(page.status).toBe(413)
  })

  it('stops a chunked upload on the real server too', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccpm-body-'))
    const config = {
      ...parseConfig({ PORT: '0', DATABASE_URL: `file:${join(dir, 'b.db')}` }),
      passwordIterations: TEST_ITERATIONS,
    }
    const server = await startServer(config, { log: () => {} })
    try {
      const status = await new Promise<number>((resolve, reject) => {
        const req = httpRequest(
          {
            port: server.port,
            method: 'POST',
            path: '/login',
            headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded' },
          },
          (res) => {
            res.resume()
            resolve(res.statusCode ?? 0)
          },
        )
        req.on('error', reject)
        let sent = 0
        const chunk = Buffer.alloc(CHUNK, 0x61)
        const write = () => {
          while (sent < 30 * 1024 * 1024) {
            sent += CHUNK
            if (!req.write(chunk)) return void req.once('drain', write)
          }
          req.end()
        }
        write()
      })
      expect(status).toBe(413)
    } finally {
      await server.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})

describe('malformed bodies are a 400, never a 500', () => {
  it('a multipart body whose boundary does not match, on /login', async () => {
    const res = await raw('/login', '--nope\r\ngarbage', {
      'content-type': 'multipart/form-data; boundary=other',
    })
    expect(res.status).toBe(400)
    expect(await res.text()).toContain(english(BODY_MESSAGES.malformed))
  })

  it('a multipart form with a one-time key, where the key middleware used to throw', async () => {
    const res = await raw('/requests', '--b\r\nContent-Disposition: form-data; name="_key"\r\n\r\nabc', {
      'content-type': 'multipart/form-data; boundary=b',
      cookie: saba,
    })
    expect(res.status).toBe(400)
  })

  it('JSON that does not parse', async () => {
    const res = await raw('/api/v1/requests', '{"title": "x",', {
      'content-type': 'application/json',
      cookie: saba,
    })
    expect(res.status).toBe(400)
    expect((await res.json()).error.code).toBe(BODY_MESSAGES.malformed.code)
  })

  it('urlencoded with a broken escape or bytes that are not UTF-8', async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' }
    expect((await raw('/login', 'email=a%zz&password=x', form)).status).toBe(400)
    expect((await raw('/login', 'email=%E0%A4%A&password=x', form)).status).toBe(400)
    expect((await raw('/login', new Uint8Array([0x65, 0x3d, 0xff, 0xfe]), form)).status).toBe(400)
    expect((await raw('/login', 'email=a%40b.c&password=x+y', form)).status).toBe(401) // well formed
  })
})

describe('NUL in text', () => {
  it('is a 422 naming the field in the API, and nothing is stored', async () => {
    const before = (await t.db.select().from(requests)).length
    const res = await t.postJson('/api/v1/requests', sabaRequest({ title: 'before\u0000after' }), saba)
    expect(res.status).toBe(422)
    expect((await res.json()).error.fields).toEqual({
      title: { code: BODY_MESSAGES.nul.code, message: english(BODY_MESSAGES.nul) },
    })
    const nested = sabaRequest()
    ;(nested.needs[0] as Record<string, unknown>).notes = 'a\u0000b'
    const res2 = await t.postJson('/api/v1/requests', nested, saba)
    expect(res2.status).toBe(422)
    expect(Object.keys((await res2.json()).error.fields)).toEqual(['needs.0.notes'])
    expect((await t.db.select().from(requests)).length).toBe(before)
  })

  it('is a 422 page naming the field for a form, never a cut text', async () => {
    const before = (await t.db.select().from(requests)).length
    const res = await t.post('/requests', { title: 'before\u0000after', situation: 'x' }, saba)
    expect(res.status).toBe(422)
    expect(await res.text()).toContain(english(BODY_MESSAGES.nulIn(['title'])))
    const rows = await t.db.select().from(requests)
    expect(rows.length).toBe(before)
    expect(rows.some((r) => r.title === 'before')).toBe(false)
  })

  it('is refused in an uploaded CSV', async () => {
    const form = new FormData()
    form.set('file', new File(['name,email\nA\u0000B,a@b.c\n'], 'pool.csv', { type: 'text/csv' }))
    const res = await t.app.request(`${ORIGIN}/pool/import`, {
      method: 'POST',
      body: form,
      headers: { origin: ORIGIN, cookie: coordinator },
    })
    expect(res.status).toBe(422)
    expect(await res.text()).toContain(english(BODY_MESSAGES.nulIn(['file'])))
  })
})
