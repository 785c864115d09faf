/** Fixtures for assignment tests: a person who answered "available", a proposal, steps through the API. */
import { expect } from 'vitest'
import { outbox } from '../../db/schema/index.ts'
import { linkIn } from './alerts.ts'
import type { TestApp } from './app.ts'

/** functionary3@demo.ccpm: an information manager based on Saba, working English; has an account. */
export const ANNA = { id: 'demo-f003', email: 'functionary3@demo.ccpm' }
/** functionary5@demo.ccpm: a crisis communication adviser based on Saba, Dutch and English. */
export const BERT = { id: 'demo-f005', email: 'functionary5@demo.ccpm' }

export const mailsTo = async (t: TestApp, to: string) =>
  (await t.db.select().from(outbox)).filter((m) => m.to === to)

/** Alerts the person for the need and answers through the link in their mail. */
export async function answerAlert(
  t: TestApp,
  coordinator: string,
  needId: string,
  person: { id: string; email: string },
  answer: 'available' | 'unavailable' = 'available',
) {
  const sent = await t.postJson(
    `/api/v1/needs/${needId}/alerts`,
    { functionaryIds: [person.id], deadline: new Date(t.clock.now + 86_400_000).toISOString() },
    coordinator,
  )
  expect(sent.status).toBe(201)
  const mail = (await mailsTo(t, person.email)).filter((m) => m.text.includes('/answer/')).at(-1)!
  const link = linkIn(mail.text)
  const res = await t.post(link, { answer })
  expect(res.status).toBe(200)
  return link
}

export async function propose(t: TestApp, coordinator: string, needId: string, functionaryId: string) {
  const res = await t.postJson(`/api/v1/needs/${needId}/assignments`, { functionaryId }, coordinator)
  return { status: res.status, body: await res.json() }
}

export async function stepTo(t: TestApp, who: string, id: string, body: Record<string, unknown>) {
  const res = await t.postJson(`/api/v1/assignments/${id}/status`, body, who)
  return { status: res.status, body: await res.json() }
}

export const TRAVEL = {
  etd: '2026-09-07T14:00:00.000Z',
  eta: '2026-09-07T16:30:00.000Z',
  transport: 'scheduled_flight',
  reference: 'WM 123',
}
