/**
 * D1 round trips per page on workerd: the Worker runs with a counting D1 binding (d1-counter.ts)
 * and each main page is fetched once, signed in as the role that uses it. The figures are in
 * docs/workers.md; the bounds here keep them from creeping back.
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import worker from '../../server/worker.ts'
import { countingD1 } from './d1-counter.ts'

const ORIGIN = 'http://localhost:8787'
const counted = countingD1(env.DB)
const counting = { ...env, DB: counted.binding }

async function send(path: string, init: RequestInit = {}) {
  const ctx = createExecutionContext()
  const res = await worker.fetch(
    new Request(`${ORIGIN}${path}`, { redirect: 'manual', ...init }),
    counting,
    ctx,
  )
  await waitOnExecutionContext(ctx)
  return res
}

async function login(email: string) {
  const res = await send('/login', {
    method: 'POST',
    headers: {
      origin: ORIGIN,
      'content-type': 'application/x-www-form-urlencoded',
      'cf-connecting-ip': '192.0.2.60',
    },
    body: new URLSearchParams({ email, password: 'demo' }),
  })
  expect(res.status).toBe(303)
  return res.headers.get('set-cookie')!.split(';')[0]!
}

describe('D1 round trips per page', () => {
  it('counts the main pages', async () => {
    await send('/healthz') // seeds
    const figures: Record<string, { trips: number; queries: number }> = {}
    counted.reset()
    const coordinator = await login('coordinator@demo.ccpm')
    figures['POST /login'] = counted.reset()
    const saba = await login('saba@demo.ccpm')
    const functionary = await login('functionary1@demo.ccpm')
    const admin = await login('admin@demo.ccpm')
    const created = await send('/api/v1/requests', {
      method: 'POST',
      headers: { cookie: saba, 'content-type': 'application/json' },
      body: JSON.stringify({
        title: 'Counted',
        situation: 'Roofs gone.',
        phase: 'warm',
        priority: 'urgent',
        periodStart: '2026-12-06',
        periodEnd: '2026-12-20',
        needs: [
          {
            kind: 'functionary',
            role: 'information_manager',
            count: 1,
            minLevel: 'qualified',
            languages: ['en'],
          },
        ],
      }),
    })
    const { id } = (await created.json()) as { id: string }
    const submitted = await send(`/api/v1/requests/${id}/status`, {
      method: 'POST',
      headers: { cookie: saba, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'submitted' }),
    })
    expect(submitted.status).toBe(200)
    const pages: [string, string][] = [
      [coordinator, '/'],
      [coordinator, '/requests'],
      [coordinator, `/requests/${id}`],
      [coordinator, '/pool'],
      [coordinator, '/pool/availability'],
      [coordinator, '/incidents'],
      [coordinator, '/hrc'],
      [saba, '/'],
      [saba, '/requests'],
      [functionary, '/me'],
      [functionary, '/me/alerts'],
      [functionary, '/me/availability'],
      [admin, '/admin/outbox'],
      [admin, '/admin/users'],
    ]
    for (const [cookie, path] of pages) {
      counted.reset()
      const res = await send(path, { headers: { cookie } })
      expect(res.status, path).toBe(200)
      await res.text()
      const who =
        cookie === coordinator
          ? 'coordinator'
          : cookie === saba
            ? 'saba'
            : cookie === admin
              ? 'admin'
              : 'functionary1'
      figures[`GET ${path.replace(id, ':id')} (${who})`] = counted.reset()
    }
    const table = Object.fromEntries(
      Object.entries(figures).map(([k, v]) => [k, `${v.trips} trips, ${v.queries} queries`]),
    )
    console.log(JSON.stringify(table, null, 1))
    // measured before batching (docs/workers.md): login 7, / 4, /pool 8, /me 7 round trips
    const bounds: Record<string, number> = {
      'POST /login': 5,
      'GET / (coordinator)': 2,
      'GET /pool (coordinator)': 3,
      'GET /me (functionary1)': 4, // 3 before the page listed the person's deployments
      'GET / (saba)': 2,
      'GET /incidents (coordinator)': 2,
    }
    for (const [page, trips] of Object.entries(bounds))
      expect(figures[page]!.trips, page).toBeLessThanOrEqual(trips)
  })
})
