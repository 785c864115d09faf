/**
 * The Workers tests: server/worker.ts in real workerd with a real (local) D1, configured from
 * wrangler.toml. The drizzle-kit migrations are read here, in Node, and applied inside the
 * runtime by tests/workers/setup.ts, as `wrangler d1 migrations apply` does on a deployment.
 */
import { fileURLToPath } from 'node:url'
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  plugins: [
    cloudflareTest(async () => ({
      main: './server/worker.ts',
      wrangler: { configPath: './wrangler.toml' },
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: await readD1Migrations(fileURLToPath(new URL('./db/migrations', import.meta.url))),
        },
      },
    })),
  ],
  test: {
    include: ['tests/workers/**/*.test.ts'],
    setupFiles: ['./tests/workers/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
})
