// `npm run backup [-- --keep N]`: a consistent snapshot of the file database (DATABASE_URL) in
// backups/ beside it, while the server runs (VACUUM INTO reads one transaction's view). A libSQL
// server URL has that server's own backups instead. Restore: README, "Backups".
import { createClient } from '@libsql/client'
import { databaseFile, KEEP, snapshot } from '../db/backup.ts'

const url = process.env.DATABASE_URL ?? 'file:data/ccpm.db'
const file = databaseFile(url)
if (!file) {
  console.error(
    'DATABASE_URL is not a database file: a libSQL server keeps its own backups (use the server’s backup or point-in-time restore).',
  )
  process.exit(2)
}
const keepAt = process.argv.indexOf('--keep')
const keep = keepAt > 0 ? Number(process.argv[keepAt + 1]) : KEEP.manual
if (!Number.isInteger(keep) || keep < 1) {
  console.error('usage: npm run backup [-- --keep N]')
  process.exit(2)
}
const client = createClient({ url, timeout: 5000 })
try {
  const path = await snapshot(client, file, 'manual', Date.now(), keep)
  console.log(`backup: ${path}`)
} catch (err) {
  console.error(`backup failed: ${(err as Error).message}`)
  process.exitCode = 1
} finally {
  client.close()
}
