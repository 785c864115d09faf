/** Making dispatch orders (input, checks, payload and warnings, mails), a need's fill, and cancelling with a request. */
import { describe, expect, it } from 'vitest'
import {
  cancelForRequest,
  createDispatch,
  type DispatchInput,
  type NeedRef,
  needFill,
  parseDispatch,
  type UnitStanding,
} from '../../../pool/hrc/index.ts'
import type { NamedActor } from '../../../pool/shared/index.ts'
import { actors, ctx, dispatchOf, HOUR, NOW, units } from './fixtures.ts'

const sabaNeed: NeedRef = {
  id: 'need-usar',
  requestId: 'req-saba',
  island: 'SA',
  unitType: 'light_usar',
  count: 2,
  requestStatus: 'acknowledged',
  requestTitle: 'Search and rescue after Paulette',
  taken: 0,
}
const order = (over: Partial<DispatchInput> = {}): DispatchInput => ({
  unitIds: ['u-lusar1'],
  island: 'SA',
  needId: 'need-usar',
  etd: NOW + 6 * HOUR,
  eta: NOW + 20 * HOUR,
  transport: 'military_airlift',
  carrier: 'RNLAF KDC-10',
  capacity: { weightKg: 40_000, volumeM3: 300 },
  ...over,
})
const standing = (...list: UnitStanding[]) => list
const free = (unit: UnitStanding['unit']): UnitStanding => ({ unit, dispatch: null })
const make = (
  input: DispatchInput,
  list: UnitStanding[],
  need: NeedRef | null = sabaNeed,
  actor: NamedActor = actors.usar,
) => createDispatch(input, actor, { ...ctx(), units: list, need })

describe('an order against a capacity need', () => {
  it('starts offered; readiness waits for the island; the island gets what it must decide', () => {
    const result = make(
      order({ unitIds: ['u-lusar1', 'u-lusar2'] }),
      standing(free(units.lusar1), free(units.lusar2)),
    )
    if (!result.ok) throw new Error(result.message.code)
    expect(result.dispatch).toMatchObject({
      id: 'id1',
      status: 'offered',
      island: 'SA',
      needId: 'need-usar',
      requestId: 'req-saba',
      unitIds: ['u-lusar1', 'u-lusar2'],
      payload: { people: 36, weightKg: 8_400, volumeM3: 64 },
      version: 1,
    })
    expect(result.units).toEqual([])
    expect(result.warnings).toEqual([])
    expect(result.events.map((e) => e.action)).toEqual(['hrc.dispatch.offered'])
    expect(result.events[0]!.after).toMatchObject({
      status: 'offered',
      units: ['LUSAR-1', 'LUSAR-2'],
      island: 'SA',
    })
    expect(result.mails.map((m) => [m.to, m.message.code])).toEqual([
      ['eot@saba.example', 'hrc.mail.dispatch.offered'],
      ['joost@usar.example', 'hrc.mail.dispatch.step'],
      ['locc@ccpm.example', 'hrc.mail.dispatch.step'],
    ])
    expect(result.mails[0]!.message.params).toMatchObject({
      request: 'Search and rescue after Paulette',
      unitType: 'light_usar',
      needCount: 2,
      names: ['Light USAR team 1', 'Light USAR team 2'],
      types: ['light_usar', 'light_usar'],
      people: 36,
      weightKg: 8_400,
      volumeM3: 64,
      url: 'https://ccpm.example/hrc/dispatches/id1',
    })
  })

  it('warns when the payload is over the carrier’s weight or volume, or the need gets more than it lacks', () => {
    const result = make(
      order({ unitIds: ['u-lusar1', 'u-lusar2'], capacity: { weightKg: 8_000, volumeM3: 60 } }),
      standing(free(units.lusar1), free(units.lusar2)),
      { ...sabaNeed, taken: 1 },
    )
    expect(result.ok && result.warnings).toEqual([
      { code: 'hrc.dispatch.overWeight', params: { payload: 8_400, capacity: 8_000 } },
      { code: 'hrc.dispatch.overVolume', params: { payload: 64, capacity: 60 } },
      { code: 'hrc.dispatch.overNeed', params: { count: 2, taken: 1, adding: 2 } },
    ])
  })

  it('refuses, naming the unit’s row: busy, not ready, of another type, not serving the island, unknown', () => {
    const cases: [UnitStanding | null, string, string][] = [
      [
        { unit: units.lusar1, dispatch: { id: 'd0', status: 'in_transit' } },
        'conflict',
        'hrc.dispatch.unitBusy',
      ],
      [free({ ...units.lusar1, readiness: 'operational' }), 'conflict', 'hrc.dispatch.unitNotReady'],
      [free({ ...units.lusar1, readiness: 'unavailable' }), 'conflict', 'hrc.dispatch.unitNotReady'],
      [free({ ...units.recce1, id: 'u-lusar1' }), 'invalid', 'hrc.dispatch.wrongType'],
      [free({ ...units.lusar1, islands: ['CW'] }), 'invalid', 'hrc.dispatch.notServing'],
      [null, 'not_found', 'hrc.unit.notFound'],
    ]
    for (const [unit, error, code] of cases) {
      const result = make(order({ unitIds: ['u-lusar2', 'u-lusar1'] }), [
        free(units.lusar2),
        ...(unit ? [unit] : []),
      ])
      expect(result, code).toMatchObject({
        ok: false,
        error,
        message: { code },
        fields: { 'unitIds.1': { code } },
      })
    }
  })

  it('refuses a need of another island, a request no longer open, and a need that is not there', () => {
    expect(make(order({ island: 'SX' }), [free(units.lusar1)])).toMatchObject({
      error: 'invalid',
      fields: { island: { code: 'hrc.dispatch.needIsland', params: { island: 'SA' } } },
    })
    expect(make(order(), [free(units.lusar1)], { ...sabaNeed, requestStatus: 'withdrawn' })).toMatchObject({
      error: 'conflict',
      message: { code: 'hrc.dispatch.requestNotOpen', params: { status: 'withdrawn' } },
    })
    expect(make(order(), [free(units.lusar1)], null)).toMatchObject({
      error: 'not_found',
      fields: { needId: { code: 'hrc.dispatch.needNotFound' } },
    })
  })

  it('only the dispatcher dispatches; coordinators and observers may not; islands do not make orders', () => {
    const list = [free(units.lusar1)]
    expect(make(order(), list, sabaNeed, actors.dutyOfficer)).toMatchObject({ error: 'forbidden' })
    expect(make(order(), list, sabaNeed, actors.ministry)).toMatchObject({ error: 'forbidden' })
    expect(make(order(), list, sabaNeed, actors.sabaTeam)).toMatchObject({ error: 'not_found' })
  })
})

