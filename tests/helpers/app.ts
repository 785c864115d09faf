/**
 * A fresh app per test file on a real libSQL file with the real migrations and the demo seed,
 * plus small helpers to sign in and to send forms the way a browser does (Origin header, cookie).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { sql } from 'drizzle-orm'
import { openDatabase } from '../../db/client.ts'
import type { FastReads } from '../../db/fast-reads.ts'
import { seed } from '../../db/seed/index.ts'
import type { Db } from '../../db/types.ts'
import { createApp } from '../../server/app.ts'
import { hashPassword } from '../../server/auth/password.ts'
import { type Config, parseConfig } from '../../server/config.ts'
import type { Deps } from '../../server/env.ts'

export const ORIGIN = 'http://localhost:3000'
/** Test accounts hash with this few iterations (the stored hash carries its count): sign-ins cost ~1 ms. */
export const TEST_ITERATIONS = 1000
let demoHash: Promise<string> | undefined

export interface TestApp {
  app: ReturnType<typeof createApp>
  db: Db
  /** The read-only connection that serves the app's plain reads (db/fast-reads.ts). */
  reads: FastReads | null
  config: Config
  clock: { now: number }
  logs: Record<string, unknown>[]
  close: () => void
  /** Signs in and returns the Cookie header value. */
  login: (email: string, password?: string) => Promise<string>
  get: (path: string, cookie?: string, headers?: Record<string, string>) => Promise<Response>
  post: (
    path: string,
    form: Record<string, string | string[]>,
    cookie?: string,
    headers?: Record<string, string>,
  ) => Promise<Response>
  postJson: (
    path: string,
    body: unknown,
    cookie?: string,
    headers?: Record<string, string>,
  ) => Promise<Response>
}

/**
 * `durable: true` keeps SQLite's fsync per commit, as production has it (the benchmark); tests
 * skip it (a throwaway file: nothing to keep through a power cut, and writes get ~25× cheaper).
 * `wrapDb` puts a harness around the real database the app uses (a race test holds writes at a
 * barrier until every racer has read); the tests' own `t.db` stays the plain one. `front`: the real
 * asset manifest and static files (the HTTP suite's asset flow); otherwise pages link stand-ins.
 */
export async function testApp(
  env: Record<string, string> = {},
  opts: { durable?: boolean; wrapDb?: (db: Db) => Db; front?: Pick<Deps, 'assets' | 'staticFiles'> } = {},
): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'ccpm-test-'))
  const config: Config = {
    ...parseConfig({ DATABASE_URL: `file:${join(dir, 'test.db')}`, BASE_URL: ORIGIN, ...env }),
    passwordIterations: TEST_ITERATIONS,
  }
  const { db, reads, close } = await openDatabase(config.databaseUrl)
  if (!opts.durable) await db.run(sql`PRAGMA synchronous=OFF`)
  demoHash ??= hashPassword('demo', TEST_ITERATIONS)
  const clock = { now: Date.UTC(2026, 8, 6, 12, 0, 0) }
  await seed(db, { demo: true, demoPasswordHash: await demoHash, now: clock.now })
  const logs: Record<string, unknown>[] = []
  const app = createApp({
    db: opts.wrapDb ? opts.wrapDb(db) : db,
    dataVersion: reads?.dataVersion,
    config,
    assets: { css: '/assets/app-test.css', htmx: '/assets/htmx-test.js' },
    ...opts.front,
    now: () => clock.now,
    log: (line) => logs.push(line),
    clientAddress: (req) => req.headers.get('x-test-address') ?? '127.0.0.1',
  })
  const request = async (path: string, init: RequestInit) => app.request(`${ORIGIN}${path}`, init)
  const withCookie = (cookie?: string, headers: Record<string, string> = {}) => ({
    ...(cookie ? { cookie } : {}),
    ...headers,
  })

  const t: TestApp = {
    app,
    db,
    reads,
    config,
    clock,
    logs,
    close: () => {
      close()
      rmSync(dir, { recursive: true, force: true })
    },
    get: (path, cookie, headers) => request(path, { headers: withCookie(cookie, headers) }),
    post: (path, form, cookie, headers) => {
      const body = new URLSearchParams()
      for (const [k, v] of Object.entries(form)) for (const one of [v].flat()) body.append(k, one)
      return request(path, {
        method: 'POST',
        body,
        headers: {
          origin: ORIGIN,
          'content-type': 'application/x-www-form-urlencoded',
          ...withCookie(cookie, headers),
        },
      })
    },
    postJson: (path, body, cookie, headers) =>
      request(path, {
        method: 'POST',
        body: JSON.stringify(body),
        headers: { 'content-type': 'application/json', ...withCookie(cookie, headers) },
      }),
    login: async (email, password = 'demo') => {
      const res = await t.post('/login', { email, password })
      if (res.status !== 303) throw new Error(`login ${email}: ${res.status}`)
      const cookie = res.headers.get('set-cookie')?.split(';')[0]
      if (!cookie) throw new Error('no session cookie')
      return cookie
    },
  }
  return t
}
