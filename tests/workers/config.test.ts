/**
 * The Worker in production mode (a binding override of the test's wrangler.toml values): without
 * BASE_URL it refuses every request with a 500 page and a log line, and seeds nothing; with it,
 * it serves.
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { afterEach, describe, expect, it, vi } from 'vitest'
import worker from '../../server/worker.ts'

async function fetchWith(over: Partial<typeof env>, path: string) {
  const ctx = createExecutionContext()
  const res = await worker.fetch(
    new Request(`http://ccpm.example${path}`, { redirect: 'manual' }),
    { ...env, ...over },
    ctx,
  )
  await waitOnExecutionContext(ctx)
  return res
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('production configuration', () => {
  it('refuses to serve in production without BASE_URL: a 500 page and a log line, no app', async () => {
    const lines: string[] = []
    vi.spyOn(console, 'log').mockImplementation((line: string) => {
      lines.push(line)
    })
    for (const path of ['/login', '/healthz', '/']) {
      const res = await fetchWith({ NODE_ENV: 'production', BASE_URL: undefined }, path)
      expect(res.status).toBe(500)
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8')
      expect(res.headers.get('set-cookie')).toBeNull()
      const html = await res.text()
      expect(html).toContain('<h1>This service is not configured</h1>')
      expect(html).toContain('BASE_URL must be set in production')
      expect(html).not.toContain('demo')
    }
    expect(lines.map((l) => JSON.parse(l))).toContainEqual({
      level: 'error',
      event: 'config-refused',
      error: 'BASE_URL must be set in production (links in mails and origin checks use it)',
    })
  })

  it('refuses a BASE_URL that is not an http(s) address', async () => {
    vi.spyOn(console, 'log').mockImplementation(() => {})
    const res = await fetchWith({ NODE_ENV: 'production', BASE_URL: 'ccpm.example' }, '/healthz')
    expect(res.status).toBe(500)
    expect(await res.text()).toContain('BASE_URL must start with http:// or https://')
  })

  it('serves in production with BASE_URL: Secure cookies under https, and again after the refusal', async () => {
    const res = await fetchWith({ NODE_ENV: 'production', BASE_URL: 'https://ccpm.example' }, '/login')
    expect(res.status).toBe(200)
    expect(res.headers.get('strict-transport-security')).toMatch(/max-age=31536000/)
    expect((await fetchWith({}, '/healthz')).status).toBe(200)
  })
})
