/**
 * The page cache (server/middleware/page-cache.ts): a page is sent again only while nothing it
 * shows has changed, with fresh one-time keys that work, and its pieced-together gzip decodes to
 * the page. Every other test file runs with the cache on too; these pin its own rules.
 */
import { gunzipSync } from 'node:zlib'
import { createClient } from '@libsql/client'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestApp, testApp } from '../helpers/app.ts'
import { sabaRequest } from '../helpers/requests.ts'

let t: TestApp
let saba: string
let coordinator: string
beforeAll(async () => {
  t = await testApp()
  saba = await t.login('saba@demo.ccpm')
  coordinator = await t.login('coordinator@demo.ccpm')
})
afterAll(() => t.close())

const cachedLast = () => t.logs.at(-1)?.cached === true
const keysIn = (html: string) => [...html.matchAll(/name="_key" value="([\w-]+)"/g)].map((m) => m[1])
const withoutKeys = (html: string) => html.replace(/name="_key" value="[\w-]+"/g, 'name="_key" value=""')

describe('the page cache', () => {
  it('sends a page again from the cache, the same page', async () => {
    const first = await t.get('/requests', saba)
    expect(cachedLast()).toBe(false)
    const second = await t.get('/requests', saba)
    expect(cachedLast()).toBe(true)
    const page = await first.text()
    expect(await second.text()).toBe(page)
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'))
    expect(second.headers.get('content-security-policy')).toBe(first.headers.get('content-security-policy'))
    // gzipped from the cache, it decodes to the same page
    const zipped = await t.get('/requests', saba, { 'accept-encoding': 'gzip' })
    expect(cachedLast()).toBe(true)
    expect(zipped.headers.get('content-encoding')).toBe('gzip')
    expect(gunzipSync(new Uint8Array(await zipped.arrayBuffer())).toString('utf8')).toBe(page)
  })

  it('gives a page with forms new one-time keys each time it is sent', async () => {
    const first = await (await t.get('/account', saba)).text()
    const second = await (await t.get('/account', saba)).text()
    expect(cachedLast()).toBe(true)
    expect(withoutKeys(second)).toBe(withoutKeys(first))
    const [a, b] = [keysIn(first), keysIn(second)]
    expect(a.length).toBeGreaterThan(1) // the name and the password forms
    expect(b).toHaveLength(a.length)
    for (const key of b) expect(a).not.toContain(key)
    expect(new Set(b).size).toBe(b.length)
  })

  it('gzips a cached page with keys as one stream that decodes to the page', async () => {
    const fresh = await t.get('/account', coordinator, { 'accept-encoding': 'gzip' })
    expect(cachedLast()).toBe(false)
    const freshSize = (await fresh.arrayBuffer()).byteLength
    const plain = await (await t.get('/account', coordinator)).text()
    expect(cachedLast()).toBe(true)
    const res = await t.get('/account', coordinator, { 'accept-encoding': 'gzip' })
    expect(cachedLast()).toBe(true)
    expect(res.headers.get('content-encoding')).toBe('gzip')
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect(Number(res.headers.get('content-length'))).toBe(bytes.byteLength)
    // pieced together, hardly bigger than the page gzipped whole
    console.log(`/account gzip: rendered ${freshSize} B, from the cache ${bytes.byteLength} B`)
    expect(bytes.byteLength).toBeLessThan(freshSize * 1.1 + 100)
    const decoded = gunzipSync(bytes).toString('utf8')
    expect(withoutKeys(decoded)).toBe(withoutKeys(plain))
    expect(keysIn(decoded).length).toBeGreaterThan(1)
    // the keys went in as they are (stored blocks), not compressed: the stream was pieced together
    for (const key of keysIn(decoded)) expect(Buffer.from(bytes).includes(key as string)).toBe(true)
  })

  it('pieces together a page with many forms too (the coordinator’s inbox), once it is sent again', async () => {
    const gzip = { 'accept-encoding': 'gzip' }
    for (let i = 1; i <= 5; i++) {
      const made = await t.postJson('/api/v1/requests', sabaRequest({ title: `Tarpaulins, lot ${i}` }), saba)
      const { id } = (await made.json()) as { id: string }
      const sent = await t.postJson(`/api/v1/requests/${id}/status`, { status: 'submitted' }, saba)
      expect(sent.status).toBe(200)
    }
    const rendered = await (await t.get('/requests', coordinator)).text()
    expect(cachedLast()).toBe(false)
    expect(keysIn(rendered).length).toBeGreaterThan(8)
    const sent: Uint8Array[] = []
    for (let i = 0; i < 3; i++) {
      const res = await t.get('/requests', coordinator, gzip)
      expect(cachedLast()).toBe(true)
      expect(res.headers.get('content-encoding')).toBe('gzip')
      expect(res.headers.get('vary')).toContain('Accept-Encoding')
      sent.push(new Uint8Array(await res.arrayBuffer()))
    }
    for (const [i, bytes] of sent.entries()) {
      const decoded = gunzipSync(bytes).toString('utf8')
      expect(withoutKeys(decoded)).toBe(withoutKeys(rendered))
      const keys = keysIn(decoded)
      expect(new Set(keys).size).toBe(keys.length)
      for (const key of keys) expect(keysIn(rendered)).not.toContain(key)
      // the first hit is gzipped whole; from the second on, the keys stand in the stream as they are
      const verbatim = keys.filter((key) => Buffer.from(bytes).includes(key as string)).length
      expect(verbatim).toBe(i === 0 ? 0 : keys.length)
    }
  })

  it('shows a change at once: the next GET after a commit is rendered anew', async () => {
    await t.get('/requests', saba)
    await t.get('/requests', saba)
    expect(cachedLast()).toBe(true)
    const made = await t.postJson('/api/v1/requests', sabaRequest({ title: 'Water for Zion’s Path' }), saba)
    expect(made.status).toBe(201)
    const page = await (await t.get('/requests', saba)).text()
    expect(cachedLast()).toBe(false)
    expect(page).toContain('Water for Zion’s Path')
  })

  it('shows a change another process committed to the database file', async () => {
    await t.get('/requests', saba)
    await t.get('/requests', saba)
    expect(cachedLast()).toBe(true)
    const other = createClient({ url: t.config.databaseUrl, timeout: 5000 })
    await other.execute({
      sql: "update requests set title = 'Generators for Hell’s Gate' where title = ?",
      args: ['Water for Zion’s Path'],
    })
    other.close()
    const page = await (await t.get('/requests', saba)).text()
    expect(cachedLast()).toBe(false)
    expect(page).toContain('Generators for Hell’s Gate')
  })

  it('takes a cached copy’s key: the form sent with it is done, and the page shows it', async () => {
    const reader = await t.login('observer@demo.ccpm')
    await t.get('/account', reader)
    const html = await (await t.get('/account', reader)).text()
    expect(cachedLast()).toBe(true)
    const [key] = keysIn(html)
    const sent = await t.post(
      '/account',
      { _key: key as string, name: 'Olga Observer-Brown', locale: 'en' },
      reader,
    )
    expect(sent.status).toBe(303)
    const after = await (await t.get('/account', reader)).text()
    expect(cachedLast()).toBe(false)
    expect(after).toContain('Olga Observer-Brown')
    // signing out ends the session: the next GET is signed out, not a cached page
    expect((await t.post('/logout', {}, reader)).status).toBe(303)
    const out = await t.get('/account', reader)
    expect(out.status).toBe(303)
    expect(out.headers.get('location')).toBe('/login?next=%2Faccount')
  })

  it('renders anew after the 10-second step and when the session is due a write', async () => {
    await t.get('/incidents', coordinator)
    await t.get('/incidents', coordinator)
    expect(cachedLast()).toBe(true)
    t.clock.now += 10_000
    await t.get('/incidents', coordinator)
    expect(cachedLast()).toBe(false)
    // five minutes on, the session's last seen is due: the request goes through and writes it
    t.clock.now += 5 * 60_000
    await t.get('/incidents', coordinator)
    expect(cachedLast()).toBe(false) // (this one wrote last seen: not kept)
    await t.get('/incidents', coordinator)
    expect(cachedLast()).toBe(false)
    await t.get('/incidents', coordinator)
    expect(cachedLast()).toBe(true)
  })

  it('keys a page by reader and language, and never serves a cookie it does not know', async () => {
    await t.get('/login')
    await t.get('/login')
    expect(cachedLast()).toBe(true)
    const nl = await (await t.get('/login', undefined, { 'accept-language': 'nl' })).text()
    expect(cachedLast()).toBe(false)
    expect(nl).toContain('lang="nl"')
    await t.get('/login', 'ccpm_session=aaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb')
    await t.get('/login', 'ccpm_session=aaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb')
    expect(cachedLast()).toBe(false)
    const other = await (await t.get('/requests', coordinator)).text()
    expect(other).not.toContain('saba@demo.ccpm')
  })

  it('answers the readiness board’s poll with 304 from the cache', async () => {
    const dispatcher = await t.login('dispatcher@demo.ccpm')
    const first = await t.get('/hrc', dispatcher)
    const tag = first.headers.get('etag')
    expect(tag).toBeTruthy()
    await t.get('/hrc', dispatcher)
    expect(cachedLast()).toBe(true)
    const poll = await t.get('/hrc', dispatcher, { 'if-none-match': tag as string })
    expect(cachedLast()).toBe(true)
    expect(poll.status).toBe(304)
    expect(poll.headers.get('etag')).toBe(tag)
  })
})
