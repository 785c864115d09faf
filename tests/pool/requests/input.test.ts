/** Validation of request input, one rule per row, and the form fields that turn into the same JSON shape. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formToRequestInput, parseRequestInput, rowKind } from '../../../pool/requests/index.ts'
import { actors, ref } from '../../fixtures/requests.ts'
import { english, englishFields } from '../../helpers/english.ts'

/** What Saba's team posts to POST /api/v1/requests. */
const sabaBody = () => ({
  title: 'Information management after Hurricane Erin',
  situation: 'Two of our three information managers are affected themselves.',
  phase: 'warm',
  priority: 'urgent',
  periodStart: '2026-09-06',
  periodEnd: '2026-09-20',
  incidentId: 'inc-erin',
  needs: [
    { kind: 'functionary', role: 'information_manager', count: 2, minLevel: 'qualified', languages: ['en'] },
    { kind: 'capacity', unitType: 'reconnaissance', count: 1 },
    { kind: 'other', description: 'Generator fuel', quantity: 2 },
  ] as Record<string, unknown>[],
})

const saba = { ...actors.sabaTeam, contact: 'eot@saba.example' }

/** The codes of the refused fields. */
function codesOf(body: unknown, actor: Parameters<typeof parseRequestInput>[2] = saba) {
  const result = parseRequestInput(body, ref, actor)
  return result.ok ? {} : Object.fromEntries(Object.entries(result.errors).map(([k, m]) => [k, m.code]))
}

/** The same refusals as an English reader sees them. */
function errorsOf(body: unknown, actor: Parameters<typeof parseRequestInput>[2] = saba) {
  const result = parseRequestInput(body, ref, actor)
  return result.ok ? {} : englishFields(result.errors)
}

/** The code each row of "one message per field" is refused with. */
const CODE: Record<string, string> = {
  'title missing': 'requests.title.required',
  'title of 201 characters': 'field.tooLong',
  'situation over 5,000': 'field.tooLong',
  'phase unknown': 'requests.phase.choose',
  'priority unknown': 'requests.priority.choose',
  'start not a date': 'field.date',
  'start not a real day': 'field.date',
  'end before start': 'field.endBeforeStart',
  'unknown incident': 'requests.incident.choose',
  'contact over 500': 'field.tooLong',
  'needs not a list': 'requests.needs.notList',
  '51 needs': 'requests.needs.tooMany',
  'a need not an object': 'requests.need.notObject',
  'a need of unknown kind': 'requests.need.kind',
  'unknown role': 'requests.need.unknownRole',
  'role missing': 'requests.need.role',
  'count 0': 'requests.need.countPeople',
  'count 501': 'requests.need.countPeople',
  'count 2.5': 'requests.need.countPeople',
  'count "two"': 'requests.need.countPeople',
  'level unknown': 'requests.need.minLevel',
  'language unknown': 'field.unknownCodes',
  'preferred unknown': 'field.unknownCodes',
  'languages not strings': 'field.codeList',
  'remoteOk not yes/no': 'field.yesNo',
  'need end before its start': 'field.endBeforeStart',
  'need starts before the request': 'requests.need.outsidePeriod',
  'need ends after the request': 'requests.need.outsidePeriod',
  'need date not real': 'field.date',
  'notes over 2,000': 'field.tooLong',
  'unknown unit type': 'requests.need.unknownUnitType',
  'capacity count 0': 'requests.need.countUnits',
  'other without description': 'requests.need.description',
  'other quantity 0': 'requests.need.quantity',
}

