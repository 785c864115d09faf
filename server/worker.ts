/**
 * The Cloudflare Workers entry: the same app as server/node.ts, on D1. Built once per isolate (and
 * again only if the configuration changes); wrangler's [assets] serves public/ before this runs.
 * - Production (NODE_ENV=production) without BASE_URL is refused with a 500 page and a log line,
 *   before anything is seeded: never demo data, never links to localhost.
 * - Mail: the app writes the outbox; after a change a delivery pass runs in `ctx.waitUntil`, and
 *   the cron pass (wrangler.toml [triggers]) is the retry (docs/workers.md).
 * - PBKDF2 calls are capped at hosted Workers' 100,000 iterations (server/auth/password.ts).
 * Nothing in this graph may be Node-only (no nodemailer, @libsql/client, db/client.ts, node:*).
 */
import { drizzle } from 'drizzle-orm/d1'
import { purgeImports } from '../db/queries/functionary-imports.ts'
import { purgeKeys } from '../db/queries/idempotency.ts'
import { purgeCounters } from '../db/queries/rate-limits.ts'
import * as schema from '../db/schema/index.ts'
import { DEMO_PASSWORD } from '../db/seed/demo.ts'
import { isSeeded, seed } from '../db/seed/index.ts'
import type { Db } from '../db/types.ts'
import manifest from '../public/manifest.json'
import { type App, createApp } from './app.ts'
import { hashPassword, limitPbkdf2Calls, WORKERS_CALL_LIMIT } from './auth/password.ts'
import { type Config, parseConfig } from './config.ts'
import type { Deps } from './env.ts'
import { CRON_PASS_MS, deliverFromWorker, REQUEST_PASS_MS } from './mail/worker-transport.ts'

limitPbkdf2Calls(WORKERS_CALL_LIMIT)

const HOUR = 3_600_000
/** One-time keys are kept this long, rate-limit counters a day (as on Node: server/serve.ts). */
const KEY_TTL = 7 * 24 * HOUR
const COUNTER_TTL = 24 * HOUR
/** An import staged this long ago and never published was abandoned (db/queries/functionary-imports.ts). */
const IMPORT_TTL = HOUR

export interface Env {
  DB: D1Database
  /** The public address, e.g. https://ccpm.example.org (Secure cookies when https). A secret in production. */
  BASE_URL?: string
  /** "production" turns the demo data off and requires BASE_URL. */
  NODE_ENV?: string
  MAIL_FROM?: string
  /** smtp://user:pass@host:587 (STARTTLS) or smtps://…:465; a secret. Unset: mail waits in the outbox. */
  SMTP_URL?: string
}

const log: Deps['log'] = (line) => console.log(JSON.stringify(line))

interface Built {
  key: string
  binding: D1Database
  app: App
  db: Db
  config: Config
  /** The first request of an isolate seeds an empty database; the others wait for it. */
  seeding?: Promise<void>
}
type Refusal = { key: string; error: string }

/** Built on an isolate's first request (bindings arrive with the request, not at import). */
let isolate: Built | Refusal | undefined

/**
 * Development (`wrangler dev`, the tests) needs no BASE_URL: the address the Worker is reached at
 * serves. Production never guesses (the Host header is the client's to choose).
 */
const baseUrlOf = (env: Env, request?: Request, seen?: string) =>
  env.BASE_URL ?? (env.NODE_ENV === 'production' ? undefined : request ? new URL(request.url).origin : seen)

/** `seen`: the address a development Worker was last reached at (a scheduled run has no request). */
function build(env: Env, request?: Request, seen?: string): Built | Refusal {
  const baseUrl = baseUrlOf(env, request, seen)
  const key = JSON.stringify([env.NODE_ENV, baseUrl, env.MAIL_FROM, env.SMTP_URL])
  if (isolate && isolate.key === key && ('error' in isolate || isolate.binding === env.DB)) return isolate
  let config: Config
  try {
    config = parseConfig({
      BASE_URL: baseUrl,
      NODE_ENV: env.NODE_ENV,
      MAIL_FROM: env.MAIL_FROM,
      SMTP_URL: env.SMTP_URL,
    })
  } catch (err) {
    isolate = { key, error: (err as Error).message }
    return isolate
  }
  const db = drizzle(env.DB, { schema }) as unknown as Db
  const app = createApp({
    db,
    config,
    assets: manifest,
    now: Date.now,
    log,
    clientAddress: (req) => req.headers.get('cf-connecting-ip') ?? 'unknown',
  })
  isolate = { key, binding: env.DB, app, db, config }
  return isolate
}

