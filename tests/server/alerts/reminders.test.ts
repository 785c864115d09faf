/**
 * Alerting someone again is a reminder (issues 10 and 11, item 1): the same row, a fresh link and
 * deadline, the old link retired (it says so and records nothing), the answer kept until the person
 * answers again; shown as such on the candidates page, in the answers table and in the mail, which
 * is checked where it arrives: a real SMTP server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditTrail } from '../../../db/queries/audit.ts'
import { alerts } from '../../../db/schema/index.ts'
import { deliverDue } from '../../../server/mail/transport.ts'
import { acknowledgedRequest, linkIn } from '../../helpers/alerts.ts'
import { type TestApp, testApp } from '../../helpers/app.ts'
import { ANNA } from '../../helpers/assignments.ts'
import { startSmtp } from '../../helpers/smtp.ts'

let t: TestApp
let saba: string
let coordinator: string
let smtp: Awaited<ReturnType<typeof startSmtp>>
beforeAll(async () => {
  t = await testApp()
  smtp = await startSmtp()
  saba = await t.login('saba@demo.ccpm')
  coordinator = await t.login('coordinator@demo.ccpm')
})
afterAll(async () => {
  await smtp.close()
  t.close()
})

const HOUR = 3_600_000

/** Sends what the outbox holds through the SMTP server; returns what Anna received since `from`. */
async function annaReceived(from = 0) {
  await deliverDue({
    db: t.db,
    smtpUrl: smtp.url,
    from: 'CCPM <noreply@ccpm.test>',
    now: () => t.clock.now,
    log: () => {},
  })
  return smtp.received.slice(from).filter((m) => m.to.includes(ANNA.email))
}

const ask = (needId: string, deadline: string) =>
  t.post(`/needs/${needId}/alerts`, { functionaryIds: [ANNA.id], deadline }, coordinator)

const annaRow = async (needId: string) =>
  (await t.db.select().from(alerts)).filter((a) => a.needId === needId && a.functionaryId === ANNA.id)

