/** Fixed-window counters, one atomic upsert per hit, shared by every process on the database. */
import { sql } from 'drizzle-orm'
import { rateLimits } from '../schema/index.ts'
import type { Db } from '../types.ts'

/** Counts one hit on `key` and returns the count in the current window. */
export async function hit(db: Db, key: string, windowMs: number, now: number): Promise<number> {
  const start = now - (now % windowMs)
  const rows = await db
    .insert(rateLimits)
    .values({ key, windowStart: start, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${rateLimits.windowStart} = ${start} then ${rateLimits.count} + 1 else 1 end`,
        windowStart: start,
      },
    })
    .returning({ count: rateLimits.count })
  return rows[0]?.count ?? 1
}

/** The current count without counting (for a check before the expensive part). */
export async function peek(db: Db, key: string, windowMs: number, now: number): Promise<number> {
  const start = now - (now % windowMs)
  const rows = await db.select().from(rateLimits).where(sql`${rateLimits.key} = ${key}`)
  const row = rows[0]
  return row && row.windowStart === start ? row.count : 0
}

export async function clear(db: Db, key: string) {
  await db.delete(rateLimits).where(sql`${rateLimits.key} = ${key}`)
}
