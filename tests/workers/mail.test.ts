/**
 * Mail from the Worker: a request submitted on D1 queues its mail in the outbox; the scheduled
 * handler delivers it with worker-mailer over cloudflare:sockets to a real SMTP server (in Node).
 */
import { createScheduledController } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import worker from '../../server/worker.ts'
import { login, request } from './helpers.ts'

describe('mail from the Worker', () => {
  it('delivers the outbox on the scheduled run: recipient, subject, plain text', async () => {
    const saba = await login('saba@demo.ccpm')
    const headers = { cookie: saba, 'content-type': 'application/json' }
    const created = (await (
      await request('/api/v1/requests', {
        method: 'POST',
        headers,
        body: JSON.stringify({
          title: 'Mail test',
          situation: 'Generators needed.',
          phase: 'warm',
          priority: 'high',
          periodStart: '2026-09-06',
          periodEnd: '2026-09-10',
          contact: 'EOC Saba',
          needs: [{ kind: 'other', description: 'Generators', quantity: 3 }],
        }),
      })
    ).json()) as { id: string }
    expect(
      (
        await request(`/api/v1/requests/${created.id}/status`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ status: 'submitted' }),
        })
      ).status,
    ).toBe(200)

    const ctx = {
      waitUntil: () => {},
      passThroughOnException: () => {},
      props: {},
    } as unknown as ExecutionContext
    await worker.scheduled(
      createScheduledController({ cron: '* * * * *', scheduledTime: Date.now() }),
      env,
      ctx,
    )

    // a sent mail keeps no text (it may hold a link): every mail of this run went, each on its first try
    const rows = await env.DB.prepare(`select status, attempts, text from outbox`).all<{
      status: string
      attempts: number
      text: string
    }>()
    expect(rows.results.length).toBeGreaterThan(0)
    expect(rows.results.every((r) => r.status === 'sent' && r.attempts === 1 && r.text === '')).toBe(true)
    const received = (await (await fetch(env.TEST_SMTP_RECEIVED)).json()) as {
      to: string[]
      subject: string
      text: string
    }[]
    const mail = received.find((m) => m.text.includes(created.id))
    expect(mail?.to).toEqual(['coordinator@demo.ccpm'])
    expect(mail?.subject).toBe('HIGH – Saba requests 1 other need')
    expect(mail?.text).toContain('Generators')
  })
})

describe('hourly cleanup on the Worker', () => {
  it('purges one-time keys older than 7 days on the run at minute 0', async () => {
    const top = Date.UTC(2026, 8, 6, 12, 0)
    const insert = env.DB.prepare(
      'insert into idempotency_keys (scope, key, fingerprint, created_at) values (?, ?, ?, ?)',
    )
    await env.DB.batch([
      insert.bind('u', 'old-key-0001', 'f', top - 8 * 86_400_000),
      insert.bind('u', 'new-key-0001', 'f', top - 86_400_000),
    ])
    const ctx = {
      waitUntil: () => {},
      passThroughOnException: () => {},
      props: {},
    } as unknown as ExecutionContext
    await worker.scheduled(
      createScheduledController({ cron: '* * * * *', scheduledTime: top + 60_000 }),
      env,
      ctx,
    )
    const keys = async () =>
      (
        await env.DB.prepare("select key from idempotency_keys where scope = 'u' order by key").all<{
          key: string
        }>()
      ).results.map((r) => r.key)
    expect(await keys()).toEqual(['new-key-0001', 'old-key-0001']) // minute 1: nothing purged
    await worker.scheduled(createScheduledController({ cron: '* * * * *', scheduledTime: top }), env, ctx)
    expect(await keys()).toEqual(['new-key-0001'])
  })
})
