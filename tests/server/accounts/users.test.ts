/** Users for admins: pages and API, the exact 403 for every other role, role changes that end sessions. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditTrail } from '../../../db/queries/audit.ts'
import { findUserByEmail } from '../../../db/queries/users.ts'
import { outbox } from '../../../db/schema/index.ts'
import { type TestApp, testApp } from '../../helpers/app.ts'

let t: TestApp
let admin: string
beforeAll(async () => {
  t = await testApp()
  admin = await t.login('admin@demo.ccpm')
})
afterAll(() => t.close())

const patch = (path: string, body: unknown, cookie: string) =>
  t.app.request(`http://localhost:3000${path}`, {
    method: 'PATCH',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', cookie },
  })
const form = (over: Record<string, string> = {}) => ({
  name: 'Nina Hooiberg',
  email: 'nina@example.org',
  role: 'coordinator',
  island: '',
  functionaryId: '',
  locale: 'nl',
  ...over,
})

describe('every user-management route is for admins only', () => {
  const routes: [string, string, unknown?][] = [
    ['GET', '/admin/users'],
    ['GET', '/admin/users/new'],
    ['POST', '/admin/users', form({ email: 'x1@example.org' })],
    ['GET', '/admin/users/demo-u02'],
    ['POST', '/admin/users/demo-u02', form({ email: 'coordinator@demo.ccpm' })],
    ['POST', '/admin/users/demo-u02/status', { active: '0', version: '1' }],
    ['POST', '/admin/users/demo-u02/invitation', {}],
    ['GET', '/api/v1/users'],
    ['GET', '/api/v1/users/demo-u02'],
    ['POST', '/api/v1/users', { name: 'X', email: 'x2@example.org', role: 'observer' }],
    ['PATCH', '/api/v1/users/demo-u02', { role: 'observer' }],
  ]
  for (const email of [
    'coordinator@demo.ccpm',
    'dispatcher@demo.ccpm',
    'observer@demo.ccpm',
    'saba@demo.ccpm',
    'functionary1@demo.ccpm',
  ]) {
    it(`${email} gets exactly 403 on each, and nothing changes`, async () => {
      const cookie = await t.login(email)
      for (const [method, path, body] of routes) {
        const res =
          method === 'GET'
            ? await t.get(path, cookie)
            : method === 'PATCH'
              ? await patch(path, body, cookie)
              : path.startsWith('/api/')
                ? await t.postJson(path, body, cookie)
                : await t.post(path, body as Record<string, string>, cookie)
        expect(res.status, `${method} ${path}`).toBe(403)
      }
      expect((await findUserByEmail(t.db, 'coordinator@demo.ccpm'))!.active).toBe(true)
      expect(await findUserByEmail(t.db, 'x1@example.org')).toBeUndefined()
    })
  }

  it('the navigation shows Users to admins only, and Account to everyone', async () => {
    expect(await (await t.get('/', admin)).text()).toContain('href="/admin/users"')
    const observer = await (await t.get('/', await t.login('observer@demo.ccpm'))).text()
    expect(observer).not.toContain('href="/admin/users"')
    expect(observer).toContain('href="/account"')
  })
})

describe('the admin’s pages', () => {
  it('lists and searches users page by page', async () => {
    const all = await (await t.get('/admin/users', admin)).text()
    expect(all).toContain('1–15 of 15')
    expect(all).toContain('Carla Coordinator')
    const saba = await (await t.get('/admin/users?q=saba', admin)).text()
    expect(saba).toContain('Crisis team Saba')
    expect(saba).not.toContain('Carla Coordinator')
    const islands = await (await t.get('/admin/users?role=island&limit=4', admin)).text()
    expect(islands).toContain('1–4 of 6')
    expect(islands).toContain('href="/admin/users?role=island&amp;limit=4&amp;offset=4"')
  })

  it('creates a user: 303 to the account, the invitation in the outbox in the user’s language', async () => {
    const res = await t.post('/admin/users', form(), admin)
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toMatch(/^\/admin\/users\/[a-z0-9]{16}\?done=created$/)
    const user = (await findUserByEmail(t.db, 'nina@example.org'))!
    expect(user).toMatchObject({ role: 'coordinator', island: null, locale: 'nl', passwordHash: null })
    const [mail] = (await t.db.select().from(outbox)).filter((m) => m.to === 'nina@example.org')
    expect(mail!.subject).toBe('Uw CCPM-account: kies een wachtwoord')
    expect(mail!.text).toMatch(/http:\/\/localhost:3000\/password\/[a-z0-9]{16}\.[a-z0-9]{32}/)
    const page = await (await t.get(res.headers.get('location')!, admin)).text()
    expect(page).toContain('The account is made and the invitation is in the mail outbox.')
    expect(page).toContain('Alex Admin made the account and sent the invitation')
  })

  it('re-renders the form with 422 and each field’s message, keeping what was typed', async () => {
    const res = await t.post(
      '/admin/users',
      form({ email: 'nina@example.org', role: 'island', name: 'Twice' }),
      admin,
    )
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('Another account already has this e-mail address.')
    expect(html).toContain('Choose the island this crisis team acts for.')
    expect(html).toContain('value="Twice"')
  })

  it('a role change ends that user’s sessions and the history says who changed what', async () => {
    const sx = await t.login('sintmaarten@demo.ccpm')
    const user = (await findUserByEmail(t.db, 'sintmaarten@demo.ccpm'))!
    const res = await t.post(
      `/admin/users/${user.id}`,
      form({
        name: user.name,
        email: user.email,
        role: 'observer',
        locale: 'en',
        version: String(user.version),
      }),
      admin,
    )
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/admin/users/${user.id}?done=ended`)
    expect((await t.get('/', sx)).status).toBe(303) // signed out
    const [event] = await auditTrail(t.db, 'user', user.id)
    expect(event).toMatchObject({
      action: 'user.role_changed',
      actorLabel: 'Alex Admin',
      before: { role: 'island', island: 'SX' },
      after: { role: 'observer', island: null },
    })
    const page = await (await t.get(`/admin/users/${user.id}`, admin)).text()
    expect(page).toContain(
      'Alex Admin changed role Island crisis team → Observer, island Sint Maarten → none; the sessions ended',
    )
    // A stale form (the old version) is a 409 that shows the account as it is now.
    const stale = await t.post(
      `/admin/users/${user.id}`,
      form({
        name: 'Old',
        email: user.email,
        role: 'island',
        island: 'SX',
        locale: 'en',
        version: String(user.version),
      }),
      admin,
    )
    expect(stale.status).toBe(409)
    expect(await stale.text()).toContain('Someone changed this account in the meantime.')
  })

  it('a name change keeps the sessions', async () => {
    const cookie = await t.login('aruba@demo.ccpm')
    const user = (await findUserByEmail(t.db, 'aruba@demo.ccpm'))!
    const res = await t.post(
      `/admin/users/${user.id}`,
      form({
        name: 'EOC Aruba',
        email: user.email,
        role: 'island',
        island: 'AW',
        locale: 'en',
        version: String(user.version),
      }),
      admin,
    )
    expect(res.headers.get('location')).toBe(`/admin/users/${user.id}?done=saved`)
    expect((await t.get('/', cookie)).status).toBe(200)
  })

  it('deactivating ends the sessions and refuses sign-in; reactivating lets them back', async () => {
    const cookie = await t.login('curacao@demo.ccpm')
    const user = (await findUserByEmail(t.db, 'curacao@demo.ccpm'))!
    const off = await t.post(
      `/admin/users/${user.id}/status`,
      { active: '0', version: String(user.version) },
      admin,
    )
    expect(off.status).toBe(303)
    expect((await t.get('/', cookie)).status).toBe(303)
    expect((await t.post('/login', { email: 'curacao@demo.ccpm', password: 'demo' })).status).toBe(401)
    const on = await t.post(
      `/admin/users/${user.id}/status`,
      { active: '1', version: String(user.version + 1) },
      admin,
    )
    expect(on.status).toBe(303)
    expect((await t.post('/login', { email: 'curacao@demo.ccpm', password: 'demo' })).status).toBe(303)
  })

  it('an admin cannot take away their own role', async () => {
    const me = (await findUserByEmail(t.db, 'admin@demo.ccpm'))!
    const res = await t.post(
      `/admin/users/${me.id}/status`,
      { active: '0', version: String(me.version) },
      admin,
    )
    expect(res.status).toBe(403)
    expect(await res.text()).toContain('You cannot change your own role or deactivate yourself')
  })
})

describe('the JSON API', () => {
  it('GET /api/v1/users → {items, total}, searchable and paged', async () => {
    const res = await t.get('/api/v1/users?role=functionary&limit=2', admin)
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body.total).toBe(5)
    expect(body.items).toHaveLength(2)
    expect(Object.keys(body.items[0]).sort()).toEqual([
      'active',
      'email',
      'functionaryId',
      'id',
      'name',
      'role',
    ])
    const saba = await (await t.get('/api/v1/users?q=saba', admin)).json()
    expect(saba.items).toEqual([
      {
        id: 'demo-u10',
        name: 'Crisis team Saba',
        email: 'saba@demo.ccpm',
        role: 'island',
        island: 'SA',
        active: true,
      },
    ])
  })

  it('POST → 201 with Location and an invitation mail; PATCH changes role and island', async () => {
    const res = await t.postJson(
      '/api/v1/users',
      { name: 'Ivo Island', email: 'IVO@example.org', role: 'island', island: 'SE' },
      admin,
    )
    expect(res.status).toBe(201)
    const user = await res.json()
    expect(user).toMatchObject({
      name: 'Ivo Island',
      email: 'ivo@example.org',
      role: 'island',
      island: 'SE',
      active: true,
    })
    expect(res.headers.get('location')).toBe(`/api/v1/users/${user.id}`)
    expect((await t.db.select().from(outbox)).some((m) => m.to === 'ivo@example.org')).toBe(true)

    const bad = await t.postJson(
      '/api/v1/users',
      { name: 'X', email: 'x@example.org', role: 'observer', island: 'SA' },
      admin,
    )
    expect(bad.status).toBe(422)
    expect((await bad.json()).error.fields).toEqual({
      island: {
        code: 'accounts.island.forbidden',
        message: 'Only island crisis teams have an island: leave it empty.',
      },
    })

    const changed = await patch(`/api/v1/users/${user.id}`, { role: 'observer' }, admin)
    expect(changed.status).toBe(200)
    expect(await changed.json()).toEqual({
      id: user.id,
      name: 'Ivo Island',
      email: 'ivo@example.org',
      role: 'observer',
      active: true,
    })
    expect((await patch('/api/v1/users/nobody', { role: 'observer' }, admin)).status).toBe(404)
  })

  it('a functionary account links to its pool member, once', async () => {
    const first = await t.postJson(
      '/api/v1/users',
      { name: 'M', email: 'member020@pool.demo.ccpm', role: 'functionary' },
      admin,
    )
    expect(first.status).toBe(201)
    expect((await first.json()).functionaryId).toBe('demo-f020')
    const again = await t.postJson(
      '/api/v1/users',
      { name: 'M', email: 'other@example.org', role: 'functionary', functionaryId: 'demo-f020' },
      admin,
    )
    expect(again.status).toBe(422)
    expect((await again.json()).error.fields.functionaryId).toEqual({
      code: 'accounts.functionary.taken',
      message: 'This pool member already has an account.',
    })
  })
})