describe('pre-positioning', () => {
  it('starts ordered; the units mobilise at once (a rung event each); the island is informed', () => {
    const result = make(
      order({ needId: null, island: 'CW', unitIds: ['u-recce1', 'u-lusar2'], transport: 'charter_flight' }),
      standing(free(units.recce1), free(units.lusar2)),
      null,
    )
    if (!result.ok) throw new Error(result.message.code)
    expect(result.dispatch).toMatchObject({ status: 'ordered', island: 'CW', needId: null, requestId: null })
    expect(result.units.map((u) => [u.unitId, u.guard.readiness, u.patch.readiness])).toEqual([
      ['u-recce1', 'standby', 'mobilising'],
      ['u-lusar2', 'alert', 'mobilising'],
    ])
    expect(
      result.events.map((e) => `${e.action} ${e.after?.code ?? ''} ${e.after?.readiness ?? e.after?.status}`),
    ).toEqual([
      'hrc.dispatch.ordered  ordered',
      'hrc.unit.readiness RECCE-1 pre_alert',
      'hrc.unit.readiness RECCE-1 alert',
      'hrc.unit.readiness RECCE-1 mobilising',
      'hrc.unit.readiness LUSAR-2 mobilising',
    ])
    expect(result.mails[0]).toMatchObject({
      to: 'eot@saba.example', // the service passes the island's own readers; here the fixture's
      message: { code: 'hrc.mail.dispatch.ordered', params: { island: 'CW', zone: 'America/Curacao' } },
    })
  })

  it('may stage any unit anywhere: a unit serving only the ABC islands can wait on Sint Maarten', () => {
    const result = make(
      order({ needId: null, island: 'SX', unitIds: ['u-water1'] }),
      [free(units.water1)],
      null,
    )
    expect(result.ok).toBe(true)
  })
})

describe('order input', () => {
  it('reads a form: one unit, times in island time, capacity as flat fields', () => {
    expect(
      parseDispatch({
        unitIds: 'u-lusar1',
        island: 'SA',
        etd: '2026-09-06T14:00',
        eta: '2026-09-07T02:30',
        transport: 'military_airlift',
        carrier: ' RNLAF KDC-10 ',
        'capacity.weightKg': '40000',
        'capacity.volumeM3': '',
      }),
    ).toEqual({
      ok: true,
      value: {
        unitIds: ['u-lusar1'],
        island: 'SA',
        needId: null,
        etd: Date.UTC(2026, 8, 6, 18),
        eta: Date.UTC(2026, 8, 7, 6, 30),
        transport: 'military_airlift',
        carrier: 'RNLAF KDC-10',
        capacity: { weightKg: 40_000, volumeM3: null },
      },
    })
  })

  it('names each bad field', () => {
    expect(
      parseDispatch({
        unitIds: [],
        island: 'XX',
        etd: '2026-09-07T12:00Z',
        eta: '2026-09-07T11:00Z',
        transport: 'bus',
      }),
    ).toEqual({
      ok: false,
      errors: {
        unitIds: { code: 'hrc.dispatch.noUnits', params: {} },
        island: { code: 'hrc.field.unknown', params: { value: 'XX' } },
        eta: { code: 'hrc.dispatch.etaBeforeEtd', params: {} },
        transport: { code: 'hrc.field.unknown', params: { value: 'bus' } },
      },
    })
  })

  it('drops a unit named twice', () => {
    const result = parseDispatch({
      ...order(),
      unitIds: ['a', 'a', 'b'],
      etd: '2026-09-06T14:00Z',
      eta: '2026-09-06T18:00Z',
    })
    expect(result.ok && result.value.unitIds).toEqual(['a', 'b'])
  })
})

