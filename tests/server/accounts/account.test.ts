/** One's own account, for every role: name and language, password (current one first), sessions seen and ended. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditTrail } from '../../../db/queries/audit.ts'
import { findUserByEmail } from '../../../db/queries/users.ts'
import { sessions } from '../../../db/schema/index.ts'
import { SEEN_EVERY } from '../../../server/auth/session.ts'
import { type TestApp, testApp } from '../../helpers/app.ts'

let t: TestApp
beforeAll(async () => {
  t = await testApp()
})
afterAll(() => t.close())

const PHONE = 'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36'
const LAPTOP = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0'

async function loginFrom(email: string, userAgent: string, password = 'demo') {
  const res = await t.post('/login', { email, password }, undefined, { 'user-agent': userAgent })
  expect(res.status).toBe(303)
  return res.headers.get('set-cookie')!.split(';')[0]!
}
const idOf = (cookie: string) => cookie.split('=')[1]!.split('.')[0]!

describe('/account', () => {
  it('is there for every role', async () => {
    for (const email of [
      'admin@demo.ccpm',
      'coordinator@demo.ccpm',
      'dispatcher@demo.ccpm',
      'observer@demo.ccpm',
      'saba@demo.ccpm',
      'functionary1@demo.ccpm',
    ]) {
      const res = await t.get('/account', await t.login(email))
      expect(res.status, email).toBe(200)
      expect(await res.text()).toContain('<h1>Your account</h1>')
    }
    expect((await t.get('/account')).status).toBe(303) // signed out: to the sign-in page
  })

  it('changes name and language; pages and mails follow the language', async () => {
    const cookie = await t.login('observer@demo.ccpm')
    const res = await t.post('/account', { name: 'Olga O.', locale: 'pap' }, cookie)
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/account?done=profile')
    const lang = res.headers.get('set-cookie')!.split(';')[0]!
    expect(lang).toBe('ccpm_lang=pap')
    const page = await (await t.get('/account?done=profile', `${cookie}; ${lang}`)).text()
    expect(page).toContain('Bo nòmber i idioma ta wardá.')
    expect(page).toContain('value="Olga O."')
    const user = (await findUserByEmail(t.db, 'observer@demo.ccpm'))!
    expect(user).toMatchObject({ name: 'Olga O.', locale: 'pap' })
    const [event] = await auditTrail(t.db, 'user', user.id)
    expect(event).toMatchObject({ action: 'user.profile_edited', after: { name: 'Olga O.', locale: 'pap' } })
    const bad = await t.post('/account', { name: '', locale: 'xx' }, cookie)
    expect(bad.status).toBe(422)
    const html = await bad.text() // in Papiamentu now: the account's language
    expect(html).toContain('Yena e nòmber.')
    expect(html).toContain('Skohe English, Nederlands òf Papiamentu.')
  })

  it('changes the password only with the current one; the other sessions end, this one stays', async () => {
    const phone = await loginFrom('dispatcher@demo.ccpm', PHONE)
    const laptop = await loginFrom('dispatcher@demo.ccpm', LAPTOP)
    const wrong = await t.post(
      '/account/password',
      { current: 'not it', password: 'a sturdy new passphrase' },
      laptop,
    )
    expect(wrong.status).toBe(422)
    expect(await wrong.text()).toContain('The current password is not right.')
    const weak = await t.post('/account/password', { current: 'demo', password: 'qwerty123456' }, laptop)
    expect(weak.status).toBe(422)
    expect(await weak.text()).toContain('This password is one of the most used ones: choose another.')
    const ok = await t.post(
      '/account/password',
      { current: 'demo', password: 'a sturdy new passphrase' },
      laptop,
    )
    expect(ok.status).toBe(303)
    expect((await t.get('/account', laptop)).status).toBe(200)
    expect((await t.get('/account', phone)).status).toBe(303)
    await t.login('dispatcher@demo.ccpm', 'a sturdy new passphrase')
  })

  it('limits password changes: 10 in 15 minutes', async () => {
    const cookie = await t.login('aruba@demo.ccpm')
    const statuses: number[] = []
    for (let i = 0; i < 11; i++)
      statuses.push(
        (await t.post('/account/password', { current: 'wrong', password: 'whatever it may be' }, cookie))
          .status,
      )
    expect(statuses).toEqual([...Array(10).fill(422), 429])
  })

  it('lists the own sessions with device and last seen, and ends one of them (not someone else’s)', async () => {
    const phone = await loginFrom('sintmaarten@demo.ccpm', PHONE)
    const laptop = await loginFrom('sintmaarten@demo.ccpm', LAPTOP)
    const html = await (await t.get('/account', laptop)).text()
    expect(html).toContain('Chrome on Android')
    expect(html).toContain('Firefox on Linux')
    expect(html).toContain('This device')
    expect(html).toContain(`action="/account/sessions/${idOf(phone)}/end"`)
    expect(html).not.toContain(`action="/account/sessions/${idOf(laptop)}/end"`)

    const other = await t.login('statia@demo.ccpm')
    expect((await t.post(`/account/sessions/${idOf(other)}/end`, {}, laptop)).status).toBe(404)
    expect((await t.get('/', other)).status).toBe(200)

    const res = await t.post(`/account/sessions/${idOf(phone)}/end`, {}, laptop)
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/account?done=session')
    expect((await t.get('/', phone)).status).toBe(303)
    expect((await t.get('/', laptop)).status).toBe(200)
  })

  it('updates last seen at most every few minutes', async () => {
    const cookie = await loginFrom('bonaire@demo.ccpm', LAPTOP)
    const seen = async () =>
      (await t.db.select().from(sessions)).find((s) => s.id === idOf(cookie))!.lastSeenAt
    const signedIn = await seen()
    t.clock.now += SEEN_EVERY - 1
    await t.get('/', cookie)
    expect(await seen()).toBe(signedIn)
    t.clock.now += 1
    await t.get('/', cookie)
    expect(await seen()).toBe(t.clock.now)
  })
})
