/**
 * "Forgot your password?": the same status, words and time for known and unknown addresses;
 * rate limits per client address and per e-mail address; a single-use link for one hour that
 * ends every session; and the admin CLI's link for when mail is down.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../db/client.ts'
import { auditTrail } from '../../../db/queries/audit.ts'
import { outbox, userTokens } from '../../../db/schema/index.ts'
import { adminResetLink } from '../../../server/auth/admin-reset.ts'
import { RESET_ANSWER_MS } from '../../../server/services/password-links.ts'
import { type TestApp, testApp } from '../../helpers/app.ts'

let t: TestApp
beforeAll(async () => {
  t = await testApp()
})
afterAll(() => t.close())

const HOUR = 3_600_000
let address = 0
/** A request from a fresh client address, an hour after the last: no limit from earlier tests. */
function ask(email: string, from = `10.0.0.${++address % 250}`) {
  t.clock.now += HOUR
  return t.post('/password-reset', { email }, undefined, { 'x-test-address': from })
}
const mailsTo = async (to: string) => (await t.db.select().from(outbox)).filter((m) => m.to === to)
async function lastLink(to: string): Promise<string> {
  const mail = (await mailsTo(to)).at(-1)
  const m = mail && /http:\/\/localhost:3000(\/password\/[a-z0-9]{16}\.[a-z0-9]{32})/.exec(mail.text)
  if (!m) throw new Error(`no link to ${to}`)
  return m[1]!
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return (s[(s.length - 1) >> 1]! + s[s.length >> 1]!) / 2
}

describe('the reset form', () => {
  it('is public, has a field named email, and the sign-in page links to it', async () => {
    const res = await t.get('/password-reset')
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('<form method="post" action="/password-reset">')
    expect(html).toMatch(/<input id="f-email" name="email" type="email"/)
    expect(await (await t.get('/login')).text()).toContain(
      '<a href="/password-reset">Forgot your password?</a>',
    )
  })

  it('answers a known and an unknown address with the same status, page and words; only the known one gets mail', async () => {
    const known = await ask('observer@demo.ccpm')
    const unknown = await ask('nobody@example.org')
    expect(known.status).toBe(303)
    expect(unknown.status).toBe(303)
    expect(known.headers.get('location')).toBe('/password-reset?sent')
    expect(unknown.headers.get('location')).toBe(known.headers.get('location'))
    const strip = (html: string) =>
      html.replace(/name="_key" value="[^"]*"/g, '').replace(/<p class="clocks">.*?<\/p>/s, '')
    const a = await t.get(known.headers.get('location')!)
    const b = await t.get(unknown.headers.get('location')!)
    expect(a.status).toBe(b.status)
    expect(strip(await a.text())).toBe(strip(await b.text()))
    expect(await (await t.get('/password-reset?sent')).text()).toContain(
      'If the address belongs to an account, a link to choose a new password is on its way.',
    )
    const [mail] = await mailsTo('observer@demo.ccpm')
    expect(mail!.subject).toBe('CCPM: choose a new password')
    expect(mail!.text).toContain('Choose one within 60 minutes at:')
    expect(await mailsTo('nobody@example.org')).toEqual([])
  })

  it('takes the same time for known and unknown addresses (medians within 20 % over 20 tries each)', async () => {
    const known: number[] = []
    const unknown: number[] = []
    for (let i = 0; i < 3; i++) await Promise.all([ask('dispatcher@demo.ccpm'), ask(`warm${i}@example.org`)])
    for (let i = 0; i < 20; i++) {
      // Alternate which goes first, so that a busy moment of the machine falls on both alike.
      for (const kind of i % 2 ? ['known', 'unknown'] : ['unknown', 'known']) {
        const started = performance.now()
        const res = await ask(kind === 'known' ? 'dispatcher@demo.ccpm' : `nobody${i}@example.org`)
        const ms = performance.now() - started
        expect(res.status).toBe(303)
        ;(kind === 'known' ? known : unknown).push(ms)
      }
    }
    const [k, u] = [median(known), median(unknown)]
    console.log(`reset timing: median known ${k.toFixed(2)} ms, unknown ${u.toFixed(2)} ms`)
    expect(Math.abs(k - u) / Math.max(k, u)).toBeLessThan(0.2)
    expect(Math.min(k, u)).toBeGreaterThanOrEqual(RESET_ANSWER_MS)
  })

  it('refuses a malformed address with 422 and its message (that says nothing about accounts)', async () => {
    const res = await ask('not-an-address')
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('Enter an e-mail address such as name@example.org.')
  })
})

describe('rate limits', () => {
  it('per e-mail address: 3 an hour, known or not alike', async () => {
    t.clock.now += HOUR
    for (const email of ['saba@demo.ccpm', 'nobody-limited@example.org']) {
      const statuses: number[] = []
      for (let i = 0; i < 4; i++) {
        const res = await t.post('/password-reset', { email }, undefined, { 'x-test-address': `10.1.0.${i}` })
        statuses.push(res.status)
      }
      expect(statuses, email).toEqual([303, 303, 303, 429])
    }
    expect(await mailsTo('saba@demo.ccpm')).toHaveLength(3)
  })

  it('per client address: 10 in 15 minutes, whatever the addresses asked for', async () => {
    t.clock.now += HOUR
    const statuses: number[] = []
    for (let i = 0; i < 11; i++) {
      const res = await t.post('/password-reset', { email: `spray${i}@example.org` }, undefined, {
        'x-test-address': '10.2.0.1',
      })
      statuses.push(res.status)
    }
    expect(statuses).toEqual([...Array(10).fill(303), 429])
    const page = await t.post('/password-reset', { email: 'x@example.org' }, undefined, {
      'x-test-address': '10.2.0.1',
    })
    expect(await page.text()).toContain(
      'Too many requests for a new password. Wait 15 minutes and try again.',
    )
  })
})