describe('re-alerting someone who answered', () => {
  it('reminds them on the same row: answer kept, new link and deadline, old link retired, a "Reminder" mail', async () => {
    const start = t.clock.now
    try {
      const { needId } = await acknowledgedRequest(t, saba, coordinator)
      const seen = smtp.received.length
      expect((await ask(needId, '2026-09-07T08:00')).status).toBe(303)
      const [first] = await annaReceived(seen)
      expect(first!.subject).toBe('Available 6–20 Sep for Saba as information manager?')
      const oldLink = linkIn(first!.text)
      expect((await t.post(oldLink, { answer: 'available', note: 'Can fly Sunday' })).status).toBe(200)

      t.clock.now += 2 * HOUR // 10:00 on the islands
      const res = await ask(needId, '2026-09-08T08:00')
      expect(res.status).toBe(303)
      expect(res.headers.get('location')).toBe(`/needs/${needId}?asked=0&reminded=1&lost=0#round-outcome`)

      const rows = await annaRow(needId)
      expect(rows).toHaveLength(1)
      expect(rows[0]).toMatchObject({
        answer: 'available',
        note: 'Can fly Sunday',
        reminders: 1,
        sentAt: start,
        remindedAt: t.clock.now,
        deadline: Date.UTC(2026, 8, 8, 12),
      })
      expect(rows[0]!.retiredHashes).toHaveLength(1)
      const mails = (await annaReceived(seen)).slice(1)
      expect(mails.map((m) => m.subject)).toEqual([
        'Reminder: available 6–20 Sep for Saba as information manager?',
      ])
      const reminder = mails[0]!.text
      expect(reminder).toContain(
        'Reminder: LOCC-KCR2 asks again whether you are available as information manager for Saba, 6–20 Sep.',
      )
      expect(reminder).toContain('You answered: available. That answer stands unless you answer again.')
      expect(reminder).toContain('Please answer before: Tue 8 Sep 08:00 (UTC−4)')
      const newLink = linkIn(reminder)
      expect(newLink.split('.')[0]).toBe(oldLink.split('.')[0]) // the same alert
      expect(newLink).not.toBe(oldLink)

      // The old link is recognised, says it was replaced, and records nothing.
      const old = await t.get(oldLink)
      expect(old.status).toBe(410)
      const oldPage = await old.text()
      expect(oldPage).toContain('This link was replaced by a newer one')
      expect(oldPage).not.toContain('<form method="post"')
      const late = await t.post(oldLink, { answer: 'unavailable', note: 'ill' })
      expect(late.status).toBe(410)
      expect((await annaRow(needId))[0]).toMatchObject({ answer: 'available', note: 'Can fly Sunday' })

      // The new link shows the answer standing, and takes a confirmation (the same answer again).
      const fresh = await (await t.get(newLink)).text()
      expect(fresh).toContain('Your answer: available. You can change it until Tue 8 Sep 08:00 (UTC−4).')
      const confirm = await t.post(newLink, { answer: 'available', note: 'Can fly Sunday' })
      expect(confirm.status).toBe(200)
      expect((await annaRow(needId))[0]!.answeredAt).toBe(t.clock.now)

      // The coordinator sees a reminder, not a second person.
      const page = await (await t.get(`/needs/${needId}?asked=0&reminded=1&lost=0`, coordinator)).text()
      expect(page).toContain('Reminded 1 person.')
      const board = page.slice(page.indexOf('id="answers"'), page.indexOf('id="ranked"'))
      expect(board.match(/<tr id="answer-/g)).toHaveLength(1)
      expect(board).toContain('reminded 1×, last 6 Sep 10:00')
      expect(board).toContain(
        '<time datetime="2026-09-08T12:00:00.000Z">8 Sep 08:00 Islands · 14:00 Amsterdam</time>',
      )
      expect(page).toMatch(/value="demo-f003"[\s\S]*?available<\/span> · reminded 1×/)
      const trail = (await auditTrail(t.db, 'alert', rows[0]!.id)).map((e) => e.action)
      expect(trail).toEqual(['alert.sent', 'alert.answered', 'alert.reminded', 'alert.answered'])
    } finally {
      t.clock.now = start
    }
  })

  it('reminds someone who has not answered: "no answer yet" in the mail, the answers table in nl too', async () => {
    const start = t.clock.now
    try {
      const { needId } = await acknowledgedRequest(t, saba, coordinator)
      const seen = smtp.received.length
      expect((await ask(needId, '2026-09-07T08:00')).status).toBe(303)
      t.clock.now += 30 * 60_000
      expect((await ask(needId, '2026-09-07T20:00')).status).toBe(303)
      t.clock.now += 30 * 60_000
      expect((await ask(needId, '2026-09-08T08:00')).status).toBe(303)
      const mails = await annaReceived(seen)
      expect(mails.map((m) => m.subject)).toEqual([
        'Available 6–20 Sep for Saba as information manager?',
        'Reminder: available 6–20 Sep for Saba as information manager?',
        'Reminder: available 6–20 Sep for Saba as information manager?',
      ])
      expect(mails[2]!.text).toContain('We have no answer from you yet.')
      const links = mails.map((m) => linkIn(m.text))
      expect((await t.get(links[0]!)).status).toBe(410)
      expect((await t.get(links[1]!)).status).toBe(410)
      expect((await t.get(links[2]!)).status).toBe(200)
      expect(await annaRow(needId)).toMatchObject([{ reminders: 2, answer: null }])
      const nl = await (await t.get(`/needs/${needId}/answers`, `${coordinator}; ccpm_lang=nl`)).text()
      expect(nl).toContain('herinnerd 2×, laatst 6 sep 09:00')
      expect(nl).toContain('Antwoord vóór')
      const pap = await (await t.get(`/needs/${needId}/answers`, `${coordinator}; ccpm_lang=pap`)).text()
      expect(pap).toContain('rekordá 2×, último 6 sèp 09:00')
    } finally {
      t.clock.now = start
    }
  })
})

describe('the alerts API', () => {
  it('says which were first alerts and which reminders, and lists the reminders', async () => {
    const start = t.clock.now
    try {
      const { needId } = await acknowledgedRequest(t, saba, coordinator)
      const deadline = '2026-09-08T12:00:00Z'
      const first = await t.postJson(
        `/api/v1/needs/${needId}/alerts`,
        { functionaryIds: [ANNA.id], deadline },
        coordinator,
      )
      expect(first.status).toBe(201)
      expect((await first.json()).items).toMatchObject([{ kind: 'first', reminders: 0 }])
      t.clock.now += HOUR
      const again = await t.postJson(
        `/api/v1/needs/${needId}/alerts`,
        { functionaryIds: [ANNA.id], deadline },
        coordinator,
      )
      expect(again.status).toBe(201)
      expect(await again.json()).toMatchObject({
        items: [
          { functionaryId: ANNA.id, kind: 'reminder', reminders: 1, deadline: '2026-09-08T12:00:00.000Z' },
        ],
        lost: [],
      })
      const list = await (await t.get(`/api/v1/needs/${needId}/alerts`, coordinator)).json()
      expect(list.items).toMatchObject([
        { functionaryId: ANNA.id, reminders: 1, remindedAt: new Date(t.clock.now).toISOString() },
      ])
    } finally {
      t.clock.now = start
    }
  })
})
