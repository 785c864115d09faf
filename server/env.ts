/** The types of the Hono context: dependencies and per-request variables. */
import type { SessionUser } from '../db/queries/sessions.ts'
import type { Db } from '../db/types.ts'
import type { Assets, ViewCtx } from '../views/context.ts'
import type { Config } from './config.ts'

export interface Deps {
  db: Db
  /** Where rate-limit counters go (a connection that skips the fsync per commit); default `db`. */
  counters?: Db
  config: Config
  assets: Assets
  /** The clock: tests move it, entries pass Date.now. */
  now: () => number
  /** One structured log line. */
  log: (line: Record<string, unknown>) => void
  /** The client's address, as the runtime knows it. */
  clientAddress: (req: Request, env: unknown) => string
  /** Serves /assets/* on Node; on Workers the [assets] binding answers before the app. */
  staticFiles?: import('hono').MiddlewareHandler
  /**
   * On a file database: a number that changes whenever anything is committed to it, by any
   * connection or process (db/fast-reads.ts). Its presence switches on the page cache
   * (server/middleware/page-cache.ts).
   */
  dataVersion?: () => number
}

export interface AppEnv {
  Variables: {
    deps: Deps
    requestId: string
    user: SessionUser | null
    sessionId: string | null
    /** Until when the session needs no write (server/auth/session.ts `quietUntil`); null when signed out. */
    sessionQuietUntil: number | null
    view: ViewCtx
    /** The page cache answered (server/middleware/page-cache.ts): for the request log. */
    cached: boolean
    /** Set by a handler whose POST changed nothing (a form re-render): its one-time key stays unused. */
    keyUnused: boolean
  }
}
