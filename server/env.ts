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
}

export interface AppEnv {
  Variables: {
    deps: Deps
    requestId: string
    user: SessionUser | null
    sessionId: string | null
    view: ViewCtx
    /** Set by a handler whose POST changed nothing (a form re-render): its one-time key stays unused. */
    keyUnused: boolean
  }
}
