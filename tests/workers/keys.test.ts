/**
 * One-time keys on D1: the claim guard that the change's batch carries (server/middleware/idempotency.ts)
 * rolls the whole batch back on D1 when a retry took the claim. (The keyed replay over HTTP is in the
 * shared suite, tests/http/flows/requests.ts.)
 */
import { env } from 'cloudflare:workers'
import { drizzle } from 'drizzle-orm/d1'
import { describe, expect, it } from 'vitest'
import { abortUnlessClaimed, claimKey, markCommitted } from '../../db/queries/idempotency.ts'
import { hit } from '../../db/queries/rate-limits.ts'
import * as schema from '../../db/schema/index.ts'
import type { Db } from '../../db/types.ts'

describe('one-time keys on D1', () => {
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
