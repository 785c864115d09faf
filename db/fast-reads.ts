/**
 * Reads on a file database without the client's per-statement cost (docs/bench.md, "Where a
 * page's CPU went"). `@libsql/client` prepares every statement anew, asks SQLite for 64-bit
 * integers and converts each back, and builds every row with two `Object.defineProperty` calls a
 * value: on `/pool` (1,442 values) that was a third of the page's CPU. Here a plain SELECT that
 * drizzle reads by position (a query with known fields), alone or in a batch of such, runs on a second connection of our own,
 * opened `query_only`, with its prepared statement kept, and comes back as plain arrays.
 *
 * Everything else keeps going through the client: writes, `RETURNING`, batches (the busy timeout
 * and `BEGIN IMMEDIATE` of docs/architecture.md, "Platform traps"), and raw `sql` reads whose rows
 * are read by column name. A read here sees every commit made before it (WAL: a statement reads
 * the newest committed state), so a page still shows what the request before it wrote.
 * Integers come back as JavaScript numbers; the schema holds none beyond 2^53 (ids are text,
 * times are epoch milliseconds).
 */
import Database from 'libsql'

type Client = { execute: (stmt: { sql: string; args: unknown[] }) => Promise<unknown> }
type Prepared = { all: (args: unknown[]) => unknown[][]; raw: (on: boolean) => unknown }
type Query = {
  client: Client
  fields?: unknown
  customResultMapper?: unknown
  getQuery: () => { sql: string; params: unknown[] }
  mapResult: (result: unknown, isFromBatch: boolean) => unknown
}
type Session = {
  prepareQuery: (query: unknown, fields: unknown, ...rest: unknown[]) => Query
  batch: (queries: { _prepare: () => Query }[]) => Promise<unknown[]>
}

const PLAIN_SELECT = /^select\s/i
/** Distinct statements are few (the app's queries, one text each); the bound is for safety. */
const KEEP = 500

export interface FastReads {
  /** `PRAGMA data_version` of this connection: it changes whenever another connection commits. */
  dataVersion: () => number
  /** Sees every statement run here (tests/db/query-plans.test.ts explains them); null stops. */
  watch: (fn: ((sql: string, args: unknown[]) => void) | null) => void
  close: () => void
}

function toSql(value: unknown): unknown {
  if (typeof value === 'boolean') return value ? 1 : 0
  if (value instanceof Date) return value.valueOf()
  if (value instanceof ArrayBuffer) return Buffer.from(value)
  if (value === undefined) throw new TypeError('undefined cannot be passed as argument to the database')
  return value
}

/** Sends `db`'s positional SELECTs through a second, read-only connection to the file at `path`. */
export function useFastReads(db: unknown, path: string): FastReads {
  const conn = new Database(path, { timeout: 5000 })
  conn.exec('PRAGMA query_only=ON')
  const version = conn.prepare('PRAGMA data_version')
  version.raw(true)
  const kept = new Map<string, Prepared>()
  let watcher: ((sql: string, args: unknown[]) => void) | null = null

  function prepared(sql: string, args: unknown[]): Prepared {
    watcher?.(sql, args)
    let stmt = kept.get(sql)
    if (!stmt) {
      if (kept.size >= KEEP) kept.clear()
      stmt = conn.prepare(sql) as unknown as Prepared
      stmt.raw(true)
      kept.set(sql, stmt)
    }
    return stmt
  }

  const session = (db as { session: Session }).session
  const prepare = session.prepareQuery.bind(session)
  session.prepareQuery = (query, fields, ...rest) => {
    const q = prepare(query, fields, ...rest)
    // rest[2] is drizzle's customResultMapper (relational queries also read by position)
    if (fields || rest[2]) {
      const client = q.client
      q.client = {
        execute(stmt) {
          if (!PLAIN_SELECT.test(stmt.sql)) return client.execute(stmt)
          try {
            const rows = prepared(stmt.sql, stmt.args).all(stmt.args.map(toSql))
            return Promise.resolve({ rows, columns: [], columnTypes: [], rowsAffected: 0 })
          } catch (err) {
            return Promise.reject(err)
          }
        },
      }
    }
    return q
  }

  // A batch of such reads (db/read.ts: one round trip on D1) runs here as one read transaction,
  // so its statements see the same state, as they would in the client's batch.
  const batch = session.batch.bind(session)
  session.batch = async (queries) => {
    const qs = queries.map((q) => q._prepare())
    const built = qs.map((q) => q.getQuery())
    const positional = (q: Query, i: number) =>
      (q.fields || q.customResultMapper) && PLAIN_SELECT.test(built[i]?.sql ?? '')
    if (!qs.every(positional)) return batch(queries)
    conn.exec('BEGIN')
    try {
      const results = built.map(({ sql, params }) => ({ rows: prepared(sql, params).all(params.map(toSql)) }))
      return results.map((r, i) => qs[i]?.mapResult(r, true))
    } finally {
      conn.exec('COMMIT')
    }
  }

  return {
    dataVersion: () => Number((version.get() as unknown as number[])[0]),
    watch: (fn) => {
      watcher = fn
    },
    close: () => conn.close(),
  }
}