describe('a need’s fill', () => {
  it('counts the units of accepted-or-later orders; offered ones apart; declined and cancelled not at all', () => {
    const orders = [
      { needId: 'n', status: 'accepted' as const, unitIds: ['a'] },
      { needId: 'n', status: 'in_transit' as const, unitIds: ['b', 'c'] },
      { needId: 'n', status: 'returned' as const, unitIds: ['d'] },
      { needId: 'n', status: 'offered' as const, unitIds: ['e'] },
      { needId: 'n', status: 'declined' as const, unitIds: ['f'] },
      { needId: 'n', status: 'cancelled' as const, unitIds: ['g'] },
      { needId: 'other', status: 'arrived' as const, unitIds: ['h'] },
      { needId: null, status: 'arrived' as const, unitIds: ['i'] },
    ]
    expect(needFill({ id: 'n', count: 6 }, orders)).toEqual({ count: 6, filled: 4, offered: 1, open: 1 })
    expect(needFill({ id: 'n', count: 3 }, orders)).toEqual({ count: 3, filled: 4, offered: 1, open: 0 })
  })

  it('is filled after Saba accepts', () => {
    const offered = [{ needId: 'need-usar', status: 'offered' as const, unitIds: ['u-lusar1', 'u-lusar2'] }]
    expect(needFill({ id: 'need-usar', count: 2 }, offered).filled).toBe(0)
    const accepted = [{ ...offered[0]!, status: 'accepted' as const }]
    expect(needFill({ id: 'need-usar', count: 2 }, accepted)).toEqual({
      count: 2,
      filled: 2,
      offered: 0,
      open: 0,
    })
  })
})

describe('a request that ends cancels its orders not yet arrived', () => {
  const orders = [
    dispatchOf({ id: 'd-offered', status: 'offered', unitIds: ['u-lusar2'] }),
    dispatchOf({ id: 'd-transit', status: 'in_transit', unitIds: ['u-lusar1'] }),
    dispatchOf({ id: 'd-arrived', status: 'arrived', unitIds: ['u-recce1'] }),
    dispatchOf({ id: 'd-declined', status: 'declined', unitIds: ['u-water1'] }),
  ]
  const list = [
    units.lusar2,
    { ...units.lusar1, readiness: 'in_transit' as const },
    { ...units.recce1, readiness: 'operational' as const },
    units.water1,
  ]

  it('withdrawn by Saba: offered and in-transit orders cancelled, units stand down, others told', () => {
    const result = cancelForRequest(
      orders,
      'request_withdrawn',
      'Storm passed north',
      list,
      actors.sabaTeam,
      ctx(),
    )
    expect(result.dispatches).toEqual([
      {
        id: 'd-offered',
        guard: { status: 'offered', version: 2 },
        patch: {
          status: 'cancelled',
          statusAt: NOW,
          version: 3,
          reason: 'Storm passed north',
          cause: 'request_withdrawn',
        },
      },
      {
        id: 'd-transit',
        guard: { status: 'in_transit', version: 2 },
        patch: {
          status: 'cancelled',
          statusAt: NOW,
          version: 3,
          reason: 'Storm passed north',
          cause: 'request_withdrawn',
        },
      },
    ])
    expect(result.units.map((u) => [u.unitId, u.guard.readiness, u.patch.readiness])).toEqual([
      ['u-lusar1', 'in_transit', 'returning'],
    ])
    expect(result.events.map((e) => `${e.action} ${e.entityId}`)).toEqual([
      'hrc.dispatch.cancelled d-offered',
      'hrc.dispatch.cancelled d-transit',
      'hrc.unit.readiness u-lusar1',
    ])
    expect(result.events[0]!.after).toMatchObject({ cause: 'request_withdrawn' })
    // the island withdrew: it is not told again; the dispatchers are, with the cause
    expect(result.mails.map((m) => m.to)).toEqual([
      'locc@ccpm.example',
      'dispatch@usar.example',
      'joost@usar.example',
      'locc@ccpm.example',
      'dispatch@usar.example',
    ])
    expect(result.mails[1]!.message.params).toMatchObject({ status: 'cancelled', cause: 'request_withdrawn' })
  })

  it('rejected by a coordinator: the island is told', () => {
    const result = cancelForRequest(
      orders.slice(0, 1),
      'request_rejected',
      null,
      list,
      actors.dutyOfficer,
      ctx(),
    )
    expect(result.mails.map((m) => m.to)).toContain('eot@saba.example')
  })
})
