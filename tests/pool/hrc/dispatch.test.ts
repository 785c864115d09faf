/** The dispatch machine as a table (every from × to × role), the readiness its units follow, its mails and properties. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  allowedDispatchSteps,
  DISPATCH_STEPS,
  type DispatchRecord,
  type DispatchStepContext,
  dispatchStep,
  FOLLOWS,
  followingLocation,
  isActiveDispatch,
  ladderStep,
  type UnitRecord,
} from '../../../pool/hrc/index.ts'
import {
  ACTIVE_DISPATCH_STATUSES,
  DISPATCH_STATUSES,
  type DispatchStatus,
  type Readiness,
} from '../../../pool/reference/index.ts'
import { ACTOR_NAMES, actors, ctx, dispatchOf, NOW, units } from './fixtures.ts'

const KIND = { O: 'ok', N: 'not_found', F: 'forbidden', C: 'conflict', I: 'invalid' } as const

// One row per current status; one group per target in the order of DISPATCH_STATUSES (offered ordered
// accepted declined in_transit arrived released returned cancelled); one letter per actor in the order
// of ACTOR_NAMES: Saba's team (the order's island), Sint Maarten's team, coordinator, dispatcher,
// observer, functionary, admin. Offered and ordered are reached only by creating an order (I).
//                      offered ordered accept. decl.   in_tr.  arrived release return. cancel.
const GRID: Record<DispatchStatus, string> = {
  offered: /*    */ 'INIIINN INIIINN ONFFFNN ONFFFNN FNFCFNN CNFCFNN CNFFFNN FNFCFNN FNFOFNN',
  ordered: /*    */ 'INIIINN INIIINN CNFFFNN CNFFFNN FNFOFNN CNFCFNN CNFFFNN FNFCFNN FNFOFNN',
  accepted: /*   */ 'INIIINN INIIINN CNFFFNN CNFFFNN FNFOFNN CNFCFNN CNFFFNN FNFCFNN FNFOFNN',
  declined: /*   */ 'INIIINN INIIINN CNFFFNN CNFFFNN FNFCFNN CNFCFNN CNFFFNN FNFCFNN FNFCFNN',
  in_transit: /* */ 'INIIINN INIIINN CNFFFNN CNFFFNN FNFCFNN ONFOFNN CNFFFNN FNFCFNN FNFOFNN',
  arrived: /*    */ 'INIIINN INIIINN CNFFFNN CNFFFNN FNFCFNN CNFCFNN ONFFFNN FNFCFNN FNFCFNN',
  released: /*   */ 'INIIINN INIIINN CNFFFNN CNFFFNN FNFCFNN CNFCFNN CNFFFNN FNFOFNN FNFCFNN',
  returned: /*   */ 'INIIINN INIIINN CNFFFNN CNFFFNN FNFCFNN CNFCFNN CNFFFNN FNFCFNN FNFCFNN',
  cancelled: /*  */ 'INIIINN INIIINN CNFFFNN CNFFFNN FNFCFNN CNFCFNN CNFFFNN FNFCFNN FNFCFNN',
}

/** Where an order's units stand while it is in each state. */
const UNITS_AT: Record<DispatchStatus, Readiness> = {
  offered: 'alert',
  ordered: 'mobilising',
  accepted: 'mobilising',
  declined: 'alert',
  in_transit: 'in_transit',
  arrived: 'operational',
  released: 'demobilising',
  returned: 'standby',
  cancelled: 'alert',
}

const orderUnits = (readiness: Readiness): UnitRecord[] => [
  { ...units.lusar1, readiness },
  { ...units.recce1, readiness },
]
const stepCtx = (d: DispatchRecord, extra: Partial<DispatchStepContext> = {}): DispatchStepContext => ({
  ...ctx(),
  recipients: { ...ctx().recipients },
  units: orderUnits(UNITS_AT[d.status]),
  reason: 'Runway closed',
  ...extra,
})

describe('the dispatch machine, every step × every role', () => {
  const cells = DISPATCH_STATUSES.flatMap((from) =>
    GRID[from].split(' ').flatMap((group, t) =>
      [...group].map((letter, r) => ({
        from,
        to: DISPATCH_STATUSES[t]!,
        actor: ACTOR_NAMES[r]!,
        expected: KIND[letter as keyof typeof KIND],
      })),
    ),
  )

  it('covers all 9 × 9 × 7 cells', () => expect(cells).toHaveLength(567))

  it.each(cells)('$from → $to by $actor: $expected', ({ from, to, actor, expected }) => {
    const d = dispatchOf({ status: from })
    const result = dispatchStep(d, to, actors[actor], stepCtx(d))
    expect(result.ok ? 'ok' : result.error).toBe(expected)
  })

  it('active is every state but declined, cancelled and returned', () => {
    expect(DISPATCH_STATUSES.filter(isActiveDispatch)).toEqual([...ACTIVE_DISPATCH_STATUSES])
    expect(DISPATCH_STATUSES.filter((s) => !isActiveDispatch(s))).toEqual([
      'declined',
      'returned',
      'cancelled',
    ])
  })
})

