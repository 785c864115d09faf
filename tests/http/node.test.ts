/**
 * The HTTP suite on Node: the app in process on a real libSQL file (tests/helpers/app.ts), its
 * static files served as `npm start` serves them (through a real HTTP server), mail delivered by
 * nodemailer to a real SMTP sink.
 */
import { readFileSync } from 'node:fs'
import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { serveStatic } from '@hono/node-server/serve-static'
import { type SQL, sql } from 'drizzle-orm'
import { afterAll, beforeAll } from 'vitest'
import { deliverDue } from '../../server/mail/transport.ts'
import { type TestApp, testApp } from '../helpers/app.ts'
import { startSmtpSink } from '../workers-node/smtp-sink.ts'
import { httpSuite } from './suite.ts'
import type { Received, Runtime } from './target.ts'

const publicDir = new URL('../../public/', import.meta.url).pathname
const rt = {} as Runtime
let t: TestApp
let server: Server | undefined

beforeAll(async () => {
  const sink = await startSmtpSink()
  t = await testApp(
    {},
    {
      front: {
        assets: JSON.parse(readFileSync(`${publicDir}manifest.json`, 'utf8')),
        // as server/serve.ts serves them
        staticFiles: serveStatic({
          root: publicDir,
          onFound: (_path, c) => {
            c.header('Cache-Control', 'public, max-age=31536000, immutable')
          },
        }),
      },
    },
  )
  // static files through the real HTTP server, as `npm start` answers them (its headers are set
  // after the body, which only the Node server's response carries over)
  server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }) as Server
  await new Promise<void>((resolve) => server!.once('listening', () => resolve()))
  const front = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const query = (text: string, params: (string | number)[]): SQL => {
    const parts = text.split('?')
    let q = sql.raw(parts[0]!)
    parts.slice(1).forEach((part, i) => {
      q = sql`${q}${params[i]}${sql.raw(part)}`
    })
    return q
  }
  Object.assign(rt, {
    name: 'node',
    origin: 'http://localhost:3000',
    now: () => t.clock.now,
    fetch: async (path, init) => t.app.request(`http://localhost:3000${path}`, init),
    rows: (text, ...params) => t.db.all(query(text, params)),
    deliver: async (at) => {
      await deliverDue({
        db: t.db,
        smtpUrl: sink.smtpUrl,
        from: t.config.mailFrom,
        now: () => at ?? t.clock.now,
        log: () => {},
      })
    },
    received: async () => (await (await fetch(sink.receivedUrl)).json()) as Received[],
    asset: (path) => fetch(`${front}${path}`),
  } satisfies Runtime)
})
afterAll(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)))
  t?.close()
})

httpSuite(rt)
