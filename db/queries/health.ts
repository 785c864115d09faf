/** The database round trip of /healthz: the cheapest statement there is, built once. */
import { sql } from 'drizzle-orm'
import type { Db } from '../types.ts'

const PING = sql`select 1`

export async function ping(db: Db): Promise<void> {
  await db.run(PING)
}
