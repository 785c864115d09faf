/** The bindings the Workers tests see: the Worker's own plus the migrations from the config. */
import type { D1Migration } from 'cloudflare:test'
import type { Env as WorkerEnv } from '../../server/worker.ts'

declare global {
  namespace Cloudflare {
    interface Env extends WorkerEnv {
      TEST_MIGRATIONS: D1Migration[]
      /** The Node-side SMTP sink's list of received mails (vitest.workers.config.ts). */
      TEST_SMTP_RECEIVED: string
      /** A `wrangler dev` of the same Worker, for requests through the [assets] router. */
      TEST_ASSETS_ORIGIN: string
    }
    interface GlobalProps {
      mainModule: typeof import('../../server/worker.ts')
    }
  }
}
