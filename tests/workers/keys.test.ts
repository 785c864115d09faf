/**
 * One-time keys on D1: a keyed create replays, and the claim guard that the change's batch carries
 * (server/middleware/idempotency.ts) rolls the whole batch back on D1 when a retry took the claim.
 */
import { env, exports } from 'cloudflare:workers'
import { drizzle } from 'drizzle-orm/d1'
import { describe, expect, it } from 'vitest'
import { abortUnlessClaimed, claimKey, markCommitted } from '../../db/queries/idempotency.ts'
import { hit } from '../../db/queries/rate-limits.ts'
import * as schema from '../../db/schema/index.ts'
import type { Db } from '../../db/types.ts'

const ORIGIN = 'http://localhost:8787'
const request = (path: string, init: RequestInit = {}) =>
  exports.default.fetch(new Request(`${ORIGIN}${path}`, { redirect: 'manual', ...init }))

describe('one-time keys on D1', () => {
  it('replay a keyed create and do it once', async () => {
    const login = await request('/login', {
      method: 'POST',
      headers: {
        origin: ORIGIN,
        'content-type': 'application/x-www-form-urlencoded',
        'cf-connecting-ip': '192.0.2.9',
      },
      body: new URLSearchParams({ email: 'saba@demo.ccpm', password: 'demo' }),
    })
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!
    const body = JSON.stringify({
      title: 'Keyed on D1',
      situation: 'Roofs gone.',
      phase: 'warm',
      priority: 'urgent',
      periodStart: '2026-09-06',
      periodEnd: '2026-09-20',
      needs: [{ kind: 'capacity', unitType: 'reconnaissance', count: 1 }],
    })
    const send = () =>
      request('/api/v1/requests', {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json', 'idempotency-key': 'k-d1-000001' },
        body,
      })
    const a = await send()
    const b = await send()
    expect(a.status).toBe(201)
    expect(b.status).toBe(201)
    expect(b.headers.get('idempotent-replay')).toBe('true')
    const n = await env.DB.prepare("select count(*) as n from requests where title = 'Keyed on D1'").first<{
      n: number
    }>()
    expect(n?.n).toBe(1)
  })

  it('roll back a batch whose claim was taken over, and keep one whose claim holds', async () => {
    const db = drizzle(env.DB, { schema }) as unknown as Db
    await claimKey(db, 'u-d1', 'k-guard-01', 'fp', 'theirs', 1)
    const change = db.insert(schema.rateLimits).values({ key: 'guarded-change', windowStart: 0, count: 1 })
    await expect(
      db.batch([
        change,
        abortUnlessClaimed(db, 'u-d1', 'k-guard-01', 'mine'),
        markCommitted(db, 'u-d1', 'k-guard-01', 'mine', 2),
      ]),
    ).rejects.toThrow()
    expect(await env.DB.prepare("select * from rate_limits where key = 'guarded-change'").first()).toBeNull()
    await db.batch([
      change,
      abortUnlessClaimed(db, 'u-d1', 'k-guard-01', 'theirs'),
      markCommitted(db, 'u-d1', 'k-guard-01', 'theirs', 2),
    ])
    expect(await hit(db, 'guarded-change', 1_000_000, 5)).toBe(2) // the change is there (1), this hit makes 2
    const row = await env.DB.prepare(
      "select committed_at from idempotency_keys where key = 'k-guard-01'",
    ).first<{ committed_at: number }>()
    expect(row?.committed_at).toBe(2)
  })
})
