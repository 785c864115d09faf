/** A pool member's input rules, the self-service limits, and the decisions with their audit events. */
import { describe, expect, it } from 'vitest'
import {
  createFunctionary,
  editFunctionary,
  editOwnProfile,
  formToInput,
  parseFunctionaryInput,
  setActive,
} from '../../../pool/functionaries/index.ts'
import { anna, annaFields, newTestId, poolRef } from '../../fixtures/pool.ts'
import { actors, NOW } from '../../fixtures/requests.ts'
import { english } from '../../helpers/english.ts'

const ref = poolRef
const ctx = { now: NOW, newId: newTestId }
const fields = annaFields

describe('parseFunctionaryInput', () => {
  it('accepts the API shape, lower-cases the e-mail and sorts roles and languages by code', () => {
    const parsed = parseFunctionaryInput(
      {
        name: ' Anna de Vries ',
        email: 'Anna.DeVries@Example.NL',
        base: 'NL',
        roles: [
          { role: 'plotter', level: 'qualified' },
          { role: 'information_manager', level: 'senior' },
        ],
        languages: ['nl:native', 'en:fluent'],
        remoteCapable: true,
      },
      ref,
    )
    expect(parsed).toMatchObject({
      ok: true,
      value: {
        name: 'Anna de Vries',
        email: 'anna.devries@example.nl',
        roles: anna.roles,
        languages: anna.languages,
        phone: '',
        travelDocumentExpiry: null,
      },
    })
  })

  it.each([
    [{ email: 'anna@' }, 'email', 'functionaries.email.invalid', /valid e-mail/],
    [{ email: '' }, 'email', 'functionaries.email.required', /Enter the e-mail/],
    [{ name: '' }, 'name', 'functionaries.name.required', /name/],
    [{ base: 'XX' }, 'base', 'functionaries.base.unknown', /Unknown base: XX/],
    [{ roles: [] }, 'roles', 'functionaries.roles.none', /at least one role/],
    [{ roles: ['chef:senior'] }, 'roles', 'functionaries.roles.unknown', /Unknown role: chef/],
    [{ roles: ['plotter'] }, 'roles', 'functionaries.roles.noLevel', /Give a level for plotter/],
    [
      { roles: ['plotter:expert'] },
      'roles',
      'functionaries.roles.badLevel',
      /Unknown level for plotter: expert/,
    ],
    [{ roles: ['plotter:senior', 'plotter:trainee'] }, 'roles', 'functionaries.roles.twice', /given twice/],
    [{ languages: ['kl'] }, 'languages', 'functionaries.languages.unknown', /Unknown language: kl/],
    [
      { languages: ['en:superb'] },
      'languages',
      'functionaries.languages.badProficiency',
      /Unknown proficiency/,
    ],
    [{ travelDocumentExpiry: '2030-02-30' }, 'travelDocumentExpiry', 'field.date', /YYYY-MM-DD/],
    [{ phone: 'call me' }, 'phone', 'functionaries.phone.invalid', /digits/],
    [{ remoteCapable: 'maybe' }, 'remoteCapable', 'field.yesNo', /yes or no/],
  ])('refuses %j with a message at %s', (over, field, code, message) => {
    const parsed = parseFunctionaryInput({ ...fields(), ...over }, ref)
    expect(parsed.ok).toBe(false)
    if (!parsed.ok) {
      expect(parsed.errors[field]!.code).toBe(code)
      expect(english(parsed.errors[field]!)).toMatch(message)
    }
  })

  it('reads a CSV cell list separated by | or a comma', () => {
    const parsed = parseFunctionaryInput(
      { ...fields(), roles: 'plotter:senior|information_manager:trainee', languages: 'en, pap:native' },
      ref,
    )
    expect(parsed.ok && parsed.value.roles.map((r) => r.role)).toEqual(['information_manager', 'plotter'])
    expect(parsed.ok && parsed.value.languages).toEqual([
      { language: 'en', proficiency: 'working' },
      { language: 'pap', proficiency: 'native' },
    ])
  })

  it('keeps the proficiency on record for a language given as a bare code', () => {
    const parsed = parseFunctionaryInput({ ...fields(), languages: ['en', 'nl', 'es'] }, ref, anna)
    expect(parsed.ok && parsed.value.languages).toEqual([
      { language: 'en', proficiency: 'fluent' },
      { language: 'es', proficiency: 'working' },
      { language: 'nl', proficiency: 'native' },
    ])
  })
})

