/** The database handle as both runtimes see it: libSQL (Node) and D1 (Workers) share this type. */
import type { BatchItem, BatchResponse } from 'drizzle-orm/batch'
import type { BaseSQLiteDatabase } from 'drizzle-orm/sqlite-core'
import type * as schema from './schema/index.ts'

/** A statement that can go into db.batch(). */
export type Stmt = BatchItem<'sqlite'>

// biome-ignore lint/suspicious/noExplicitAny: the run-result type differs per driver (ResultSet vs D1Result)
export type Db = BaseSQLiteDatabase<'async', any, typeof schema> & {
  /** Atomic on both drivers; the only way to write more than one row. */
  batch<U extends Stmt, T extends Readonly<[U, ...U[]]>>(batch: T): Promise<BatchResponse<T>>
}

/** Rows changed by a write, whichever driver ran it. */
export function changes(result: unknown): number {
  const r = result as { rowsAffected?: number; meta?: { changes?: number } }
  return r.rowsAffected ?? r.meta?.changes ?? 0
}
