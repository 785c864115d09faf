/** The readiness ladder as a table (every from × to × role), under dispatch, versions, events, mails, and its properties. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  allowedSteps,
  CYCLE,
  climb,
  LADDER_STEPS,
  ladderStep,
  type StepContext,
  step,
  UP_LADDER,
} from '../../../pool/hrc/index.ts'
import { ACTIVE_DISPATCH_STATUSES, READINESS, type Readiness } from '../../../pool/reference/index.ts'
import { ACTOR_NAMES, actors, ctx, NOW, units } from './fixtures.ts'

const KIND = { O: 'ok', N: 'not_found', F: 'forbidden', C: 'conflict', I: 'invalid' } as const

// One row per current readiness; one group per target, in the order of READINESS (standby pre_alert
// alert mobilising in_transit operational demobilising returning unavailable); one letter per actor,
// in the order of ACTOR_NAMES: Saba's team, Sint Maarten's team, coordinator, dispatcher, observer,
// functionary, admin. A unit in no dispatch. The coordinator works standby ↔ pre-alert ↔ alert only.
//                          standby pre_al. alert   mobil.  in_tr.  operat. demob.  return. unavail.
const GRID: Record<Readiness, string> = {
  standby: /*      */ 'NNCCFNN NNOOFNN NNCCFNN NNCCFNN NNCCFNN NNCCFNN NNCCFNN NNCCFNN NNFOFNN',
  pre_alert: /*    */ 'NNOOFNN NNCCFNN NNOOFNN NNCCFNN NNCCFNN NNCCFNN NNCCFNN NNCCFNN NNCCFNN',
  alert: /*        */ 'NNOOFNN NNOOFNN NNCCFNN NNFOFNN NNCCFNN NNCCFNN NNCCFNN NNCCFNN NNCCFNN',
  mobilising: /*   */ 'NNFOFNN NNCCFNN NNFOFNN NNCCFNN NNFOFNN NNCCFNN NNCCFNN NNCCFNN NNCCFNN',
  in_transit: /*   */ 'NNCCFNN NNCCFNN NNCCFNN NNCCFNN NNCCFNN NNFOFNN NNCCFNN NNFOFNN NNCCFNN',
  operational: /*  */ 'NNCCFNN NNCCFNN NNCCFNN NNCCFNN NNCCFNN NNCCFNN NNFOFNN NNCCFNN NNCCFNN',
  demobilising: /* */ 'NNCCFNN NNCCFNN NNCCFNN NNCCFNN NNCCFNN NNCCFNN NNCCFNN NNFOFNN NNCCFNN',
  returning: /*    */ 'NNFOFNN NNCCFNN NNCCFNN NNCCFNN NNCCFNN NNCCFNN NNCCFNN NNCCFNN NNCCFNN',
  unavailable: /*  */ 'NNFOFNN NNCCFNN NNCCFNN NNCCFNN NNCCFNN NNCCFNN NNCCFNN NNCCFNN NNCCFNN',
}

const stepCtx = (extra: Partial<StepContext> = {}): StepContext => ({ ...ctx(), dispatch: null, ...extra })

describe('the ladder, every step × every role (no dispatch)', () => {
  const cells = READINESS.flatMap((from) =>
    GRID[from].split(' ').flatMap((group, t) =>
      [...group].map((letter, r) => ({
        from,
        to: READINESS[t]!,
        actor: ACTOR_NAMES[r]!,
        expected: KIND[letter as keyof typeof KIND],
      })),
    ),
  )

  it('covers all 9 × 9 × 7 cells', () => expect(cells).toHaveLength(567))

  it.each(cells)('$from → $to by $actor: $expected', ({ from, to, actor, expected }) => {
    const unit = { ...units.lusar1, readiness: from }
    const result = step(unit, to, actors[actor], stepCtx())
    expect(result.ok ? 'ok' : result.error).toBe(expected)
  })

  it('the table in the code and the grid agree: an ok cell for the dispatcher is exactly a LADDER_STEPS row', () => {
    for (const from of READINESS)
      for (const to of READINESS) {
        const ok = step({ ...units.lusar1, readiness: from }, to, actors.usar, stepCtx()).ok
        expect(ok, `${from} → ${to}`).toBe(ladderStep(from, to) !== undefined)
      }
  })
})

