/** HRC units: input rules with coded field errors, the code made from the type, creation and edits. */
import { describe, expect, it } from 'vitest'
import { createUnit, editUnit, makeUnitCode, parseUnit, type UnitInput } from '../../../pool/hrc/index.ts'
import { actors, ids, NOW, units } from './fixtures.ts'

const good = {
  name: 'Light USAR team 3',
  type: 'light_usar',
  people: 18,
  leader: { name: 'Joost Jansen', phone: '+31 6 1234 5678', email: 'Joost@USAR.example' },
  weightKg: 4200.5,
  volumeM3: '32,5',
  selfSufficientDays: 10,
  base: 'NL',
}

function valid(raw: unknown): UnitInput {
  const result = parseUnit(raw)
  if (!result.ok) throw new Error(JSON.stringify(result.errors))
  return result.value
}

describe('unit input', () => {
  it('reads a unit; location defaults to the base, islands to all six; a Dutch decimal comma reads', () => {
    expect(valid(good)).toEqual({
      name: 'Light USAR team 3',
      code: null,
      type: 'light_usar',
      people: 18,
      leader: { name: 'Joost Jansen', phone: '+31 6 1234 5678', email: 'joost@usar.example' },
      weightKg: 4200.5,
      volumeM3: 32.5,
      selfSufficientDays: 10,
      base: 'NL',
      location: 'NL',
      islands: ['AW', 'CW', 'SX', 'BO', 'SE', 'SA'],
      notes: '',
    })
  })

  it('reads the leader from a form’s flat fields, and islands in reference order', () => {
    const { leader: _, ...rest } = good
    const value = valid({
      ...rest,
      'leader.name': 'Rita Rojer',
      'leader.phone': '',
      'leader.email': 'rita@usar.example',
      islands: ['SA', 'SX', 'SE'],
      location: 'CW',
      code: 'lusar-9',
    })
    expect(value).toMatchObject({
      leader: { name: 'Rita Rojer', phone: '', email: 'rita@usar.example' },
      islands: ['SX', 'SE', 'SA'],
      location: 'CW',
      code: 'LUSAR-9',
    })
    expect(valid({ ...rest, 'leader.name': '', 'leader.email': '' }).leader).toBeNull()
  })

  it('gives a coded message per bad field', () => {
    const result = parseUnit({
      name: '',
      code: '9-lives',
      type: 'heavy_usar',
      people: 0,
      leader: { name: 'X', email: 'not-an-address', phone: 'call me' },
      weightKg: -1,
      volumeM3: 'lots',
      selfSufficientDays: 2.5,
      base: 'XX',
      islands: ['SA', 'NL'],
      notes: 'n'.repeat(2001),
    })
    expect(result).toEqual({
      ok: false,
      errors: {
        name: { code: 'hrc.field.required', params: {} },
        code: { code: 'hrc.unit.codeShape', params: {} },
        type: { code: 'hrc.field.unknown', params: { value: 'heavy_usar' } },
        people: { code: 'hrc.field.whole', params: { min: 1, max: 500 } },
        'leader.phone': { code: 'hrc.field.phone', params: {} },
        'leader.email': { code: 'hrc.field.email', params: {} },
        weightKg: { code: 'hrc.field.number', params: { min: 0, max: 200_000 } },
        volumeM3: { code: 'hrc.field.number', params: { min: 0, max: 2_000 } },
        selfSufficientDays: { code: 'hrc.field.whole', params: { min: 0, max: 60 } },
        base: { code: 'hrc.field.unknown', params: { value: 'XX' } },
        islands: { code: 'hrc.field.unknownCodes', params: { codes: ['NL'] } },
        notes: { code: 'hrc.field.tooLong', params: { max: 2000, length: 2001 } },
      },
    })
  })

  it('an edit may send only what changes; the rest keeps its value', () => {
    const result = parseUnit({ location: 'SX', people: '16' }, units.lusar1)
    expect(result).toMatchObject({
      ok: true,
      value: { code: 'LUSAR-1', location: 'SX', people: 16, leader: units.lusar1.leader },
    })
  })
})

describe('the code made from the type', () => {
  it('is the next number after the highest of its prefix, never reusing a gap', () => {
    expect(makeUnitCode('light_usar', [])).toBe('LUSAR-1')
    expect(makeUnitCode('light_usar', ['LUSAR-1', 'lusar-3', 'RECCE-7', 'HRC-USAR-L1'])).toBe('LUSAR-4')
    expect(makeUnitCode('water_purification', ['WATER-2'])).toBe('WATER-3')
    expect(makeUnitCode('command_liaison', ['CMD-10'])).toBe('CMD-11')
  })
})

describe('creating and editing', () => {
  it('a new unit is on standby at version 1, with its code made when none is given, and an event', () => {
    const result = createUnit(valid(good), actors.usar, {
      now: NOW,
      newId: ids('u'),
      existingCodes: ['LUSAR-1', 'LUSAR-2'],
    })
    if (!result.ok) throw new Error(result.message.code)
    expect(result.unit).toMatchObject({
      id: 'u1',
      code: 'LUSAR-3',
      readiness: 'standby',
      readinessAt: null,
      version: 1,
    })
    expect(result.event).toMatchObject({
      action: 'hrc.unit.created',
      entity: 'hrc_unit',
      entityId: 'u1',
      after: { code: 'LUSAR-3', readiness: 'standby', people: 18 },
    })
  })

  it('a code in use is a field error; only the dispatcher keeps units', () => {
    const ctx = { now: NOW, newId: ids(), existingCodes: ['LUSAR-9'] }
    expect(createUnit({ ...valid(good), code: 'LUSAR-9' }, actors.usar, ctx)).toEqual({
      ok: false,
      error: 'invalid',
      message: { code: 'hrc.unit.codeTaken', params: { code: 'LUSAR-9' } },
      fields: { code: { code: 'hrc.unit.codeTaken', params: { code: 'LUSAR-9' } } },
    })
    expect(createUnit(valid(good), actors.dutyOfficer, ctx)).toMatchObject({ error: 'forbidden' })
    expect(createUnit(valid(good), actors.ministry, ctx)).toMatchObject({ error: 'forbidden' })
    expect(createUnit(valid(good), actors.sabaTeam, ctx)).toMatchObject({ error: 'not_found' })
  })

  it('an edit patches only what changed, with before and after in its event; nothing changed writes nothing', () => {
    const input = parseUnit({ location: 'SX', notes: 'Kit on pallets at Eindhoven' }, units.lusar1)
    if (!input.ok) throw new Error('invalid')
    const ctx = { now: NOW, newId: ids(), existingCodes: ['LUSAR-1'], version: 4 }
    const result = editUnit(units.lusar1, input.value, actors.usar, ctx)
    expect(result).toMatchObject({
      ok: true,
      patch: { location: 'SX', notes: 'Kit on pallets at Eindhoven', version: 5 },
      event: {
        action: 'hrc.unit.updated',
        before: { code: 'LUSAR-1', location: 'NL', notes: '' },
        after: { code: 'LUSAR-1', location: 'SX', notes: 'Kit on pallets at Eindhoven' },
      },
    })
    const same = parseUnit({}, units.lusar1)
    expect(same.ok && editUnit(units.lusar1, same.value, actors.usar, ctx)).toEqual({
      ok: true,
      patch: null,
      event: null,
    })
    expect(editUnit(units.lusar1, input.value, actors.usar, { ...ctx, version: 3 })).toMatchObject({
      error: 'conflict',
      message: { code: 'hrc.unit.stale' },
    })
  })
})
