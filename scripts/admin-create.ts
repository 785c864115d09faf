// `npm run admin:create -- EMAIL`: an admin account and a one-time link (72 h) to set its password.
// On D1: `npm run admin:create -- EMAIL --d1 [--remote]` (scripts/d1-args.ts; docs/workers.md).
import { seed } from '../db/seed/index.ts'
import type { Db } from '../db/types.ts'
import { wranglerD1 } from '../db/wrangler-d1.ts'
import { createAdmin } from '../server/auth/admin-create.ts'
import { parseConfig } from '../server/config.ts'
import { readAdminArgs } from './d1-args.ts'

const usage =
  'usage: npm run admin:create -- EMAIL [--d1 [--remote] [--env NAME] [--persist-to DIR] [--base-url URL]]'
const { email, d1 } = readAdminArgs(usage)

async function create(db: Db, baseUrl: string) {
  const link = await createAdmin(db, email, baseUrl, Date.now())
  console.log(`Admin ${email} created. Set the password within 72 hours at:\n${link}`)
}

try {
  if (d1) {
    // The Worker seeds the reference data (and demo data, unless production) on its first request.
    await create(wranglerD1(d1), d1.baseUrl)
  } else {
    const { openDatabase } = await import('../db/client.ts')
    const config = parseConfig(process.env)
    const { db, close } = await openDatabase(config.databaseUrl)
    try {
      await seed(db, { demo: !config.production, now: Date.now() })
      await create(db, config.baseUrl)
    } finally {
      close()
    }
  }
} catch (err) {
  console.error((err as Error).message)
  process.exitCode = 1
}