describe('a valid request', () => {
  it('parses with defaults filled in and the contact taken from the account', () => {
    const result = parseRequestInput(sabaBody(), ref, saba)
    expect(result).toEqual({
      ok: true,
      value: {
        island: 'SA',
        onBehalf: false,
        title: 'Information management after Hurricane Erin',
        situation: 'Two of our three information managers are affected themselves.',
        phase: 'warm',
        priority: 'urgent',
        periodStart: '2026-09-06',
        periodEnd: '2026-09-20',
        incidentId: 'inc-erin',
        contact: 'eot@saba.example',
        needs: [
          {
            kind: 'functionary',
            role: 'information_manager',
            count: 2,
            minLevel: 'qualified',
            languages: ['en'],
            preferredLanguages: [],
            remoteOk: false,
            periodStart: null,
            periodEnd: null,
            notes: '',
          },
          { kind: 'capacity', unitType: 'reconnaissance', count: 1, notes: '' },
          { kind: 'other', description: 'Generator fuel', quantity: 2 },
        ],
      },
    })
  })

  it('a draft may have no needs yet (submitting asks for one)', () => {
    expect(parseRequestInput({ ...sabaBody(), needs: [] }, ref, saba).ok).toBe(true)
    expect(parseRequestInput({ ...sabaBody(), needs: undefined }, ref, saba).ok).toBe(true)
  })

  it('keeps a typed contact, and drops from the preferred languages those already required', () => {
    const body = sabaBody()
    body.needs[0] = { ...body.needs[0], languages: ['en', 'nl'], preferredLanguages: ['nl', 'pap', 'pap'] }
    const result = parseRequestInput({ ...body, contact: ' +599 416 3311 ' }, ref, saba)
    if (!result.ok) throw new Error(JSON.stringify(result.errors))
    expect(result.value.contact).toBe('+599 416 3311')
    expect(result.value.needs[0]).toMatchObject({ languages: ['en', 'nl'], preferredLanguages: ['pap'] })
  })
})

type Mutation = (body: ReturnType<typeof sabaBody>) => unknown
const need0 =
  (patch: Record<string, unknown>): Mutation =>
  (b) => ({ ...b, needs: [{ ...b.needs[0], ...patch }] })

describe('a draft needs only a title', () => {
  it('parses a title alone: the rest empty, phase and priority as the form preselects them', () => {
    const result = parseRequestInput({ title: 'Shelter managers for Saba' }, ref, saba)
    expect(result).toEqual({
      ok: true,
      value: {
        island: 'SA',
        onBehalf: false,
        title: 'Shelter managers for Saba',
        situation: '',
        phase: 'warm',
        priority: 'high',
        periodStart: '',
        periodEnd: '',
        incidentId: null,
        contact: 'eot@saba.example',
        needs: [],
      },
    })
  })

  it('keeps one date without the other, and still checks what is given', () => {
    const start = parseRequestInput({ title: 'x', periodStart: '2026-09-06' }, ref, saba)
    expect(start.ok && [start.value.periodStart, start.value.periodEnd]).toEqual(['2026-09-06', ''])
    expect(codesOf({ title: 'x', periodEnd: '31-09-2026', phase: 'hot' })).toEqual({
      periodEnd: 'field.date',
      phase: 'requests.phase.choose',
    })
    expect(codesOf({ situation: 'No title yet' })).toEqual({ title: 'requests.title.required' })
  })

  it('checks a need against the period only once the period is given', () => {
    const need = { ...sabaBody().needs[0], periodStart: '2026-08-01' }
    expect(codesOf({ title: 'x', needs: [need] })).toEqual({})
    expect(codesOf({ ...sabaBody(), needs: [need] })).toEqual({
      'needs.0.periodStart': 'requests.need.outsidePeriod',
    })
  })
})

