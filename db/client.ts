/**
 * The embedded libSQL database for the Node entry. Node-only: the Worker never imports this file.
 * STACK.md's data-loss trap: a busy timeout on every pooled connection, WAL, and writes as batches.
 * Before migrations change a file database, a snapshot goes to backups/ beside it (db/backup.ts).
 */
import { existsSync, mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { migrate } from 'drizzle-orm/libsql/migrator'
import { snapshotBeforeMigrations } from './backup.ts'
import * as schema from './schema/index.ts'
import type { Db } from './types.ts'

const here = dirname(fileURLToPath(import.meta.url))
/** db/migrations, from the sources (db/client.ts) or from the bundle (dist/server.js). */
export const MIGRATIONS = existsSync(join(here, 'migrations'))
  ? join(here, 'migrations')
  : resolve(here, '../db/migrations')

export interface Opened {
  db: Db
  close: () => void
  /** The snapshot taken before this start's migrations, if any were pending (db/backup.ts). */
  backup: { path: string; pending: string[] } | null
}

export async function openDatabase(url: string): Promise<Opened> {
  if (url.startsWith('file:')) {
    const path = url.slice('file:'.length)
    if (path && path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true })
  }
  const client = createClient({ url, timeout: 5000 })
  if (url.startsWith('file:')) {
    await client.execute('PRAGMA journal_mode=WAL')
    await client.execute('PRAGMA foreign_keys=ON')
  }
  const db = drizzle(client, { schema }) as unknown as Db
  const backup = await snapshotBeforeMigrations(client, url, MIGRATIONS)
  await migrate(drizzle(client), { migrationsFolder: MIGRATIONS })
  return { db, close: () => client.close(), backup }
}
