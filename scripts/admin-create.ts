// `npm run admin:create -- EMAIL`: an admin account and a one-time link (72 h) to set its password.
import { openDatabase } from '../db/client.ts'
import { seed } from '../db/seed/index.ts'
import { createAdmin } from '../server/auth/admin-create.ts'
import { parseConfig } from '../server/config.ts'

const email = process.argv[2]
if (!email) {
  console.error('usage: npm run admin:create -- EMAIL')
  process.exit(2)
}
const config = parseConfig(process.env)
const { db, close } = await openDatabase(config.databaseUrl)
try {
  await seed(db, { demo: !config.production, now: Date.now() })
  const link = await createAdmin(db, email, config.baseUrl, Date.now())
  console.log(`Admin ${email} created. Set the password within 72 hours at:\n${link}`)
} catch (err) {
  console.error((err as Error).message)
  process.exitCode = 1
} finally {
  close()
}
