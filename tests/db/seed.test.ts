import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { demoFunctionaries } from '../../db/seed/demo.ts'
import { seed } from '../../db/seed/index.ts'
import { ROLE_CATALOGUE } from '../../pool/reference/index.ts'
import { type TestApp, testApp } from '../helpers/app.ts'

let t: TestApp
beforeAll(async () => {
  t = await testApp()
})
afterAll(() => t.close())

describe('seed', () => {
  it('writes the reference codes of docs/domain.md', async () => {
    const islands = await t.db.query.islands.findMany()
    expect(islands.map((i) => i.code).sort()).toEqual(['AW', 'BO', 'CW', 'NL', 'SA', 'SE', 'SX'])
    const roles = await t.db.query.roles.findMany()
    expect(roles.map((r) => r.code)).toContain('policy_team_secretary')
    expect(roles).toHaveLength(10)
    const langs = (await t.db.query.languages.findMany()).map((l) => l.code)
    for (const code of ['en', 'nl', 'pap', 'es']) expect(langs).toContain(code)
  })

  it('has a travel time from every base to every island', async () => {
    const rows = await t.db.query.travelTimes.findMany()
    for (const from of ['NL', 'AW', 'CW', 'SX', 'BO', 'SE', 'SA']) {
      for (const to of ['AW', 'CW', 'SX', 'BO', 'SE', 'SA']) {
        expect(
          rows.find((r) => r.fromCode === from && r.toCode === to),
          `${from}→${to}`,
        ).toBeDefined()
      }
    }
  })

  it('seeds the demo accounts and at least 200 fictitious functionaries', async () => {
    const users = await t.db.query.users.findMany()
    const emails = users.map((u) => u.email)
    for (const e of [
      'admin',
      'coordinator',
      'dispatcher',
      'observer',
      'aruba',
      'curacao',
      'sintmaarten',
      'bonaire',
      'statia',
      'saba',
    ]) {
      expect(emails).toContain(`${e}@demo.ccpm`)
    }
    for (let i = 1; i <= 5; i++) {
      const u = users.find((x) => x.email === `functionary${i}@demo.ccpm`)
      expect(u?.role).toBe('functionary')
      expect(u?.functionaryId).toBeTruthy()
    }
    expect(users.find((u) => u.email === 'saba@demo.ccpm')?.island).toBe('SA')
    expect((await t.db.query.functionaries.findMany()).length).toBeGreaterThanOrEqual(200)
    expect(
      (await t.db.query.hrcUnits.findMany()).every((u) => u.readiness === 'standby' && u.base === 'NL'),
    ).toBe(true)
  })

  it('has qualified people for every role in the Caribbean and in NL', () => {
    const pool = demoFunctionaries()
    for (const role of ROLE_CATALOGUE) {
      const qualified = pool.filter((f) => f.roles.some((r) => r.role === role.code && r.level !== 'trainee'))
      expect(
        qualified.some((f) => f.base === 'NL'),
        `${role.code} in NL`,
      ).toBe(true)
      expect(
        qualified.some((f) => f.base !== 'NL'),
        `${role.code} in the Caribbean`,
      ).toBe(true)
    }
  })

  it('is deterministic and does nothing on a seeded database', async () => {
    expect(demoFunctionaries()).toEqual(demoFunctionaries())
    expect(await seed(t.db, { demo: true, now: 0 })).toBe(false)
  })
})
