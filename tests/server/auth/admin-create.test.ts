import { execFile } from 'node:child_process'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase } from '../../../db/client.ts'
import { isSeeded } from '../../../db/seed/index.ts'
import { createAdmin } from '../../../server/auth/admin-create.ts'
import { type TestApp, testApp } from '../../helpers/app.ts'

let t: TestApp
beforeAll(async () => {
  t = await testApp()
})
afterAll(() => t.close())

describe('admin:create', () => {
  it('prints a one-time link that sets the password once; the admin can then sign in', async () => {
    const link = await createAdmin(t.db, 'Root@Example.org', 'http://localhost:3000', t.clock.now)
    const path = new URL(link).pathname
    expect(path).toMatch(/^\/password\/[a-z0-9]{16}\.[a-z0-9]{32}$/)
    expect((await t.get(path)).status).toBe(200)
    const short = await t.post(path, { password: 'short' })
    expect(short.status).toBe(422)
    expect(await short.text()).toContain('Use at least 12 characters.')
    const ok = await t.post(path, { password: 'correct horse battery' })
    expect(ok.status).toBe(200)
    expect(await ok.text()).toContain('Your password is set.')
    // single use: the page says so plainly (410 Gone), with the way to a new link
    expect((await t.post(path, { password: 'another password!!' })).status).toBe(410)
    const used = await t.get(path)
    expect(used.status).toBe(410)
    const usedPage = await used.text()
    expect(usedPage).toContain('This link has already been used')
    expect(usedPage).toContain('href="/password-reset"')
    const cookie = await t.login('root@example.org', 'correct horse battery')
    expect((await t.get('/admin/outbox', cookie)).status).toBe(200)
  })

  it('refuses a guessed or expired link', async () => {
    const link = await createAdmin(t.db, 'late@example.org', 'http://localhost:3000', t.clock.now)
    const path = new URL(link).pathname
    const guessed = path.replace(/\.[a-z0-9]+$/, `.${'a'.repeat(32)}`)
    expect((await t.get(guessed)).status).toBe(404)
    t.clock.now += 73 * 3_600_000
    try {
      const expired = await t.get(path)
      expect(expired.status).toBe(410)
      expect(await expired.text()).toContain('This link has expired')
    } finally {
      t.clock.now -= 73 * 3_600_000
    }
  })

  it('runs as `npm run admin:create -- EMAIL` on a production database without demo data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ccpm-admin-'))
    const env = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: `file:${join(dir, 'p.db')}`,
      BASE_URL: 'https://ccpm.example',
    }
    const { stdout } = await promisify(execFile)(
      'npx',
      ['tsx', 'scripts/admin-create.ts', 'ops@example.org'],
      { env },
    )
    expect(stdout).toMatch(/https:\/\/ccpm\.example\/password\/[a-z0-9]{16}\.[a-z0-9]{32}/)
    const { db, close } = await openDatabase(env.DATABASE_URL)
    try {
      expect(await isSeeded(db)).toBe(true)
      const users = await db.query.users.findMany()
      expect(users.map((u) => u.email)).toEqual(['ops@example.org'])
      expect(await db.query.functionaries.findMany()).toHaveLength(0)
    } finally {
      close()
    }
  })
})