describe('one message per field', () => {
  it.each<[string, Mutation, string, RegExp]>([
    ['title missing', (b) => ({ ...b, title: '  ' }), 'title', /title/],
    ['title of 201 characters', (b) => ({ ...b, title: 'x'.repeat(201) }), 'title', /200 characters/],
    [
      'situation over 5,000',
      (b) => ({ ...b, situation: 'x'.repeat(5001) }),
      'situation',
      /5,000 characters \(now 5,001\)/,
    ],
    ['phase unknown', (b) => ({ ...b, phase: 'hot' }), 'phase', /warm .* or cold/],
    ['priority unknown', (b) => ({ ...b, priority: 'URGENT' }), 'priority', /urgent, high or normal/],
    ['start not a date', (b) => ({ ...b, periodStart: '6-9-2026' }), 'periodStart', /YYYY-MM-DD/],
    ['start not a real day', (b) => ({ ...b, periodStart: '2026-02-30' }), 'periodStart', /YYYY-MM-DD/],
    ['end before start', (b) => ({ ...b, periodEnd: '2026-09-05' }), 'periodEnd', /cannot be before/],
    ['unknown incident', (b) => ({ ...b, incidentId: 'inc-old' }), 'incidentId', /open incident/],
    ['contact over 500', (b) => ({ ...b, contact: 'x'.repeat(501) }), 'contact', /500 characters/],
    ['needs not a list', (b) => ({ ...b, needs: 'two IMs' }), 'needs', /list/],
    ['51 needs', (b) => ({ ...b, needs: Array(51).fill(b.needs[2]) }), 'needs', /at most 50/],
    ['a need not an object', (b) => ({ ...b, needs: ['IM'] }), 'needs.0', /object/],
    [
      'a need of unknown kind',
      need0({ kind: 'person' }),
      'needs.0.kind',
      /functionary, HRC capacity or other/,
    ],
    ['unknown role', need0({ role: 'astronaut' }), 'needs.0.role', /Unknown role "astronaut"/],
    ['role missing', need0({ role: undefined }), 'needs.0.role', /Choose a role/],
    ['count 0', need0({ count: 0 }), 'needs.0.count', /1 to 500/],
    ['count 501', need0({ count: 501 }), 'needs.0.count', /1 to 500/],
    ['count 2.5', need0({ count: 2.5 }), 'needs.0.count', /whole number/],
    ['count "two"', need0({ count: 'two' }), 'needs.0.count', /whole number/],
    ['level unknown', need0({ minLevel: 'expert' }), 'needs.0.minLevel', /trainee, qualified or senior/],
    ['language unknown', need0({ languages: ['en', 'xx'] }), 'needs.0.languages', /Unknown language: xx/],
    ['preferred unknown', need0({ preferredLanguages: ['kl'] }), 'needs.0.preferredLanguages', /kl/],
    ['languages not strings', need0({ languages: [1] }), 'needs.0.languages', /list of language codes/],
    ['remoteOk not yes/no', need0({ remoteOk: 'maybe' }), 'needs.0.remoteOk', /yes or no/],
    [
      'need end before its start',
      need0({ periodStart: '2026-09-10', periodEnd: '2026-09-08' }),
      'needs.0.periodEnd',
      /before/,
    ],
    [
      'need starts before the request',
      need0({ periodStart: '2026-09-01' }),
      'needs.0.periodStart',
      /within the request's period, 6–20 Sep 2026/,
    ],
    ['need ends after the request', need0({ periodEnd: '2026-09-30' }), 'needs.0.periodEnd', /within/],
    ['need date not real', need0({ periodEnd: '2026-09-31' }), 'needs.0.periodEnd', /YYYY-MM-DD/],
    ['notes over 2,000', need0({ notes: 'x'.repeat(2001) }), 'needs.0.notes', /2,000/],
    [
      'unknown unit type',
      (b) => ({ ...b, needs: [{ kind: 'capacity', unitType: 'tank', count: 1 }] }),
      'needs.0.unitType',
      /Unknown HRC unit type "tank"/,
    ],
    [
      'capacity count 0',
      (b) => ({ ...b, needs: [{ kind: 'capacity', unitType: 'medical', count: 0 }] }),
      'needs.0.count',
      /units/,
    ],
    [
      'other without description',
      (b) => ({ ...b, needs: [{ kind: 'other', quantity: 1 }] }),
      'needs.0.description',
      /Describe/,
    ],
    [
      'other quantity 0',
      (b) => ({ ...b, needs: [{ kind: 'other', description: 'Fuel', quantity: 0 }] }),
      'needs.0.quantity',
      /quantity/,
    ],
  ])('%s → %s', (name, mutate, key, message) => {
    expect(codesOf(mutate(sabaBody()))).toEqual({ [key]: CODE[name] })
    const errors = errorsOf(mutate(sabaBody()))
    expect(Object.keys(errors)).toEqual([key])
    expect(errors[key]).toMatch(message)
  })

  it('reports every bad field at once, keyed by the need’s position', () => {
    const body = sabaBody()
    body.needs = [body.needs[0]!, { kind: 'functionary', count: 0, minLevel: 'qualified' }]
    expect(Object.keys(errorsOf({ ...body, title: '' })).sort()).toEqual([
      'needs.1.count',
      'needs.1.role',
      'title',
    ])
  })

  it('refuses a body that is not an object', () => {
    expect(codesOf('title=x')).toEqual({ request: 'requests.notObject' })
    expect(errorsOf('title=x')).toEqual({ request: 'Send the request as an object of fields.' })
    expect(errorsOf([sabaBody()])).toHaveProperty('request')
  })

  it('accepts counts typed as digits, as a form sends them', () => {
    const result = parseRequestInput(need0({ count: ' 3 ' })(sabaBody()), ref, saba)
    expect(result.ok && result.value.needs[0]).toMatchObject({ count: 3 })
  })
})

