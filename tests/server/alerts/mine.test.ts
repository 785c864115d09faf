/** A functionary's own alerts (/me/alerts): only their own, in both languages, answered there when signed in. */
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditTrail } from '../../../db/queries/audit.ts'
import { alerts } from '../../../db/schema/index.ts'
import { acknowledgedRequest } from '../../helpers/alerts.ts'
import { type TestApp, testApp } from '../../helpers/app.ts'
import { ANNA } from '../../helpers/assignments.ts'
import { sabaRequest } from '../../helpers/requests.ts'

let t: TestApp
let anna: string // functionary1@demo.ccpm → demo-f001
let coordinator: string
beforeAll(async () => {
  t = await testApp()
  anna = await t.login('functionary1@demo.ccpm')
  coordinator = await t.login('coordinator@demo.ccpm')
})
afterAll(() => t.close())

describe('my alerts', () => {
  it('shows the empty state', async () => {
    const html = await (await t.get('/me/alerts', anna)).text()
    expect(html).toContain('You have not received any alerts yet.')
  })

  it('lists only my alerts, with island, role, period, deadline and my answer', async () => {
    const saba = await t.login('saba@demo.ccpm')
    const req = await (await t.postJson('/api/v1/requests', sabaRequest(), saba)).json()
    const other = await (await t.postJson('/api/v1/requests', sabaRequest({ title: 'Second' }), saba)).json()
    const need = req.needs[0].id as string
    const base = { needId: need, requestId: req.id as string, sentAt: t.clock.now, secretHash: 'x' }
    await t.db.insert(alerts).values([
      {
        ...base,
        id: 'al-1',
        functionaryId: 'demo-f001',
        deadline: t.clock.now + 3_600_000,
        answer: 'available',
        note: 'Can fly Monday',
        answeredAt: t.clock.now,
      },
      {
        ...base,
        needId: other.needs[0].id as string,
        requestId: other.id as string,
        id: 'al-2',
        functionaryId: 'demo-f001',
        deadline: t.clock.now - 1,
        sentAt: t.clock.now - 7_200_000,
      },
      {
        ...base,
        id: 'al-3',
        functionaryId: 'demo-f002',
        deadline: t.clock.now + 3_600_000,
        answer: 'unavailable',
        note: 'Bob is ill',
      },
    ])
    const html = await (await t.get('/me/alerts', anna)).text()
    expect(html).toContain('Saba · Information manager')
    expect(html).toContain('<dd>6–20 Sep 2026</dd>')
    expect(html).toContain('<b>Available</b>')
    expect(html).toContain('Can fly Monday')
    expect(html).toContain('No answer before the deadline')
    expect(html).not.toContain('Bob is ill')
    expect(html.split('id="my-alerts"')[1]!.match(/<li id="alert-/g)).toHaveLength(2)
    const nl = await (await t.get('/me/alerts', `${anna}; ccpm_lang=nl`)).text()
    expect(nl).toContain('Saba · Informatiemanager')
    expect(nl).toContain('<b>Beschikbaar</b>')
    await t.db.delete(alerts).where(eq(alerts.functionaryId, 'demo-f001'))
  })

  it('is only for functionaries', async () => {
    expect((await t.get('/me/alerts', coordinator)).status).toBe(403)
  })
})

/** The one-time key of the answer form for alert `id` on a page. */
function keyOf(html: string, id: string): string {
  const form = html.split(`action="/me/alerts/${id}"`)[1]
  const key = form && /name="_key" value="([^"]+)"/.exec(form)?.[1]
  if (!key) throw new Error(`no answer form for ${id}`)
  return key
}

describe('answering from My alerts, signed in', () => {
  let needId: string
  let alertId: string
  let me: string
  beforeAll(async () => {
    const saba = await t.login('saba@demo.ccpm')
    ;({ needId } = await acknowledgedRequest(t, saba, coordinator))
    const sent = await t.postJson(
      `/api/v1/needs/${needId}/alerts`,
      { functionaryIds: [ANNA.id], deadline: '2026-09-07T12:00:00Z' },
      coordinator,
    )
    alertId = (await sent.json()).items[0].id
    me = await t.login(ANNA.email)
  })

  it('takes the answer with a one-time key, returns to the list, and the history says signed in', async () => {
    const page = await (await t.get('/me/alerts', me)).text()
    expect(page).toContain('Not answered yet')
    const key = keyOf(page, alertId)
    const form = { _key: key, back: '/me/alerts', answer: 'available', note: 'From my phone' }
    const res = await t.post(`/me/alerts/${alertId}`, form, me)
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/me/alerts?answered=${alertId}#alert-${alertId}`)
    const after = await (await t.get(`/me/alerts?answered=${alertId}`, me)).text()
    expect(after).toContain('Recorded: available. Thank you.')
    expect(after).toContain('>Change my answer</button>')
    const replay = await t.post(`/me/alerts/${alertId}`, form, me) // the same key: nothing again
    expect(replay.status).toBe(303)
    expect(replay.headers.get('idempotent-replay')).toBe('true')
    const trail = await auditTrail(t.db, 'alert', alertId)
    const answered = trail.filter((e) => e.action === 'alert.answered')
    expect(answered).toHaveLength(1)
    expect(answered[0]).toMatchObject({ actorLabel: 'Jurgen Hodge', after: { via: 'account' } })
    expect(answered[0]!.actorId).not.toBeNull()
    const board = await (await t.get(`/needs/${needId}/answers`, coordinator)).text()
    expect(board).toContain('From my phone')
  })

  it('changes the answer until the deadline, and refuses as the link does', async () => {
    const page = await (await t.get('/me/alerts', me)).text()
    const none = await t.post(
      `/me/alerts/${alertId}`,
      { _key: keyOf(page, alertId), back: '/me/alerts', note: 'hm' },
      me,
    )
    expect(none.status).toBe(422)
    const refused = await none.text()
    expect(refused).toMatch(/Choose available or not available\.[\s\S]*>hm<\/textarea>/)
    const changed = await t.post(
      `/me/alerts/${alertId}`,
      { _key: keyOf(refused, alertId), back: '/me/alerts', answer: 'unavailable', note: 'Fell ill' },
      me,
    )
    expect(changed.status).toBe(303)
    expect((await t.db.select().from(alerts)).find((a) => a.id === alertId)).toMatchObject({
      answer: 'unavailable',
      note: 'Fell ill',
    })
    const start = t.clock.now
    t.clock.now = Date.UTC(2026, 8, 7, 13)
    try {
      const late = await t.post(
        `/me/alerts/${alertId}`,
        { _key: 'late-key-0001', back: '/me/alerts', answer: 'available' },
        me,
      )
      expect(late.status).toBe(410)
      expect(await late.text()).toContain('The deadline has passed: to change it, contact LOCC-KCR2.')
    } finally {
      t.clock.now = start
    }
  })

  it('is only for the person’s own alerts (404), and only for functionaries (403)', async () => {
    const other = await t.postJson(
      `/api/v1/needs/${needId}/alerts`,
      { functionaryIds: ['demo-f082'], deadline: '2026-09-07T12:00:00Z' },
      coordinator,
    )
    expect(other.status).toBe(201)
    const otherId = (await other.json()).items[0].id
    const res = await t.post(`/me/alerts/${otherId}`, { _key: 'not-mine-0001', answer: 'available' }, me)
    expect(res.status).toBe(404)
    expect((await t.db.select().from(alerts)).find((a) => a.id === otherId)!.answer).toBeNull()
    expect((await t.post(`/me/alerts/${otherId}`, { answer: 'available' }, coordinator)).status).toBe(403)
  })
})
