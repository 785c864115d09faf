/**
 * The HRC migration on a database that already holds units of the old shape, and the all-or-nothing
 * write of several units' moves: one unit moved meanwhile rolls the whole batch back.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '@libsql/client'
import { eq } from 'drizzle-orm'
import { drizzle } from 'drizzle-orm/libsql'
import { migrate } from 'drizzle-orm/libsql/migrator'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MIGRATIONS } from '../../db/client.ts'
import { inSlices, writeMoves } from '../../db/queries/hrc.ts'
import { auditEvents, hrcUnits } from '../../db/schema/index.ts'
import { newId } from '../../pool/shared/index.ts'
import { type TestApp, testApp } from '../helpers/app.ts'
import { UNITS } from '../helpers/hrc.ts'

describe('migration 0005_hrc on existing units', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ccpm-migrate-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('fills location, notes and the demo units’ codes and loads, and keeps other units’ codes', async () => {
    // The migrations folder as it was before this one.
    const before = join(dir, 'before')
    mkdirSync(join(before, 'meta'), { recursive: true })
    const journal = JSON.parse(readFileSync(join(MIGRATIONS, 'meta/_journal.json'), 'utf8'))
    const old = journal.entries.filter((e: { tag: string }) => e.tag < '0005')
    for (const e of old) cpSync(join(MIGRATIONS, `${e.tag}.sql`), join(before, `${e.tag}.sql`))
    writeFileSync(join(before, 'meta/_journal.json'), JSON.stringify({ ...journal, entries: old }))

    const client = createClient({ url: `file:${join(dir, 'old.db')}` })
    await client.execute('PRAGMA foreign_keys=ON')
    await migrate(drizzle(client), { migrationsFolder: before })
    await client.execute(
      "insert into islands (code, name, airport, time_zone, languages, sort) values ('NL', 'European Netherlands', 'AMS', 'Europe/Amsterdam', '[]', 6), ('CW', 'Curaçao', 'CUR', 'America/Curacao', '[]', 1)",
    )
    await client.execute(
      `insert into hrc_units (id, code, name, type, people, equipment, base) values
        ('demo-hrc-usar-l1', 'HRC-USAR-L1', 'Light USAR team 1', 'light_usar', 18, 'light rescue kit, generators', 'NL'),
        ('u-local', 'CW-MED-A', 'Medical post Curaçao', 'medical', 7, 'field hospital tents', 'CW')`,
    )
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS })
    const rows = (await client.execute('select * from hrc_units order by id')).rows
    expect(
      rows.map((r) => [r.id, r.code, r.location, r.notes, r.weight_kg, r.leader_email, r.islands]),
    ).toEqual([
      [
        'demo-hrc-usar-l1',
        'LUSAR-1',
        'NL',
        'light rescue kit, generators',
        4200,
        'lusar1@usar.demo.ccpm',
        '["AW","CW","SX","BO","SE","SA"]',
      ],
      ['u-local', 'CW-MED-A', 'CW', 'field hospital tents', 0, null, '["AW","CW","SX","BO","SE","SA"]'],
    ])
    expect(
      (
        await client.execute(
          "select count(*) as n from pragma_table_info('hrc_units') where name = 'equipment'",
        )
      ).rows[0]!.n,
    ).toBe(0)
    client.close()
  })
})

describe('several units moved in one batch', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await testApp()
  })
  afterAll(() => t.close())

  it('is rolled back whole when one unit was moved meanwhile: no unit moved, no event written', async () => {
    const change = (unitId: string, version: number) => ({
      change: {
        unitId,
        guard: { readiness: 'standby' as const, version },
        patch: { readiness: 'pre_alert' as const, readinessAt: t.clock.now, version: version + 1 },
      },
      dispatch: null,
    })
    const event = (entityId: string) => ({
      id: newId(),
      at: t.clock.now,
      actorId: null,
      actorLabel: 'test',
      action: 'hrc.unit.readiness',
      entity: 'hrc_unit',
      entityId,
      before: null,
      after: null,
    })
    const ok = await writeMoves(
      t.db,
      [change(UNITS.lusar1, 1), change(UNITS.recce1, 7)], // RECCE-1 is at version 1, not 7
      [event(UNITS.lusar1), event(UNITS.recce1)],
      [{ to: 'x@example.org', subject: 's', text: 't' }],
      t.clock.now,
      newId(),
    )
    expect(ok).toBe(false)
    const [lusar] = await t.db.select().from(hrcUnits).where(eq(hrcUnits.id, UNITS.lusar1))
    expect(lusar).toMatchObject({ readiness: 'standby', version: 1 })
    expect(await t.db.select().from(auditEvents).where(eq(auditEvents.entity, 'hrc_unit'))).toEqual([])
    expect(
      await writeMoves(
        t.db,
        [change(UNITS.lusar1, 1), change(UNITS.recce1, 1)],
        [event(UNITS.lusar1)],
        [],
        t.clock.now,
        newId(),
      ),
    ).toBe(true)
    expect(
      (await t.db.select().from(hrcUnits))
        .filter((u) => u.readiness === 'pre_alert')
        .map((u) => u.code)
        .sort(),
    ).toEqual(['LUSAR-1', 'RECCE-1'])
  })
})

describe('long lists of ids', () => {
  it('are read in slices of at most 90, within D1’s 100 bound parameters, and joined in order', async () => {
    const ids = Array.from({ length: 250 }, (_, i) => `id${i}`)
    const sizes: number[] = []
    const out = await inSlices(ids, async (slice) => {
      sizes.push(slice.length)
      return slice
    })
    expect(sizes).toEqual([90, 90, 70])
    expect(out).toEqual(ids)
    expect(await inSlices([], async () => ['never'])).toEqual([])
  })
})