describe('formToInput', () => {
  it('reads one select per role and language, skipping the empty ones, and an unticked box as false', () => {
    const input = formToInput({
      name: 'Anna',
      'roles[plotter]': 'senior',
      'roles[information_manager]': '',
      'languages[en]': 'fluent',
      'languages[es]': '',
    })
    expect(input).toEqual({
      name: 'Anna',
      roles: [{ role: 'plotter', level: 'senior' }],
      languages: [{ language: 'en', proficiency: 'fluent' }],
      remoteCapable: false,
    })
    expect(formToInput({ remoteCapable: 'on' }).remoteCapable).toBe(true)
  })
})

describe('decisions', () => {
  it('a coordinator creates a person: active, version 1, with a creation event holding the fields', () => {
    const d = createFunctionary(fields(), actors.dutyOfficer, ctx)
    expect(d.ok).toBe(true)
    if (!d.ok) return
    expect(d.record).toMatchObject({ active: true, version: 1, email: anna.email })
    expect(d.event).toMatchObject({
      action: 'functionary.created',
      entity: 'functionary',
      entityId: d.record.id,
      actorId: 'u-locc',
      after: { name: 'Anna de Vries', roles: anna.roles },
    })
  })

  it.each([actors.sabaTeam, actors.usar, actors.ministry, actors.sysadmin, actors.anna])(
    'nobody else creates or edits ($role)',
    (actor) => {
      expect(createFunctionary(fields(), actor, ctx)).toMatchObject({ ok: false, error: 'forbidden' })
      expect(editFunctionary(anna, { ...fields(), active: true }, actor, ctx)).toMatchObject({
        ok: false,
        error: 'forbidden',
      })
    },
  )

  it('an edit records only what changed, with the versions', () => {
    const d = editFunctionary(anna, { ...fields({ phone: '+31 6 1' }), active: true }, actors.dutyOfficer, {
      ...ctx,
      version: 3,
    })
    expect(d).toMatchObject({
      ok: true,
      record: { phone: '+31 6 1', version: 4 },
      event: {
        action: 'functionary.edited',
        before: { phone: anna.phone, version: 3 },
        after: { phone: '+31 6 1', version: 4 },
      },
    })
  })

  it('an edit against an older version is a conflict; an edit that changes nothing writes nothing', () => {
    const next = { ...fields({ phone: '1' }), active: true }
    expect(editFunctionary(anna, next, actors.dutyOfficer, { ...ctx, version: 2 })).toMatchObject({
      ok: false,
      error: 'conflict',
    })
    expect(editFunctionary(anna, { ...fields(), active: true }, actors.dutyOfficer, ctx)).toEqual({
      ok: true,
      record: anna,
      event: null,
    })
  })

  it('deactivating and reactivating are events of their own; the person stays', () => {
    const off = setActive(anna, false, actors.dutyOfficer, ctx)
    expect(off).toMatchObject({
      ok: true,
      record: { active: false },
      event: { action: 'functionary.deactivated' },
    })
    if (!off.ok) return
    const on = setActive(off.record, true, actors.dutyOfficer, { ...ctx, version: off.record.version })
    expect(on).toMatchObject({
      ok: true,
      record: { active: true },
      event: { action: 'functionary.reactivated' },
    })
  })
})

describe('editOwnProfile', () => {
  it('lets the functionary change phone, languages, documents and remote support', () => {
    const next = fields({
      phone: '+599 416 0000',
      languages: [{ language: 'pap', proficiency: 'basic' }],
      remoteCapable: false,
      travelDocumentExpiry: '2031-01-01',
    })
    const d = editOwnProfile(anna, next, actors.anna, ctx)
    expect(d).toMatchObject({ ok: true, event: { action: 'functionary.profile_edited', actorId: 'u-anna' } })
  })

  it.each([
    ['roles', { roles: [{ role: 'plotter', level: 'senior' as const }] }],
    ['name', { name: 'Anna' }],
    ['base', { base: 'SA' }],
    ['notes', { notes: 'promoted' }],
  ])('refuses a change of %s: that is for coordinators', (field, over) => {
    const d = editOwnProfile(anna, fields(over), actors.anna, ctx)
    expect(d).toMatchObject({
      ok: false,
      error: 'forbidden',
      message: { code: 'functionaries.selfField', params: { field } },
    })
  })

  it("is not found for someone else's profile, or an account that is not a functionary", () => {
    const other = { ...actors.anna, functionaryId: 'f-other' }
    expect(editOwnProfile(anna, fields(), other, ctx)).toMatchObject({ ok: false, error: 'not_found' })
    expect(editOwnProfile(anna, fields(), actors.dutyOfficer, ctx)).toMatchObject({
      ok: false,
      error: 'not_found',
    })
  })
})
