/**
 * Dispatch orders through the API and the pages: against a Saba capacity need (offered, Saba
 * accepts, the need's fill counts it, then in transit → arrived → released → returned), pre-positioning,
 * cancelling, a request's withdrawal cancelling its orders, scope and the machine's 409s.
 */
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditTrail } from '../../../db/queries/audit.ts'
import { hrcDispatchUnits, hrcUnits, outbox } from '../../../db/schema/index.ts'
import { type TestApp, testApp } from '../../helpers/app.ts'
import { HOUR, orderBody, sabaCapacityNeed, UNITS } from '../../helpers/hrc.ts'

let t: TestApp
const cookies: Record<string, string> = {}
beforeAll(async () => {
  t = await testApp()
  for (const who of ['dispatcher', 'coordinator', 'observer', 'saba', 'sintmaarten', 'curacao'])
    cookies[who] = await t.login(`${who}@demo.ccpm`)
})
afterAll(() => t.close())

interface DispatchJson {
  id: string
  status: string
  island: string
  kind: string
  needId: string | null
  unitIds: string[]
  version: number
  payload: { people: number; weightKg: number; volumeM3: number }
  warnings?: string[]
  onBehalf: boolean
}

const dispatch = (body: Record<string, unknown>) =>
  t.postJson('/api/v1/hrc/dispatches', orderBody(t.clock.now, body), cookies.dispatcher)
const step = (who: string, id: string, body: Record<string, unknown>) =>
  t.postJson(`/api/v1/hrc/dispatches/${id}/status`, body, cookies[who])
const unit = async (id: string) => (await t.db.select().from(hrcUnits).where(eq(hrcUnits.id, id)))[0]!
const filled = async (requestId: string) => {
  const r = (await (await t.get(`/api/v1/requests/${requestId}`, cookies.saba)).json()) as {
    needs: { filled: number }[]
  }
  return r.needs[0]!.filled
}