describe('a unit in an active dispatch', () => {
  it.each(ACTIVE_DISPATCH_STATUSES)(
    'under a %s order no hand step is allowed but demobilising → returning when released',
    (status) => {
      for (const rule of LADDER_STEPS) {
        const unit = { ...units.lusar1, readiness: rule.from }
        const result = step(unit, rule.to, actors.usar, stepCtx({ dispatch: { id: 'd1', status } }))
        const allowed = status === 'released' && rule.from === 'demobilising' && rule.to === 'returning'
        expect(result.ok ? 'ok' : result.message.code, `${rule.from} → ${rule.to}`).toBe(
          allowed ? 'ok' : 'hrc.ladder.inDispatch',
        )
      }
    },
  )
})

describe('a step decided', () => {
  it('is refused when the unit changed since the actor saw it', () => {
    const result = step(units.lusar1, 'pre_alert', actors.usar, stepCtx({ version: 3 }))
    expect(result).toEqual({
      ok: false,
      error: 'conflict',
      message: { code: 'hrc.ladder.stale', params: { unit: 'LUSAR-1', status: 'standby' } },
    })
  })

  it('returns the guarded patch, one timestamped event and mails to the leader (in Dutch) and the coordinators', () => {
    const result = step(units.lusar1, 'pre_alert', actors.usar, stepCtx({ version: 4 }))
    if (!result.ok) throw new Error(result.message.code)
    expect(result.units).toEqual([
      {
        unitId: 'u-lusar1',
        guard: { readiness: 'standby', version: 4 },
        patch: { readiness: 'pre_alert', readinessAt: NOW, version: 5 },
      },
    ])
    expect(result.events).toEqual([
      {
        id: 'id1',
        at: NOW,
        actorId: 'u-usar',
        actorLabel: 'Bart Bakker',
        action: 'hrc.unit.readiness',
        entity: 'hrc_unit',
        entityId: 'u-lusar1',
        before: { code: 'LUSAR-1', readiness: 'standby' },
        after: { code: 'LUSAR-1', readiness: 'pre_alert' },
      },
    ])
    const message = {
      code: 'hrc.mail.readiness',
      params: {
        by: 'Bart Bakker',
        at: NOW,
        units: ['LUSAR-1'],
        names: ['Light USAR team 1'],
        from: ['standby'],
        to: ['pre_alert'],
        threat: null,
        url: 'https://ccpm.example/hrc',
      },
    }
    expect(result.mails).toEqual([
      { to: 'joost@usar.example', locale: 'nl', message },
      { to: 'locc@ccpm.example', locale: 'nl', message },
    ])
  })

  it('a coordinator raising a unit tells the dispatchers too; a leader unknown to the system reads English', () => {
    const result = step(units.recce1, 'pre_alert', actors.dutyOfficer, stepCtx())
    if (!result.ok) throw new Error(result.message.code)
    expect(result.mails.map((m) => [m.to, m.locale])).toEqual([
      ['rita@usar.example', 'en'],
      ['locc@ccpm.example', 'nl'],
      ['dispatch@usar.example', 'nl'],
    ])
  })

  it('a unit without a leader mails the coordinators only', () => {
    const result = step(units.lusar2, 'pre_alert', actors.usar, stepCtx())
    expect(result.ok && result.mails.map((m) => m.to)).toEqual(['locc@ccpm.example'])
  })

  it('an unknown readiness is invalid, with the value it got', () => {
    const result = step(units.lusar1, 'ready' as Readiness, actors.usar, stepCtx())
    expect(result).toMatchObject({
      error: 'invalid',
      message: { code: 'hrc.ladder.unknown', params: { value: 'ready' } },
    })
  })

  it('offers as buttons exactly the steps the actor may take', () => {
    expect(allowedSteps({ ...units.lusar1, readiness: 'alert' }, actors.usar, null)).toEqual([
      'mobilising',
      'pre_alert',
      'standby',
    ])
    expect(allowedSteps({ ...units.lusar1, readiness: 'alert' }, actors.dutyOfficer, null)).toEqual([
      'pre_alert',
      'standby',
    ])
    expect(allowedSteps(units.lusar1, actors.ministry, null)).toEqual([])
    expect(
      allowedSteps({ ...units.lusar1, readiness: 'alert' }, actors.usar, { id: 'd', status: 'accepted' }),
    ).toEqual([])
  })
})

