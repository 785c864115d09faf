/**
 * Named fixtures for HRC tests: a Saba request with a capacity need carried to "acknowledged", a
 * storm whose tropical-storm-force winds reach Saba about 60 hours after `now` (as a typed track and
 * as the text of an NHC forecast/advisory), and an order body.
 */
import type { TestApp } from './app.ts'
import { sabaRequest } from './requests.ts'

export const HOUR = 3_600_000

/**
 * A storm moving due north along Saba's meridian (63.24°W) from 11.634°N at `now` to 17.63°N at
 * now + 72 h, 90 kt, 34-kt radius 60 nm (111.12 km = 0.99933°): its winds reach Saba when the
 * centre is at 16.6307°N, s = (16.6307 − 11.634) / 5.996 = 0.8333 → now + 60.0 h. The ABC islands
 * stay 500 km and more from the centre: no winds there.
 */
export function sabaTrack(now: number) {
  return [
    { at: new Date(now).toISOString(), lat: 11.634, lon: -63.24, maxWindKt: 90, r34Nm: 60 },
    { at: new Date(now + 72 * HOUR).toISOString(), lat: 17.63, lon: -63.24, maxWindKt: 90, r34Nm: 60 },
  ]
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC']
const DAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT']
const pad = (n: number) => String(n).padStart(2, '0')
const ddhhmm = (at: number) => {
  const d = new Date(at)
  return `${pad(d.getUTCDate())}/${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}Z`
}

/**
 * The same storm as the text of an NHC forecast/advisory (the layout of tests/fixtures/nhc-*.txt),
 * issued at `now` rounded down to the hour: centre and forecast points every 12 h along 63.2°W.
 * NHC gives positions to 0.1°, so the winds reach Saba close to, not exactly at, 60 h.
 */
export function sabaAdvisory(now: number, name = 'TESTA', number = '7'): string {
  const t0 = Math.floor(now / HOUR) * HOUR
  const d = new Date(t0)
  const issued = `${pad(d.getUTCHours())}00 UTC ${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${pad(d.getUTCDate())} ${d.getUTCFullYear()}`
  const latAt = (h: number) => (11.634 + (5.996 * h) / 72).toFixed(1)
  const point = (h: number, word: string) =>
    [
      `${word} VALID ${ddhhmm(t0 + h * HOUR)} ${latAt(h)}N  63.2W`,
      'MAX WIND  90 KT...GUSTS 110 KT.',
      '64 KT... 20NE  20SE  15SW  20NW.',
      '34 KT... 60NE  60SE  50SW  60NW.',
      '',
    ].join('\n')
  return [
    'ZCZC MIATCMAT2 ALL',
    'TTAA00 KNHC DDHHMM',
    '',
    `HURRICANE ${name} FORECAST/ADVISORY NUMBER  ${number}`,
    'NWS NATIONAL HURRICANE CENTER MIAMI FL       AL172026',
    issued,
    '',
    `HURRICANE CENTER LOCATED NEAR ${latAt(0)}N  63.2W AT ${ddhhmm(t0)}`,
    'POSITION ACCURATE WITHIN  20 NM',
    '',
    'MAX SUSTAINED WINDS  90 KT WITH GUSTS TO 110 KT.',
    '64 KT....... 20NE  20SE  15SW  20NW.',
    '34 KT....... 60NE  60SE  50SW  60NW.',
    '',
    `REPEAT...CENTER LOCATED NEAR ${latAt(0)}N  63.2W AT ${ddhhmm(t0)}`,
    '',
    ...[12, 24, 36, 48, 60, 72].map((h) => point(h, 'FORECAST')),
    'REQUEST FOR 3 HOURLY SHIP REPORTS WITHIN 300 MILES OF 11.6N  63.2W',
    '',
    'NEXT ADVISORY AT 06/1500Z',
    '',
    '$$',
    'FORECASTER TEST',
    '',
  ].join('\n')
}

/** A Saba request with one capacity need (light USAR × `count`), submitted by Saba and acknowledged by LOCC-KCR2. */
export async function sabaCapacityNeed(
  t: TestApp,
  cookies: { saba: string; coordinator: string },
  count = 1,
  unitType = 'light_usar',
): Promise<{ requestId: string; needId: string }> {
  const body = sabaRequest({
    title: `HRC for Saba (${unitType})`,
    needs: [{ kind: 'capacity', unitType, count }],
  })
  const created = await t.postJson('/api/v1/requests', body, cookies.saba)
  if (created.status !== 201) throw new Error(`request: ${created.status} ${await created.text()}`)
  const r = (await created.json()) as { id: string; needs: { id: string }[] }
  for (const [who, status] of [
    ['saba', 'submitted'],
    ['coordinator', 'acknowledged'],
  ] as const) {
    const res = await t.postJson(`/api/v1/requests/${r.id}/status`, { status }, cookies[who])
    if (res.status !== 200) throw new Error(`${status}: ${res.status} ${await res.text()}`)
  }
  return { requestId: r.id, needId: r.needs[0]!.id }
}

/** An order body for the API: leaving in 6 h, arriving in 14 h, by military airlift. */
export const orderBody = (now: number, over: Record<string, unknown>) => ({
  island: 'SA',
  etd: new Date(now + 6 * HOUR).toISOString(),
  eta: new Date(now + 14 * HOUR).toISOString(),
  transport: 'military_airlift',
  carrier: 'RNLAF C-130',
  ...over,
})

/** PATCH with a JSON body (the test app has helpers for GET and POST only). */
export const patchJson = (t: TestApp, path: string, body: unknown, cookie: string | undefined) =>
  t.app.request(`http://localhost:3000${path}`, {
    method: 'PATCH',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
  })

/** The demo units' ids by code. */
export const UNITS = {
  recce1: 'demo-recce-1',
  lusar1: 'demo-lusar-1',
  log1: 'demo-log-1',
  water1: 'demo-water-1',
  comms1: 'demo-comms-1',
} as const
