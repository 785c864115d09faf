/**
 * The HTTP suite on workerd: server/worker.ts on a local D1 through the Worker's own fetch, mail
 * delivered by worker-mailer over cloudflare:sockets to the real SMTP sink in Node, and static
 * files through wrangler's [assets] router (a `wrangler dev` server started by the config).
 */
import { env, exports } from 'cloudflare:workers'
import { drizzle } from 'drizzle-orm/d1'
import * as schema from '../../db/schema/index.ts'
import type { Db } from '../../db/types.ts'
import { parseConfig } from '../../server/config.ts'
import { deliverFromWorker } from '../../server/mail/worker-transport.ts'
import { httpSuite } from '../http/suite.ts'
import type { Received } from '../http/target.ts'

const ORIGIN = 'http://localhost:8787'
const db = drizzle(env.DB, { schema }) as unknown as Db

httpSuite({
  name: 'workerd',
  origin: ORIGIN,
  now: Date.now,
  fetch: (path, init) =>
    exports.default.fetch(new Request(`${ORIGIN}${path}`, { redirect: 'manual', ...init })),
  rows: async <T>(query: string, ...params: (string | number)[]) =>
    (
      await env.DB.prepare(query)
        .bind(...params)
        .all<T>()
    ).results,
  deliver: async (at) => {
    await deliverFromWorker({
      db,
      smtpUrl: env.TEST_SMTP_URL,
      from: parseConfig({}).mailFrom,
      now: () => at ?? Date.now(),
      log: () => {},
    })
  },
  received: async () => (await (await fetch(env.TEST_SMTP_RECEIVED)).json()) as Received[],
  asset: (path) => fetch(`${env.TEST_ASSETS_ORIGIN}${path}`, { redirect: 'manual' }),
})