describe('whose island', () => {
  it.each<[string, Parameters<typeof parseRequestInput>[2], unknown, string | null, boolean]>([
    ['an island user files for their own island', saba, undefined, 'SA', false],
    ['naming their own island is fine', saba, 'SA', 'SA', false],
    ['a coordinator names the island and files on its behalf', actors.dutyOfficer, 'SX', 'SX', true],
  ])('%s', (_, actor, island, expected, onBehalf) => {
    const result = parseRequestInput({ ...sabaBody(), island }, ref, actor)
    expect(result.ok && [result.value.island, result.value.onBehalf]).toEqual([expected, onBehalf])
  })

  it.each<[string, Parameters<typeof parseRequestInput>[2], unknown, RegExp]>([
    ['an island user naming another island', saba, 'SX', /only for your own island/],
    ['a coordinator naming none', actors.dutyOfficer, undefined, /Choose the island/],
    ['a coordinator naming the European base', actors.dutyOfficer, 'NL', /Unknown island "NL"/],
    ['an observer', actors.ministry, 'SA', /Only island teams and coordinators/],
    ['a dispatcher', actors.usar, 'SA', /Only island teams and coordinators/],
  ])('%s is refused', (_, actor, island, message) => {
    expect(errorsOf({ ...sabaBody(), island }, actor).island).toMatch(message)
  })
})

describe('blank need rows', () => {
  it.each<[string, Record<string, unknown>, string | null]>([
    ['a chosen kind', { kind: 'capacity', role: 'plotter' }, 'capacity'],
    ['a role without a kind', { role: 'plotter', count: '1' }, 'functionary'],
    ['a unit type without a kind', { unitType: 'medical' }, 'capacity'],
    ['a description without a kind', { description: 'Fuel', quantity: '1' }, 'other'],
    ['only the preset count, level and quantity', { count: '1', minLevel: 'qualified', quantity: '1' }, null],
    ['empty choices', { kind: '', role: '', unitType: '', description: ' ' }, null],
    ['a kind ticked, the rest as preset', { kind: 'functionary', count: '1', minLevel: 'qualified' }, null],
    ['a kind ticked and a count typed', { kind: 'functionary', count: '3' }, 'functionary'],
    ['a need on record, emptied', { id: 'need-1', kind: 'other', description: '' }, 'other'],
  ])('%s: %s', (_, row, kind) => {
    expect(rowKind(row)).toBe(kind)
  })

  it('are skipped, and the rows after them close up', () => {
    const raw = formToRequestInput({
      title: 'x',
      'needs[0][kind]': 'functionary',
      'needs[0][role]': 'plotter',
      'needs[1][count]': '1', // a blank row: its preset count is no need
      'needs[1][minLevel]': 'qualified',
      'needs[2][unitType]': 'medical', // kind not chosen, but a unit type is
      'needs[2][count]': '2',
      'needs[3][kind]': 'other',
      'needs[3][description]': 'Fuel',
    })
    expect(raw.needs).toEqual([
      { kind: 'functionary', role: 'plotter', remoteOk: false },
      { kind: 'capacity', unitType: 'medical', count: '2' },
      { kind: 'other', description: 'Fuel' },
    ])
  })
})

