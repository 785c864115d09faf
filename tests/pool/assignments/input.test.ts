/** Reading a posted step: JSON or a form's flat fields, moments with an offset or on the island's clock, bad values per field. */
import { describe, expect, it } from 'vitest'
import { readMoment, readStep, step } from '../../../pool/assignments/index.ts'
import { actors, assignment, stepCtx } from './fixtures.ts'

const ISLAND = 'America/Kralendijk'

describe('readMoment', () => {
  it.each([
    ['epoch ms', Date.UTC(2026, 8, 6, 10, 30), Date.UTC(2026, 8, 6, 10, 30)],
    ['epoch ms as digits', String(Date.UTC(2026, 8, 6, 10, 30)), Date.UTC(2026, 8, 6, 10, 30)],
    ['ISO with Z', '2026-09-06T10:30:00Z', Date.UTC(2026, 8, 6, 10, 30)],
    ['ISO with an offset', '2026-09-06T06:30-04:00', Date.UTC(2026, 8, 6, 10, 30)],
    ['ISO with milliseconds', '2026-09-06T06:30:00.000-04:00', Date.UTC(2026, 8, 6, 10, 30)],
    ['local, island clock', '2026-09-06T06:30', Date.UTC(2026, 8, 6, 10, 30)],
    ['local with seconds', '2026-09-06T06:30:15', Date.UTC(2026, 8, 6, 10, 30, 15)],
    ['local across midnight UTC', '2026-09-06T22:00', Date.UTC(2026, 8, 7, 2, 0)],
  ])('%s', (_, value, expected) => {
    expect(readMoment(value, ISLAND)).toBe(expected)
  })

  it.each([
    ['summer in Amsterdam (UTC+2)', '2026-09-06T12:30', Date.UTC(2026, 8, 6, 10, 30)],
    ['winter in Amsterdam (UTC+1)', '2026-12-01T12:00', Date.UTC(2026, 11, 1, 11, 0)],
  ])('local on another clock: %s', (_, value, expected) => {
    expect(readMoment(value, 'Europe/Amsterdam')).toBe(expected)
  })

  it.each([
    ['a date alone', '2026-09-06'],
    ['no such day', '2026-02-30T10:00'],
    ['no such hour', '2026-09-06T24:10'],
    ['words', 'tomorrow morning'],
    ['empty', ''],
    ['not finite', Number.POSITIVE_INFINITY],
    ['an object', { at: 1 }],
    ['null', null],
  ])('%s is no moment', (_, value) => {
    expect(readMoment(value, ISLAND)).toBeUndefined()
  })
})

describe('readStep', () => {
  it('reads JSON with nested travel and confirmation', () => {
    const r = readStep(
      {
        status: 'travelling',
        version: 5,
        travel: {
          etd: '2026-09-06T10:30Z',
          eta: '2026-09-06T14:30-04:00',
          transport: 'scheduled_flight',
          reference: 'KL785',
        },
        confirmedBy: { channel: 'phone', note: 'Called' },
      },
      ISLAND,
    )
    expect(r).toEqual({
      ok: true,
      input: {
        status: 'travelling',
        version: 5,
        travel: {
          etd: Date.UTC(2026, 8, 6, 10, 30),
          eta: Date.UTC(2026, 8, 6, 18, 30),
          transport: 'scheduled_flight',
          reference: 'KL785',
        },
        confirmedBy: { channel: 'phone', note: 'Called' },
      },
    })
  })

  it("reads a form's flat fields, local times on the island's clock", () => {
    const r = readStep(
      {
        status: 'travelling',
        version: '5',
        reason: '',
        'travel.etd': '2026-09-06T06:30',
        'travel.eta': '2026-09-06T14:30',
        'travel.transport': 'ferry',
        'travel.reference': '',
        'confirmedBy.channel': '',
        'confirmedBy.note': '',
      },
      ISLAND,
    )
    expect(r).toEqual({
      ok: true,
      input: {
        status: 'travelling',
        version: 5,
        reason: '',
        travel: {
          etd: Date.UTC(2026, 8, 6, 10, 30),
          eta: Date.UTC(2026, 8, 6, 18, 30),
          transport: 'ferry',
          reference: '',
        },
      },
    })
  })

  it.each([
    ['no status', {}, ['status']],
    ['version zero', { status: 'accepted', version: 0 }, ['version']],
    ['version in words', { status: 'accepted', version: 'four' }, ['version']],
    ['version a fraction', { status: 'accepted', version: 4.5 }, ['version']],
    [
      'bad times',
      { status: 'travelling', travel: { etd: 'soon', eta: '2026-02-30T10:00', transport: 'ship' } },
      ['travel.eta', 'travel.etd'],
    ],
  ])('%s', (_, body, keys) => {
    const r = readStep(body, ISLAND)
    expect(r.ok).toBe(false)
    if (!r.ok) {
      expect(r).toMatchObject({ error: 'invalid', message: { code: 'assignment.step.invalid' } })
      expect(Object.keys(r.fields ?? {}).sort()).toEqual(keys)
    }
  })

  it('hands the machine what it reads: an unknown transport is its to refuse', () => {
    const r = readStep(
      {
        status: 'travelling',
        travel: { etd: '2026-09-06T06:30', eta: '2026-09-06T14:30', transport: 'balloon' },
      },
      ISLAND,
    )
    if (!r.ok) throw new Error('unread')
    const s = step(assignment({ status: 'accepted' }), r.input, actors.dutyOfficer, stepCtx())
    expect(s).toMatchObject({
      ok: false,
      error: 'invalid',
      fields: { 'travel.transport': { code: 'assignment.travel.transport' } },
    })
  })

  it('treats a body that is not an object as a step without status', () => {
    expect(readStep('offered', ISLAND)).toMatchObject({
      ok: false,
      fields: { status: { code: 'assignment.step.unknown' } },
    })
  })
})
