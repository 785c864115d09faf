/** Applies a named limit from pool/limits.ts to a key; throws 429 when it is spent. */
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { clear, hit, peek } from '../db/queries/rate-limits.ts'
import { LIMITS, type LimitName } from '../pool/access/index.ts'
import type { AppEnv } from './env.ts'

/** Counts one attempt and refuses when over the limit. */
export async function spend(c: Context<AppEnv>, name: LimitName, key: string, message: string) {
  const { max, windowMs } = LIMITS[name]
  const n = await hit(c.var.deps.db, `${name}:${key}`, windowMs, c.var.deps.now())
  if (n > max) throw new HTTPException(429, { message })
}

/** Refuses when the limit is already spent, without counting this attempt. */
export async function check(c: Context<AppEnv>, name: LimitName, key: string, message: string) {
  const { max, windowMs } = LIMITS[name]
  if ((await peek(c.var.deps.db, `${name}:${key}`, windowMs, c.var.deps.now())) >= max) {
    throw new HTTPException(429, { message })
  }
}

export async function reset(c: Context<AppEnv>, name: LimitName, key: string) {
  await clear(c.var.deps.db, `${name}:${key}`)
}
