/** Invitations reach a real SMTP server; their link sets a password once, within 7 days, and says plainly when it no longer works. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { findUserByEmail } from '../../../db/queries/users.ts'
import { deliverDue } from '../../../server/mail/transport.ts'
import { type TestApp, testApp } from '../../helpers/app.ts'
import { startSmtp } from '../../helpers/smtp.ts'

let t: TestApp
let smtp: Awaited<ReturnType<typeof startSmtp>>
let admin: string
let coordinator: string
beforeAll(async () => {
  t = await testApp()
  smtp = await startSmtp()
  admin = await t.login('admin@demo.ccpm')
  coordinator = await t.login('coordinator@demo.ccpm')
})
afterAll(async () => {
  t.close()
  await smtp.close()
})

const deliver = () =>
  deliverDue({
    db: t.db,
    smtpUrl: smtp.url,
    from: 'CCPM <noreply@ccpm.test>',
    now: () => t.clock.now,
    log: () => {},
  })

/** The path of the one set-password link in the last mail to `to`. */
async function linkTo(to: string): Promise<string> {
  await deliver()
  const mail = smtp.received.filter((m) => m.to.includes(to)).at(-1)
  if (!mail) throw new Error(`no mail to ${to}`)
  const url = /http:\/\/localhost:3000(\/password\/[a-z0-9]{16}\.[a-z0-9]{32})/.exec(mail.text)
  if (!url) throw new Error(`no link in: ${mail.text}`)
  return url[1]!
}

const invite = (email: string, over: Record<string, string> = {}) =>
  t.post(
    '/admin/users',
    {
      name: 'Corinne Coordinator',
      email,
      role: 'coordinator',
      island: '',
      functionaryId: '',
      locale: 'en',
      ...over,
    },
    admin,
  )

describe('an invitation', () => {
  it('arrives over SMTP; its link sets a password that then signs in', async () => {
    expect((await invite('corinne@example.org')).status).toBe(303)
    await deliver()
    const mail = smtp.received.find((m) => m.to.includes('corinne@example.org'))!
    expect(mail.subject).toBe('Your CCPM account: choose a password')
    expect(mail.text).toContain('Alex Admin has made you an account in CCPM')
    expect(mail.text).toContain('as Coordinator (LOCC-KCR2)')
    expect(mail.text).toContain('Choose your password within 7 days at:')
    const path = await linkTo('corinne@example.org')

    const form = await t.get(path)
    expect(form.status).toBe(200)
    expect(form.headers.get('cache-control')).toBe('no-store')
    const html = await form.text()
    expect(html).toContain('Welcome: choose your password')
    expect(html).toContain('For the account corinne@example.org.')

    const weak = await t.post(path, { password: 'password1234' })
    expect(weak.status).toBe(422)
    expect(await weak.text()).toContain('This password is one of the most used ones: choose another.')

    const done = await t.post(path, { password: 'trade winds over willemstad' })
    expect(done.status).toBe(200)
    expect(await done.text()).toContain(
      'Your password is set. Sign in with corinne@example.org and your new password.',
    )
    const cookie = await t.login('corinne@example.org', 'trade winds over willemstad')
    expect(await (await t.get('/', cookie)).text()).toContain('Corinne Coordinator')
  })

  it('works once: a used link says so plainly (410) and offers a new one', async () => {
    await invite('once@example.org')
    const path = await linkTo('once@example.org')
    expect((await t.post(path, { password: 'first and only password' })).status).toBe(200)
    for (const res of [await t.get(path), await t.post(path, { password: 'second try at this link' })]) {
      expect(res.status).toBe(410)
      const html = await res.text()
      expect(html).toContain('<h1 id="link-title">This link has already been used</h1>')
      expect(html).toContain('This invitation works only once.')
      expect(html).toContain('<a class="button" href="/password-reset">Ask for a new link</a>')
    }
    await t.login('once@example.org', 'first and only password')
  })

  it('two uses at once set the password once', async () => {
    await invite('race@example.org')
    const path = await linkTo('race@example.org')
    const results = await Promise.all([
      t.post(path, { password: 'racing along the coast' }),
      t.post(path, { password: 'another password entirely' }),
    ])
    expect(results.map((r) => r.status).sort()).toEqual([200, 410])
  })

  it('expires after 7 days, and says so', async () => {
    await invite('late@example.org')
    const path = await linkTo('late@example.org')
    t.clock.now += 7 * 86_400_000 + 1
    try {
      const res = await t.get(path)
      expect(res.status).toBe(410)
      const html = await res.text()
      expect(html).toContain('This link has expired')
      expect(html).toContain(
        'This invitation worked for 7 days. Ask for a new link below: it comes by e-mail.',
      )
      expect((await t.post(path, { password: 'too late for this link' })).status).toBe(410)
    } finally {
      t.clock.now -= 7 * 86_400_000 + 1
    }
  })

  it('a link with a wrong secret is "does not work" (404), never "used" or "expired"', async () => {
    await invite('guess@example.org')
    const path = await linkTo('guess@example.org')
    const res = await t.get(path.replace(/\.[a-z0-9]+$/, `.${'a'.repeat(32)}`))
    expect(res.status).toBe(404)
    expect(await res.text()).toContain('This link does not work')
  })

  it('a new invitation from the admin replaces the old link', async () => {
    const res = await invite('again@example.org')
    const old = await linkTo('again@example.org')
    const id = res.headers.get('location')!.split('/').pop()!.split('?')[0]!
    const again = await t.post(`/admin/users/${id}/invitation`, {}, admin)
    expect(again.status).toBe(303)
    const fresh = await linkTo('again@example.org')
    expect(fresh).not.toBe(old)
    expect((await t.get(old)).status).toBe(410)
    expect((await t.get(fresh)).status).toBe(200)
  })
})

