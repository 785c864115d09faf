/**
 * Mail from the Worker, to real SMTP servers in Node (tests/workers-node/smtp-sink.ts): a change's
 * mail goes right after the change (`ctx.waitUntil`), the cron pass retries what is still due,
 * a server that offers AUTH takes mail with the credentials of SMTP_URL (and worker-mailer refuses
 * it without them), and a server that never answers cannot hold the pass beyond its time.
 */
import { createExecutionContext, createScheduledController } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { drizzle } from 'drizzle-orm/d1'
import { describe, expect, it } from 'vitest'
import { enqueueMail } from '../../db/queries/outbox.ts'
import * as schema from '../../db/schema/index.ts'
import type { Db } from '../../db/types.ts'
import { deliverFromWorker } from '../../server/mail/worker-transport.ts'
import worker from '../../server/worker.ts'
import { ORIGIN } from './helpers.ts'

interface Received {
  to: string[]
  subject: string
  text: string
  user?: string
}
const received = async (url = env.TEST_SMTP_RECEIVED) => (await (await fetch(url)).json()) as Received[]
const db = drizzle(env.DB, { schema }) as unknown as Db
/** The Worker with a mail server (the other test files run without one). */
const mailEnv = { ...env, SMTP_URL: env.TEST_SMTP_URL }
/** A request to the Worker; its waitUntil work goes on after the answer, nobody waits for it. */
const request = (path: string, init: RequestInit = {}) =>
  worker.fetch(
    new Request(`${ORIGIN}${path}`, { redirect: 'manual', ...init }),
    mailEnv,
    createExecutionContext(),
  )
async function login(email: string) {
  const res = await request('/login', {
    method: 'POST',
    headers: {
      origin: ORIGIN,
      'content-type': 'application/x-www-form-urlencoded',
      'cf-connecting-ip': '192.0.2.80',
    },
    body: new URLSearchParams({ email, password: 'demo' }),
  })
  return res.headers.get('set-cookie')!.split(';')[0]!
}
const ctx = {
  waitUntil: () => {},
  passThroughOnException: () => {},
  props: {},
} as unknown as ExecutionContext
const row = (id: string) =>
  env.DB.prepare('select status, attempts, last_error as error from outbox where id = ?')
    .bind(id)
    .first<{ status: string; attempts: number; error: string | null }>()

/** Queues one mail by itself (as a change's batch does) and returns its outbox id. */
async function queue(subject: string) {
  const insert = enqueueMail(db, { to: 'ops@example.org', subject, text: `About ${subject}.` }, Date.now())
  const [r] = await insert.returning({ id: schema.outbox.id })
  return r!.id
}

/** Waits until no delivery pass started by an earlier request still has work (shared outbox). */
const settled = () =>
  expect
    .poll(
      async () =>
        (
          await env.DB.prepare(
            "select count(*) as n from outbox where status = 'pending' and attempts = 0",
          ).first<{ n: number }>()
        )?.n,
      { timeout: 10_000 },
    )
    .toBe(0)

