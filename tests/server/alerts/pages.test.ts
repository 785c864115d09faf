/** Alerts over HTTP: sending from the need page, the public answer link, its limits, the API. */
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditTrail } from '../../../db/queries/audit.ts'
import { alerts, outbox } from '../../../db/schema/index.ts'
import { mailLocale } from '../../../pool/shared/index.ts'
import { deliverDue } from '../../../server/mail/transport.ts'
import { acknowledgedRequest, linkIn } from '../../helpers/alerts.ts'
import { type TestApp, testApp } from '../../helpers/app.ts'
import { startSmtp } from '../../helpers/smtp.ts'

let t: TestApp
let saba: string
let coordinator: string
beforeAll(async () => {
  t = await testApp()
  saba = await t.login('saba@demo.ccpm')
  coordinator = await t.login('coordinator@demo.ccpm')
})
afterAll(() => t.close())

/** Candidate ids as the need page lists them. */
async function candidates(needId: string) {
  const html = await (await t.get(`/needs/${needId}`, coordinator)).text()
  return [...html.matchAll(/name="functionaryIds" value="([\w-]+)"/g)].map((m) => m[1]!)
}

async function sendTo(needId: string, ids: string[], deadline = '2026-09-07T08:00') {
  return t.post(`/needs/${needId}/alerts`, { functionaryIds: ids, deadline }, coordinator)
}

const mailsTo = async (email: string) => (await t.db.select().from(outbox)).filter((m) => m.to === email)

/** The language a person's alert mail is due in: their account's, else the one of en/nl/pap they speak best. */
async function dueLocale(id: string) {
  const account = await t.db.query.users.findFirst({ where: (u, { eq }) => eq(u.functionaryId, id) })
  const languages = await t.db.query.functionaryLanguages.findMany({
    where: (l, { eq }) => eq(l.functionaryId, id),
  })
  return mailLocale(account?.locale, languages)
}

