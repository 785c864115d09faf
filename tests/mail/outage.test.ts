/**
 * Mail after an outage, on the injected clock: retries are at most 3 minutes apart, and when the
 * server answers again every waiting mail goes in that same pass; while it is down a mail is still
 * tried every 30 s, so every mail is out within a minute of the server's return.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enqueueMail } from '../../db/queries/outbox.ts'
import { outbox } from '../../db/schema/index.ts'
import { nextAttemptDelay } from '../../pool/shared/index.ts'
import { newDeliveryState, PROBE_MS } from '../../server/mail/deliver.ts'
import { createTransport, deliverDue } from '../../server/mail/transport.ts'
import { type TestApp, testApp } from '../helpers/app.ts'
import { startSmtp } from '../helpers/smtp.ts'

let t: TestApp
beforeAll(async () => {
  t = await testApp()
})
afterAll(() => t.close())

const PASS = 5000 // the Node loop's interval

describe('the retry schedule', () => {
  it('is 30 s, 1 min, 2 min, then every 3 min, never given up', () => {
    expect([1, 2, 3, 4, 5, 10, 100].map(nextAttemptDelay)).toEqual([
      30_000, 60_000, 120_000, 180_000, 180_000, 180_000, 180_000,
    ])
  })
})

describe('after an outage', () => {
  it('sends every waiting mail within a minute of the server’s return, in one go', async () => {
    const probe = await startSmtp()
    const port = Number(new URL(probe.url).port)
    await probe.close() // the server is down: connections are refused
    const logs: Record<string, unknown>[] = []
    const d = {
      db: t.db,
      smtpUrl: `smtp://127.0.0.1:${port}`,
      from: 'CCPM <noreply@ccpm.test>',
      now: () => t.clock.now,
      log: (l: Record<string, unknown>) => logs.push(l),
      state: newDeliveryState(),
    }
    const transport = createTransport(d.smtpUrl)
    // 150 s down (longer than the cap, so the first mails are deep in their backoff); a mail every 10 s
    const subjects: string[] = []
    for (let s = 0; s < 150; s += 5) {
      if (s % 10 === 0) {
        subjects.push(`Outage mail ${s}`)
        await enqueueMail(
          t.db,
          { to: 'eva@example.org', subject: `Outage mail ${s}`, text: 'x' },
          t.clock.now,
        )
      }
      expect(await deliverDue(d, transport)).toBe(0)
      t.clock.now += PASS
    }
    expect(d.state.down).toBe(true)
    const attempts = (await t.db.select().from(outbox)).reduce((n, r) => n + r.attempts, 0)
    expect(attempts).toBeLessThanOrEqual(30) // at most one try per pass while down, not one per mail

    const back = t.clock.now
    const smtp = await startSmtp({ port })
    try {
      while (smtp.received.length < subjects.length && t.clock.now - back <= 120_000) {
        await deliverDue(d, transport)
        if (smtp.received.length < subjects.length) t.clock.now += PASS
      }
      expect(smtp.received.map((m) => m.subject).sort()).toEqual([...subjects].sort())
      expect(t.clock.now - back).toBeLessThanOrEqual(PROBE_MS + PASS)
      expect(logs.some((l) => l.event === 'mail-server-back')).toBe(true)
      expect(d.state.down).toBe(false)
      expect((await t.db.select().from(outbox)).filter((r) => r.status === 'pending')).toHaveLength(0)
    } finally {
      transport.close()
      await smtp.close()
    }
  })

  it('does not take a server that refuses one mail for a server that is down', async () => {
    const smtp = await startSmtp()
    smtp.setRefuse(true)
    const d = {
      db: t.db,
      smtpUrl: smtp.url,
      from: 'CCPM <noreply@ccpm.test>',
      now: () => t.clock.now,
      log: () => {},
      state: newDeliveryState(),
    }
    try {
      await enqueueMail(t.db, { to: 'x@example.org', subject: 'Refused', text: 'x' }, t.clock.now)
      expect(await deliverDue(d)).toBe(0)
      expect(d.state.down).toBe(false)
    } finally {
      await smtp.close()
    }
  })
})