describe('a dispatch against a Saba capacity need', () => {
  let need: { requestId: string; needId: string }
  let d: DispatchJson

  beforeAll(async () => {
    need = await sabaCapacityNeed(t, cookies as never)
  })

  it('is offered to Saba (201): units not yet moving, Saba mailed to decide, the need not yet filled', async () => {
    const before = (await t.db.select().from(outbox)).length
    const res = await dispatch({ unitIds: [UNITS.lusar1], needId: need.needId, capacity: { weightKg: 4000 } })
    expect(res.status, await res.clone().text()).toBe(201)
    d = (await res.json()) as DispatchJson
    expect(d).toMatchObject({
      status: 'offered',
      island: 'SA',
      kind: 'need',
      needId: need.needId,
      unitIds: [UNITS.lusar1],
    })
    expect(d.payload).toEqual({ people: 18, weightKg: 4200, volumeM3: 32 })
    expect(d.warnings).toEqual(["The payload, 4,200 kg, is over the carrier's capacity of 4,000 kg."])
    expect((await unit(UNITS.lusar1)).readiness).toBe('standby')
    expect(await filled(need.requestId)).toBe(0)
    const mails = (await t.db.select().from(outbox)).slice(before)
    expect(mails.map((m) => m.to)).toEqual([
      'saba@demo.ccpm',
      'lusar1@usar.demo.ccpm',
      'coordinator@demo.ccpm',
    ])
    expect(mails[0]!.subject).toBe('Offer: 1 HRC unit for Saba – accept or decline')
    expect(mails[0]!.text).toContain(`http://localhost:3000/hrc/dispatches/${d.id}`)
  })

  it('another island gets 404 for it and does not see it in its list; Saba sees it', async () => {
    expect((await step('sintmaarten', d.id, { status: 'accepted' })).status).toBe(404)
    expect((await t.get(`/api/v1/hrc/dispatches/${d.id}`, cookies.sintmaarten)).status).toBe(404)
    const theirs = (await (await t.get('/api/v1/hrc/dispatches', cookies.sintmaarten)).json()) as {
      total: number
    }
    expect(theirs.total).toBe(0)
    const ours = (await (await t.get('/api/v1/hrc/dispatches', cookies.saba)).json()) as {
      items: DispatchJson[]
    }
    expect(ours.items.map((x) => x.id)).toEqual([d.id])
  })

  it('Saba accepts: the unit mobilises and the need’s fill counts it, on the request page too', async () => {
    const res = await step('saba', d.id, { status: 'accepted', version: 1 })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ status: 'accepted', version: 2 })
    expect((await unit(UNITS.lusar1)).readiness).toBe('mobilising')
    expect(await filled(need.requestId)).toBe(1)
    expect(await (await t.get(`/requests/${need.requestId}`, cookies.saba)).text()).toContain('1 of 1')
    const trail = await auditTrail(t.db, 'hrc_unit', UNITS.lusar1)
    expect(trail.map((e) => e.after?.readiness)).toEqual(['pre_alert', 'alert', 'mobilising'])
  })

  it('409 for a step the machine does not allow, 403 for a step that is not Saba’s, 409 for a stale version', async () => {
    const skip = await step('dispatcher', d.id, { status: 'released' })
    expect(skip.status).toBe(403)
    const notAllowed = await step('saba', d.id, { status: 'released' })
    expect(notAllowed.status).toBe(409)
    expect(await notAllowed.json()).toMatchObject({
      error: {
        message: 'This dispatch is accepted, so it cannot become released.',
        current: { status: 'accepted', version: 2 },
      },
    })
    expect((await step('dispatcher', d.id, { status: 'in_transit', version: 1 })).status).toBe(409)
    expect((await step('saba', d.id, { status: 'declined' })).status).toBe(409)
  })

  it('in transit → arrived (Saba confirms) → released → returned: readiness and location follow', async () => {
    expect((await step('dispatcher', d.id, { status: 'in_transit' })).status).toBe(200)
    expect((await unit(UNITS.lusar1)).readiness).toBe('in_transit')
    expect((await step('saba', d.id, { status: 'arrived' })).status).toBe(200)
    expect(await unit(UNITS.lusar1)).toMatchObject({ readiness: 'operational', location: 'SA' })
    expect((await step('saba', d.id, { status: 'released', reason: 'Thank you, USAR.NL.' })).status).toBe(200)
    expect((await unit(UNITS.lusar1)).readiness).toBe('demobilising')
    // The dispatcher marks the unit leaving by hand, as the ladder allows under a released order.
    expect(
      (
        await t.postJson(
          `/api/v1/hrc/units/${UNITS.lusar1}/status`,
          { status: 'returning' },
          cookies.dispatcher,
        )
      ).status,
    ).toBe(200)
    expect((await step('dispatcher', d.id, { status: 'returned' })).status).toBe(200)
    expect(await unit(UNITS.lusar1)).toMatchObject({ readiness: 'standby', location: 'NL' })
    expect(await filled(need.requestId)).toBe(1)
    const links = await t.db.select().from(hrcDispatchUnits).where(eq(hrcDispatchUnits.dispatchId, d.id))
    expect(links.map((l) => l.active)).toEqual([false])
    const trail = await auditTrail(t.db, 'hrc_dispatch', d.id)
    expect(trail.map((e) => e.action)).toEqual([
      'hrc.dispatch.offered',
      'hrc.dispatch.accepted',
      'hrc.dispatch.in_transit',
      'hrc.dispatch.arrived',
      'hrc.dispatch.released',
      'hrc.dispatch.returned',
    ])
  })
})

