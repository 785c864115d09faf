/**
 * The page budget for every HRC page, with data on it: each fits compressed in the first TCP flight
 * (14 KB gzip), needs no other host and has no inline script, in English, Dutch and Papiamentu. The
 * board is weighed with every unit busy — the five demo units, and a fleet of 40 — and reported.
 */
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestApp, testApp } from '../../helpers/app.ts'
import { orderBody, sabaCapacityNeed, sabaTrack, UNITS } from '../../helpers/hrc.ts'

const BUDGET = 14 * 1024
const LOCALES = ['en', 'nl', 'pap'] as const
let t: TestApp
const cookies: Record<string, string> = {}
const ids: Record<string, string> = {}
const weights: string[] = []

const post = async (who: string, path: string, body: unknown) => {
  const res = await t.postJson(path, body, cookies[who])
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`)
  return (await res.json()) as { id: string }
}
const order = (over: Record<string, unknown>) =>
  post('dispatcher', '/api/v1/hrc/dispatches', orderBody(t.clock.now, over))
const step = (who: string, id: string, ...statuses: string[]) =>
  statuses.reduce(
    (p, status) => p.then(() => post(who, `/api/v1/hrc/dispatches/${id}/status`, { status })),
    Promise.resolve({ id }),
  )

async function weigh(who: string, path: string, locale: string) {
  const res = await t.get(path, `${cookies[who]}; ccpm_lang=${locale}`)
  expect(res.status, `${who} ${path}`).toBe(200)
  const html = await res.text()
  const gzip = gzipSync(html).byteLength
  expect(gzip, `${who} ${locale} ${path}: ${gzip} B gzip`).toBeLessThanOrEqual(BUDGET)
  const urls = [...html.matchAll(/\s(?:src|href|action|hx-get|hx-post)="([^"]*)"/g)].map((m) => m[1]!)
  expect(
    urls.filter((u) => /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i.test(u) && !u.startsWith('data:')),
    path,
  ).toEqual([])
  for (const m of html.matchAll(/<script\b([^>]*)>/gi))
    expect(m[1], `${path}: inline script`).toMatch(/\ssrc=/)
  expect(html.match(/<[^>]+\son[a-z]+\s*=/gi) ?? [], `${path}: inline handler`).toEqual([])
  // Every HRC form that changes something carries its one-time key.
  for (const form of html.matchAll(/<form method="post" action="\/hrc[^"]*"[^>]*>([\s\S]*?)<\/form>/g))
    expect(form[1], `${path}: a form without its one-time key`).toMatch(/name="_key" value="[\w-]{16,}"/)
  return { gzip, raw: Buffer.byteLength(html) }
}

beforeAll(async () => {
  t = await testApp()
  for (const who of ['dispatcher', 'coordinator', 'observer', 'saba'])
    cookies[who] = await t.login(`${who}@demo.ccpm`)
  // A threat with a proposal for every unit, while they are all on standby.
  ids.threat = (
    await post('coordinator', '/api/v1/hrc/threats', { name: 'Testa', track: sabaTrack(t.clock.now) })
  ).id
})
afterAll(() => {
  t?.close()
  if (weights.length) console.log(`HRC page weights (budget ${BUDGET} B gzip):\n${weights.join('\n')}`)
})

describe('the HRC pages fit the budget', () => {
  it('the threat page with five proposals, and the forms', async () => {
    for (const locale of LOCALES) {
      for (const path of [
        `/hrc/threats/${ids.threat}`,
        '/hrc/threats/new',
        '/hrc/units/new',
        '/hrc/dispatches/new',
      ]) {
        const w = await weigh('dispatcher', path, locale)
        weights.push(`dispatcher ${locale} ${path.padEnd(40)} ${w.gzip} B gzip (${w.raw} B)`)
      }
    }
  })

  it('every page with every unit busy, the board weighed for the report', async () => {
    const lusarNeed = await sabaCapacityNeed(t, cookies as never, 1, 'light_usar')
    const waterNeed = await sabaCapacityNeed(t, cookies as never, 1, 'water_purification')
    const a = await order({ unitIds: [UNITS.lusar1], needId: lusarNeed.needId })
    await step('saba', a.id, 'accepted')
    await step('dispatcher', a.id, 'in_transit')
    ids.dispatch = a.id
    await order({ unitIds: [UNITS.water1], needId: waterNeed.needId }) // offered, waiting for Saba
    await order({ unitIds: [UNITS.recce1], island: 'SX' }) // ordered
    await step(
      'dispatcher',
      (await order({ unitIds: [UNITS.log1], island: 'CW' })).id,
      'in_transit',
      'arrived',
    )
    const c = await order({ unitIds: [UNITS.comms1], island: 'SA' })
    await step('dispatcher', c.id, 'in_transit', 'arrived')
    await step('saba', c.id, 'released')
    for (const locale of LOCALES) {
      for (const [who, path] of [
        ['dispatcher', '/hrc'],
        ['observer', '/hrc'],
        ['dispatcher', '/hrc/units'],
        ['dispatcher', `/hrc/units/${UNITS.lusar1}`],
        ['dispatcher', `/hrc/units/${UNITS.lusar1}/edit`],
        ['dispatcher', '/hrc/threats'],
        ['dispatcher', '/hrc/dispatches'],
        ['dispatcher', `/hrc/dispatches/${ids.dispatch}`],
        ['saba', '/hrc/dispatches'],
        ['saba', `/hrc/dispatches/${ids.dispatch}`],
      ] as const) {
        const w = await weigh(who, path, locale)
        weights.push(`${who.padEnd(10)} ${locale} ${path.padEnd(40)} ${w.gzip} B gzip (${w.raw} B)`)
      }
    }
    const board = await weigh('dispatcher', '/hrc', 'en')
    console.log(`readiness board, all 5 demo units busy: ${board.gzip} B gzip (${board.raw} B html)`)
  })

  it('the board with a fleet of 40 units, all busy, still fits', async () => {
    const types = ['light_usar', 'logistics', 'medical', 'shelter_relief', 'communications']
    const islands = ['SX', 'SA', 'SE', 'CW', 'BO', 'AW']
    for (let i = 0; i < 35; i++) {
      const u = await post('dispatcher', '/api/v1/hrc/units', {
        name: `Reinforcement element ${i + 1}`,
        type: types[i % types.length],
        people: 8 + (i % 10),
        weightKg: 2000 + 100 * i,
        volumeM3: 12 + i,
        base: 'NL',
        leader: { name: `Leader ${i + 1}`, email: `leader${i + 1}@usar.example`, phone: '+31 6 1234 5678' },
      })
      const d = await order({ unitIds: [u.id], island: islands[i % islands.length] })
      if (i % 3) await step('dispatcher', d.id, 'in_transit')
      if (i % 3 === 2) await step('dispatcher', d.id, 'arrived')
    }
    const w = await weigh('dispatcher', '/hrc', 'nl')
    console.log(`readiness board, 40 units all busy: ${w.gzip} B gzip (${w.raw} B html)`)
  })
})