describe('the units follow the order', () => {
  // [order from, order to, units before, units after, rungs audited per unit]
  const FOLLOWING: [DispatchStatus, DispatchStatus, Readiness, Readiness, number][] = [
    ['offered', 'accepted', 'alert', 'mobilising', 1],
    ['offered', 'accepted', 'standby', 'mobilising', 3],
    ['offered', 'declined', 'alert', 'alert', 0],
    ['offered', 'cancelled', 'alert', 'alert', 0],
    ['accepted', 'in_transit', 'mobilising', 'in_transit', 1],
    ['ordered', 'in_transit', 'mobilising', 'in_transit', 1],
    ['in_transit', 'arrived', 'in_transit', 'operational', 1],
    ['arrived', 'released', 'operational', 'demobilising', 1],
    ['released', 'returned', 'demobilising', 'standby', 2], // through returning
    ['released', 'returned', 'returning', 'standby', 1], // the dispatcher marked it returning by hand
    ['accepted', 'cancelled', 'mobilising', 'alert', 1],
    ['ordered', 'cancelled', 'mobilising', 'alert', 1],
    ['in_transit', 'cancelled', 'in_transit', 'returning', 1], // turned back
  ]

  it.each(FOLLOWING)('%s → %s: units %s → %s, %i rung(s) each', (from, to, before, after, rungs) => {
    const d = dispatchOf({ status: from })
    const actor = ['accepted', 'declined', 'released'].includes(to) ? actors.sabaTeam : actors.usar
    const result = dispatchStep(d, to, actor, stepCtx(d, { units: orderUnits(before) }))
    if (!result.ok) throw new Error(result.message.code)
    const changed = before === after ? [] : ['u-lusar1', 'u-recce1']
    expect(result.units.map((u) => u.unitId)).toEqual(changed)
    for (const u of result.units) {
      expect(u.guard).toEqual({ readiness: before, version: 4 })
      expect(u.patch).toEqual({ readiness: after, readinessAt: NOW, version: 5 })
    }
    const rungEvents = result.events.filter((e) => e.action === 'hrc.unit.readiness')
    expect(rungEvents).toHaveLength(2 * rungs)
    for (const e of rungEvents) {
      expect(ladderStep(e.before!.readiness as Readiness, e.after!.readiness as Readiness)).toBeDefined()
      expect(e.after).toMatchObject({ dispatch: 'disp-1' })
    }
  })

  it('FOLLOWS says: accepted or ordered → mobilising, in transit, arrived → operational, released → demobilising, returned → standby', () => {
    expect(FOLLOWS).toEqual({
      ordered: 'mobilising',
      accepted: 'mobilising',
      in_transit: 'in_transit',
      arrived: 'operational',
      released: 'demobilising',
      returned: 'standby',
    })
  })

  it('the units’ location follows too: on the island once arrived, at their base once returned', () => {
    const d = dispatchOf({ island: 'SA' })
    const table: [DispatchStatus, string | undefined][] = [
      ['arrived', 'SA'],
      ['returned', 'NL'],
      ...DISPATCH_STATUSES.filter((s) => s !== 'arrived' && s !== 'returned').map(
        (s) => [s, undefined] as [DispatchStatus, undefined],
      ),
    ]
    for (const [to, where] of table) expect(followingLocation(to, d, { base: 'NL' }), to).toBe(where)
  })

  it('a unit out of step refuses the order’s step, and nothing is written', () => {
    const d = dispatchOf({ status: 'accepted' })
    const result = dispatchStep(
      d,
      'in_transit',
      actors.usar,
      stepCtx(d, { units: orderUnits('unavailable') }),
    )
    expect(result).toMatchObject({
      error: 'conflict',
      message: { code: 'hrc.dispatch.unitOutOfStep', params: { unit: 'LUSAR-1', status: 'unavailable' } },
    })
  })
})

