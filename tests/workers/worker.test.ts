/**
 * What only the Worker has: it seeds its empty D1 on the first request (demo data outside
 * production), answers /healthz with a D1 round trip, and leaves compression to the runtime. The
 * flows (sign-in, requests, pool, …) are the shared HTTP suite: tests/workers/http.test.ts.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { login, request } from './helpers.ts'

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

  it('leaves compression to the runtime: no double gzip when the client accepts gzip', async () => {
    const cookie = await login('saba@demo.ccpm', '192.0.2.1')
    const res = await request('/', { headers: { cookie, 'accept-encoding': 'gzip' } })
    expect(res.status).toBe(200)
    expect(res.headers.get('content-encoding')).toBeNull()
    expect(await res.text()).toContain('Crisis team Saba')
  })
})