describe('form fields', () => {
  const form = {
    title: 'Information management after Hurricane Erin',
    situation: 'Two of our three information managers are affected themselves.',
    phase: 'warm',
    priority: 'urgent',
    periodStart: '2026-09-06',
    periodEnd: '2026-09-20',
    incidentId: 'inc-erin',
    contact: '',
    'needs[0][kind]': 'functionary',
    'needs[0][role]': 'information_manager',
    'needs[0][count]': '2',
    'needs[0][minLevel]': 'qualified',
    'needs[0][languages]': 'en',
    'needs[0][periodStart]': '',
    'needs[0][notes]': '',
    'needs[3][kind]': 'capacity', // row 1 and 2 were removed: the rows close up
    'needs[3][unitType]': 'reconnaissance',
    'needs[3][count]': '1',
    'needs[12][kind]': 'other',
    'needs[12][description]': 'Generator fuel',
    'needs[12][quantity]': '2',
    _key: 'one-time-key',
  }

  it('become the JSON shape, rows in order and renumbered', () => {
    const raw = formToRequestInput(form)
    expect(raw.needs).toEqual([
      {
        kind: 'functionary',
        role: 'information_manager',
        count: '2',
        minLevel: 'qualified',
        languages: ['en'],
        periodStart: '',
        notes: '',
        remoteOk: false,
      },
      { kind: 'capacity', unitType: 'reconnaissance', count: '1' },
      { kind: 'other', description: 'Generator fuel', quantity: '2' },
    ])
    expect(raw).not.toHaveProperty('_key')
  })

  it('pass the same validator to the same value as the JSON body', () => {
    expect(parseRequestInput(formToRequestInput(form), ref, saba)).toEqual(
      parseRequestInput(sabaBody(), ref, saba),
    )
  })

  it('collect repeated and [] list fields, and read a ticked box over a hidden "false"', () => {
    const raw = formToRequestInput({
      'needs[0][kind]': 'functionary',
      'needs[0][languages]': ['en', 'nl'],
      'needs[0][preferredLanguages][]': ['pap', ''],
      'needs[0][remoteOk]': ['false', 'on'],
      'needs[1][kind]': 'functionary',
      'needs[1][remoteOk]': 'false',
    })
    expect(raw.needs).toEqual([
      { kind: 'functionary', languages: ['en', 'nl'], preferredLanguages: ['pap'], remoteOk: true },
      { kind: 'functionary', remoteOk: false },
    ])
  })

  it('ignore fields that are not theirs and odd indices', () => {
    const raw = formToRequestInput({
      'needs[x][kind]': 'other',
      'needs[0]': 'x',
      admin: 'yes',
      title: ['A', 'B'],
    })
    expect(raw).toEqual({ title: 'A', needs: [] })
  })
})

describe('properties', () => {
  const anything = fc.oneof(
    fc.jsonValue(),
    fc.record({ needs: fc.array(fc.jsonValue()) }, { requiredKeys: [] }),
  )

  it('never throws; a refusal always names fields with a message', () => {
    fc.assert(
      fc.property(anything, (raw) => {
        const result = parseRequestInput(raw, ref, saba)
        if (!result.ok) {
          expect(Object.keys(result.errors).length).toBeGreaterThan(0)
          for (const message of Object.values(result.errors)) {
            expect(english(message)).toMatch(/\S/)
            expect(english(message)).not.toBe(message.code) // the catalogue knows every code pool/ says
          }
        }
      }),
    )
  })

  it('any valid body survives a trip through the form fields unchanged', () => {
    const need = fc.oneof(
      fc.record({
        kind: fc.constant('functionary'),
        role: fc.constantFrom(...ref.roles),
        count: fc.integer({ min: 1, max: 500 }),
        minLevel: fc.constantFrom('trainee', 'qualified', 'senior'),
        languages: fc.uniqueArray(fc.constantFrom(...ref.languages)),
        remoteOk: fc.boolean(),
        notes: fc.string({ maxLength: 50 }).map((s) => s.trim()),
      }),
      fc.record({
        kind: fc.constant('capacity'),
        unitType: fc.constantFrom(...ref.unitTypes),
        count: fc.integer({ min: 1, max: 500 }),
      }),
      fc.record({
        kind: fc.constant('other'),
        description: fc.constantFrom('Fuel', 'Tarpaulins'),
        quantity: fc.integer({ min: 1, max: 500 }),
      }),
    )
    fc.assert(
      fc.property(fc.array(need, { maxLength: 6 }), (needs) => {
        const body = { ...sabaBody(), needs }
        const fields: Record<string, string | string[]> = {}
        for (const [k, v] of Object.entries(body)) if (typeof v === 'string') fields[k] = v
        needs.forEach((n, i) => {
          for (const [k, v] of Object.entries(n)) {
            if (k === 'remoteOk') {
              if (v) fields[`needs[${i}][remoteOk]`] = 'on'
            } else fields[`needs[${i}][${k}]`] = Array.isArray(v) ? v : String(v)
          }
        })
        const viaForm = parseRequestInput(formToRequestInput(fields), ref, saba)
        expect(viaForm.ok).toBe(true)
        expect(viaForm).toEqual(parseRequestInput(body, ref, saba))
      }),
    )
  })
})
