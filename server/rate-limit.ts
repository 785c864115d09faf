/**
 * Applies the named limits of pool/access/limits.ts. `spend` counts and refuses; `reserve` counts
 * several limits at once *before* the expensive work (a burst cannot slip past a check made
 * before the work and counted after it) and hands back a refund for outcomes that must not count.
 */
import type { Context } from 'hono'
import { type Counter, clear, hit, hitAll, refundAll } from '../db/queries/rate-limits.ts'
import type { Db } from '../db/types.ts'
import { LIMITS, type LimitName } from '../pool/access/index.ts'
import { msg } from '../pool/shared/index.ts'
import type { AppEnv } from './env.ts'
import { Refused } from './refused.ts'

/** Which limit ran out and how long its window is: the catalogues say what to do about it. */
export const limited = (name: LimitName) =>
  new Refused(429, msg('app.limited', { limit: name, minutes: LIMITS[name].windowMs / 60_000 }))

/** The database the counters live in (see Deps.counters). */
export const countersOf = (deps: { db: Db; counters?: Db }) => deps.counters ?? deps.db

/** Counts one attempt and refuses when over the limit. */
export async function spend(c: Context<AppEnv>, name: LimitName, key: string) {
  const { max, windowMs } = LIMITS[name]
  const n = await hit(countersOf(c.get('deps')), `${name}:${key}`, windowMs, c.get('deps').now())
  if (n > max) throw limited(name)
}

export async function reset(c: Context<AppEnv>, name: LimitName, key: string) {
  await clear(countersOf(c.get('deps')), `${name}:${key}`)
}

export interface Reservation {
  /** False when a limit was already spent; nothing stays counted then. */
  ok: boolean
  /** When the attempts were counted (a refund must name that window). */
  at: number
  /** Takes the reservation back (the attempt turned out not to count). */
  refund: () => Promise<void>
}

/**
 * Counts one attempt on each `[limit, key]` at once. When any is over its limit, all are taken
 * back and `ok` is false: at most `max` attempts per window ever pass, bursts included.
 */
export async function reserve(
  db: Db,
  now: number,
  limits: readonly (readonly [LimitName, string])[],
): Promise<Reservation> {
  const counters: Counter[] = limits.map(([name, key]) => ({
    key: `${name}:${key}`,
    windowMs: LIMITS[name].windowMs,
  }))
  const counts = await hitAll(db, counters, now)
  let refunded = false
  const refund = async () => {
    if (refunded) return
    refunded = true
    await refundAll(db, counters, now)
  }
  const ok = counts.every((n, i) => n <= LIMITS[limits[i]![0]].max)
  if (!ok) await refund()
  return { ok, at: now, refund }
}

/** The part of an answer link that names it (the id before the secret), bounded in length. */
const linkId = (token: string) => (token.split('.')[0] ?? '').slice(0, 40)

/**
 * One visit to an answer link, counted per link and per address before the link is looked up.
 * The POST that records an answer calls `refund()`: its visit was already counted by the GET.
 */
export async function answerVisit(c: Context<AppEnv>, token: string): Promise<Reservation> {
  const { now, clientAddress } = c.get('deps')
  const visit = await reserve(countersOf(c.get('deps')), now(), [
    ['answersPerAddress', clientAddress(c.req.raw, c.env)],
    ['answersPerLink', linkId(token)],
  ])
  if (!visit.ok) throw limited('answersPerAddress')
  return visit
}
