/** A functionary's own alerts (/me/alerts): read-only, only their own, in both languages. */
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { alerts } from '../../../db/schema/index.ts'
import { type TestApp, testApp } from '../../helpers/app.ts'
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
