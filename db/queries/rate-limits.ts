/**
 * Fixed-window counters, shared by every process on the database. A hit is one atomic upsert;
 * a reservation counts several keys in one batch before the expensive work, and is refunded
 * (decremented in the same window) when the work shows that it should not count.
 */
import { and, eq, gt, lt, sql } from 'drizzle-orm'
import { rateLimits } from '../schema/index.ts'
import type { Db } from '../types.ts'

export interface Counter {
  key: string
  windowMs: number
}

const windowOf = (windowMs: number, now: number) => now - (now % windowMs)

function upsert(db: Db, { key, windowMs }: Counter, now: number) {
  const start = windowOf(windowMs, now)
  return db
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
}

/** Counts one hit on `key` and returns the count in the current window. */
export async function hit(db: Db, key: string, windowMs: number, now: number): Promise<number> {
  const rows = await upsert(db, { key, windowMs }, now)
  return rows[0]?.count ?? 1
}

/** Counts one hit on every counter at once (one batch) and returns their counts, in order. */
export async function hitAll(db: Db, counters: readonly Counter[], now: number): Promise<number[]> {
  if (counters.length === 0) return []
  const [first, ...rest] = counters.map((c) => upsert(db, c, now))
  const results = await db.batch([first!, ...rest])
  return results.map((rows) => (rows as { count: number }[])[0]?.count ?? 1)
}

/** Takes back one hit on every counter, if it still counts the window the hit was in. */
export async function refundAll(db: Db, counters: readonly Counter[], at: number) {
  await refundAndClear(db, counters, at, [])
}

/** Takes back one hit on each of `counters` and drops the counters `clears`, in one batch. */
export async function refundAndClear(
  db: Db,
  counters: readonly Counter[],
  at: number,
  clears: readonly string[],
) {
  const [first, ...rest] = [
    ...counters.map(({ key, windowMs }) =>
      db
        .update(rateLimits)
        .set({ count: sql`${rateLimits.count} - 1` })
        .where(
          and(
            eq(rateLimits.key, key),
            eq(rateLimits.windowStart, windowOf(windowMs, at)),
            gt(rateLimits.count, 0),
          ),
        ),
    ),
    ...clears.map((key) => db.delete(rateLimits).where(eq(rateLimits.key, key))),
  ]
  if (first) await db.batch([first, ...rest])
}

/** The current count without counting. */
export async function peek(db: Db, key: string, windowMs: number, now: number): Promise<number> {
  const rows = await db.select().from(rateLimits).where(eq(rateLimits.key, key))
  const row = rows[0]
  return row && row.windowStart === windowOf(windowMs, now) ? row.count : 0
}

export async function clear(db: Db, key: string) {
  await db.delete(rateLimits).where(eq(rateLimits.key, key))
}

/** Drops counters whose window ended before `before` (they would restart at 1 anyway). */
export async function purgeCounters(db: Db, before: number) {
  await db.delete(rateLimits).where(lt(rateLimits.windowStart, before))
}
