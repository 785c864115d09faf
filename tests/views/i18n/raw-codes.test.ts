/**
 * Pages full of data — a request with needs and a timeline, a person with a history, a need with
 * alerts and answers, an incident with its history — show names and sentences, never a code, a
 * message key or an audit action, in any language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { UI_LOCALES } from '../../../pool/reference/index.ts'
import { linkIn } from '../../helpers/alerts.ts'
import { ORIGIN, type TestApp, testApp } from '../../helpers/app.ts'
import { sabaRequest } from '../../helpers/requests.ts'
import { visibleText } from '../../helpers/text.ts'

let t: TestApp
let saba: string
let coordinator: string
let esther: string // functionary1, demo-f001
const pages: { who: () => string; path: string }[] = []

const patch = (path: string, body: unknown, cookie: string) =>
  t.app.request(`${ORIGIN}${path}`, {
    method: 'PATCH',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', cookie },
  })

beforeAll(async () => {
  t = await testApp()
  saba = await t.login('saba@demo.ccpm')
  coordinator = await t.login('coordinator@demo.ccpm')
  esther = await t.login('functionary1@demo.ccpm')

  // A request with every kind of need, acknowledged, then changed by the island: a timeline of four kinds.
  const needs = [
    ...sabaRequest().needs,
    { kind: 'functionary', role: 'operational_leader', count: 1, minLevel: 'trainee', languages: ['pap'] },
    { kind: 'other', description: 'Generator fuel', quantity: 2 },
  ]
  const created = await (await t.postJson('/api/v1/requests', sabaRequest({ needs }), saba)).json()
  const id = created.id as string
  await t.postJson(`/api/v1/requests/${id}/status`, { status: 'submitted' }, saba)
  await t.postJson(`/api/v1/requests/${id}/status`, { status: 'acknowledged' }, coordinator)
  const form: Record<string, string | string[]> = {
    title: created.title,
    situation: `${created.situation} Water is short too.`,
    phase: 'warm',
    priority: 'high',
    periodStart: created.periodStart,
    periodEnd: created.periodEnd,
    contact: created.contact,
    version: String(created.version + 2),
  }
  created.needs.forEach((n: Record<string, unknown>, i: number) => {
    for (const [k, v] of Object.entries(n)) {
      if (k === 'filled' || v === null) continue
      if (k === 'remoteOk') {
        if (v) form[`needs[${i}][remoteOk]`] = 'on'
      } else form[`needs[${i}][${k}]`] = Array.isArray(v) ? (v as string[]) : String(v)
    }
  })
  form['needs[0][count]'] = '3'
  expect((await t.post(`/requests/${id}`, form, saba)).status).toBe(303)
  pages.push(
    { who: () => saba, path: `/requests/${id}` },
    { who: () => coordinator, path: `/requests/${id}/print` },
  )

  // Esther (functionary1, an operational leader) is alerted for the operational-leader need and answers.
  const needId = created.needs[3].id as string
  const sent = await t.post(
    `/needs/${needId}/alerts`,
    { functionaryIds: ['demo-f001'], deadline: '2026-09-07T08:00' },
    coordinator,
  )
  expect(sent.status).toBe(303)
  const [mail] = (await t.db.query.outbox.findMany()).filter((m) => m.to === 'functionary1@demo.ccpm')
  const link = linkIn(mail!.text)
  expect((await t.post(link, { answer: 'available', note: 'Can fly Monday' })).status).toBe(200)
  pages.push(
    { who: () => coordinator, path: `/needs/${needId}` },
    { who: () => esther, path: '/me/alerts' },
    { who: () => '', path: link },
  )

  // Esther's record: changed by a coordinator, her own profile, leave, and a pause in the register.
  const record = await (await t.get('/api/v1/functionaries/demo-f001', coordinator)).json()
  expect(
    (
      await patch(
        '/api/v1/functionaries/demo-f001',
        { organisation: 'EOT Saba', version: record.version },
        coordinator,
      )
    ).status,
  ).toBe(200)
  expect((await patch('/api/v1/functionaries/demo-f001', { phone: '+599 416 0000' }, esther)).status).toBe(
    200,
  )
  const leave = { start: '2026-09-10', end: '2026-09-14', reason: 'island_duty', note: 'Own EOT' }
  expect((await t.postJson('/api/v1/functionaries/demo-f001/unavailability', leave, esther)).status).toBe(201)
  for (const active of ['0', '1'])
    expect((await t.post('/pool/demo-f001/status', { active }, coordinator)).status).toBe(303)
  pages.push(
    { who: () => coordinator, path: '/pool/demo-f001' },
    { who: () => coordinator, path: '/pool/availability/demo-f001' },
    { who: () => esther, path: '/me' },
  )

  // An incident opened, corrected and closed.
  const incident = await (
    await t.postJson(
      '/api/v1/incidents',
      { name: 'Flooding Kralendijk', hazard: 'flood', islands: ['BO'], phase: 'warm' },
      coordinator,
    )
  ).json()
  const edit = {
    name: 'Flooding Kralendijk',
    hazard: 'water_failure',
    islands: ['BO', 'CW'],
    phase: 'cold',
    version: '1',
  }
  expect((await t.post(`/incidents/${incident.id}`, edit, coordinator)).status).toBe(303)
  expect(
    (await t.post(`/incidents/${incident.id}/status`, { status: 'closed', version: '2' }, coordinator))
      .status,
  ).toBe(303)
  pages.push(
    { who: () => coordinator, path: `/incidents/${incident.id}` },
    { who: () => coordinator, path: '/incidents' },
  )
})
afterAll(() => t.close())

/** What a code, a message key or an audit action looks like where a reader should see words. */
const RAW = [
  /(?<![@\w.-])(?:requests|incidents|functionaries|availability|alerts|field|app|http|audit|fieldName|unitType|readiness|reason|proficiency|status|level|priority|phase|island|language|hazard|need|req|inc|pool|period|alert|answer|nav|error|myAlerts|avail)\.[A-Za-z_]+/,
  /(?<![@\w.-])(?:request|incident|functionary|unavailability|alert)\.[a-z_]+\b/,
  /\b[a-z]+_[a-z_]+\b/, // snake_case codes: information_manager, in_progress, island_duty
  /\b(?:periodId|functionaryId|needId|requestId)\b/,
]

describe.each(UI_LOCALES)('in %s', (locale) => {
  it('the data pages name everything in words', async () => {
    expect(pages.length).toBe(10)
    for (const { who, path } of pages) {
      const cookie = [who(), `ccpm_lang=${locale}`].filter(Boolean).join('; ')
      const res = await t.get(path, cookie)
      expect(res.status, path).toBe(200)
      const text = visibleText(await res.text())
      for (const pattern of RAW) expect(text.match(pattern)?.[0], `${path}: ${pattern}`).toBeUndefined()
    }
  })
})

it('tells the history as sentences (English)', async () => {
  const html = visibleText(await (await t.get('/pool/demo-f001', coordinator)).text())
  expect(html).toContain('Esther Everts added duty on own island 10–14 Sep 2026')
  expect(html).toContain('Carla Coordinator changed the organisation')
  expect(html).toContain('Esther Everts changed the phone number in their own profile')
  expect(html).toContain('Carla Coordinator deactivated this person')
})
