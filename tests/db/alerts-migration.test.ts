/**
 * Migration 0010 on a database where alerts could be doubled (before the unique index): each person's rows for
 * a need are folded into the latest sent one, as reminders, keeping the latest answer; then the
 * unique index holds, and the old links' hashes are retired (recognised, answering nothing).
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { migrate } from 'drizzle-orm/libsql/migrator'
import { afterAll, describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../db/client.ts'

describe('migration 0010_alert_reminders on doubled alerts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ccpm-migrate-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('folds each person’s rows for a need into one, keeping the latest answer, and then refuses a double', async () => {
    const before = join(dir, 'before')
    mkdirSync(join(before, 'meta'), { recursive: true })
    const journal = JSON.parse(readFileSync(join(MIGRATIONS, 'meta/_journal.json'), 'utf8'))
    const old = journal.entries.filter((e: { tag: string }) => e.tag < '0010')
    for (const e of old) cpSync(join(MIGRATIONS, `${e.tag}.sql`), join(before, `${e.tag}.sql`))
    writeFileSync(join(before, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: old }))

    const client = createClient({ url: `file:${join(dir, 'old.db')}` })
    await migrate(drizzle(client), { migrationsFolder: before })
    // Only the alerts matter here: the rows they point to are left out.
    await client.execute('PRAGMA foreign_keys=OFF')
    await client.execute(
      `insert into alerts (id, need_id, request_id, functionary_id, sent_by, sent_at, deadline, secret_hash, answer, note, answered_at) values
        ('a1', 'n1', 'r1', 'f1', 'u1', 100, 1000, 'h1', 'available', 'Sunday', 150),
        ('a2', 'n1', 'r1', 'f1', 'u2', 200, 2000, 'h2', 'unavailable', 'ill', 260),
        ('a3', 'n1', 'r1', 'f1', 'u3', 300, 3000, 'h3', null, null, null),
        ('b1', 'n1', 'r1', 'f2', 'u1', 100, 1000, 'hb', 'available', null, 120),
        ('c1', 'n2', 'r1', 'f1', 'u1', 100, 1000, 'hc1', null, null, null),
        ('c2', 'n2', 'r1', 'f1', 'u2', 100, 1500, 'hc2', null, null, null)`,
    )
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS })
    const rows = (
      await client.execute(
        'select id, need_id, functionary_id, sent_by, sent_at, deadline, secret_hash, answer, note, answered_at, reminders, reminded_at, reminded_by, retired_hashes, stamp from alerts order by id',
      )
    ).rows.map((r) => ({ ...r, retired_hashes: JSON.parse(String(r.retired_hashes)).sort() }))
    expect(rows).toEqual([
      {
        id: 'a3', // the latest sent: its link is the one that still answers
        need_id: 'n1',
        functionary_id: 'f1',
        sent_by: 'u1',
        sent_at: 100,
        deadline: 3000,
        secret_hash: 'h3',
        answer: 'unavailable', // the latest answer given, with its note and time
        note: 'ill',
        answered_at: 260,
        reminders: 2,
        reminded_at: 300,
        reminded_by: 'u3',
        retired_hashes: ['h1', 'h2'],
        stamp: null,
      },
      {
        id: 'b1', // alone: untouched
        need_id: 'n1',
        functionary_id: 'f2',
        sent_by: 'u1',
        sent_at: 100,
        deadline: 1000,
        secret_hash: 'hb',
        answer: 'available',
        note: null,
        answered_at: 120,
        reminders: 0,
        reminded_at: null,
        reminded_by: null,
        retired_hashes: [],
        stamp: null,
      },
      {
        id: 'c2', // sent at the same moment: the greater id stays
        need_id: 'n2',
        functionary_id: 'f1',
        sent_by: 'u1',
        sent_at: 100,
        deadline: 1500,
        secret_hash: 'hc2',
        answer: null,
        note: null,
        answered_at: null,
        reminders: 1,
        reminded_at: 100,
        reminded_by: 'u2',
        retired_hashes: ['hc1'],
        stamp: null,
      },
    ])
    await expect(
      client.execute(
        "insert into alerts (id, need_id, request_id, functionary_id, sent_at, deadline, secret_hash) values ('a4', 'n1', 'r1', 'f1', 400, 4000, 'h4')",
      ),
    ).rejects.toThrow(/UNIQUE constraint failed: alerts.need_id, alerts.functionary_id/)
    client.close()
  })
})