/** The answer of a Worker that must not serve (production without BASE_URL, a bad value). */
function refuse(error: string): Response {
  log({ level: 'error', event: 'config-refused', error })
  const body = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Not configured</title>
<h1>This service is not configured</h1><p>${error.replace(/[<>&]/g, '')}.</p>
<p>The operator sets it with <code>npx wrangler secret put BASE_URL --env production</code> (docs/workers.md).</p></html>`
  return new Response(body, {
    status: 500,
    headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' },
  })
}

async function seedIfEmpty(db: Db, config: Config) {
  if (await isSeeded(db)) return
  const demo = !config.production
  const demoPasswordHash = demo ? await hashPassword(DEMO_PASSWORD, config.passwordIterations) : undefined
  try {
    if (await seed(db, { demo, demoPasswordHash, now: Date.now() }))
      log({ level: 'info', event: 'seeded', demo })
  } catch (err) {
    // Another isolate may have seeded between our check and our batch (which is atomic).
    if (!(await isSeeded(db))) throw err
  }
}

/**
 * One delivery pass at a time per isolate: a change during a pass asks for one more pass after
 * it (the mail it queued may have been written after the pass read the due list).
 */
let delivering: Promise<void> | undefined
let again = false
function deliverSoon(built: Built, passMs: number): Promise<void> {
  const { db, config } = built
  if (!config.smtpUrl) return Promise.resolve()
  const smtpUrl = config.smtpUrl
  if (delivering) {
    again = true
    return delivering
  }
  delivering = (async () => {
    do {
      again = false
      await deliverFromWorker({ db, smtpUrl, from: config.mailFrom, now: Date.now, log, passMs }).catch(
        (err: unknown) => log({ level: 'error', event: 'delivery-pass', error: (err as Error).message }),
      )
    } while (again)
  })().finally(() => {
    delivering = undefined
  })
  return delivering
}

/** Reads what is left of a body, at most `max` bytes (then gives up on the rest). */
async function drain(body: ReadableStream<Uint8Array>, max = 4 * 1024 * 1024) {
  const reader = body.getReader()
  let read = 0
  try {
    while (read <= max) {
      const { done, value } = await reader.read()
      if (done) return
      read += value.byteLength
    }
    await reader.cancel()
  } catch {}
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS'])
/** Changes that never queue mail: no delivery pass after them (it would cost a query for nothing). */
const MAILLESS = new Set(['/login', '/logout', '/locale'])

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    const built = build(env, request)
    if ('error' in built) return refuse(built.error)
    built.seeding ??= seedIfEmpty(built.db, built.config).catch((err: unknown) => {
      // Not fatal for this request (the app reports database trouble itself); the next request
      // of this isolate tries again.
      built.seeding = undefined
      log({ level: 'error', event: 'seed-failed', error: (err as Error).message })
    })
    await built.seeding
    // The Workers runtime compresses a response itself whenever it carries Content-Encoding, so
    // the app's compress() would gzip twice (seen in `wrangler dev`). Without Accept-Encoding the
    // app sends plain bodies and Cloudflare compresses at the edge, for the client's real header.
    const plain = new Request(request)
    plain.headers.delete('accept-encoding')
    const response = await built.app.fetch(plain, env, ctx)
    // `wrangler dev` (4.86) answers the next request on a connection 503 "Your worker restarted
    // mid-request" when a Worker answered without reading the request body (a 403 before the form
    // was read; workers-sdk#15203). Locally the rest of the body is read; hosted Workers need not.
    if (!built.config.production && plain.body && !plain.bodyUsed) await drain(plain.body)
    // A change may have queued mail (in its own batch): send it now, not at the next cron minute.
    if (!READS.has(request.method) && response.status < 400 && !MAILLESS.has(new URL(request.url).pathname))
      ctx.waitUntil(deliverSoon(built, REQUEST_PASS_MS))
    return response
  },

  /**
   * Every minute (wrangler.toml [triggers]): a delivery pass over the due outbox (the retry of the
   * passes run after changes); on the hour the purge of one-time keys older than 7 days, of
   * rate-limit counters older than a day and of imports abandoned half-way (as server/serve.ts).
   */
  async scheduled(controller: ScheduledController, env: Env, ctx: ExecutionContext): Promise<void> {
    // A development Worker keeps the address its requests came to; the rest of the configuration
    // is this run's env (the isolate's app is reused only when it was built from the same values).
    const built = build(env, undefined, isolate && !('error' in isolate) ? isolate.config.baseUrl : undefined)
    if ('error' in built) {
      log({ level: 'error', event: 'config-refused', error: built.error })
      return
    }
    const { db } = built
    const at = controller.scheduledTime
    const fail = (event: string) => (err: unknown) =>
      log({ level: 'error', event, error: (err as Error).message })
    const work: Promise<unknown>[] = [deliverSoon(built, CRON_PASS_MS)]
    if (new Date(at).getUTCMinutes() === 0) {
      work.push(purgeKeys(db, at - KEY_TTL).catch(fail('purge-keys')))
      work.push(purgeCounters(db, at - COUNTER_TTL).catch(fail('purge-counters')))
      work.push(purgeImports(db, at - IMPORT_TTL).catch(fail('purge-imports')))
    }
    const all = Promise.all(work)
    ctx.waitUntil(all)
    await all
  },
} satisfies ExportedHandler<Env>
