/** Sign-in and sign-out, a set-password link used once, and the burst limit on sign-in. */
import { describe, expect, it } from 'vitest'
import { Client, type Runtime } from '../target.ts'

export function authFlows(rt: Runtime) {
  describe('sign-in and sign-out', () => {
    const c = new Client(rt, '192.0.2.10')

    it('shows the form, refuses a wrong password (401, no session), signs in (303, HttpOnly cookie) and out', async () => {
      const form = await c.page('/login')
      expect(form).toMatch(/<input id="f-email" name="email"/)
      expect(form).toMatch(/<input id="f-password" name="password" type="password"/)

      const wrong = await c.post('/login', { email: 'coordinator@demo.ccpm', password: 'wrong' })
      expect(wrong.status).toBe(401)
      expect(await wrong.text()).toContain('The e-mail address or password is not right.')
      expect(wrong.headers.get('set-cookie') ?? '').not.toMatch(/ccpm_session=[^;]/)

      const res = await c.post('/login', { email: 'coordinator@demo.ccpm', password: 'demo' })
      expect(res.status).toBe(303)
      expect(res.headers.get('location')).toBe('/')
      const setCookie = res.headers.get('set-cookie') ?? ''
      expect(setCookie).toMatch(/^ccpm_session=[a-z0-9]{16}\.[a-z0-9]{32};/)
      expect(setCookie).toMatch(/HttpOnly/)
      expect(setCookie).toMatch(/SameSite=Lax/)
      const cookie = setCookie.split(';')[0]!
      expect(await c.page('/', cookie)).toContain('Carla Coordinator')

      const out = await c.post('/logout', {}, cookie)
      expect(out.status).toBe(303)
      expect(out.headers.get('location')).toBe('/login')
      const after = await c.get('/', cookie)
      expect(after.status).toBe(303)
      expect(after.headers.get('location')).toBe('/login')
    })

    it('sends a visitor without a session to the sign-in page, and the API answers 401', async () => {
      const home = await c.get('/')
      expect(home.status).toBe(303)
      expect(home.headers.get('location')).toBe('/login')
      expect((await c.get('/api/v1/islands')).status).toBe(401)
      const saba = await c.login('saba@demo.ccpm')
      const islands = await c.getJson<{ items: { code: string }[] }>('/api/v1/islands', saba)
      expect(islands.items.map((i) => i.code).sort()).toEqual(['AW', 'BO', 'CW', 'NL', 'SA', 'SE', 'SX'])
    })

    it('refuses a form post from another origin (403)', async () => {
      const res = await c.post('/login', { email: 'saba@demo.ccpm', password: 'demo' }, undefined, {
        origin: 'https://evil.example',
      })
      expect(res.status).toBe(403)
    })
  })

  describe('the sign-in limit', () => {
    it('answers 429 after 10 failures on one account from one address, even with the right password; another address still signs in', async () => {
      const c = new Client(rt, '192.0.2.11')
      const email = 'curacao@demo.ccpm'
      for (let i = 0; i < 10; i++)
        expect((await c.post('/login', { email, password: 'nope' })).status, `try ${i + 1}`).toBe(401)
      const res = await c.post('/login', { email, password: 'demo' })
      expect(res.status).toBe(429)
      expect(await res.text()).toContain('Too many sign-in attempts')
      expect((await new Client(rt, '192.0.2.12').post('/login', { email, password: 'demo' })).status).toBe(
        303,
      )
    })
  })

  describe('a set-password link', () => {
    it('an invited account sets its password once (again: 410), signs in with it, and a role change ends its sessions', async () => {
      const c = new Client(rt, '192.0.2.13')
      const admin = await c.login('admin@demo.ccpm')
      const user = await c.json<{ id: string }>(
        '/api/v1/users',
        { name: 'Wim Worker', email: 'wim@example.org', role: 'observer' },
        admin,
        201,
      )
      const path = await c.linkTo('wim@example.org', /\/password\/[a-z0-9]{16}\.[a-z0-9]{32}/)
      const form = await c.page(path)
      expect(form).toContain('name="password"')
      expect((await c.post(path, { password: 'clouds over the caribbean' })).status).toBe(200)
      expect((await c.post(path, { password: 'clouds over the caribbean' })).status).toBe(410)
      expect((await c.get(path)).status).toBe(410)

      const cookie = await c.login('wim@example.org', 'clouds over the caribbean')
      expect((await c.get('/account', cookie)).status).toBe(200)
      expect((await c.send('PATCH', `/api/v1/users/${user.id}`, { role: 'dispatcher' }, admin)).status).toBe(
        200,
      )
      expect((await c.get('/account', cookie)).status).toBe(303)
      const events = await rt.rows<{ action: string }>(
        'select action from audit_events where entity_id = ? order by rowid',
        user.id,
      )
      expect(events.map((e) => e.action)).toEqual(['user.created', 'user.password_set', 'user.role_changed'])
    })

    it('a reset for an unknown address looks the same and writes nothing; a known one mails a new link', async () => {
      const c = new Client(rt, '192.0.2.14')
      const tokens = async () => (await rt.rows<{ n: number }>('select count(*) as n from user_tokens'))[0]!.n
      const before = await tokens()
      const unknown = await c.post('/password-reset', { email: 'nobody@example.org' })
      const known = await c.post('/password-reset', { email: 'functionary4@demo.ccpm' })
      expect(unknown.status).toBe(303)
      expect(known.status).toBe(303)
      expect(unknown.headers.get('location')).toBe(known.headers.get('location'))
      expect(await tokens()).toBe(before + 1)
      const path = await c.linkTo('functionary4@demo.ccpm', /\/password\/[a-z0-9]{16}\.[a-z0-9]{32}/)
      expect((await c.post(path, { password: 'a brand new passphrase' })).status).toBe(200)
      expect((await c.post('/login', { email: 'functionary4@demo.ccpm', password: 'demo' })).status).toBe(401)
      await c.login('functionary4@demo.ccpm', 'a brand new passphrase')
    })
  })
}