describe('a coordinator invites a pool member', () => {
  it('from the person’s page: a functionary account linked to them, the mail in the chosen language', async () => {
    const before = await (await t.get('/pool/demo-f030', coordinator)).text()
    expect(before).toContain('action="/pool/demo-f030/invite"')
    const res = await t.post('/pool/demo-f030/invite', { locale: 'pap' }, coordinator)
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/pool/demo-f030?invited=1')
    const after = await (await t.get('/pool/demo-f030?invited=1', coordinator)).text()
    expect(after).toContain('The invitation is in the mail outbox.')
    expect(after).toContain('Has an account: member030@pool.demo.ccpm.')
    const user = (await findUserByEmail(t.db, 'member030@pool.demo.ccpm'))!
    expect(user).toMatchObject({ role: 'functionary', functionaryId: 'demo-f030', locale: 'pap' })
    await deliver()
    const mail = smtp.received.find((m) => m.to.includes('member030@pool.demo.ccpm'))!
    expect(mail.subject).toBe('Bo kuenta di CCPM: skohe un kontraseña')
    const path = await linkTo('member030@pool.demo.ccpm')
    expect((await t.post(path, { password: 'sunrise over the saliña' })).status).toBe(200)
    const cookie = await t.login('member030@pool.demo.ccpm', 'sunrise over the saliña')
    expect((await t.get('/me', cookie)).status).toBe(200)
  })

  it('through POST /api/v1/functionaries/:id/invite: 201, then 409 for a second account', async () => {
    const res = await t.postJson('/api/v1/functionaries/demo-f031/invite', { locale: 'nl' }, coordinator)
    expect(res.status).toBe(201)
    expect(await res.json()).toMatchObject({ role: 'functionary', functionaryId: 'demo-f031', active: true })
    const again = await t.postJson('/api/v1/functionaries/demo-f031/invite', {}, coordinator)
    expect(again.status).toBe(409)
    expect((await again.json()).error.message).toBe('This pool member already has an account.')
    expect((await t.postJson('/api/v1/functionaries/nobody/invite', {}, coordinator)).status).toBe(404)
  })

  it('is not for other roles: exactly 403', async () => {
    for (const email of [
      'observer@demo.ccpm',
      'dispatcher@demo.ccpm',
      'saba@demo.ccpm',
      'functionary1@demo.ccpm',
    ]) {
      const cookie = await t.login(email)
      expect((await t.post('/pool/demo-f032/invite', { locale: 'en' }, cookie)).status, email).toBe(403)
      expect((await t.postJson('/api/v1/functionaries/demo-f032/invite', {}, cookie)).status, email).toBe(403)
    }
    expect(await findUserByEmail(t.db, 'member032@pool.demo.ccpm')).toBeUndefined()
  })
})
