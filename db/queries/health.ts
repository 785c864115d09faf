/**
 * The database round trip of /healthz: one row of a table the migrations made, by a statement
 * prepared once per database. (A plain SELECT with known fields: on a file it is served by the
 * read connection of db/fast-reads.ts in a few µs; `select 1` through the client costs ~35 µs.)
 */
import { sql } from 'drizzle-orm'
import { islands } from '../schema/index.ts'
import type { Db } from '../types.ts'

const prepared = new WeakMap<Db, { all: () => Promise<unknown[]> }>()

export async function ping(db: Db): Promise<void> {
  let query = prepared.get(db)
  if (!query) {
    query = db.select({ one: sql<number>`1` }).from(islands).limit(1).prepare()
    prepared.set(db, query)
  }
  await query.all()
}
