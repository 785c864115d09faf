/**
 * Every transition × every role over HTTP: allowed (200), refused (403: the role may not), or not
 * found (404: another island's request, or a draft that only its island sees).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestApp, testApp } from '../../helpers/app.ts'
import { putInProgress, sabaRequest } from '../../helpers/requests.ts'

let t: TestApp
const cookie: Record<string, string> = {}
const WHO = ['saba', 'sintmaarten', 'coordinator', 'dispatcher', 'observer', 'admin', 'functionary1'] as const
beforeAll(async () => {
  t = await testApp()
  for (const who of WHO) cookie[who] = await t.login(`${who}@demo.ccpm`)
})
afterAll(() => t.close())

/** Steps that bring a fresh request to `from`. */
const PATH: Record<string, [string, string][]> = {
  draft: [],
  submitted: [['saba', 'submitted']],
  acknowledged: [
    ['saba', 'submitted'],
    ['coordinator', 'acknowledged'],
  ],
  in_progress: [
    ['saba', 'submitted'],
    ['coordinator', 'acknowledged'],
  ],
}

// from, to, then the expected status per role in WHO order
const TABLE: [string, string, number[]][] = [
  ['draft', 'submitted', [200, 404, 404, 404, 404, 403, 403]],
  ['submitted', 'acknowledged', [403, 404, 200, 403, 403, 403, 403]],
  ['submitted', 'rejected', [403, 404, 200, 403, 403, 403, 403]],
  ['acknowledged', 'rejected', [403, 404, 200, 403, 403, 403, 403]],
  ['draft', 'withdrawn', [200, 404, 404, 404, 404, 403, 403]],
  ['submitted', 'withdrawn', [200, 404, 403, 403, 403, 403, 403]],
  ['acknowledged', 'withdrawn', [200, 404, 403, 403, 403, 403, 403]],
  // 409 for the coordinator: nothing is filled yet (tests/pool/requests/machine.test.ts)
  ['acknowledged', 'in_progress', [403, 404, 409, 403, 403, 403, 403]],
  ['in_progress', 'closed', [200, 404, 200, 403, 403, 403, 403]],
]

describe.each(TABLE)('%s → %s', (from, to, expected) => {
  it.each(WHO.map((who, i) => [who, expected[i]!] as const))('by %s: %i', async (who, status) => {
    t.clock.now += 16 * 60_000 // a fresh rate-limit window: this table makes many changes
    const r = await (await t.postJson('/api/v1/requests', sabaRequest(), cookie.saba)).json()
    for (const [by, step] of PATH[from]!) {
      expect((await t.postJson(`/api/v1/requests/${r.id}/status`, { status: step }, cookie[by])).status).toBe(
        200,
      )
    }
    if (from === 'in_progress') await putInProgress(t.db, r.id) // as the first arrival will (matching)
    const res = await t.postJson(
      `/api/v1/requests/${r.id}/status`,
      { status: to, reason: 'A reason' },
      cookie[who],
    )
    expect(res.status, await res.clone().text()).toBe(status)
    const now = await (await t.get(`/api/v1/requests/${r.id}`, cookie.saba)).json()
    expect(now.status).toBe(status === 200 ? to : from)
  })
})
