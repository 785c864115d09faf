/**
 * server/worker.ts in real workerd on a real local D1 (migrated by setup.ts, seeded by the Worker
 * itself on its first request): the same app as on Node, reached through the Worker's own fetch.
 */
import { env, exports } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'

const ORIGIN = 'http://localhost:8787'

function request(path: string, init: RequestInit = {}): Promise<Response> {
  return exports.default.fetch(new Request(`${ORIGIN}${path}`, { redirect: 'manual', ...init }))
}

async function login(email: string, password: string): Promise<Response> {
  return request('/login', {
    method: 'POST',
    headers: {
      origin: ORIGIN,
      'content-type': 'application/x-www-form-urlencoded',
      'cf-connecting-ip': '192.0.2.1',
    },
    body: new URLSearchParams({ email, password }),
  })
}

let cookie: string | undefined
async function sessionCookie(): Promise<string> {
  if (cookie) return cookie
  const res = await login('saba@demo.ccpm', 'demo')
  expect(res.status).toBe(303)
  const value = res.headers.get('set-cookie')?.split(';')[0]
  if (!value) throw new Error('no session cookie')
  cookie = value
  return cookie
}

describe('the Worker on D1', () => {
  it('answers /healthz with a database round trip', async () => {
    const res = await request('/healthz')
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ status: 'ok' })
  })

  it('seeded the empty database once, with the demo data (NODE_ENV is not production)', async () => {
    await request('/healthz')
    const islands = await env.DB.prepare('select count(*) as n from islands').first<{ n: number }>()
    expect(islands?.n).toBe(7)
    const saba = await env.DB.prepare('select name from users where email = ?')
      .bind('saba@demo.ccpm')
      .first<{ name: string }>()
    expect(saba?.name).toBe('Crisis team Saba')
  })

  it('sends an unauthenticated visitor of / to the sign-in page', async () => {
    const res = await request('/')
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/login')
  })

  it('signs Saba in with 303 and an HttpOnly session cookie', async () => {
    const res = await login('saba@demo.ccpm', 'demo')
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/')
    const setCookie = res.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(/^ccpm_session=[^;]+;/)
    expect(setCookie).toMatch(/HttpOnly/)
    cookie = setCookie.split(';')[0]
  })

  it('refuses a wrong password with 401 and no session', async () => {
    const res = await login('saba@demo.ccpm', 'not-the-password')
    expect(res.status).toBe(401)
    expect(res.headers.get('set-cookie') ?? '').not.toMatch(/ccpm_session=[^;]/)
  })

  it('refuses a form post from another origin', async () => {
    const res = await request('/login', {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'saba@demo.ccpm', password: 'demo' }),
    })
    expect(res.status).toBe(403)
  })

  it('shows the signed-in home page', async () => {
    const res = await request('/', { headers: { cookie: await sessionCookie() } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toMatch(/^text\/html/)
    const html = await res.text()
    expect(html).toContain('Crisis team Saba')
  })

  it('answers the islands API with the seven codes', async () => {
    const res = await request('/api/v1/islands', { headers: { cookie: await sessionCookie() } })
    expect(res.status).toBe(200)
    const body = (await res.json()) as { items: { code: string }[] }
    expect(body.items.map((i) => i.code).sort()).toEqual(['AW', 'BO', 'CW', 'NL', 'SA', 'SE', 'SX'])
  })

  it('leaves compression to the runtime: no double gzip when the client accepts gzip', async () => {
    const res = await request('/', { headers: { cookie: await sessionCookie(), 'accept-encoding': 'gzip' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-encoding')).toBeNull()
    expect(await res.text()).toContain('Crisis team Saba')
  })

  it('answers the islands API with 401 without a session', async () => {
    const res = await request('/api/v1/islands')
    expect(res.status).toBe(401)
  })
})
