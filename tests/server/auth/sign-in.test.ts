import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestApp, testApp } from '../../helpers/app.ts'

let t: TestApp
beforeAll(async () => {
  t = await testApp()
})
afterAll(() => t.close())

describe('sign-in', () => {
  it('shows a form with labelled email and password fields', async () => {
    const res = await t.get('/login')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toMatch(/<label for="f-email">/)
    expect(html).toMatch(/<input id="f-email" name="email"/)
    expect(html).toMatch(/<label for="f-password">/)
    expect(html).toMatch(/<input id="f-password" name="password" type="password"/)
  })

  it('signs in with 303 to / and an HttpOnly, SameSite=Lax session cookie', async () => {
    const res = await t.post('/login', { email: 'coordinator@demo.ccpm', password: 'demo' })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/')
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^ccpm_session=[a-z0-9]{16}\.[a-z0-9]{32};/)
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Lax/)
    expect(cookie).not.toMatch(/Secure/)
    const home = await t.get('/', cookie.split(';')[0])
    expect(home.status).toBe(200)
    expect(await home.text()).toContain('Carla Coordinator')
  })

  it('answers a wrong password or unknown e-mail with 401 and one plain message, e-mail kept', async () => {
    for (const [email, password] of [
      ['coordinator@demo.ccpm', 'wrong'],
      ['nobody@demo.ccpm', 'demo'],
    ]) {
      const res = await t.post('/login', { email: email!, password: password! })
      expect(res.status).toBe(401)
      const html = await res.text()
      expect(html).toContain('The e-mail address or password is not right.')
      expect(html).toContain(`value="${email}"`)
      expect(res.headers.get('set-cookie')).toBeNull()
    }
  })

  it('marks the cookie Secure under https', async () => {
    const s = await testApp({ BASE_URL: 'https://ccpm.example' })
    try {
      const res = await s.app.request('https://ccpm.example/login', {
        method: 'POST',
        body: new URLSearchParams({ email: 'saba@demo.ccpm', password: 'demo' }),
        headers: { origin: 'https://ccpm.example', 'content-type': 'application/x-www-form-urlencoded' },
      })
      expect(res.headers.get('set-cookie')).toMatch(/Secure/)
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=31536000/)
    } finally {
      s.close()
    }
  })

  it('stores only a hash of the session secret', async () => {
    const cookie = await t.login('saba@demo.ccpm')
    const secret = cookie.split('.')[1]!
    const rows = await t.db.query.sessions.findMany()
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) expect(row.secretHash).not.toContain(secret)
  })

  it('signs out: the session ends and the cookie no longer works', async () => {
    const cookie = await t.login('observer@demo.ccpm')
    const out = await t.post('/logout', {}, cookie)
    expect(out.status).toBe(303)
    expect(out.headers.get('location')).toBe('/login')
    const after = await t.get('/', cookie)
    expect(after.status).toBe(303)
    expect(after.headers.get('location')).toBe('/login')
  })

  it('slides the expiry forward and keeps a session alive over weeks of use', async () => {
    const start = t.clock.now
    const cookie = await t.login('dispatcher@demo.ccpm')
    try {
      for (let day = 1; day <= 60; day += 10) {
        t.clock.now = start + day * 86_400_000
        expect((await t.get('/', cookie)).status).toBe(200)
      }
      t.clock.now += 31 * 86_400_000 // a month unused: expired
      expect((await t.get('/', cookie)).status).toBe(303)
    } finally {
      t.clock.now = start
    }
  })
})

describe('rate limits on sign-in', () => {
  it('answers 429 after 10 failures on one account from one address, even with the right password', async () => {
    const email = 'curacao@demo.ccpm'
    for (let i = 0; i < 10; i++)
      expect((await t.post('/login', { email, password: 'nope' })).status).toBe(401)
    const res = await t.post('/login', { email, password: 'demo' })
    expect(res.status).toBe(429)
    expect(await res.text()).toContain('Too many sign-in attempts')
  })
})