describe('pre-positioning and cancelling', () => {
  it('orders units to Curaçao: they mobilise at once; Curaçao is informed, not asked; a busy unit is 409', async () => {
    const res = await dispatch({ unitIds: [UNITS.water1, UNITS.log1], island: 'CW' })
    expect(res.status).toBe(201)
    const d = (await res.json()) as DispatchJson
    expect(d).toMatchObject({ status: 'ordered', kind: 'prepositioning', needId: null })
    expect((await unit(UNITS.water1)).readiness).toBe('mobilising')
    const mail = (await t.db.select().from(outbox)).find((m) => m.to === 'curacao@demo.ccpm')!
    expect(mail.subject).toBe('HRC units are coming to Curaçao (pre-positioning)')
    expect((await step('curacao', d.id, { status: 'accepted' })).status).toBe(409)

    const busy = await dispatch({ unitIds: [UNITS.water1], island: 'SX' })
    expect(busy.status).toBe(409)
    expect(((await busy.json()) as { error: { message: string } }).error.message).toBe(
      'WATER-1 is already in another dispatch (ordered).',
    )
    // Manual ladder steps wait while the order holds the unit.
    const manual = await t.postJson(
      `/api/v1/hrc/units/${UNITS.water1}/status`,
      { status: 'alert' },
      cookies.dispatcher,
    )
    expect(manual.status).toBe(409)

    const noReason = await step('dispatcher', d.id, { status: 'cancelled' })
    expect(noReason.status).toBe(422)
    const cancelled = await step('dispatcher', d.id, {
      status: 'cancelled',
      reason: 'The storm turned north.',
    })
    expect(cancelled.status).toBe(200)
    expect((await unit(UNITS.water1)).readiness).toBe('alert')
    // Free again: the unit can be sent elsewhere.
    const again = await dispatch({ unitIds: [UNITS.water1], island: 'SX' })
    expect(again.status).toBe(201)
  })

  it('422 per field for a bad order; 403 for a coordinator; 404 for an unknown need', async () => {
    const bad = await t.postJson(
      '/api/v1/hrc/dispatches',
      { unitIds: [], island: 'XX', etd: 'soon', transport: 'rocket' },
      cookies.dispatcher,
    )
    expect(bad.status).toBe(422)
    const fields = ((await bad.json()) as { error: { fields: Record<string, string> } }).error.fields
    expect(Object.keys(fields).sort()).toEqual(['eta', 'etd', 'island', 'transport', 'unitIds'])
    expect(
      (
        await t.postJson(
          '/api/v1/hrc/dispatches',
          orderBody(0, { unitIds: [UNITS.comms1] }),
          cookies.coordinator,
        )
      ).status,
    ).toBe(403)
    expect((await dispatch({ unitIds: [UNITS.comms1], needId: 'no-such-need' })).status).toBe(404)
  })
})

describe('a request that ends cancels its orders not yet arrived, in the same batch', () => {
  it('Saba withdraws: the accepted order is cancelled (cause kept), its unit stands down, everyone told', async () => {
    const need = await sabaCapacityNeed(t, cookies as never, 1, 'reconnaissance')
    const res = await dispatch({ unitIds: [UNITS.recce1], needId: need.needId })
    const d = (await res.json()) as DispatchJson
    expect((await step('saba', d.id, { status: 'accepted' })).status).toBe(200)
    expect((await unit(UNITS.recce1)).readiness).toBe('mobilising')
    const before = (await t.db.select().from(outbox)).length
    const withdrawn = await t.postJson(
      `/api/v1/requests/${need.requestId}/status`,
      { status: 'withdrawn', reason: 'The airport reopened; we manage.' },
      cookies.saba,
    )
    expect(withdrawn.status).toBe(200)
    const now = (await (
      await t.get(`/api/v1/hrc/dispatches/${d.id}`, cookies.dispatcher)
    ).json()) as DispatchJson & {
      cause: string
      reason: string
    }
    expect(now).toMatchObject({
      status: 'cancelled',
      cause: 'request_withdrawn',
      reason: 'The airport reopened; we manage.',
    })
    expect((await unit(UNITS.recce1)).readiness).toBe('alert')
    const mails = (await t.db.select().from(outbox)).slice(before)
    const hrc = mails.filter((m) => m.subject.startsWith('Cancelled'))
    expect(hrc.map((m) => m.to).sort()).toEqual([
      'coordinator@demo.ccpm',
      'dispatcher@demo.ccpm',
      'recce1@usar.demo.ccpm',
    ])
    expect(hrc[0]!.text).toContain('because the island withdrew its request')
  })

  it('a rejection cancels an offered order; an arrived one stays', async () => {
    const need = await sabaCapacityNeed(t, cookies as never, 2, 'communications')
    const added = await t.postJson(
      '/api/v1/hrc/units',
      {
        name: 'Communications element 2',
        type: 'communications',
        people: 4,
        weightKg: 1100,
        volumeM3: 8,
        base: 'NL',
      },
      cookies.dispatcher,
    )
    const comms2 = ((await added.json()) as { id: string }).id
    const arrived = (await (
      await dispatch({ unitIds: [comms2], needId: need.needId })
    ).json()) as DispatchJson
    for (const [who, status] of [
      ['saba', 'accepted'],
      ['dispatcher', 'in_transit'],
      ['dispatcher', 'arrived'],
    ])
      expect((await step(who!, arrived.id, { status })).status).toBe(200)
    const offered = (await (
      await dispatch({ unitIds: [UNITS.comms1], needId: need.needId })
    ).json()) as DispatchJson
    const res = await t.postJson(
      `/api/v1/requests/${need.requestId}/status`,
      { status: 'rejected', reason: 'USAR.NL is needed on Sint Maarten.' },
      cookies.coordinator,
    )
    expect(res.status).toBe(200)
    const get = async (id: string) =>
      (await (await t.get(`/api/v1/hrc/dispatches/${id}`, cookies.dispatcher)).json()) as {
        status: string
        cause: string | null
        onBehalf: boolean
      }
    expect(await get(offered.id)).toMatchObject({ status: 'cancelled', cause: 'request_rejected' })
    expect(await get(arrived.id)).toMatchObject({ status: 'arrived', cause: null, onBehalf: true })
    expect((await unit(comms2)).readiness).toBe('operational')
  })
})

