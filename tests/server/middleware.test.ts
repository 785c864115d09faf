/** The defaults every route inherits: health, auth by default, CSRF, headers, errors, log, one-time keys. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditTrail, recordAudit } from '../../db/queries/audit.ts'
import { auditEvent, newId } from '../../pool/shared/index.ts'
import { markReplayed } from '../../server/middleware/idempotency.ts'
import { ORIGIN, type TestApp, testApp } from '../helpers/app.ts'

let t: TestApp
let cookie: string
beforeAll(async () => {
  t = await testApp()
  // Routes that exist only in this test, to exercise the shared middleware.
  t.app.get('/test/boom', () => {
    throw new Error('secret internals at db.ts:42')
  })
  t.app.post('/test/counter', async (c) => {
    const id = newId()
    await recordAudit(
      t.db,
      auditEvent({ id: null, label: 'test' }, 'test.counted', 'test', 'counter', {}, t.clock.now, id),
    )
    return c.redirect(`/test/done/${id}`, 303)
  })
  t.app.post('/test/invalid', (c) => c.text('bad', 422))
  cookie = await t.login('coordinator@demo.ccpm')
})
afterAll(() => t.close())

describe('health', () => {
  it('answers 200 {"status":"ok"} without signing in', async () => {
    const res = await t.get('/healthz')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok' })
  })

  it('answers 503 when the database does not', async () => {
    const broken = await testApp()
    broken.close() // closes the client and removes the file
    const res = await broken.get('/healthz')
    expect(res.status).toBe(503)
    expect(await res.json()).toEqual({ status: 'unavailable' })
  })
})

describe('authentication by default', () => {
  it('sends a signed-out browser to /login and keeps where it was going', async () => {
    const res = await t.get('/reference')
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/login?next=%2Freference')
  })

  it('answers the API with 401 JSON when signed out', async () => {
    const res = await t.get('/api/v1/islands')
    expect(res.status).toBe(401)
    expect((await res.json()).error.status).toBe(401)
  })

  it('returns to `next` after sign-in, but never to another host', async () => {
    const ok = await t.post('/login?next=%2Freference', { email: 'observer@demo.ccpm', password: 'demo' })
    expect(ok.headers.get('location')).toBe('/reference')
    const evil = await t.post('/login?next=%2F%2Fevil.example', {
      email: 'observer@demo.ccpm',
      password: 'demo',
    })
    expect(evil.headers.get('location')).toBe('/')
  })
})

describe('reference data API', () => {
  it('serves the islands with their codes', async () => {
    const res = await t.get('/api/v1/islands', cookie)
    expect(res.status).toBe(200)
    const { items } = await res.json()
    expect(items.map((i: { code: string }) => i.code)).toEqual(['AW', 'CW', 'SX', 'BO', 'SE', 'SA', 'NL'])
    expect(items.find((i: { code: string }) => i.code === 'SA')).toMatchObject({
      name: 'Saba',
      airport: 'SAB',
      timeZone: 'America/Kralendijk',
      kind: 'island',
    })
    expect(items.find((i: { code: string }) => i.code === 'NL').kind).toBe('base')
  })

  it('serves the role catalogue and the levels', async () => {
    const res = await t.get('/api/v1/roles', await t.login('saba@demo.ccpm'))
    const body = await res.json()
    expect(body.levels).toEqual(['trainee', 'qualified', 'senior'])
    expect(body.items).toHaveLength(10)
    expect(body.items[0]).toMatchObject({
      code: 'operational_leader',
      name: 'Operational leader',
      nameNl: 'Operationeel Leider',
    })
  })
})

describe('cross-origin protection', () => {
  const form = new URLSearchParams({ locale: 'nl', back: '/' })
  const post = (
    headers: Record<string, string>,
    body: BodyInit = form,
    type = 'application/x-www-form-urlencoded',
  ) =>
    t.app.request(`${ORIGIN}/locale`, { method: 'POST', body, headers: { 'content-type': type, ...headers } })

  it('refuses a form from another site', async () => {
    expect((await post({ origin: 'https://evil.example' })).status).toBe(403)
    expect((await post({ 'sec-fetch-site': 'cross-site', origin: ORIGIN })).status).toBe(403)
    expect((await post({ 'sec-fetch-site': 'same-site' })).status).toBe(403)
  })

  it('refuses a form that says nothing of where it comes from', async () => {
    expect((await post({})).status).toBe(403)
  })

  it('accepts same-origin forms and header-less API clients', async () => {
    expect((await post({ origin: ORIGIN })).status).toBe(303)
    expect((await post({ 'sec-fetch-site': 'same-origin' })).status).toBe(303)
    // past the origin check: /locale redirects back as it does for a form
    expect((await post({}, '{}', 'application/json')).status).toBe(303)
  })
})

describe('headers', () => {
  it('sets a CSP without inline script, and the other secure headers', async () => {
    const res = await t.get('/login')
    const csp = res.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).toContain("frame-ancestors 'none'")
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('referrer-policy')).toBe('same-origin')
  })

  it('answers a repeated GET with 304 when nothing changed', async () => {
    const first = await t.get('/reference', cookie)
    const tag = first.headers.get('etag')
    expect(tag).toBeTruthy()
    const again = await t.get('/reference', cookie, { 'if-none-match': tag! })
    expect(again.status).toBe(304)
  })

  it('compresses HTML', async () => {
    const res = await t.get('/reference', cookie, { 'accept-encoding': 'gzip' })
    expect(res.headers.get('content-encoding')).toBe('gzip')
  })
})

describe('errors', () => {
  it('renders a 404 page with a way back', async () => {
    const res = await t.get('/no/such/page', cookie)
    expect(res.status).toBe(404)
    expect(await res.text()).toContain('Back to the overview')
  })

  it('renders a 500 page without a stack trace, and logs it with the request id', async () => {
    const res = await t.get('/test/boom', cookie)
    expect(res.status).toBe(500)
    const html = await res.text()
    expect(html).toContain('The system could not finish this.')
    expect(html).not.toContain('secret internals')
    expect(html).not.toMatch(/at \S+:\d+/)
    const id = res.headers.get('x-request-id')!
    expect(html).toContain(id)
    expect(
      t.logs.some((l) => l.id === id && l.level === 'error' && String(l.error).includes('secret internals')),
    ).toBe(true)
  })

  it('renders only the fragment for an htmx partial request', async () => {
    const res = await t.get('/no/such/page', cookie, { 'hx-request': 'true', 'hx-request-type': 'partial' })
    expect(res.status).toBe(404)
    const html = await res.text()
    expect(html).not.toContain('<html')
    expect(html).toContain('role="alert"')
  })
})

describe('request log', () => {
  it('writes one line per request: id, method, path, status, ms, bytes', async () => {
    const res = await t.get('/reference', cookie)
    const body = await res.arrayBuffer()
    const id = res.headers.get('x-request-id')
    const lines = t.logs.filter((l) => l.id === id)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatchObject({ method: 'GET', path: '/reference', status: 200, bytes: body.byteLength })
    expect(typeof lines[0]!.ms).toBe('number')
  })
})

describe('one-time keys', () => {
  it('replays the first outcome for the same form key and does the work once', async () => {
    const key = 'k-form-0001'
    const a = await t.post('/test/counter', { _key: key, x: '1' }, cookie)
    const b = await t.post('/test/counter', { _key: key, x: '1' }, cookie)
    expect(a.status).toBe(303)
    expect(b.status).toBe(303)
    // The replayed redirect names when the form was first sent, so that the page can say so.
    expect(b.headers.get('location')).toBe(markReplayed(a.headers.get('location')!, t.clock.now))
    expect(b.headers.get('idempotent-replay')).toBe('true')
    expect(await auditTrail(t.db, 'test', 'counter')).toHaveLength(1)
  })

  it('refuses the same key with a different body (422), and keys are per user', async () => {
    const key = 'k-form-0002'
    await t.post('/test/counter', { _key: key, x: '1' }, cookie)
    expect((await t.post('/test/counter', { _key: key, x: '2' }, cookie)).status).toBe(422)
    const other = await t.login('observer@demo.ccpm')
    expect(
      (await t.post('/test/counter', { _key: key, x: '1' }, other)).headers.get('idempotent-replay'),
    ).toBeNull()
  })

  it('honours the Idempotency-Key header on JSON', async () => {
    const headers = { 'idempotency-key': 'k-json-0003' }
    const before = (await auditTrail(t.db, 'test', 'counter')).length
    await t.postJson('/test/counter', { a: 1 }, cookie, headers)
    await t.postJson('/test/counter', { a: 1 }, cookie, headers)
    expect((await auditTrail(t.db, 'test', 'counter')).length).toBe(before + 1)
    expect((await t.postJson('/test/counter', { a: 2 }, cookie, headers)).status).toBe(422)
  })

  it('releases the key after a failure so that the corrected form can be sent', async () => {
    const key = 'k-form-0004'
    expect((await t.post('/test/invalid', { _key: key }, cookie)).status).toBe(422)
    expect((await t.post('/test/invalid', { _key: key }, cookie)).headers.get('idempotent-replay')).toBeNull()
  })
})

describe('marking a replayed redirect', () => {
  it.each([
    ['/requests/abc', '/requests/abc?replayed=1'],
    ['/requests?done=abc', '/requests?done=abc&replayed=1'],
    ['/requests#new-need', '/requests?replayed=1#new-need'],
  ])('%s → %s', (location, marked) => {
    expect(markReplayed(location, 1)).toBe(marked)
  })

  it('leaves a replayed JSON answer as it was', async () => {
    const headers = { 'idempotency-key': 'k-json-mark-01' }
    await t.postJson('/test/counter', { a: 9 }, cookie, headers)
    const again = await t.postJson('/test/counter', { a: 9 }, cookie, headers)
    expect(again.headers.get('idempotent-replay')).toBe('true')
    expect(again.headers.get('location') ?? '').not.toContain('replayed=')
  })
})

describe('one-time keys on multipart forms', () => {
  it('replays a resent upload although its boundary changed', async () => {
    const send = () => {
      const form = new FormData()
      form.set('_key', 'k-multipart-01')
      form.set('file', new File(['name,email\n'], 'pool.csv', { type: 'text/csv' }))
      return t.app.request(`${ORIGIN}/test/counter`, {
        method: 'POST',
        body: form,
        headers: { origin: ORIGIN, cookie },
      })
    }
    const before = (await auditTrail(t.db, 'test', 'counter')).length
    const a = await send()
    const b = await send()
    expect(a.status).toBe(303)
    expect(b.headers.get('idempotent-replay')).toBe('true')
    expect((await auditTrail(t.db, 'test', 'counter')).length).toBe(before + 1)
  })
})
