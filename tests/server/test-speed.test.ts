/**
 * What keeps the suite fast without weakening production: test accounts hash with few
 * iterations (the stored hash says how many), and the delivery loop and the answers board's poll
 * take their intervals from the config, so that no test waits on 5 s or 20 s.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enqueueMail } from '../../db/queries/outbox.ts'
import { hashPassword, ITERATIONS, verifyPassword } from '../../server/auth/password.ts'
import { parseConfig } from '../../server/config.ts'
import { startServer } from '../../server/serve.ts'
import { acknowledgedRequest } from '../helpers/alerts.ts'
import { TEST_ITERATIONS, type TestApp, testApp } from '../helpers/app.ts'
import { startSmtp } from '../helpers/smtp.ts'

let t: TestApp
beforeAll(async () => {
  t = await testApp()
})
afterAll(() => t.close())

describe('password hashes carry their own work factor', () => {
  it('hashes with 600,000 iterations unless told otherwise, and verifies by the stored count', async () => {
    expect(ITERATIONS).toBe(600_000)
    expect(t.config.passwordIterations).toBe(TEST_ITERATIONS)
    expect(parseConfig({}).passwordIterations).toBe(600_000)
    const quick = await hashPassword('correct horse', 1000)
    expect(quick).toMatch(/^pbkdf2-sha256-chain\$1000x1\$[0-9a-f]{32}\$[0-9a-f]{64}$/)
    expect(await verifyPassword('correct horse', quick)).toBe(true)
    expect(await verifyPassword('correct horse!', quick)).toBe(false)
    // the count is read from the hash: the same salt and key under another count do not match
    expect(await verifyPassword('correct horse', quick.replace('$1000x1$', '$1001x1$'))).toBe(false)
  })

  it('seeds the test accounts with the low count', async () => {
    const user = await t.db.query.users.findFirst({ where: (u, { eq }) => eq(u.email, 'saba@demo.ccpm') })
    expect(user!.passwordHash).toMatch(new RegExp(`^pbkdf2-sha256-chain\\$${TEST_ITERATIONS}x1\\$`))
  })
})

describe('intervals come from the config', () => {
  it('polls the answers board as often as the config says', async () => {
    const saba = await t.login('saba@demo.ccpm')
    const coordinator = await t.login('coordinator@demo.ccpm')
    const { needId } = await acknowledgedRequest(t, saba, coordinator)
    expect(await (await t.get(`/needs/${needId}`, coordinator)).text()).toContain('hx-trigger="every 20s"')
    t.config.pollSeconds = 3
    try {
      expect(await (await t.get(`/needs/${needId}`, coordinator)).text()).toContain('hx-trigger="every 3s"')
    } finally {
      t.config.pollSeconds = 20
    }
  })

  it('runs the delivery loop at the configured interval', async () => {
    const smtp = await startSmtp()
    const dir = mkdtempSync(join(tmpdir(), 'ccpm-interval-'))
    const config = {
      ...parseConfig({ PORT: '0', DATABASE_URL: `file:${join(dir, 'test.db')}`, SMTP_URL: smtp.url }),
      deliveryIntervalMs: 50,
      passwordIterations: TEST_ITERATIONS,
    }
    const server = await startServer(config, { log: () => {} })
    try {
      const started = Date.now()
      await enqueueMail(server.db, { to: 'x@example.org', subject: 'Soon', text: 'plain' }, Date.now())
      // the default 5 s would miss this deadline
      await expect.poll(() => smtp.received.length, { timeout: 2500, interval: 20 }).toBe(1)
      expect(Date.now() - started).toBeLessThan(2500)
    } finally {
      await server.close()
      await smtp.close()
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