describe('the reset link', () => {
  it('sets a new password once and ends every session of the account', async () => {
    const a = await t.login('functionary2@demo.ccpm')
    const b = await t.login('functionary2@demo.ccpm')
    await ask('functionary2@demo.ccpm')
    const path = await lastLink('functionary2@demo.ccpm')
    const form = await (await t.get(path)).text()
    expect(form).toContain('Choose a new password')
    expect((await t.post(path, { password: 'a brand new passphrase' })).status).toBe(200)
    for (const cookie of [a, b]) expect((await t.get('/', cookie)).status).toBe(303)
    expect((await t.post('/login', { email: 'functionary2@demo.ccpm', password: 'demo' })).status).toBe(401)
    await t.login('functionary2@demo.ccpm', 'a brand new passphrase')
    expect((await t.get(path)).status).toBe(410)
    const actions = (await auditTrail(t.db, 'user', 'demo-fu2')).map((e) => e.action)
    expect(actions).toEqual(['user.reset_requested', 'user.password_set'])
  })

  it('expires after one hour, and a newer link replaces an older one', async () => {
    await ask('functionary3@demo.ccpm')
    const first = await lastLink('functionary3@demo.ccpm')
    t.clock.now += HOUR + 1
    const late = await t.get(first)
    expect(late.status).toBe(410)
    expect(await late.text()).toContain('This reset link worked for one hour.')
    await ask('functionary3@demo.ccpm')
    const second = await lastLink('functionary3@demo.ccpm')
    t.clock.now += 10 * 60_000
    await ask('functionary3@demo.ccpm')
    const third = await lastLink('functionary3@demo.ccpm')
    expect((await t.get(second)).status).toBe(410)
    expect((await t.get(third)).status).toBe(200)
  })

  it('stores only the SHA-256 of the secret (160 random bits)', async () => {
    await ask('functionary4@demo.ccpm')
    const path = await lastLink('functionary4@demo.ccpm')
    const [id, secret] = path.slice('/password/'.length).split('.')
    const row = (await t.db.select().from(userTokens)).find((r) => r.id === id)!
    expect(row.secretHash).toMatch(/^[0-9a-f]{64}$/)
    expect(row.secretHash).not.toContain(secret)
    expect(secret).toHaveLength(32) // 32 symbols of 5 bits
  })

  it('a deactivated account gets no mail, and its old link stops working', async () => {
    await ask('functionary5@demo.ccpm')
    const path = await lastLink('functionary5@demo.ccpm')
    const admin = await t.login('admin@demo.ccpm')
    await t.post('/admin/users/demo-fu5/status', { active: '0', version: '1' }, admin)
    const before = (await mailsTo('functionary5@demo.ccpm')).length
    expect((await ask('functionary5@demo.ccpm')).status).toBe(303)
    expect(await mailsTo('functionary5@demo.ccpm')).toHaveLength(before)
    expect((await t.get(path)).status).toBe(404)
  })
})

describe('admin:reset-password', () => {
  it('makes a set-password link for an account, printed, that works like the others', async () => {
    const url = await adminResetLink(t.db, 'Coordinator@Demo.ccpm', 'http://localhost:3000', t.clock.now)
    const path = new URL(url).pathname
    expect(await (await t.get(path)).text()).toContain('Set your password')
    expect((await t.post(path, { password: 'back in after the storm' })).status).toBe(200)
    await t.login('coordinator@demo.ccpm', 'back in after the storm')
    await expect(adminResetLink(t.db, 'nobody@example.org', 'http://x', t.clock.now)).rejects.toThrow(
      'no account has the address nobody@example.org',
    )
  })

  it('runs as `npm run admin:reset-password -- EMAIL`', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccpm-reset-'))
    const env = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: `file:${join(dir, 'p.db')}`,
      BASE_URL: 'https://ccpm.example',
    }
    const run = promisify(execFile)
    await run('npx', ['tsx', 'scripts/admin-create.ts', 'ops@example.org'], { env })
    const { stdout } = await run('npx', ['tsx', 'scripts/admin-reset-password.ts', 'ops@example.org'], {
      env,
    })
    const link = /https:\/\/ccpm\.example\/password\/([a-z0-9]{16})\.[a-z0-9]{32}/.exec(stdout)
    expect(link).not.toBeNull()
    const { db, close } = await openDatabase(env.DATABASE_URL)
    try {
      const tokens = await db.select().from(userTokens)
      // The admin:create link is replaced (used) by this one, which alone works.
      expect(tokens.map((r) => [r.purpose, r.usedAt == null])).toEqual([
        ['set_password', false],
        ['set_password', true],
      ])
      expect(tokens.find((r) => r.usedAt == null)!.id).toBe(link![1])
    } finally {
      close()
    }
  })
})
