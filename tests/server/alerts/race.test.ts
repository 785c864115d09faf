/**
 * One alert per person and need, under concurrency (before the unique index, 7 of 8 trials doubled a row).
 * The decision: a round for someone not yet asked is a first alert; for someone asked is a
 * reminder, at most one per 10 minutes. So two rounds at the same moment for the same person
 * send one question and one mail, whatever the interleaving; a deliberate reminder (later) sends
 * one more mail on the same row. A barrier holds each round's write until both have read, so only
 * the rule held in the write (the unique index, the guarded reminder) can tell them apart.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { alerts, outbox } from '../../../db/schema/index.ts'
import { LIMITS } from '../../../pool/access/index.ts'
import { acknowledgedRequest } from '../../helpers/alerts.ts'
import { type TestApp, testApp } from '../../helpers/app.ts'
import { ANNA } from '../../helpers/assignments.ts'
import { barrier } from '../../helpers/barrier.ts'

let t: TestApp
let saba: string
let coordinator: string
let second: string
let racing: ((sql: string) => boolean) | null = null
beforeAll(async () => {
  t = await testApp({}, { wrapDb: barrier((sql) => racing?.(sql) ?? false) })
  saba = await t.login('saba@demo.ccpm')
  coordinator = await t.login('coordinator@demo.ccpm')
  second = await t.login('coordinator@demo.ccpm') // a second duty officer's session
})
afterAll(() => t.close())

const round = async (who: string, needId: string, deadline = t.clock.now + 86_400_000) => {
  const res = await t.postJson(
    `/api/v1/needs/${needId}/alerts`,
    { functionaryIds: [ANNA.id], deadline: new Date(deadline).toISOString() },
    who,
  )
  return { status: res.status, body: await res.json() }
}

/** What the race left for Anna and this need: her rows, the pending ones, and the mails with their links. */
async function left(needId: string) {
  const rows = (await t.db.select().from(alerts)).filter(
    (a) => a.needId === needId && a.functionaryId === ANNA.id,
  )
  const pending = rows.filter((a) => a.answer === null && a.deadline > t.clock.now)
  const mails = (await t.db.select().from(outbox)).filter(
    (m) => m.to === ANNA.email && rows.some((a) => m.text.includes(`/answer/${a.id}.`)),
  )
  return { rows, pending, mails }
}

const TRIALS = 30
const WINDOW = LIMITS.alertRoundsPerUser.windowMs

describe('two alert rounds for the same need and person at the same moment', () => {
  it(`write one alert and one mail every time, both rounds having read (${TRIALS} trials, barrier)`, async () => {
    const statuses: Record<string, number> = {}
    for (let i = 0; i < TRIALS; i++) {
      t.clock.now += WINDOW // a fresh window of the alert-round limit (20 per coordinator)
      const { needId } = await acknowledgedRequest(t, saba, coordinator)
      racing = (sql) => sql.startsWith('insert into "alerts"')
      const results = await Promise.all([round(coordinator, needId), round(second, needId)]).finally(() => {
        racing = null
      })
      const key = results
        .map((r) => r.status)
        .sort()
        .join('+')
      statuses[key] = (statuses[key] ?? 0) + 1
      expect(results.map((r) => r.status).sort()).toEqual([201, 409])
      const won = results.find((r) => r.status === 201)!.body
      expect(won.items).toMatchObject([{ functionaryId: ANNA.id, kind: 'first', reminders: 0 }])
      expect(won.lost).toEqual([])
      const lost = results.find((r) => r.status === 409)!.body
      expect(lost.error).toMatchObject({ status: 409, code: 'alerts.raced' })
      const { rows, pending, mails } = await left(needId)
      expect(rows).toHaveLength(1)
      expect(pending).toHaveLength(1)
      expect(rows[0]!.id).toBe(won.items[0].id)
      expect(mails.map((m) => m.subject)).toEqual(['Available 6–20 Sep for Saba as information manager?'])
    }
    console.log(`alert race (barrier): ${TRIALS} trials, ${JSON.stringify(statuses)}`)
  })

  it(`write one alert and one mail every time, however they interleave (${TRIALS} trials, no barrier)`, async () => {
    const statuses: Record<string, number> = {}
    for (let i = 0; i < TRIALS; i++) {
      t.clock.now += WINDOW
      const { needId } = await acknowledgedRequest(t, saba, coordinator)
      const results = await Promise.all([round(coordinator, needId), round(second, needId)])
      const key = results
        .map((r) => r.status)
        .sort()
        .join('+')
      statuses[key] = (statuses[key] ?? 0) + 1
      // The second either lost the write (409) or read the first's alert, asked seconds ago (422).
      expect(['201+409', '201+422']).toContain(key)
      const { rows, pending, mails } = await left(needId)
      expect(rows).toHaveLength(1)
      expect(pending).toHaveLength(1)
      expect(mails).toHaveLength(1)
    }
    console.log(`alert race (free): ${TRIALS} trials, ${JSON.stringify(statuses)}`)
  })
})

describe('two deliberate reminders at the same moment', () => {
  it(`remind once: one row, one first mail and one reminder (${TRIALS} trials, barrier)`, async () => {
    const start = t.clock.now
    try {
      for (let i = 0; i < TRIALS; i++) {
        const { needId } = await acknowledgedRequest(t, saba, coordinator)
        expect((await round(coordinator, needId)).status).toBe(201)
        t.clock.now += 60 * 60_000 // an hour later, both duty officers remind her
        racing = (sql) => sql.startsWith('update "alerts"')
        const results = await Promise.all([round(coordinator, needId), round(second, needId)]).finally(() => {
          racing = null
        })
        expect(results.map((r) => r.status).sort()).toEqual([201, 409])
        const won = results.find((r) => r.status === 201)!.body
        expect(won.items).toMatchObject([{ functionaryId: ANNA.id, kind: 'reminder', reminders: 1 }])
        const { rows, pending, mails } = await left(needId)
        expect(rows).toHaveLength(1)
        expect(rows[0]).toMatchObject({
          reminders: 1,
          remindedAt: t.clock.now,
          sentAt: t.clock.now - 3_600_000,
        })
        expect(rows[0]!.retiredHashes).toHaveLength(1)
        expect(pending).toHaveLength(1)
        expect(mails.map((m) => m.subject).sort()).toEqual([
          'Available 6–20 Sep for Saba as information manager?',
          'Reminder: available 6–20 Sep for Saba as information manager?',
        ])
      }
    } finally {
      t.clock.now = start
    }
    console.log(`reminder race (barrier): ${TRIALS} trials, one reminder each`)
  })
})