describe('sending alerts from the need page', () => {
  it('lists qualified candidates and mails each chosen one a link, subject with role, island and dates', async () => {
    const { needId } = await acknowledgedRequest(t, saba, coordinator)
    const all = await candidates(needId)
    expect(all.length).toBeGreaterThan(0)
    const due = await Promise.all(all.map(async (id) => [id, await dueLocale(id)] as const))
    const english = due.find(([, l]) => l === 'en')![0]
    const dutch = due.find(([, l]) => l === 'nl')![0]
    const res = await sendTo(needId, [english, dutch])
    expect(res.status).toBe(303)
    const rows = await t.db.select().from(alerts)
    expect(rows.filter((a) => a.needId === needId)).toHaveLength(2)
    const person = await t.db.query.functionaries.findFirst({ where: (f, { eq }) => eq(f.id, english) })
    const [mail] = await mailsTo(person!.email)
    expect(mail!.subject).toBe('Available 6–20 Sep for Saba as information manager?')
    expect(mail!.text).toMatch(/\/answer\/[a-z0-9]{16}\.[a-z0-9]{32}\?a=available/)
    expect(mail!.text).toMatch(/\?a=unavailable/)
    expect(mail!.text).toContain('Please answer before: Mon 7 Sep 08:00 (UTC−4)')
    // The other is written in Dutch, the language they speak best, with the same link and deadline.
    const nl = await t.db.query.functionaries.findFirst({ where: (f, { eq }) => eq(f.id, dutch) })
    const [mailNl] = await mailsTo(nl!.email)
    expect(mailNl!.subject).toBe('Beschikbaar 6–20 sep voor Saba als Informatiemanager?')
    expect(mailNl!.text).toContain('Antwoord vóór: ma 7 sep 08:00 (UTC−4)')
    expect(linkIn(mailNl!.text)).toMatch(/^\/answer\//)
    // the secret is not stored: the mail leaves through a real SMTP server, the link is read from
    // what that server received, and afterwards neither the alerts nor the outbox hold the secret
    const smtp = await startSmtp()
    try {
      await deliverDue({
        db: t.db,
        smtpUrl: smtp.url,
        from: 'CCPM <noreply@ccpm.test>',
        now: () => t.clock.now,
        log: () => {},
      })
      const received = smtp.received.find((m) => m.to.includes(person!.email) && m.subject === mail!.subject)
      const secret = linkIn(received!.text).split('.')[1]!
      expect(JSON.stringify(await t.db.select().from(alerts))).not.toContain(secret)
      expect(JSON.stringify(await t.db.select().from(outbox))).not.toContain(secret)
    } finally {
      await smtp.close()
    }
    const trail = await auditTrail(t.db, 'alert', rows[0]!.id)
    expect(trail[0]).toMatchObject({ action: 'alert.sent', actorLabel: 'Carla Coordinator' })
  })

  it('refuses a deadline in the past, nobody chosen, or someone not qualified (422)', async () => {
    const { needId } = await acknowledgedRequest(t, saba, coordinator)
    const ids = await candidates(needId)
    expect((await sendTo(needId, ids.slice(0, 1), '2026-09-01T08:00')).status).toBe(422)
    expect((await sendTo(needId, [])).status).toBe(422)
    const roles = await t.db.query.functionaryRoles.findMany()
    const holders = new Set(roles.filter((r) => r.role === 'information_manager').map((r) => r.functionaryId))
    const outsider = roles.find((r) => !holders.has(r.functionaryId))!.functionaryId
    const res = await sendTo(needId, [outsider, ...ids.slice(0, 1)])
    expect(res.status).toBe(422)
    expect(await res.text()).toContain(': lacks the role Information manager.')
    expect((await t.db.select().from(alerts)).filter((a) => a.needId === needId)).toHaveLength(0)
  })

  it('does not ask the same person again within 10 minutes (422): no second row, no second mail', async () => {
    const { needId } = await acknowledgedRequest(t, saba, coordinator)
    const [first] = await candidates(needId)
    expect((await sendTo(needId, [first!])).status).toBe(303)
    const person = await t.db.query.functionaries.findFirst({ where: (f, { eq }) => eq(f.id, first!) })
    t.clock.now += 9 * 60_000
    try {
      const again = await sendTo(needId, [first!], '2026-09-07T09:00')
      expect(again.status).toBe(422)
      expect(await again.text()).toContain(
        `${person!.name} was asked at Sun 6 Sep 08:00 (UTC−4); a reminder can go 10 minutes after the last question.`,
      )
    } finally {
      t.clock.now -= 9 * 60_000
    }
    const rows = (await t.db.select().from(alerts)).filter((a) => a.needId === needId)
    expect(rows).toHaveLength(1)
    expect(
      (await mailsTo(person!.email)).filter((m) => m.text.includes(`/answer/${rows[0]!.id}.`)),
    ).toHaveLength(1)
  })

  it('is for coordinators only; a draft or submitted request cannot be alerted on', async () => {
    const { needId } = await acknowledgedRequest(t, saba, coordinator)
    expect((await t.get(`/needs/${needId}`, saba)).status).toBe(403)
    expect((await t.get(`/needs/${needId}`, await t.login('observer@demo.ccpm'))).status).toBe(403)
    const draft = await (
      await t.postJson(
        '/api/v1/requests',
        { ...(await import('../../helpers/requests.ts')).sabaRequest() },
        saba,
      )
    ).json()
    expect((await t.get(`/needs/${draft.needs[0].id}`, coordinator)).status).toBe(404) // drafts are the island's own
  })
})

describe('the answer link', () => {
  async function sentLink() {
    const { needId } = await acknowledgedRequest(t, saba, coordinator)
    const [id] = await candidates(needId)
    await sendTo(needId, [id!])
    const person = await t.db.query.functionaries.findFirst({ where: (f, { eq }) => eq(f.id, id!) })
    const mail = (await mailsTo(person!.email)).at(-1)!
    return { needId, path: linkIn(mail.text), person: person! }
  }

  it('needs no sign-in or script, weighs under 5 KB, shows the essentials and no one else’s data', async () => {
    const { path, person } = await sentLink()
    const res = await t.get(`${path}?a=available`)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).not.toContain('<script')
    expect(Buffer.byteLength(html)).toBeLessThan(5 * 1024)
    expect(gzipSync(html).length).toBeLessThan(2 * 1024)
    expect(html).toContain('Are you available as information manager for Saba, 6–20 Sep?')
    expect(html).toContain(person.name)
    expect(html).toMatch(/value="available" checked/)
    expect(html).not.toContain(person.email) // nor anyone's contact details
    expect(html).not.toContain('Roofs gone') // the situation text stays with LOCC-KCR2
    expect(res.headers.get('cache-control')).toBe('no-store')
  })

  it('records the answer with the note, shows it on the need page; the same answer again is a 409', async () => {
    const { path, needId } = await sentLink()
    const res = await t.post(path, { answer: 'available', note: 'Can fly from CUR on Sunday' })
    expect(res.status).toBe(200)
    expect(await res.text()).toContain('Recorded: available. Thank you.')
    const second = await (await t.get(path)).text()
    expect(second).toContain('Your answer: available. You can change it until Mon 7 Sep 08:00 (UTC−4).')
    expect(second).toMatch(/value="available" checked/)
    expect(second).toContain('>Can fly from CUR on Sunday</textarea>')
    const replay = await t.post(path, { answer: 'available', note: 'Can fly from CUR on Sunday' })
    expect(replay.status).toBe(409)
    expect(await replay.text()).toContain('You already answered: available.')
    const board = await (
      await t.get(`/needs/${needId}/answers`, coordinator, {
        'hx-request': 'true',
        'hx-request-type': 'partial',
      })
    ).text()
    expect(board.startsWith('<section id="answers"')).toBe(true)
    expect(board).toContain('Can fly from CUR on Sunday')
    expect(board).toContain('1 available, 0 not available, 0 waiting')
    const [row] = (await t.db.select().from(alerts)).filter((a) => a.note === 'Can fly from CUR on Sunday')
    expect((await auditTrail(t.db, 'alert', row!.id)).map((e) => e.action)).toEqual([
      'alert.sent',
      'alert.answered',
    ])
  })

  it('fails for a guessed, tampered or expired token', async () => {
    const { path } = await sentLink()
    const [id, secret] = path.slice('/answer/'.length).split('.')
    expect((await t.get(`/answer/${id}.${'a'.repeat(32)}`)).status).toBe(404)
    expect(
      (await t.get(`/answer/${id}.${secret!.slice(0, -1)}${secret!.endsWith('x') ? 'y' : 'x'}`)).status,
    ).toBe(404)
    expect((await t.post(`/answer/${'b'.repeat(16)}.${secret}`, { answer: 'available' })).status).toBe(404)
    t.clock.now = Date.UTC(2026, 8, 7, 13, 0) // after the 08:00 UTC−4 deadline
    try {
      expect((await t.get(path)).status).toBe(410)
      const late = await t.post(path, { answer: 'available' })
      expect(late.status).toBe(410)
      expect(await late.text()).toContain('The deadline for this question has passed')
    } finally {
      t.clock.now = Date.UTC(2026, 8, 6, 12, 0)
    }
  })

  it('asks again without an answer chosen, or with a note too long (422), keeping the note', async () => {
    const { path } = await sentLink()
    const none = await t.post(path, { note: 'hm' })
    expect(none.status).toBe(422)
    expect(await none.text()).toMatch(/Choose available or not available\.[\s\S]*>hm<\/textarea>/)
    const long = await t.post(path, { answer: 'available', note: 'x'.repeat(1001) })
    expect(long.status).toBe(422)
    const html = await long.text()
    expect(html).toContain('Keep the note to 1,000 characters.')
    expect(html).toMatch(/value="available" checked/)
  })
})