describe('the dispatch pages', () => {
  it('the dispatcher orders through the form (303); Saba sees the units on its own page and confirms arrival there', async () => {
    const form = await (await t.get('/hrc/dispatches/new', cookies.dispatcher)).text()
    expect(form).toContain('name="unitIds"')
    const etd = new Date(t.clock.now - 4 * HOUR + 6 * HOUR).toISOString().slice(0, 16)
    const eta = new Date(t.clock.now - 4 * HOUR + 12 * HOUR).toISOString().slice(0, 16)
    const res = await t.post(
      '/hrc/dispatches',
      {
        unitIds: UNITS.log1,
        island: 'SA',
        needId: '',
        etd,
        eta,
        transport: 'ship',
        carrier: 'HNLMS Karel Doorman',
        _key: 'order-form-001',
      },
      cookies.dispatcher,
    )
    expect(res.status).toBe(303)
    const url = res.headers.get('location')!
    expect(
      (await t.post(`${url}/status`, { status: 'in_transit', version: '1' }, cookies.dispatcher)).status,
    ).toBe(303)
    const list = await (await t.get('/hrc/dispatches', cookies.saba)).text()
    expect(list).toContain('HRC units for Saba')
    expect(list).toContain('LOG-1')
    expect(list).toContain('In transit')
    const mine = await (await t.get(url, cookies.saba)).text()
    expect(mine).toContain('name="status" value="arrived"')
    expect(mine).not.toContain('value="cancelled"')
    expect((await t.post(`${url}/status`, { status: 'arrived', version: '2' }, cookies.saba)).status).toBe(
      303,
    )
    expect((await unit(UNITS.log1)).location).toBe('SA')
  })

  it('a decline without a reason comes back 422 with the field; another island gets 404', async () => {
    const need = await sabaCapacityNeed(t, cookies as never, 1, 'light_usar')
    const d = (await (
      await dispatch({ unitIds: [UNITS.lusar1], needId: need.needId })
    ).json()) as DispatchJson
    const res = await t.post(
      `/hrc/dispatches/${d.id}/status`,
      { status: 'declined', reason: '', version: '1' },
      cookies.saba,
    )
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('Give a reason: the others involved will read it.')
    expect((await t.get(`/hrc/dispatches/${d.id}`, cookies.sintmaarten)).status).toBe(404)
    expect(
      (
        await t.post(
          `/hrc/dispatches/${d.id}/status`,
          { status: 'declined', reason: 'We have enough', version: '1' },
          cookies.saba,
        )
      ).status,
    ).toBe(303)
  })

  it('a form naming a busy unit comes back 409 with the reason at the units', async () => {
    const busyUnit = UNITS.log1 // arrived on Saba above
    const res = await t.post(
      '/hrc/dispatches',
      {
        unitIds: busyUnit,
        island: 'SX',
        etd: '2026-09-07T08:00',
        eta: '2026-09-07T10:00',
        transport: 'ferry',
      },
      cookies.dispatcher,
    )
    expect(res.status).toBe(409)
    expect(await res.text()).toContain('LOG-1 is already in another dispatch (arrived).')
  })
})
