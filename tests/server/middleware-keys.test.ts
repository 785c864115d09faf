/**
 * One-time keys when the first attempt is interrupted: a claim that did not commit within the
 * lease is taken over by the retry, the stalled first attempt can no longer commit (nothing
 * doubles), and a change committed before a crash is reported as done, never redone.
 */
import { eq } from 'drizzle-orm'
import type { Context } from 'hono'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { recordAudit } from '../../db/queries/audit.ts'
import { claimKey, findKey } from '../../db/queries/idempotency.ts'
import { auditEvents, idempotencyKeys } from '../../db/schema/index.ts'
import { auditEvent, newId } from '../../pool/shared/index.ts'
import type { AppEnv } from '../../server/env.ts'
import { KEY_REFUSALS } from '../../server/middleware/idempotency.ts'
import { type TestApp, testApp } from '../helpers/app.ts'

let t: TestApp
let cookie: string
let userId: string
/** Requests to /test/slow wait here until the test lets them go. */
let gate: Promise<void> = Promise.resolve()
let reached: () => void = () => {}

async function count(entityId: string) {
  return (await t.db.select().from(auditEvents).where(eq(auditEvents.entityId, entityId))).length
}

function write(c: Context<AppEnv>, entityId: string) {
  const { db, now } = c.var.deps
  const event = auditEvent({ id: null, label: 'test' }, 'test.counted', 'test', entityId, {}, now(), newId())
  return db.batch([recordAudit(db, event)])
}

beforeAll(async () => {
  t = await testApp()
  t.app.post('/api/test/slow/:id', async (c) => {
    reached()
    await gate
    await write(c, c.req.param('id'))
    return c.json({ done: c.req.param('id') }, 201)
  })
  t.app.post('/api/test/write-then-fail/:id', async (c) => {
    await write(c, c.req.param('id'))
    throw new Error('failed after the write')
  })
  cookie = await t.login('coordinator@demo.ccpm')
  userId = (await t.db.query.users.findFirst({ where: (u, { eq }) => eq(u.email, 'coordinator@demo.ccpm') }))!
    .id
})
afterAll(() => t.close())

const send = (path: string, key: string, body: unknown = { a: 1 }) =>
  t.postJson(path, body, cookie, { 'idempotency-key': key })

describe('an interrupted first attempt never blocks its key', () => {
  it('a stalled attempt: the retry waits out the lease, takes over, and the stalled one cannot commit', async () => {
    let release!: () => void
    gate = new Promise((r) => (release = r))
    const arrived = new Promise<void>((r) => (reached = r))
    const first = send('/api/test/slow/e1', 'k-stall-0001')
    await arrived
    // within the lease: being handled
    const early = await send('/api/test/slow/e1', 'k-stall-0001')
    expect(early.status).toBe(409)
    expect((await early.json()).error.code).toBe(KEY_REFUSALS.inFlight.code)
    // after the lease the retry takes over (and must not wait on the gate itself)
    t.clock.now += t.config.keyLeaseMs + 1
    gate = Promise.resolve()
    const retry = await send('/api/test/slow/e1', 'k-stall-0001')
    expect(retry.status).toBe(201)
    expect(await count('e1')).toBe(1)
    // the first attempt wakes up: its batch fails on the claim, nothing doubles
    release()
    const late = await first
    expect(late.status).toBe(409)
    expect((await late.json()).error.code).toBe(KEY_REFUSALS.takenOver.code)
    expect(await count('e1')).toBe(1)
    // the key replays the retry's outcome from now on
    const again = await send('/api/test/slow/e1', 'k-stall-0001')
    expect(again.status).toBe(201)
    expect(again.headers.get('idempotent-replay')).toBe('true')
    expect(await again.json()).toEqual({ done: 'e1' })
    expect(t.logs.some((l) => l.event === 'key-taken-over')).toBe(true)
  })

  it('a process that died before committing: the retry after the lease does the work once', async () => {
    // what a killed process leaves behind: a claim, no commit, no outcome
    await claimKey(t.db, userId, 'k-died-00001', 'whatever', 'dead-claim', t.clock.now)
    const fp = (await findKey(t.db, userId, 'k-died-00001'))!
    // the fingerprint must match the retry's body: take it from a probe key
    const probe = await send('/api/test/slow/e2', 'k-probe-0001')
    expect(probe.status).toBe(201)
    const probeRow = (await findKey(t.db, userId, 'k-probe-0001'))!
    await t.db
      .update(idempotencyKeys)
      .set({ fingerprint: probeRow.fingerprint })
      .where(eq(idempotencyKeys.key, fp.key))
    expect((await send('/api/test/slow/e2', 'k-died-00001')).status).toBe(409) // still within the lease
    t.clock.now += t.config.keyLeaseMs + 1
    const retry = await send('/api/test/slow/e2', 'k-died-00001')
    expect(retry.status).toBe(201)
    expect(await count('e2')).toBe(2) // the probe and this one: one each
    expect((await send('/api/test/slow/e2', 'k-died-00001')).headers.get('idempotent-replay')).toBe('true')
    expect(await count('e2')).toBe(2)
  })

  it('a change committed before its answer was stored is reported as done, never done again', async () => {
    const res = await send('/api/test/write-then-fail/e3', 'k-commit-001')
    expect(res.status).toBe(500)
    expect(await count('e3')).toBe(1)
    const row = (await findKey(t.db, userId, 'k-commit-001'))!
    expect(row.committedAt).toBe(t.clock.now)
    expect(row.status).toBeNull()
    const soon = await send('/api/test/write-then-fail/e3', 'k-commit-001')
    expect(soon.status).toBe(409)
    expect((await soon.json()).error.code).toBe(KEY_REFUSALS.inFlight.code)
    t.clock.now += t.config.keyLeaseMs + 1
    const later = await send('/api/test/write-then-fail/e3', 'k-commit-001')
    expect(later.status).toBe(409)
    expect((await later.json()).error.code).toBe(KEY_REFUSALS.doneUnrecorded.code)
    expect(await count('e3')).toBe(1)
  })

  it('two retries racing for one stale claim: one does the work', async () => {
    const probe = await send('/api/test/slow/e4', 'k-probe-0004')
    expect(probe.status).toBe(201)
    const fingerprint = (await findKey(t.db, userId, 'k-probe-0004'))!.fingerprint
    await claimKey(t.db, userId, 'k-race-00004', fingerprint, 'dead-claim', t.clock.now)
    t.clock.now += t.config.keyLeaseMs + 1
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => send('/api/test/slow/e4', 'k-race-00004')),
    )
    const statuses = answers.map((r) => r.status)
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1)
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true)
    expect(await count('e4')).toBe(2) // the probe and exactly one of the racers
  })
})
