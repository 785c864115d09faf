/** The outbox reaches a real SMTP server on localhost; a server that is down loses nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { dueMail, enqueueMail } from '../../db/queries/outbox.ts'
import { outbox } from '../../db/schema/index.ts'
import { deliverDue } from '../../server/mail/transport.ts'
import { type TestApp, testApp } from '../helpers/app.ts'
import { startSmtp } from '../helpers/smtp.ts'

let t: TestApp
let smtp: Awaited<ReturnType<typeof startSmtp>>
beforeAll(async () => {
  t = await testApp()
  smtp = await startSmtp()
})
afterAll(async () => {
  t.close()
  await smtp.close()
})

const delivery = () => ({
  db: t.db,
  smtpUrl: smtp.url,
  from: 'CCPM <noreply@ccpm.test>',
  now: () => t.clock.now,
  log: () => {},
})

describe('outbox delivery over SMTP', () => {
  it('delivers a queued mail once: recipient, subject and plain text arrive, the row is marked sent', async () => {
    await enqueueMail(
      t.db,
      {
        to: 'carla@example.org',
        subject: 'URGENT – Saba requests 2 information managers',
        text: 'Saba needs 2 information managers from 6 Sep.\nhttp://localhost:3000/requests/x',
      },
      t.clock.now,
    )
    expect(await deliverDue(delivery())).toBe(1)
    expect(smtp.received).toHaveLength(1)
    const [mail] = smtp.received
    expect(mail!.to).toEqual(['carla@example.org'])
    expect(mail!.subject).toBe('URGENT – Saba requests 2 information managers')
    expect(mail!.text).toContain('Saba needs 2 information managers from 6 Sep.')
    // a second pass sends nothing again
    expect(await deliverDue(delivery())).toBe(0)
    expect(smtp.received).toHaveLength(1)
    const rows = await t.db.select().from(outbox)
    expect(rows[0]!.status).toBe('sent')
    expect(rows[0]!.sentAt).toBe(t.clock.now)
  })

  it('keeps a mail when the server refuses or is down, and retries it with backoff until it goes', async () => {
    const before = smtp.received.length
    await enqueueMail(t.db, { to: 'saba@example.org', subject: 'Retry me', text: 'plain' }, t.clock.now)
    smtp.setRefuse(true)
    expect(await deliverDue(delivery())).toBe(0)
    let [row] = (await t.db.select().from(outbox)).filter((r) => r.subject === 'Retry me')
    expect(row!.status).toBe('pending')
    expect(row!.attempts).toBe(1)
    expect(row!.lastError).toMatch(/451/)
    expect(row!.nextAttemptAt).toBe(t.clock.now + 30_000)
    // not due yet: nothing happens
    expect(await dueMail(t.db, t.clock.now)).toHaveLength(0)
    // a server that is not there at all
    const down = { ...delivery(), smtpUrl: 'smtp://127.0.0.1:9' }
    t.clock.now += 30_000
    expect(await deliverDue(down)).toBe(0)
    ;[row] = (await t.db.select().from(outbox)).filter((r) => r.subject === 'Retry me')
    expect(row!.attempts).toBe(2)
    expect(row!.nextAttemptAt).toBe(t.clock.now + 60_000)
    smtp.setRefuse(false)
    t.clock.now += 60_000
    expect(await deliverDue(delivery())).toBe(1)
    expect(smtp.received.length).toBe(before + 1)
    expect(smtp.received.at(-1)!.subject).toBe('Retry me')
  })

  it('two delivery loops at once send a message once', async () => {
    const before = smtp.received.length
    await enqueueMail(t.db, { to: 'twice@example.org', subject: 'Only once', text: 'x' }, t.clock.now)
    const [a, b] = await Promise.all([deliverDue(delivery()), deliverDue(delivery())])
    expect(a + b).toBe(1)
    expect(smtp.received.length).toBe(before + 1)
  })
})

describe('a sent mail', () => {
  it('keeps recipient, subject and time in the outbox, but not its text or link', async () => {
    const link = 'http://localhost:3000/answer/abcdefgh12345678.0123456789abcdefghijklmnopqrstuv'
    await enqueueMail(
      t.db,
      {
        to: 'eva@example.org',
        subject: 'Available?',
        text: `Answer here: ${link}`,
        html: `<a href="${link}">x</a>`,
      },
      t.clock.now,
    )
    await deliverDue(delivery())
    expect(smtp.received.find((m) => m.subject === 'Available?')!.text).toContain(link)
    const [row] = (await t.db.select().from(outbox)).filter((r) => r.subject === 'Available?')
    expect(row).toMatchObject({
      to: 'eva@example.org',
      subject: 'Available?',
      status: 'sent',
      sentAt: t.clock.now,
    })
    expect(row!.text).toBe('')
    expect(row!.html).toBeNull()
    expect(JSON.stringify(await t.db.select().from(outbox))).not.toContain('0123456789abcdefghijklmnopqrstuv')
  })
})

describe('the outbox page', () => {
  it('shows the admin what waits and says when no SMTP_URL is set', async () => {
    await enqueueMail(
      t.db,
      { to: 'waiting@example.org', subject: 'Waiting <b>here</b>', text: 'x' },
      t.clock.now,
    )
    const cookie = await t.login('admin@demo.ccpm')
    const res = await t.get('/admin/outbox', cookie)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('waiting@example.org')
    expect(html).toContain('Waiting &lt;b&gt;here&lt;/b&gt;')
    expect(html).toContain('No SMTP_URL is configured')
  })

  it('is not for other roles', async () => {
    for (const email of ['coordinator@demo.ccpm', 'saba@demo.ccpm', 'observer@demo.ccpm']) {
      const res = await t.get('/admin/outbox', await t.login(email))
      expect(res.status).toBe(403)
      expect(await res.text()).not.toContain('waiting@example.org')
    }
  })
})
