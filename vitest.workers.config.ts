/**
 * The Workers tests: server/worker.ts in real workerd with a real (local) D1, configured from
 * wrangler.toml. The drizzle-kit migrations are read here, in Node, and applied inside the
 * runtime by tests/workers/setup.ts, as `wrangler d1 migrations apply` does on a deployment.
 * Real SMTP servers run here in Node for the mail delivery (tests/workers-node/smtp-sink.ts), and
 * `wrangler dev` of the same Worker for requests through the [assets] router (tests/workers-node).
 */
import { fileURLToPath } from 'node:url'
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers'
import { defineConfig } from 'vitest/config'
import { startAssetsServer } from './tests/workers-node/assets-server.ts'
import { startSmtpSink } from './tests/workers-node/smtp-sink.ts'

const sink = await startSmtpSink()
const assets = await startAssetsServer()
// stopped by tests/workers-node/teardown.ts (a running workerd would keep the process alive)
;(globalThis as { __ccpmStopAssets?: () => Promise<void> }).__ccpmStopAssets = assets.dispose

export default defineConfig({
  plugins: [
    cloudflareTest(async () => ({
      main: './server/worker.ts',
      wrangler: { configPath: './wrangler.toml' },
      miniflare: {
        bindings: {
          // Only the mail tests deliver (they set SMTP_URL from this); elsewhere mail stays in the
          // outbox with its text, for the tests that read it there.
          TEST_SMTP_URL: sink.smtpUrl,
          TEST_SMTP_RECEIVED: sink.receivedUrl,
          TEST_SMTP_AUTH_URL: sink.authSmtpUrl,
          TEST_SMTP_AUTH_NO_CREDENTIALS_URL: sink.authNoCredentialsUrl,
          TEST_SMTP_AUTH_RECEIVED: sink.authReceivedUrl,
          TEST_SMTP_STALLED_URL: sink.stalledSmtpUrl,
          TEST_ASSETS_ORIGIN: assets.origin,
          TEST_MIGRATIONS: await readD1Migrations(fileURLToPath(new URL('./db/migrations', import.meta.url))),
        },
      },
    })),
  ],
  test: {
    include: ['tests/workers/**/*.test.ts'],
    setupFiles: ['./tests/workers/setup.ts'],
    globalSetup: ['./tests/workers-node/teardown.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
