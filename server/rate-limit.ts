/** Applies a named limit from pool/access/limits.ts to a key; throws 429 (`app.limited`) when it is spent. */
import type { Context } from 'hono'
import { clear, hit, peek } from '../db/queries/rate-limits.ts'
import { LIMITS, type LimitName } from '../pool/access/index.ts'
import { msg } from '../pool/shared/index.ts'
import type { AppEnv } from './env.ts'
import { Refused } from './refused.ts'

/** Which limit ran out and how long its window is: the catalogues say what to do about it. */
const limited = (name: LimitName) =>
  new Refused(429, msg('app.limited', { limit: name, minutes: LIMITS[name].windowMs / 60_000 }))

/** Counts one attempt and refuses when over the limit. */
export async function spend(c: Context<AppEnv>, name: LimitName, key: string) {
  const { max, windowMs } = LIMITS[name]
  const n = await hit(c.var.deps.db, `${name}:${key}`, windowMs, c.var.deps.now())
  if (n > max) throw limited(name)
}

/** Refuses when the limit is already spent, without counting this attempt. */
export async function check(c: Context<AppEnv>, name: LimitName, key: string) {
  const { max, windowMs } = LIMITS[name]
  if ((await peek(c.var.deps.db, `${name}:${key}`, windowMs, c.var.deps.now())) >= max) throw limited(name)
}

export async function reset(c: Context<AppEnv>, name: LimitName, key: string) {
  await clear(c.var.deps.db, `${name}:${key}`)
}
