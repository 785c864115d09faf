/**
 * The HTTP suite on Node: the app in process on a real libSQL file (tests/helpers/app.ts), its
 * static files served as `npm start` serves them, mail delivered by nodemailer to a real SMTP sink.
 */
import { readFileSync } from 'node:fs'
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
    fetch: (path, init) => t.app.request(`http://localhost:3000${path}`, init),
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
    asset: (path) => t.app.request(`http://localhost:3000${path}`),
  } satisfies Runtime)
})
afterAll(() => t?.close())

httpSuite(rt)