describe('climbing several rungs (applying a proposal)', () => {
  it('standby → mobilising writes once and audits each of the three rungs', () => {
    const result = climb(units.lusar1, 'mobilising', actors.usar, { threat: 't1' }, stepCtx())
    if (!result.ok) throw new Error(result.message.code)
    expect(result.units.map((u) => u.patch)).toEqual([
      { readiness: 'mobilising', readinessAt: NOW, version: 5 },
    ])
    expect(result.events.map((e) => [e.before?.readiness, e.after?.readiness, e.after?.threat])).toEqual([
      ['standby', 'pre_alert', 't1'],
      ['pre_alert', 'alert', 't1'],
      ['alert', 'mobilising', 't1'],
    ])
    expect(result.mails.filter((m) => m.to === 'joost@usar.example')).toHaveLength(1)
  })

  it('a coordinator may climb to alert but not to mobilising (the last rung is the dispatcher’s)', () => {
    expect(climb(units.lusar1, 'alert', actors.dutyOfficer, {}, stepCtx()).ok).toBe(true)
    expect(climb(units.lusar1, 'mobilising', actors.dutyOfficer, {}, stepCtx())).toMatchObject({
      error: 'forbidden',
      message: { code: 'hrc.ladder.forbidden', params: { from: 'alert', to: 'mobilising' } },
    })
  })

  it('never steps down, and never moves a unit off the way up', () => {
    expect(climb(units.lusar2, 'pre_alert', actors.usar, {}, stepCtx())).toMatchObject({
      error: 'conflict',
      message: { code: 'hrc.ladder.notRaise' },
    })
    expect(climb(units.comms1, 'alert', actors.usar, {}, stepCtx())).toMatchObject({
      message: { code: 'hrc.ladder.notRaise', params: { from: 'unavailable' } },
    })
  })
})

const rank = (r: Readiness) => (CYCLE as readonly Readiness[]).indexOf(r)

describe('properties', () => {
  it('a hand never skips a rung upward: every accepted step is a table row, one rung up or a stand-down', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...READINESS), fc.constantFrom('usar', 'dutyOfficer' as const)), {
          maxLength: 40,
        }),
        (attempts) => {
          let unit = units.lusar1
          for (const [to, who] of attempts) {
            const result = step(unit, to, actors[who], stepCtx())
            if (!result.ok) continue
            const from = unit.readiness
            expect(ladderStep(from, to)).toBeDefined()
            if (rank(to) > rank(from) && from !== 'unavailable' && to !== 'unavailable')
              expect(rank(to)).toBe(rank(from) + 1)
            expect(result.events).toHaveLength(1)
            expect(result.events[0]!.before).toMatchObject({ readiness: from })
            expect(result.events[0]!.after).toMatchObject({ readiness: to })
            unit = { ...unit, ...result.units[0]!.patch }
          }
        },
      ),
    )
  })

  it('a climb audits every rung between, each a table row, and writes the unit once', () => {
    fc.assert(
      fc.property(fc.constantFrom(...UP_LADDER), fc.constantFrom(...UP_LADDER), (from, to) => {
        fc.pre(rank(to) > rank(from))
        const result = climb({ ...units.lusar1, readiness: from }, to, actors.usar, {}, stepCtx())
        if (!result.ok) throw new Error(result.message.code)
        expect(result.events).toHaveLength(rank(to) - rank(from))
        for (const e of result.events)
          expect(ladderStep(e.before!.readiness as Readiness, e.after!.readiness as Readiness)).toBeDefined()
        expect(result.units).toHaveLength(1)
        expect(result.units[0]!.patch.readiness).toBe(to)
      }),
    )
  })
})
