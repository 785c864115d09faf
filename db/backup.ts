/**
 * Backups of a file database: consistent snapshots with `VACUUM INTO` (a read transaction, so the
 * server may run meanwhile), kept in `backups/` beside the database, the last few of each kind.
 * Taken at start before migrations change the schema, and by `npm run backup`. A libSQL server
 * has its own backups; these are for the embedded file. Node-only.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import type { Client } from '@libsql/client'

/** How many snapshots of each kind stay: those before migrations, and those made by `npm run backup`. */
export const KEEP = { premigrate: 5, manual: 10 } as const
export type BackupKind = keyof typeof KEEP

/** The file of a `file:` URL, or null for a libSQL server (or an in-memory database). */
export function databaseFile(url: string): string | null {
  if (!url.startsWith('file:')) return null
  const path = url.slice('file:'.length).split('?')[0]!
  return path && path !== ':memory:' ? resolve(path) : null
}

export const backupDir = (file: string) => join(dirname(file), 'backups')

/** `ccpm-2026-09-06T120000Z-premigrate.db`: sorts by time, says what made it. */
function backupName(file: string, kind: BackupKind, now: number) {
  const stamp = new Date(now)
    .toISOString()
    .replace(/[:]/g, '')
    .replace(/\.\d+Z$/, 'Z')
  return `${basename(file).replace(/\.db$/, '')}-${stamp}-${kind}.db`
}

/** The snapshots of one kind, oldest first. */
export function listBackups(file: string, kind?: BackupKind): string[] {
  const dir = backupDir(file)
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((n) => n.endsWith(kind ? `-${kind}.db` : '.db'))
    .sort()
    .map((n) => join(dir, n))
}

/** A consistent copy of the database now; the oldest of its kind beyond `keep` are removed. */
export async function snapshot(
  client: Client,
  file: string,
  kind: BackupKind,
  now = Date.now(),
  keep: number = KEEP[kind],
) {
  const dir = backupDir(file)
  mkdirSync(dir, { recursive: true })
  let target = join(dir, backupName(file, kind, now))
  for (let i = 1; existsSync(target); i++)
    target = join(dir, backupName(file, kind, now).replace(/\.db$/, `-${i}.db`))
  await client.execute({ sql: 'VACUUM INTO ?', args: [target] })
  const all = listBackups(file, kind)
  for (const old of all.slice(0, Math.max(0, all.length - keep))) rmSync(old, { force: true })
  return target
}

/** The tags of the migrations in `folder` that this database has not applied yet. */
export async function pendingMigrations(client: Client, folder: string): Promise<string[]> {
  const journal = JSON.parse(readFileSync(join(folder, 'meta', '_journal.json'), 'utf8')) as {
    entries: { tag: string; when: number }[]
  }
  const table = await client.execute(
    "select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'",
  )
  if (table.rows.length === 0) {
    const tables = await client.execute(
      "select 1 from sqlite_master where type = 'table' and name not like 'sqlite_%'",
    )
    // an empty database has nothing to lose; tables without the migrations table: unknown, so all pending
    return tables.rows.length === 0 ? [] : journal.entries.map((e) => e.tag)
  }
  const last = await client.execute('select max(created_at) as at from __drizzle_migrations')
  const at = Number(last.rows[0]?.at ?? 0)
  return journal.entries.filter((e) => e.when > at).map((e) => e.tag)
}

/** Before migrating at start: a snapshot when migrations are pending on a database with data. */
export async function snapshotBeforeMigrations(
  client: Client,
  url: string,
  folder: string,
  now = Date.now(),
) {
  const file = databaseFile(url)
  if (!file || !existsSync(file) || statSync(file).size === 0) return null
  const pending = await pendingMigrations(client, folder)
  if (pending.length === 0) return null
  return { path: await snapshot(client, file, 'premigrate', now), pending }
}
