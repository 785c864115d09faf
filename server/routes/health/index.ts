/** Liveness with a real database round trip: 200 when it answers, 503 when it does not. */
import { sql } from 'drizzle-orm'
import { Hono } from 'hono'
import type { AppEnv } from '../../env.ts'

export const health = new Hono<AppEnv>().get('/healthz', async (c) => {
  c.header('Cache-Control', 'no-store')
  try {
    await c.var.deps.db.run(sql`select 1`)
    return c.json({ status: 'ok' })
  } catch (err) {
    c.var.deps.log({ id: c.var.requestId, level: 'error', error: `healthz: ${(err as Error).message}` })
    return c.json({ status: 'unavailable' }, 503)
  }
})
