/** Request mails leave in each recipient's language: the language their account is set to. */
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { outbox, users } from '../../../db/schema/index.ts'
import { type TestApp, testApp } from '../../helpers/app.ts'
import { sabaRequest } from '../../helpers/requests.ts'

let t: TestApp
beforeAll(async () => {
  t = await testApp()
  await t.db.update(users).set({ locale: 'nl' }).where(eq(users.email, 'coordinator@demo.ccpm'))
  await t.db.update(users).set({ locale: 'pap' }).where(eq(users.email, 'saba@demo.ccpm'))
})
afterAll(() => t.close())

it('writes the submission to a Dutch coordinator in Dutch, and the acknowledgement to a Papiamentu island in Papiamentu', async () => {
  const saba = await t.login('saba@demo.ccpm')
  const coordinator = await t.login('coordinator@demo.ccpm')
  const r = await (await t.postJson('/api/v1/requests', sabaRequest(), saba)).json()
  expect((await t.postJson(`/api/v1/requests/${r.id}/status`, { status: 'submitted' }, saba)).status).toBe(
    200,
  )
  expect(
    (await t.postJson(`/api/v1/requests/${r.id}/status`, { status: 'acknowledged' }, coordinator)).status,
  ).toBe(200)
  const mails = await t.db.select().from(outbox)
  const toCoordinator = mails.find((m) => m.to === 'coordinator@demo.ccpm')!
  expect(toCoordinator.subject).toBe(
    'URGENT – Saba vraagt om 2 × Informatiemanager, 1 × Adviseur crisiscommunicatie, 1 × HRC-eenheid verkenning',
  )
  expect(toCoordinator.text).toContain('Periode:     6–20 sep 2026')
  expect(toCoordinator.text).toContain(
    `Neem het in behandeling of wijs het af: ${t.config.baseUrl}/requests/${r.id}`,
  )
  const toSaba = mails.find((m) => m.to === 'saba@demo.ccpm')!
  expect(toSaba.subject).toBe(`Tumá na man – LOCC-KCR2 a tuma bo petishon na man: ${r.title}`)
  expect(toSaba.text).toContain('Periodo:     6–20 sèp 2026')
  // Nothing went out in English.
  expect(mails.filter((m) => /requests|Acknowledged/.test(m.subject))).toEqual([])
})