describe('a step decided', () => {
  it('arrival recorded by the dispatcher is kept as on the island’s behalf, and the island is told', () => {
    const d = dispatchOf({ status: 'in_transit' })
    const result = dispatchStep(d, 'arrived', actors.usar, stepCtx(d))
    if (!result.ok) throw new Error(result.message.code)
    expect(result.patch).toEqual({ status: 'arrived', statusAt: NOW, version: 3, onBehalf: true })
    expect(result.guard).toEqual({ status: 'in_transit', version: 2 })
    expect(result.events[0]).toMatchObject({
      action: 'hrc.dispatch.arrived',
      entity: 'hrc_dispatch',
      before: { status: 'in_transit', version: 2, island: 'SA' },
      after: { status: 'arrived', version: 3, island: 'SA', onBehalf: true },
    })
    expect(result.mails.map((m) => m.to)).toEqual([
      'eot@saba.example',
      'joost@usar.example',
      'rita@usar.example',
      'locc@ccpm.example',
    ])
  })

  it('arrival confirmed by the island: not on behalf; the leaders, coordinators and dispatchers are told', () => {
    const d = dispatchOf({ status: 'in_transit' })
    const result = dispatchStep(d, 'arrived', actors.sabaTeam, stepCtx(d))
    if (!result.ok) throw new Error(result.message.code)
    expect(result.patch.onBehalf).toBe(false)
    expect(result.mails.map((m) => [m.to, m.locale])).toEqual([
      ['joost@usar.example', 'nl'],
      ['rita@usar.example', 'en'],
      ['locc@ccpm.example', 'nl'],
      ['dispatch@usar.example', 'nl'],
    ])
    expect(result.mails[0]!.message).toEqual({
      code: 'hrc.mail.dispatch.step',
      params: {
        island: 'SA',
        units: ['LUSAR-1', 'RECCE-1'],
        etd: d.etd,
        eta: d.eta,
        zone: 'America/Kralendijk',
        transport: 'military_airlift',
        carrier: 'RNLAF KDC-10',
        status: 'arrived',
        by: 'EOT Saba',
        at: NOW,
        onBehalf: false,
        reason: null,
        cause: null,
        url: 'https://ccpm.example/hrc/dispatches/disp-1',
      },
    })
  })

  it('declining and cancelling need a reason, kept on the order', () => {
    const d = dispatchOf()
    expect(dispatchStep(d, 'declined', actors.sabaTeam, stepCtx(d, { reason: '  ' }))).toEqual({
      ok: false,
      error: 'invalid',
      message: { code: 'hrc.dispatch.reasonRequired', params: {} },
      fields: { reason: { code: 'hrc.dispatch.reasonRequired', params: {} } },
    })
    const declined = dispatchStep(d, 'declined', actors.sabaTeam, stepCtx(d, { reason: ' Airport closed ' }))
    expect(declined.ok && declined.patch.reason).toBe('Airport closed')
    expect(dispatchStep(d, 'cancelled', actors.usar, stepCtx(d, { reason: null }))).toMatchObject({
      error: 'invalid',
    })
  })

  it('a stale version is a conflict that says where the order is now', () => {
    const d = dispatchOf()
    expect(dispatchStep(d, 'accepted', actors.sabaTeam, stepCtx(d, { version: 1 }))).toMatchObject({
      error: 'conflict',
      message: { code: 'hrc.dispatch.stale', params: { status: 'offered' } },
    })
  })

  it('offers as buttons what the actor may do now', () => {
    expect(allowedDispatchSteps(dispatchOf(), actors.sabaTeam)).toEqual(['accepted', 'declined'])
    expect(allowedDispatchSteps(dispatchOf(), actors.usar)).toEqual(['cancelled'])
    expect(allowedDispatchSteps(dispatchOf({ status: 'in_transit' }), actors.usar)).toEqual([
      'arrived',
      'cancelled',
    ])
    expect(allowedDispatchSteps(dispatchOf(), actors.sxmTeam)).toEqual([])
  })
})

describe('properties', () => {
  const steps = DISPATCH_STEPS.filter((r) => r.from.length > 0).map((r) => r.to)
  const who = ['sabaTeam', 'usar', 'dutyOfficer'] as const

  it('any walk through the machine moves units only by ladder steps, to where the order says', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<DispatchStatus>('offered', 'ordered'),
        fc.array(fc.tuple(fc.constantFrom(...steps), fc.constantFrom(...who)), { maxLength: 12 }),
        (start, walk) => {
          let d = dispatchOf({ status: start })
          let list = orderUnits(start === 'ordered' ? 'mobilising' : 'alert')
          for (const [to, actor] of walk) {
            const result = dispatchStep(d, to, actors[actor], { ...stepCtx(d), units: list })
            if (!result.ok) continue
            for (const e of result.events.filter((x) => x.action === 'hrc.unit.readiness'))
              expect(
                ladderStep(e.before!.readiness as Readiness, e.after!.readiness as Readiness),
              ).toBeDefined()
            d = { ...d, ...result.patch }
            list = list.map((u) => {
              const change = result.units.find((c) => c.unitId === u.id)
              if (change) expect(change.guard).toEqual({ readiness: u.readiness, version: u.version })
              return change ? { ...u, ...change.patch } : u
            })
            const expected = FOLLOWS[d.status]
            if (expected) for (const u of list) expect(u.readiness).toBe(expected)
          }
        },
      ),
    )
  })
})
