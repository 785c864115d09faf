/**
 * A register import staged in chunks and published by one guarded batch (the same code on libSQL
 * and D1): 1,000 rows in a few statements, the register exactly as planned, and nothing visible
 * from an import that lost a race, missed a chunk or was abandoned (the purge drops it).
 */
import { count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { allFunctionaries, applyImport } from '../../db/queries/functionaries.ts'
import {
  CHUNK_BYTES,
  chunksOf,
  publishImport,
  purgeImports,
  stageImport,
} from '../../db/queries/functionary-imports.ts'
import { auditEvents, functionaries, functionaryImportRows } from '../../db/schema/index.ts'
import { type ImportPlan, planImport } from '../../pool/functionaries/index.ts'
import { newId } from '../../pool/shared/index.ts'
import { poolRefs } from '../../server/services/functionaries.ts'
import { type TestApp, testApp } from '../helpers/app.ts'

let t: TestApp
beforeAll(async () => {
  t = await testApp()
})
afterAll(() => t.close())

const actor = {
  id: 'demo-u02',
  role: 'coordinator',
  island: null,
  functionaryId: null,
  name: 'Carla Coordinator',
} as const
const BASES = ['AW', 'CW', 'SX', 'BO', 'SE', 'SA', 'NL']

function csv(n: number, from = 0, tweak = '') {
  const rows = Array.from({ length: n }, (_, i) => {
    const k = from + i
    return `Person ${k}${tweak},person.${k}@import.example,${BASES[k % 7]},logistics_coordinator:qualified|information_manager:senior,en:native|nl|pap`
  })
  return `name,email,base,roles,languages\r\n${rows.join('\r\n')}\r\n`
}

async function plan(text: string): Promise<ImportPlan> {
  const { ref } = await poolRefs(t.db)
  const p = planImport(text, ref, await allFunctionaries(t.db), actor, { now: t.clock.now, newId })
  expect(p.ok, JSON.stringify(p.fileErrors)).toBe(true)
  return p
}
const people = async () => (await t.db.select({ n: count() }).from(functionaries))[0]!.n
const staged = async () => (await t.db.select({ n: count() }).from(functionaryImportRows))[0]!.n

describe('importing 1,000 rows', () => {
  it('stages them in a few statements and publishes the register exactly as planned, with an event each', async () => {
    const p = await plan(csv(1000))
    expect(p.creates).toHaveLength(1000)
    // ~1.3 KB per row with its event: a few staging statements (each far under D1's 2 MB per
    // value), then one publish batch of 10 statements
    expect(chunksOf(p.creates, p.updates, p.events).length).toBeLessThanOrEqual(6)
    expect(CHUNK_BYTES).toBeLessThanOrEqual(1_000_000)
    const before = await people()
    await applyImport(t.db, p.creates, p.updates, p.events, t.clock.now, 40_000)
    expect(await people()).toBe(before + 1000)
    expect(await staged()).toBe(0)
    const byEmail = new Map((await allFunctionaries(t.db)).map((f) => [f.email, f]))
    for (const planned of p.creates) expect(byEmail.get(planned.email)).toEqual(planned)
    const events = await t.db.select().from(auditEvents).where(eq(auditEvents.action, 'functionary.imported'))
    expect(events).toHaveLength(1000)
    const first = p.events[0]!
    expect(events.find((e) => e.id === first.id)).toEqual(first)
  })

  it('updates in place: roles and languages replaced, versions as planned, one event per changed person', async () => {
    const p = await plan(csv(300, 0, ' Jr').replace(/information_manager:senior/g, 'liaison_officer:trainee'))
    expect(p.updates).toHaveLength(300)
    const before = await people()
    await applyImport(t.db, p.creates, p.updates, p.events, t.clock.now, 20_000)
    expect(await people()).toBe(before)
    const byEmail = new Map((await allFunctionaries(t.db)).map((f) => [f.email, f]))
    for (const { after } of p.updates) expect(byEmail.get(after.email)).toEqual(after)
    expect(byEmail.get('person.7@import.example')!.roles).toEqual([
      { role: 'liaison_officer', level: 'trainee' },
      { role: 'logistics_coordinator', level: 'qualified' },
    ])
  })
})

describe('nothing visible unless the whole import is published', () => {
  it('writes nothing when one updated person changed after the plan (a lost race), and drops the staging', async () => {
    const p = await plan(csv(5, 0, ' Sr') + csv(3, 5000).split('\r\n').slice(1).join('\r\n'))
    expect(p.updates.length).toBe(5)
    expect(p.creates.length).toBe(3)
    const moved = p.updates[2]!.before
    await t.db
      .update(functionaries)
      .set({ version: moved.version + 1 })
      .where(eq(functionaries.id, moved.id))
    const before = await people()
    await expect(applyImport(t.db, p.creates, p.updates, p.events, t.clock.now)).rejects.toThrow()
    expect(await people()).toBe(before)
    const [untouched] = await t.db
      .select()
      .from(functionaries)
      .where(eq(functionaries.id, p.updates[0]!.before.id))
    expect(untouched!.name).toBe(p.updates[0]!.before.name)
    expect(await staged()).toBe(0)
  })

  it('refuses to publish an import with a chunk missing, and the purge drops an abandoned one', async () => {
    const p = await plan(csv(50, 9000))
    const chunks = chunksOf(p.creates, p.updates, p.events, 4000)
    expect(chunks.length).toBeGreaterThan(2)
    const importId = newId()
    const before = await people()
    // one chunk never arrived (the request died half-way)
    await stageImport(t.db, importId, chunks.slice(0, -1), t.clock.now)
    await expect(publishImport(t.db, importId, 50, t.clock.now)).rejects.toThrow()
    expect(await people()).toBe(before)
    expect(await staged()).toBeGreaterThan(0)
    await purgeImports(t.db, t.clock.now) // staged at `now`: not older than that
    expect(await staged()).toBeGreaterThan(0)
    await purgeImports(t.db, t.clock.now + 1)
    expect(await staged()).toBe(0)
  })
})
