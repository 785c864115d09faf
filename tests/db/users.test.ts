import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditTrail } from '../../db/queries/audit.ts'
import { findUserByEmail, toRecord, writeUserChange } from '../../db/queries/users.ts'
import { editUser } from '../../pool/accounts/index.ts'
import { newId } from '../../pool/shared/index.ts'
import { type TestApp, testApp } from '../helpers/app.ts'

let t: TestApp
beforeAll(async () => {
  t = await testApp()
})
afterAll(() => t.close())

async function change(
  email: string,
  next: { role: 'observer' | 'coordinator'; island: null },
  version?: number,
) {
  const admin = toRecord((await findUserByEmail(t.db, 'admin@demo.ccpm'))!)
  const user = toRecord((await findUserByEmail(t.db, email))!)
  const current = version === undefined ? user : { ...user, version }
  const d = editUser(current, { ...current, ...next }, admin, { now: t.clock.now, newId, baseUrl: '' })
  if (!d.ok || !d.event) throw new Error('no change decided')
  return { user, ok: await writeUserChange(t.db, current, d.user, d.event, d.endSessions) }
}

describe('changing a role', () => {
  it('ends all of the user’s sessions and records the audit event in the same batch', async () => {
    const a = await t.login('statia@demo.ccpm')
    const b = await t.login('statia@demo.ccpm')
    const { user, ok } = await change('statia@demo.ccpm', { role: 'observer', island: null })
    expect(ok).toBe(true)
    for (const cookie of [a, b]) expect((await t.get('/', cookie)).status).toBe(303)
    const trail = await auditTrail(t.db, 'user', user.id)
    expect(trail).toHaveLength(1)
    expect(trail[0]).toMatchObject({
      action: 'user.role_changed',
      actorId: 'demo-u01',
      actorLabel: 'Alex Admin',
      before: { role: 'island', island: 'SE' },
      after: { role: 'observer', island: null },
    })
    const again = await t.login('statia@demo.ccpm')
    expect(await (await t.get('/', again)).text()).toContain('Observer')
  })

  it('refuses a stale change (version moved) and writes nothing', async () => {
    const first = await change('bonaire@demo.ccpm', { role: 'observer', island: null })
    expect(first.ok).toBe(true)
    const cookie = await t.login('bonaire@demo.ccpm')
    // the same old version again
    const stale = await change('bonaire@demo.ccpm', { role: 'coordinator', island: null }, first.user.version)
    expect(stale.ok).toBe(false)
    expect((await findUserByEmail(t.db, 'bonaire@demo.ccpm'))!.role).toBe('observer')
    expect(await auditTrail(t.db, 'user', first.user.id)).toHaveLength(1)
    expect((await t.get('/', cookie)).status).toBe(200) // a lost race ends no session
  })
})
