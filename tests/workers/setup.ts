/** Applies the drizzle-kit migrations to the test D1 before any test file runs (idempotent). */
import { applyD1Migrations } from 'cloudflare:test'
import { env } from 'cloudflare:workers'

await applyD1Migrations(env.DB, env.TEST_MIGRATIONS)
