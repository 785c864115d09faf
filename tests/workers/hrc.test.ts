/**
 * What the HRC services read from D1 itself: the names of the broken constraints that tell a unit
 * taken from a batch aborted. The HRC flows over HTTP are in the shared suite (tests/http/flows/hrc.ts).
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { request } from './helpers.ts'

describe('HRC constraints on D1', () => {
  it('D1 names the broken constraints the services tell apart (a unit taken, a batch aborted)', async () => {
    await request('/healthz') // the Worker seeds its empty D1 (the demo units) on its first request
    await env.DB.prepare(
      "insert into hrc_dispatches (id, island, kind, status, etd, eta, transport, payload_people, payload_weight_kg, payload_volume_m3, status_at, created_at, created_by, updated_at) values ('d-x', 'SA', 'prepositioning', 'ordered', 0, 0, 'ship', 1, 1, 1, 0, 0, 'x', 0), ('d-y', 'SA', 'prepositioning', 'ordered', 0, 0, 'ship', 1, 1, 1, 0, 0, 'x', 0)",
    ).run()
    await env.DB.prepare("insert into hrc_dispatch_units values ('d-x', 'demo-water-1', 0, 1)").run()
    const taken = await env.DB.prepare("insert into hrc_dispatch_units values ('d-y', 'demo-water-1', 0, 1)")
      .run()
      .catch((e: Error) => e)
    expect(String(taken)).toMatch(/hrc_dispatch_units\.unit_id/)
    const aborted = await env.DB.prepare(
      "insert into hrc_advisories select 'abort', null, 0, 0, 'track', null, null, '[]', '[]', null where not (1 = 0)",
    )
      .run()
      .catch((e: Error) => e)
    expect(String(aborted)).toMatch(/hrc_advisories\.threat_id/)
    await env.DB.prepare("delete from hrc_dispatch_units where dispatch_id = 'd-x'").run()
  })
})
