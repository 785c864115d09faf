/**
 * Starts the Node server: opens (and migrates) the libSQL file, seeds an empty database, serves
 * the static files, and runs the mail delivery loop when SMTP_URL is set. Used by `npm start` and
 * by the browser tests, so that they test what users run.
 */
import { readFileSync } from 'node:fs'
import type { Server as HttpServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { availableParallelism } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { serve } from '@hono/node-server'
import { getConnInfo } from '@hono/node-server/conninfo'
import { serveStatic } from '@hono/node-server/serve-static'
import { openDatabase } from '../db/client.ts'
import { purgeImports } from '../db/queries/functionary-imports.ts'
import { purgeKeys } from '../db/queries/idempotency.ts'
import { purgeCounters } from '../db/queries/rate-limits.ts'
import { DEMO_PASSWORD } from '../db/seed/demo.ts'
import { isSeeded, seed } from '../db/seed/index.ts'
import { createApp } from './app.ts'
import { hashGate, hashPassword } from './auth/password.ts'
import type { Config } from './config.ts'
import type { Deps } from './env.ts'
import { startDelivery } from './mail/transport.ts'
import { clientAddressFrom } from './middleware/client-address.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const publicDir = join(root, 'public')

/**
 * One JSON line per event on stdout. Lines wait for the end of the event loop's turn and leave in
 * one write (a write per request was a tenth of the CPU of a small page under load); whatever is
 * waiting is written when the process exits.
 */
let waiting: string[] = []
const flushLog = () => {
  if (waiting.length === 0) return
  const text = waiting.join('')
  waiting = []
  process.stdout.write(text)
}
process.on('exit', flushLog)

export const jsonLog = (line: Record<string, unknown>) => {
  waiting.push(`${JSON.stringify({ t: new Date().toISOString(), ...line })}\n`)
  if (waiting.length === 1) setImmediate(flushLog)
}

export async function startServer(config: Config, opts: { log?: Deps['log']; now?: () => number } = {}) {
  const log = opts.log ?? jsonLog
  // Hashing runs on the thread pool: leave a core to the event loop where there are more than
  // two, and keep two slots at least, so that one flooding address (one slot) leaves one free.
  hashGate.setLimit(Math.max(2, availableParallelism() - 1))
  const now = opts.now ?? Date.now
  const { db, counters, reads, close, backup } = await openDatabase(config.databaseUrl)
  if (backup)
    log({ level: 'info', event: 'backup-before-migrations', path: backup.path, pending: backup.pending })
  const demo = !config.production
  // (the demo hash costs a PBKDF2 run: only for an empty database)
  if (
    !(await isSeeded(db)) &&
    (await seed(db, {
      demo,
      demoPasswordHash: demo ? await hashPassword(DEMO_PASSWORD, config.passwordIterations) : undefined,
      now: now(),
    }))
  ) {
    log({ level: 'info', event: 'seeded', demo })
  }
  const assets = JSON.parse(readFileSync(join(publicDir, 'manifest.json'), 'utf8'))
  const app = createApp({
    db,
    counters,
    dataVersion: reads?.dataVersion,
    config,
    assets,
    now,
    log,
    clientAddress: (req, env) =>
      clientAddressFrom(
        req.headers.get('x-forwarded-for'),
        getConnInfo({ req: { raw: req }, env } as never).remote.address ?? 'unknown',
        config.trustProxy,
      ),
    staticFiles: serveStatic({
      root: publicDir,
      rewriteRequestPath: (p) => p,
      onFound: (_path, c) => {
        c.header('Cache-Control', 'public, max-age=31536000, immutable')
      },
    }),
  })
  const stopDelivery = config.smtpUrl
    ? startDelivery(
        { db, smtpUrl: config.smtpUrl, from: config.mailFrom, now, log },
        config.deliveryIntervalMs,
      )
    : async () => {}
  const purge = setInterval(() => {
    purgeKeys(db, now() - 7 * 86_400_000).catch(() => {})
    purgeCounters(db, now() - 86_400_000).catch(() => {})
    purgeImports(db, now() - 3_600_000).catch(() => {})
  }, 3_600_000)
  purge.unref()
  const server = serve({ fetch: app.fetch, port: config.port, hostname: '0.0.0.0' }) as HttpServer
  await new Promise<void>((resolve) => server.once('listening', () => resolve()))
  const port = (server.address() as AddressInfo).port
  return {
    app,
    db,
    port,
    url: `http://localhost:${port}`,
    /**
     * Stops cleanly: no new connections, idle ones closed, requests in flight finish (cut after
     * `graceMs`), the delivery pass in flight finishes its mail, then the database closes.
     */
    async close(graceMs = 8000) {
      clearInterval(purge)
      const closed = new Promise<void>((resolve) => server.close(() => resolve()))
      server.closeIdleConnections()
      const cut = setTimeout(() => server.closeAllConnections(), graceMs)
      await stopDelivery()
      await closed
      clearTimeout(cut)
      close()
    },
  }
}