describe('polling the answers', () => {
  it('answers an unchanged board with 304', async () => {
    const { needId } = await acknowledgedRequest(t, saba, coordinator)
    const headers = { 'hx-request': 'true', 'hx-request-type': 'partial' }
    const first = await t.get(`/needs/${needId}/answers`, coordinator, headers)
    const etag = first.headers.get('etag')!
    const again = await t.get(`/needs/${needId}/answers`, coordinator, { ...headers, 'if-none-match': etag })
    expect(again.status).toBe(304)
    expect((await again.arrayBuffer()).byteLength).toBe(0)
  })
})

describe('alerts API', () => {
  it('sends and lists alerts of a need', async () => {
    const { needId } = await acknowledgedRequest(t, saba, coordinator)
    const ids = (await candidates(needId)).slice(0, 3)
    const res = await t.postJson(
      `/api/v1/needs/${needId}/alerts`,
      { functionaryIds: ids, deadline: '2026-09-07T12:00:00Z' },
      coordinator,
    )
    expect(res.status).toBe(201)
    expect((await res.json()).items).toHaveLength(3)
    const list = await (await t.get(`/api/v1/needs/${needId}/alerts`, coordinator)).json()
    expect(list.items).toHaveLength(3)
    expect(list.items[0]).toMatchObject({ answer: null, note: null, deadline: '2026-09-07T12:00:00.000Z' })
    expect(Object.keys(list.items[0]).sort()).toEqual([
      'answer',
      'answeredAt',
      'deadline',
      'functionaryId',
      'id',
      'note',
      'remindedAt',
      'reminders',
      'sentAt',
    ])
    expect((await t.get(`/api/v1/needs/${needId}/alerts`, saba)).status).toBe(403)
  })

  it('limits alert rounds per coordinator (429)', async () => {
    const other = await t.login('coordinator@demo.ccpm')
    const { needId } = await acknowledgedRequest(t, saba, coordinator)
    let last = 0
    for (let i = 0; i < 21; i++) {
      last = (
        await t.postJson(
          `/api/v1/needs/${needId}/alerts`,
          { functionaryIds: [], deadline: '2026-09-07T12:00:00Z' },
          other,
        )
      ).status
    }
    expect(last).toBe(429)
  })
})
