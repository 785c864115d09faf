/**
 * Reads that go together: the independent reads of one page in ONE round trip. From a Worker
 * every separate D1 read is a network round trip (docs/workers.md, "Cost per request"); a batch
 * is one. On libSQL the batch is one deferred transaction, so the reads also see one snapshot.
 * A query builder is a read: build it without awaiting, and shape its rows afterwards.
 */
import type { Db, Stmt } from './types.ts'

export interface Read<T> {
  readonly stmt: Stmt | null
  readonly shape: (rows: unknown) => T
}

/** A read of `stmt` (an unawaited query builder), its rows shaped by `shape`. */
export function read<Q extends Stmt & PromiseLike<unknown>>(stmt: Q): Read<Awaited<Q>>
export function read<Q extends Stmt & PromiseLike<unknown>, T>(
  stmt: Q,
  shape: (rows: Awaited<Q>) => T,
): Read<T>
export function read(stmt: Stmt, shape?: (rows: unknown) => unknown): Read<unknown> {
  return { stmt, shape: shape ?? ((rows) => rows) }
}

/** No read at all (the actor may not see it): `value`, without asking the database. */
export function none<T>(value: T): Read<T> {
  return { stmt: null, shape: () => value }
}

type Results<T extends readonly Read<unknown>[]> = {
  -readonly [K in keyof T]: T[K] extends Read<infer U> ? U : never
}

/** Runs the reads in one batch (one alone: as it is) and returns their shaped results, in order. */
export async function readTogether<const T extends readonly Read<unknown>[]>(
  db: Db,
  reads: T,
): Promise<Results<T>> {
  const stmts = reads.flatMap((r) => (r.stmt ? [r.stmt] : []))
  const results: unknown[] =
    stmts.length === 0
      ? []
      : stmts.length === 1
        ? [await stmts[0]]
        : await db.batch(stmts as [Stmt, ...Stmt[]])
  let i = 0
  return reads.map((r) => r.shape(r.stmt ? results[i++] : undefined)) as Results<T>
}
