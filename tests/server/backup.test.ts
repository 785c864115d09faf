/**
 * Backups of the file database: a snapshot before migrations change it at start (the last few
 * kept), `npm run backup` while the server runs, and the restore of README "Backups": back up,
 * start on the copy, the same data. A libSQL server URL is refused (the server has its own).
 */
import { execFile } from 'node:child_process'
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { migrate } from 'drizzle-orm/libsql/migrator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { KEEP, listBackups, snapshot } from '../../db/backup.ts'
import { MIGRATIONS, openDatabase } from '../../db/client.ts'
import { sabaRequest } from '../helpers/requests.ts'
import { freePort, type Install, install, ROOT, run } from '../helpers/server-process.ts'

const exec = promisify(execFile)
let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ccpm-backup-'))
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('before migrations at start', () => {
  it('snapshots a database that has migrations pending, and only then', async () => {
    // a database as the previous release left it: every migration but the last, and some data
    const journal = JSON.parse(readFileSync(join(MIGRATIONS, 'meta', '_journal.json'), 'utf8'))
    const older = join(dir, 'older-migrations')
    cpSync(MIGRATIONS, older, { recursive: true })
    const last = journal.entries.at(-1).tag
    writeFileSync(
      join(older, 'meta', '_journal.json'),
      JSON.stringify({ ...journal, entries: journal.entries.slice(0, -1) }),
    )
    const file = join(dir, 'data', 'ccpm.db')
    mkdirSync(join(dir, 'data'))
    const client = createClient({ url: `file:${file}` })
    await migrate(drizzle(client), { migrationsFolder: older })
    await client.execute("insert into rate_limits (key, window_start, count) values ('kept', 1, 42)")
    client.close()

    const first = await openDatabase(`file:${file}`)
    first.close()
    expect(first.backup?.pending).toEqual([last])
    expect(listBackups(file, 'premigrate')).toEqual([first.backup!.path])
    // the snapshot is the database before the migration, data included
    const copy = createClient({ url: `file:${first.backup!.path}` })
    expect((await copy.execute("select count from rate_limits where key = 'kept'")).rows[0]?.count).toBe(42)
    expect((await copy.execute('select count(*) as n from __drizzle_migrations')).rows[0]?.n).toBe(
      journal.entries.length - 1,
    )
    copy.close()

    // nothing pending: no snapshot
    const second = await openDatabase(`file:${file}`)
    second.close()
    expect(second.backup).toBeNull()
    expect(listBackups(file, 'premigrate')).toHaveLength(1)
  })

  it('keeps the last few', async () => {
    const file = join(dir, 'keep', 'k.db')
    ;(await openDatabase(`file:${file}`)).close()
    const client = createClient({ url: `file:${file}` })
    for (let i = 0; i < KEEP.premigrate + 3; i++)
      await snapshot(client, file, 'premigrate', Date.UTC(2026, 0, 1, 0, i))
    client.close()
    const kept = listBackups(file, 'premigrate')
    expect(kept).toHaveLength(KEEP.premigrate)
    expect(kept[0]).toContain('2026-01-01T000300Z') // the three oldest went
  })
})

describe('npm run backup, and the restore', () => {
  let inst: Install
  beforeAll(async () => {
    inst = await install()
  }, 60_000)
  afterAll(() => inst?.close())

  it('backs up while the server runs; a server started on the copy has the same data', async () => {
    const port = await freePort()
    const file = join(inst.dir, 'data', 'ccpm.db')
    const env = {
      NODE_ENV: 'development',
      PORT: String(port),
      BASE_URL: `http://localhost:${port}`,
      DATABASE_URL: `file:${file}`,
    }
    const base = `http://localhost:${port}`
    const signIn = async () => {
      const res = await fetch(`${base}/login`, {
        method: 'POST',
        redirect: 'manual',
        headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ email: 'saba@demo.ccpm', password: 'demo' }),
      })
      return res.headers.get('set-cookie')!.split(';')[0]!
    }
    const create = (cookie: string, title: string) =>
      fetch(`${base}/api/v1/requests`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/json' },
        body: JSON.stringify(sabaRequest({ title })),
      })
    const list = async (cookie: string) =>
      (await (await fetch(`${base}/api/v1/requests`, { headers: { cookie } })).json()).items

    const server = await run([inst.entry], env)
    let before: unknown
    try {
      const cookie = await signIn()
      for (let i = 0; i < 5; i++) expect((await create(cookie, `Before backup ${i}`)).status).toBe(201)
      before = await list(cookie)
      const { stdout } = await exec(process.execPath, ['--import', 'tsx', 'scripts/backup.ts'], {
        cwd: ROOT,
        env: { ...process.env, ...env },
      })
      expect(stdout).toMatch(/backup: .*backups\/ccpm-.*-manual\.db/)
      expect((await create(cookie, 'After the backup')).status).toBe(201) // not in the copy
    } finally {
      server.proc.kill('SIGTERM')
      await server.exited
    }

    // the restore of README "Backups": stop, copy the snapshot over the database, drop its -wal and -shm, start
    const [backup] = listBackups(file, 'manual')
    copyFileSync(backup!, file)
    rmSync(`${file}-wal`, { force: true })
    rmSync(`${file}-shm`, { force: true })
    const restored = await run([inst.entry], env)
    try {
      const cookie = await signIn()
      const after = await list(cookie)
      expect(after).toEqual(before)
      expect(JSON.stringify(after)).not.toContain('After the backup')
    } finally {
      restored.proc.kill('SIGTERM')
      await restored.exited
    }
  }, 90_000)

  it('refuses a libSQL server URL: that server keeps its own backups', async () => {
    await expect(
      exec(process.execPath, ['--import', 'tsx', 'scripts/backup.ts'], {
        cwd: ROOT,
        env: { ...process.env, DATABASE_URL: 'libsql://ccpm.example.turso.io' },
      }),
    ).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('keeps its own backups') })
  })
})
