// `npm run admin:reset-password -- EMAIL`: a one-time link (72 h) to set that account's password, printed, for when mail is down.
// On D1: `npm run admin:reset-password -- EMAIL --d1 [--remote]` (scripts/d1-args.ts; docs/workers.md).
import type { Db } from '../db/types.ts'
import { wranglerD1 } from '../db/wrangler-d1.ts'
import { adminResetLink } from '../server/auth/admin-reset.ts'
import { parseConfig } from '../server/config.ts'
import { readAdminArgs } from './d1-args.ts'

const usage =
  'usage: npm run admin:reset-password -- EMAIL [--d1 [--remote] [--env NAME] [--persist-to DIR] [--base-url URL]]'
const { email, d1 } = readAdminArgs(usage)

async function reset(db: Db, baseUrl: string) {
  const link = await adminResetLink(db, email, baseUrl, Date.now())
  console.log(
    `A set-password link for ${email.trim().toLowerCase()} (works once, within 72 hours; older links no longer work):\n${link}`,
  )
}

try {
  if (d1) await reset(wranglerD1(d1), d1.baseUrl)
  else {
    const { openDatabase } = await import('../db/client.ts')
    const config = parseConfig(process.env)
    const { db, close } = await openDatabase(config.databaseUrl)
    try {
      await reset(db, config.baseUrl)
    } finally {
      close()
    }
  }
} catch (err) {
  console.error((err as Error).message)
  process.exitCode = 1
}