describe('mail from the Worker', () => {
  it('sends a change’s mail right after the change, without waiting for the cron', async () => {
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
    const submitted = await request(`/api/v1/requests/${created.id}/status`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ status: 'submitted' }),
    })
    expect(submitted.status).toBe(200)

    // no scheduled() call anywhere in this test: the pass ran in the submit's waitUntil
    await expect
      .poll(async () => (await received()).find((m) => m.text.includes(created.id)), { timeout: 10_000 })
      .toMatchObject({ to: ['coordinator@demo.ccpm'], subject: 'HIGH – Saba requests 1 other need' })
    const rows = await env.DB.prepare('select status, attempts, text from outbox where subject = ?')
      .bind('HIGH – Saba requests 1 other need')
      .all<{ status: string; attempts: number; text: string }>()
    // a sent mail keeps no text (it may hold a link); it went on its first try
    expect(rows.results).toEqual([{ status: 'sent', attempts: 1, text: '' }])
  })

  it('delivers what is still due on the cron pass (the retry)', async () => {
    await settled()
    const id = await queue('Due on the cron pass')
    // the isolate's app was last built without a mail server: the scheduled run still uses its own env
    expect((await worker.fetch(new Request(`${ORIGIN}/healthz`), env, createExecutionContext())).status).toBe(
      200,
    )
    await worker.scheduled(
      createScheduledController({ cron: '* * * * *', scheduledTime: Date.now() }),
      mailEnv,
      ctx,
    )
    expect(await row(id)).toEqual({ status: 'sent', attempts: 1, error: null })
    expect((await received()).map((m) => m.subject)).toContain('Due on the cron pass')
  })

  it('sends to a server that offers AUTH with the credentials of SMTP_URL, and not without them', async () => {
    await settled()
    const refused = await queue('Without credentials')
    const pass = { db, from: 'CCPM <noreply@ccpm.example>', now: Date.now, log: () => {} }
    expect(await deliverFromWorker({ ...pass, smtpUrl: env.TEST_SMTP_AUTH_NO_CREDENTIALS_URL })).toBe(0)
    expect(await row(refused)).toMatchObject({
      status: 'pending',
      attempts: 1,
      error: expect.stringMatching(/requires authentication, but no credentials/),
    })

    const id = await queue('With credentials')
    expect(await deliverFromWorker({ ...pass, smtpUrl: env.TEST_SMTP_AUTH_URL })).toBeGreaterThanOrEqual(1)
    expect(await row(id)).toMatchObject({ status: 'sent', attempts: 1 })
    const mail = (await received(env.TEST_SMTP_AUTH_RECEIVED)).find((m) => m.subject === 'With credentials')
    expect(mail).toMatchObject({ to: ['ops@example.org'], user: 'ccpm' })
  })

  it('ends a pass on time when the server accepts the connection and never answers', async () => {
    await settled()
    const id = await queue('To a stalled server')
    const started = Date.now()
    const sent = await deliverFromWorker({
      db,
      smtpUrl: env.TEST_SMTP_STALLED_URL,
      from: 'noreply@ccpm.example',
      now: Date.now,
      log: () => {},
      passMs: 300,
    })
    expect(sent).toBe(0)
    expect(Date.now() - started).toBeLessThan(3000)
    // the mail stays in the outbox, tried once, for a later pass
    expect(await row(id)).toMatchObject({
      status: 'pending',
      attempts: 1,
      error: 'delivery pass over its time',
    })
  })
})

describe('hourly cleanup on the Worker', () => {
  it('purges one-time keys older than 7 days, counters older than a day and abandoned imports at minute 0', async () => {
    const top = Date.UTC(2026, 8, 6, 12, 0)
    const key = env.DB.prepare(
      'insert into idempotency_keys (scope, key, fingerprint, created_at) values (?, ?, ?, ?)',
    )
    const counter = env.DB.prepare('insert into rate_limits (key, window_start, count) values (?, ?, 1)')
    await env.DB.batch([
      key.bind('u', 'old-key-0001', 'f', top - 8 * 86_400_000),
      key.bind('u', 'new-key-0001', 'f', top - 86_400_000),
      counter.bind('test:old-counter', top - 2 * 86_400_000),
      counter.bind('test:new-counter', top - 3_600_000),
      env.DB.prepare(
        "insert into functionary_import_rows values ('abandoned', 0, 'create', 'f-x', null, '{}', null, ?)",
      ).bind(top - 2 * 3_600_000),
    ])
    const staged = async () =>
      (await env.DB.prepare(
        "select count(*) as n from functionary_import_rows where import_id = 'abandoned'",
      ).first<{
        n: number
      }>())!.n
    const keys = async () =>
      (
        await env.DB.prepare(
          "select key from idempotency_keys where scope = 'u' union all select key from rate_limits where key like 'test:%' order by key",
        ).all<{ key: string }>()
      ).results.map((r) => r.key)
    await worker.scheduled(
      createScheduledController({ cron: '* * * * *', scheduledTime: top + 60_000 }),
      env,
      ctx,
    )
    // minute 1: nothing purged
    expect(await keys()).toEqual(['new-key-0001', 'old-key-0001', 'test:new-counter', 'test:old-counter'])
    expect(await staged()).toBe(1)
    await worker.scheduled(createScheduledController({ cron: '* * * * *', scheduledTime: top }), env, ctx)
    expect(await keys()).toEqual(['new-key-0001', 'test:new-counter'])
    expect(await staged()).toBe(0)
  })
})
