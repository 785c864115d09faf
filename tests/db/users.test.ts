import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditTrail } from '../../db/queries/audit.ts'
import { changeUserRole, findUserByEmail } from '../../db/queries/users.ts'
import { type TestApp, testApp } from '../helpers/app.ts'

let t: TestApp
beforeAll(async () => {
  t = await testApp()
})
afterAll(() => t.close())

describe('changing a role', () => {
  it('ends all of the user’s sessions and records the audit event in the same batch', async () => {
    const a = await t.login('statia@demo.ccpm')
    const b = await t.login('statia@demo.ccpm')
    const admin = (await findUserByEmail(t.db, 'admin@demo.ccpm'))!
    const user = (await findUserByEmail(t.db, 'statia@demo.ccpm'))!
    const ok = await changeUserRole(
      t.db,
      { ...admin, role: 'admin', name: admin.name },
      user,
      { role: 'observer', island: null },
      t.clock.now,
    )
    expect(ok).toBe(true)
    for (const cookie of [a, b]) expect((await t.get('/', cookie)).status).toBe(303)
    const trail = await auditTrail(t.db, 'user', user.id)
    expect(trail).toHaveLength(1)
    expect(trail[0]).toMatchObject({
      action: 'user.role_changed',
      actorId: admin.id,
      before: { role: 'island', island: 'SE' },
      after: { role: 'observer', island: null },
    })
    const again = await t.login('statia@demo.ccpm')
    expect(await (await t.get('/', again)).text()).toContain('Observer')
  })

  it('refuses a stale change (version moved) and writes nothing', async () => {
    const admin = (await findUserByEmail(t.db, 'admin@demo.ccpm'))!
    const user = (await findUserByEmail(t.db, 'bonaire@demo.ccpm'))!
    const actor = { ...admin, role: 'admin' as const, name: admin.name }
    expect(await changeUserRole(t.db, actor, user, { role: 'observer', island: null }, t.clock.now)).toBe(
      true,
    )
    // the same old version again
    expect(await changeUserRole(t.db, actor, user, { role: 'coordinator', island: null }, t.clock.now)).toBe(
      false,
    )
    expect((await findUserByEmail(t.db, 'bonaire@demo.ccpm'))!.role).toBe('observer')
    expect(await auditTrail(t.db, 'user', user.id)).toHaveLength(1)
  })
})
