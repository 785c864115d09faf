/**
 * The HRC dispatch flow on D1 in workerd: guarded batches with the partial unique index, the
 * all-or-nothing abort of a moved unit, and a request's withdrawal cancelling its order in the same
 * batch — where there are no interactive transactions.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { login, request } from './helpers.ts'

const HOUR = 3_600_000
const json = (cookie: string, path: string, body: unknown) =>
  request(path, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
const order = (over: Record<string, unknown>) => ({
  island: 'SA',
  etd: new Date(Date.now() + 6 * HOUR).toISOString(),
  eta: new Date(Date.now() + 14 * HOUR).toISOString(),
  transport: 'military_airlift',
  ...over,
})

async function capacityNeed(saba: string, coordinator: string, unitType: string) {
  const created = await json(saba, '/api/v1/requests', {
    title: `HRC ${unitType}`,
    situation: 'Roofs gone.',
    phase: 'warm',
    priority: 'urgent',
    periodStart: '2026-12-01',
    periodEnd: '2026-12-20',
    needs: [{ kind: 'capacity', unitType, count: 1 }],
  })
  expect(created.status).toBe(201)
  const r = (await created.json()) as { id: string; needs: { id: string }[] }
  expect((await json(saba, `/api/v1/requests/${r.id}/status`, { status: 'submitted' })).status).toBe(200)
  expect(
    (await json(coordinator, `/api/v1/requests/${r.id}/status`, { status: 'acknowledged' })).status,
  ).toBe(200)
  return { requestId: r.id, needId: r.needs[0]!.id }
}

const readiness = async (id: string) =>
  (await env.DB.prepare('select readiness, location from hrc_units where id = ?').bind(id).first<{
    readiness: string
    location: string
  }>())!

describe('HRC dispatch on D1', () => {
  it('offers LUSAR-1 to Saba, Saba accepts (the need is filled), it travels and arrives; a second order of it is 409', async () => {
    const saba = await login('saba@demo.ccpm', '192.0.2.21')
    const coordinator = await login('coordinator@demo.ccpm', '192.0.2.22')
    const dispatcher = await login('dispatcher@demo.ccpm', '192.0.2.23')
    const need = await capacityNeed(saba, coordinator, 'light_usar')
    const created = await json(
      dispatcher,
      '/api/v1/hrc/dispatches',
      order({ unitIds: ['demo-lusar-1'], needId: need.needId }),
    )
    expect(created.status).toBe(201)
    const d = (await created.json()) as { id: string; status: string }
    expect(d.status).toBe('offered')

    const busy = await json(
      dispatcher,
      '/api/v1/hrc/dispatches',
      order({ unitIds: ['demo-lusar-1'], island: 'SX' }),
    )
    expect(busy.status).toBe(409)

    expect((await json(saba, `/api/v1/hrc/dispatches/${d.id}/status`, { status: 'accepted' })).status).toBe(
      200,
    )
    expect((await readiness('demo-lusar-1')).readiness).toBe('mobilising')
    const r = (await (
      await request(`/api/v1/requests/${need.requestId}`, { headers: { cookie: saba } })
    ).json()) as {
      needs: { filled: number }[]
    }
    expect(r.needs[0]!.filled).toBe(1)
    expect(
      (await json(dispatcher, `/api/v1/hrc/dispatches/${d.id}/status`, { status: 'in_transit' })).status,
    ).toBe(200)
    expect((await json(saba, `/api/v1/hrc/dispatches/${d.id}/status`, { status: 'arrived' })).status).toBe(
      200,
    )
    expect(await readiness('demo-lusar-1')).toEqual({ readiness: 'operational', location: 'SA' })
    // A stale step writes nothing.
    expect(
      (await json(saba, `/api/v1/hrc/dispatches/${d.id}/status`, { status: 'released', version: 2 })).status,
    ).toBe(409)

    const events = await env.DB.prepare('select action from audit_events where entity_id = ? order by rowid')
      .bind(d.id)
      .all<{ action: string }>()
    expect(events.results.map((e) => e.action)).toEqual([
      'hrc.dispatch.offered',
      'hrc.dispatch.accepted',
      'hrc.dispatch.in_transit',
      'hrc.dispatch.arrived',
    ])
    const mails = await env.DB.prepare('select "to" from outbox where text like ?')
      .bind(`%/hrc/dispatches/${d.id}%`)
      .all<{ to: string }>()
    expect(mails.results.map((m) => m.to)).toContain('lusar1@usar.demo.ccpm')
  })

  it('pre-positions RECCE-1 (mobilising at once), and a withdrawal cancels an accepted order in the request’s batch', async () => {
    const saba = await login('saba@demo.ccpm', '192.0.2.24')
    const coordinator = await login('coordinator@demo.ccpm', '192.0.2.25')
    const dispatcher = await login('dispatcher@demo.ccpm', '192.0.2.26')
    const pre = await json(
      dispatcher,
      '/api/v1/hrc/dispatches',
      order({ unitIds: ['demo-recce-1'], island: 'CW' }),
    )
    expect(pre.status).toBe(201)
    expect((await readiness('demo-recce-1')).readiness).toBe('mobilising')

    const need = await capacityNeed(saba, coordinator, 'logistics')
    const d = (await (
      await json(
        dispatcher,
        '/api/v1/hrc/dispatches',
        order({ unitIds: ['demo-log-1'], needId: need.needId }),
      )
    ).json()) as {
      id: string
    }
    expect((await json(saba, `/api/v1/hrc/dispatches/${d.id}/status`, { status: 'accepted' })).status).toBe(
      200,
    )
    expect(
      (
        await json(saba, `/api/v1/requests/${need.requestId}/status`, {
          status: 'withdrawn',
          reason: 'Managed.',
        })
      ).status,
    ).toBe(200)
    const row = await env.DB.prepare('select status, cause from hrc_dispatches where id = ?')
      .bind(d.id)
      .first()
    expect(row).toEqual({ status: 'cancelled', cause: 'request_withdrawn' })
    expect((await readiness('demo-log-1')).readiness).toBe('alert')
    const active = await env.DB.prepare('select active from hrc_dispatch_units where dispatch_id = ?')
      .bind(d.id)
      .first()
    expect(active).toEqual({ active: 0 })
  })

  it('two simultaneous orders of one unit on D1: one 201, one 409, five rounds', async () => {
    const dispatcher = await login('dispatcher@demo.ccpm', '192.0.2.27')
    for (let round = 0; round < 5; round++) {
      const send = () =>
        json(dispatcher, '/api/v1/hrc/dispatches', order({ unitIds: ['demo-comms-1'], island: 'SX' }))
      const answers = await Promise.all([send(), send()])
      expect(answers.map((r) => r.status).sort(), `round ${round}`).toEqual([201, 409])
      const made = (await answers.find((r) => r.status === 201)!.json()) as { id: string }
      const cancel = await json(dispatcher, `/api/v1/hrc/dispatches/${made.id}/status`, {
        status: 'cancelled',
        reason: 'test',
      })
      expect(cancel.status).toBe(200)
      expect(
        (await json(dispatcher, '/api/v1/hrc/units/demo-comms-1/status', { status: 'standby' })).status,
      ).toBe(200)
    }
  })

  it('D1 names the broken constraints the services tell apart (a unit taken, a batch aborted)', async () => {
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
