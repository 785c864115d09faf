/**
 * The Cloudflare Workers entry: the same app as server/node.ts, on D1. Built once per isolate;
 * wrangler's [assets] serves public/ before this runs, so there is no static-file handler here.
 * Mail: the app writes the outbox; the scheduled handler (wrangler.toml [triggers]) delivers it
 * over SMTP with worker-mailer when SMTP_URL is set (docs/workers.md).
 * Nothing in this graph may be Node-only (no nodemailer, @libsql/client, db/client.ts, node:*).
 */
import { drizzle } from 'drizzle-orm/d1'
import { purgeKeys } from '../db/queries/idempotency.ts'
import * as schema from '../db/schema/index.ts'
import { DEMO_PASSWORD } from '../db/seed/demo.ts'
import { isSeeded, seed } from '../db/seed/index.ts'
import type { Db } from '../db/types.ts'
import manifest from '../public/manifest.json'
import { type App, createApp } from './app.ts'
import { hashPassword } from './auth/password.ts'
import { type Config, parseConfig } from './config.ts'
import type { Deps } from './env.ts'
import { deliverFromWorker } from './mail/worker-transport.ts'

/** One-time keys are kept this long (as on Node: server/serve.ts). */
const KEY_TTL = 7 * 86_400_000

export interface Env {
  DB: D1Database
  /** The public address, e.g. https://ccpm.example.org (Secure cookies when https). */
  BASE_URL?: string
  /** "production" turns the demo data off. */
  NODE_ENV?: string
  MAIL_FROM?: string
  /** smtp://user:pass@host:port (STARTTLS when credentials are given) or smtps://…; unset: mail waits. */
  SMTP_URL?: string
}

const log: Deps['log'] = (line) => console.log(JSON.stringify(line))

/** Built on an isolate's first request (bindings arrive with the request, not at import). */
let isolate: { app: App; db: Db; config: Config } | undefined
/** The first request of an isolate seeds an empty database; the others wait for it. */
let seeding: Promise<void> | undefined

function build(env: Env) {
  const config = parseConfig({
    BASE_URL: env.BASE_URL,
    NODE_ENV: env.NODE_ENV,
    MAIL_FROM: env.MAIL_FROM,
    SMTP_URL: env.SMTP_URL,
  })
  const db = drizzle(env.DB, { schema }) as unknown as Db
  const app = createApp({
    db,
    config,
    assets: manifest,
    now: Date.now,
    log,
    clientAddress: (req) => req.headers.get('cf-connecting-ip') ?? 'unknown',
  })
  return { app, db, config }
}

async function seedIfEmpty(db: Db, config: Config) {
  if (await isSeeded(db)) return
  const demo = !config.production
  const demoPasswordHash = demo ? await hashPassword(DEMO_PASSWORD) : undefined
  try {
    if (await seed(db, { demo, demoPasswordHash, now: Date.now() }))
      log({ level: 'info', event: 'seeded', demo })
  } catch (err) {
    // Another isolate may have seeded between our check and our batch (which is atomic).
    if (!(await isSeeded(db))) throw err
  }
}

export default {
  async fetch(request: Request, env: Env, ctx: ExecutionContext): Promise<Response> {
    isolate ??= build(env)
    const { app, db, config } = isolate
    seeding ??= seedIfEmpty(db, config).catch((err: unknown) => {
      // Not fatal for this request (the app reports database trouble itself); the next request
      // of this isolate tries again.
      seeding = undefined
      log({ level: 'error', event: 'seed-failed', error: (err as Error).message })
    })
    await seeding
    // The Workers runtime compresses a response itself whenever it carries Content-Encoding, so
    // the app's compress() would gzip twice (seen in `wrangler dev`). Without Accept-Encoding the
    // app sends plain bodies and Cloudflare compresses at the edge, for the client's real header.
    const plain = new Request(request)
    plain.headers.delete('accept-encoding')
    return app.fetch(plain, env, ctx)
  },

  /**
   * Every minute (wrangler.toml [triggers]): one delivery pass over the due outbox messages, and
   * on the hour the purge of one-time keys older than 7 days (the Node process does both on timers).
   */
  async scheduled(controller: ScheduledController, env: Env, ctx: ExecutionContext): Promise<void> {
    isolate ??= build(env)
    const { db, config } = isolate
    const fail = (event: string) => (err: unknown) =>
      log({ level: 'error', event, error: (err as Error).message })
    const work: Promise<unknown>[] = []
    if (config.smtpUrl) {
      const smtp = { db, smtpUrl: config.smtpUrl, from: config.mailFrom, now: Date.now, log }
      work.push(deliverFromWorker(smtp).catch(fail('delivery-pass')))
    }
    if (new Date(controller.scheduledTime).getUTCMinutes() === 0) {
      work.push(purgeKeys(db, controller.scheduledTime - KEY_TTL).catch(fail('purge-keys')))
    }
    const all = Promise.all(work)
    ctx.waitUntil(all)
    await all
  },
} satisfies ExportedHandler<Env>
