// `npm run admin:reset-password -- EMAIL`: a one-time link (72 h) to set that account's password, printed, for when mail is down.
import { openDatabase } from '../db/client.ts'
import { adminResetLink } from '../server/auth/admin-reset.ts'
import { parseConfig } from '../server/config.ts'

const email = process.argv[2]
if (!email) {
  console.error('usage: npm run admin:reset-password -- EMAIL')
  process.exit(2)
}
const config = parseConfig(process.env)
const { db, close } = await openDatabase(config.databaseUrl)
try {
  const link = await adminResetLink(db, email, config.baseUrl, Date.now())
  console.log(
    `A set-password link for ${email.trim().toLowerCase()} (works once, within 72 hours; older links no longer work):\n${link}`,
  )
} catch (err) {
  console.error((err as Error).message)
  process.exitCode = 1
} finally {
  close()
}
