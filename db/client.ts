/**
 * The embedded libSQL database for the Node entry. Node-only: the Worker never imports this file.
 * The data-loss trap of docs/architecture.md (Platform traps): a busy timeout on every pooled connection, WAL, and writes as batches.
 * Before migrations change a file database, a snapshot goes to backups/ beside it (db/backup.ts).
 */
import { existsSync, mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { migrate } from 'drizzle-orm/libsql/migrator'
import { snapshotBeforeMigrations } from './backup.ts'
import { type FastReads, useFastReads } from './fast-reads.ts'
import * as schema from './schema/index.ts'
import type { Db } from './types.ts'

const here = dirname(fileURLToPath(import.meta.url))
/** db/migrations, from the sources (db/client.ts) or from the bundle (dist/server.js). */
export const MIGRATIONS = existsSync(join(here, 'migrations'))
  ? join(here, 'migrations')
  : resolve(here, '../db/migrations')

export interface Opened {
  db: Db
  /**
   * For rate-limit counters: on a file, a second connection that does not wait for the disk at
   * each commit (WAL with synchronous=NORMAL: safe from corruption and from a crashing process;
   * only a power cut can lose the last counts, which need no durability). A sign-in flood then
   * costs no fsync per attempt. On a libSQL server: `db`.
   */
  counters: Db
  close: () => void
  /**
   * On a file: the second, read-only connection that serves the app's plain reads (db/fast-reads.ts),
   * whose `dataVersion()` tells when anything was committed since. Null elsewhere.
   */
  reads: FastReads | null
  /** The snapshot taken before this start's migrations, if any were pending (db/backup.ts). */
  backup: { path: string; pending: string[] } | null
}

export async function openDatabase(url: string): Promise<Opened> {
  const file = url.startsWith('file:')
  if (file) {
    const path = url.slice('file:'.length)
    if (path && path !== ':memory:') mkdirSync(dirname(resolve(path)), { recursive: true })
  }
  const client = createClient({ url, timeout: 5000 })
  if (file) {
    await client.execute('PRAGMA journal_mode=WAL')
    await client.execute('PRAGMA foreign_keys=ON')
  }
  const db = drizzle(client, { schema }) as unknown as Db
  const backup = await snapshotBeforeMigrations(client, url, MIGRATIONS)
  await migrate(drizzle(client), { migrationsFolder: MIGRATIONS })
  const fast = file && !url.includes(':memory:') ? createClient({ url, timeout: 5000 }) : null
  if (fast) await fast.execute('PRAGMA synchronous=NORMAL')
  const counters = fast ? (drizzle(fast, { schema }) as unknown as Db) : db
  const reads = fast ? useFastReads(db, url.slice('file:'.length).replace(/\?.*$/, '')) : null
  return {
    db,
    counters,
    reads,
    close: () => {
      reads?.close()
      fast?.close()
      client.close()
    },
    backup,
  }
}
