/**
 * Limits on the public answer links: 20 visits per link and 600 per address in 15 minutes, and a
 * visit that answers counts once (its GET), not twice (GET and POST). So one alert round to 50
 * people behind one satellite NAT costs 50 of the address's 600, not 100 of 60.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hit, peek } from '../../../db/queries/rate-limits.ts'
import { outbox } from '../../../db/schema/index.ts'
import { LIMITS } from '../../../pool/access/index.ts'
import { acknowledgedRequest, linkIn } from '../../helpers/alerts.ts'
import { type TestApp, testApp } from '../../helpers/app.ts'

let t: TestApp
let coordinator: string
let needId: string
beforeAll(async () => {
  t = await testApp()
  const saba = await t.login('saba@demo.ccpm')
  coordinator = await t.login('coordinator@demo.ccpm')
  ;({ needId } = await acknowledgedRequest(t, saba, coordinator))
})
afterAll(() => t.close())

/** Alerts the next candidate of the need and returns the answer link's path. */
async function freshLink(): Promise<string> {
  const html = await (await t.get(`/needs/${needId}`, coordinator)).text()
  const [id] = [...html.matchAll(/name="functionaryIds" value="([\w-]+)"/g)].map((m) => m[1]!)
  const before = new Set((await t.db.select().from(outbox)).map((m) => m.id))
  const res = await t.post(
    `/needs/${needId}/alerts`,
    { functionaryIds: [id!], deadline: '2026-09-07T08:00' },
    coordinator,
  )
  expect(res.status).toBe(303)
  const mail = (await t.db.select().from(outbox)).find(
    (m) => !before.has(m.id) && m.subject.startsWith('Available'),
  )
  return linkIn(mail!.text)
}

const visit = (path: string, address: string) => t.get(path, undefined, { 'x-test-address': address })

describe('answer links', () => {
  it('are limited as the issue says: 20 per link, 600 per address, per 15 minutes', () => {
    expect(LIMITS.answersPerLink).toEqual({ max: 20, windowMs: 900_000 })
    expect(LIMITS.answersPerAddress).toEqual({ max: 600, windowMs: 900_000 })
  })

  it('count a visit that answers once: GET and POST together use one of the link’s 20', async () => {
    const path = await freshLink()
    const address = '10.3.0.1'
    expect((await visit(`${path}?a=available`, address)).status).toBe(200)
    const answered = await t.post(path, { answer: 'available' }, undefined, { 'x-test-address': address })
    expect(answered.status).toBe(200)
    expect(await answered.text()).toContain('Recorded: available')
    const linkKey = `answersPerLink:${path.slice('/answer/'.length).split('.')[0]}`
    expect(await peek(t.db, linkKey, 900_000, t.clock.now)).toBe(1)
    expect(await peek(t.db, `answersPerAddress:${address}`, 900_000, t.clock.now)).toBe(1)
    for (let i = 2; i <= 20; i++) expect((await visit(path, `10.3.1.${i}`)).status).toBe(200)
    expect((await visit(path, '10.3.2.1')).status).toBe(429)
  })

  it('refuse the 601st visit from one address, on any links, even unknown ones', async () => {
    const address = '10.4.0.1'
    for (let i = 0; i < 599; i++) await hit(t.db, `answersPerAddress:${address}`, 900_000, t.clock.now)
    expect((await visit(`/answer/${'c'.repeat(16)}.${'d'.repeat(32)}`, address)).status).toBe(404)
    expect((await visit(`/answer/${'e'.repeat(16)}.${'f'.repeat(32)}`, address)).status).toBe(429)
    expect((await visit(`/answer/${'e'.repeat(16)}.${'f'.repeat(32)}`, '10.4.0.2')).status).toBe(404)
  })
})
