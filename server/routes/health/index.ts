/** Liveness with a real database round trip: 200 when it answers, 503 when it does not. */
import { Hono } from 'hono'
import { ping } from '../../../db/queries/health.ts'
import type { AppEnv } from '../../env.ts'

/** The answer, with its length: nothing downstream needs to read it back (middleware/respond.ts). */
const OK = JSON.stringify({ status: 'ok' })
const OK_HEADERS = {
  'Cache-Control': 'no-store',
  'Content-Type': 'application/json',
  'Content-Length': String(OK.length),
}

export const health = new Hono<AppEnv>().get('/healthz', async (c) => {
  try {
    await ping(c.get('deps').db)
    return c.body(OK, 200, OK_HEADERS)
  } catch (err) {
    c.get('deps').log({ id: c.get('requestId'), level: 'error', error: `healthz: ${(err as Error).message}` })
    c.header('Cache-Control', 'no-store')
    return c.json({ status: 'unavailable' }, 503)
  }
})
