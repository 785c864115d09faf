/** The bindings the Workers tests see: the Worker's own plus the migrations from the config. */
import type { D1Migration } from 'cloudflare:test'
import type { Env as WorkerEnv } from '../../server/worker.ts'

declare global {
  namespace Cloudflare {
    interface Env extends WorkerEnv {
      TEST_MIGRATIONS: D1Migration[]
      /** The Node-side SMTP sink (the mail tests pass it to the Worker as SMTP_URL). */
      TEST_SMTP_URL: string
      /** The Node-side SMTP sink's list of received mails (vitest.workers.config.ts). */
      TEST_SMTP_RECEIVED: string
      /** A server offering AUTH, with the right credentials in the URL; the same without them. */
      TEST_SMTP_AUTH_URL: string
      TEST_SMTP_AUTH_NO_CREDENTIALS_URL: string
      TEST_SMTP_AUTH_RECEIVED: string
      /** Accepts connections, never answers. */
      TEST_SMTP_STALLED_URL: string
      /** A `wrangler dev` of the same Worker, for requests through the [assets] router. */
      TEST_ASSETS_ORIGIN: string
    }
    interface GlobalProps {
      mainModule: typeof import('../../server/worker.ts')
    }
  }
}
