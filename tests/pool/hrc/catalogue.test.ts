/** Every HRC message, mail and audit sentence renders in English, Dutch and Papiamentu: no gaps, no leftovers, no copies. */
import { describe, expect, it } from 'vitest'
import {
  createDispatch,
  dispatchStep,
  HRC_AUDIT_ACTIONS,
  type HrcMail,
  type HrcMessage,
  step,
} from '../../../pool/hrc/index.ts'
import type { AuditParams } from '../../../views/i18n/catalogue.ts'
import { hrc as en } from '../../../views/i18n/en/messages/hrc.ts'
import { type Locale, translatorFor } from '../../../views/i18n/index.ts'
import { hrc as nl } from '../../../views/i18n/nl/messages/hrc.ts'
import { hrc as pap } from '../../../views/i18n/pap/messages/hrc.ts'
import { actors, ctx, dispatchOf, HOUR, NOW, units } from './fixtures.ts'

const m = <M extends HrcMessage>(code: M['code'], params: M['params'] = {} as M['params']) =>
  ({ code, params }) as HrcMessage

const SAMPLES: HrcMessage[] = [
  m('hrc.field.required'),
  m('hrc.field.text'),
  m('hrc.field.object'),
  m('hrc.field.list'),
  m('hrc.field.email'),
  m('hrc.field.phone'),
  m('hrc.field.moment'),
  m('hrc.field.tooLong', { max: 2000, length: 2001 }),
  m('hrc.field.number', { min: -90, max: 90 }),
  m('hrc.field.whole', { min: 1, max: 500 }),
  m('hrc.field.unknown', { value: 'XX' }),
  m('hrc.field.unknownCodes', { codes: ['NL', 'US'] }),
  m('hrc.unit.notFound'),
  m('hrc.unit.keeperOnly'),
  m('hrc.unit.codeShape'),
  m('hrc.unit.codeTaken', { code: 'LUSAR-3' }),
  m('hrc.unit.stale', { unit: 'LUSAR-3' }),
  m('hrc.ladder.readOnly'),
  m('hrc.ladder.unknown', { value: 'ready' }),
  m('hrc.ladder.already', { unit: 'LUSAR-1', status: 'alert' }),
  m('hrc.ladder.notAllowed', { unit: 'LUSAR-1', from: 'standby', to: 'operational' }),
  m('hrc.ladder.notRaise', { unit: 'LUSAR-1', from: 'alert', to: 'pre_alert' }),
  m('hrc.ladder.forbidden', { from: 'alert', to: 'mobilising', roles: ['dispatcher'] }),
  m('hrc.ladder.inDispatch', { unit: 'LUSAR-1', dispatch: 'accepted' }),
  m('hrc.ladder.stale', { unit: 'LUSAR-1', status: 'mobilising' }),
  m('hrc.threat.notFound'),
  m('hrc.threat.keepersOnly'),
  m('hrc.threat.oneSource'),
  m('hrc.threat.trackEmpty'),
  m('hrc.threat.trackTwice'),
  m('hrc.threat.islandsEmpty'),
  m('hrc.advisory.noTrack'),
  m('hrc.threat.trackLong', { max: 60 }),
  m('hrc.threat.islandTwice', { island: 'SA' }),
  m('hrc.threat.closed', { threat: 'Paulette' }),
  m('hrc.threat.stale', { threat: 'Paulette' }),
  m('hrc.threat.unitTwice', { unit: 'LUSAR-1' }),
  m('hrc.proposal.ts_winds', { unit: 'LUSAR-1', status: 'alert', island: 'SA', hours: 60, within: 72 }),
  m('hrc.proposal.closest_approach', {
    unit: 'LUSAR-1',
    status: 'mobilising',
    island: 'SA',
    hours: 40,
    within: 48,
  }),
  m('hrc.dispatch.notFound'),
  m('hrc.dispatch.dispatcherOnly'),
  m('hrc.dispatch.needNotFound'),
  m('hrc.dispatch.noUnits'),
  m('hrc.dispatch.etaBeforeEtd'),
  m('hrc.dispatch.reasonRequired'),
  m('hrc.dispatch.tooManyUnits', { max: 20 }),
  m('hrc.dispatch.unknownStep', { value: 'gone' }),
  m('hrc.dispatch.forbidden', { to: 'arrived', movers: ['island', 'dispatcher'] }),
  m('hrc.dispatch.already', { status: 'accepted' }),
  m('hrc.dispatch.notAllowed', { from: 'declined', to: 'in_transit' }),
  m('hrc.dispatch.stale', { status: 'in_transit' }),
  m('hrc.dispatch.needIsland', { island: 'SA' }),
  m('hrc.dispatch.requestNotOpen', { status: 'withdrawn' }),
  m('hrc.dispatch.unitBusy', { unit: 'LUSAR-1', status: 'in_transit' }),
  m('hrc.dispatch.unitNotReady', { unit: 'LUSAR-1', status: 'unavailable' }),
  m('hrc.dispatch.unitOutOfStep', { unit: 'LUSAR-1', status: 'standby' }),
  m('hrc.dispatch.wrongType', { unit: 'RECCE-1', type: 'reconnaissance', wanted: 'light_usar' }),
  m('hrc.dispatch.notServing', { unit: 'WATER-1', island: 'SA' }),
  m('hrc.dispatch.overWeight', { payload: 8400, capacity: 8000 }),
  m('hrc.dispatch.overVolume', { payload: 64.5, capacity: 60 }),
  m('hrc.dispatch.overNeed', { count: 2, taken: 1, adding: 2 }),
]

/** Mails from real decisions, so that the params are what pool/ emits. */
function sampleMails(): HrcMail[] {
  const raised = step(units.lusar1, 'pre_alert', actors.usar, { ...ctx(), dispatch: null })
  const offer = createDispatch(
    {
      unitIds: ['u-lusar1'],
      island: 'SA',
      needId: 'need-usar',
      etd: NOW + 6 * HOUR,
      eta: NOW + 20 * HOUR,
      transport: 'military_airlift',
      carrier: 'RNLAF KDC-10',
      capacity: null,
    },
    actors.usar,
    {
      ...ctx(),
      units: [{ unit: units.lusar1, dispatch: null }],
      need: {
        id: 'need-usar',
        requestId: 'r',
        island: 'SA',
        unitType: 'light_usar',
        count: 1,
        requestStatus: 'acknowledged',
        requestTitle: 'USAR after Paulette',
        taken: 0,
      },
    },
  )
  const order = createDispatch(
    {
      unitIds: ['u-lusar1'],
      island: 'CW',
      needId: null,
      etd: NOW,
      eta: NOW + HOUR,
      transport: 'ship',
      carrier: '',
      capacity: null,
    },
    actors.usar,
    { ...ctx(), units: [{ unit: units.lusar1, dispatch: null }], need: null },
  )
  const d = dispatchOf({ status: 'offered' })
  const declined = dispatchStep(d, 'declined', actors.sabaTeam, {
    ...ctx(),
    reason: 'Airport closed',
    units: [units.lusar1, units.recce1],
  })
  const all = [raised, offer, order, declined].flatMap((r) => (r.ok ? r.mails.map((x) => x.message) : []))
  const codes = new Set(all.map((x) => x.code))
  expect([...codes].sort()).toEqual([
    'hrc.mail.dispatch.offered',
    'hrc.mail.dispatch.ordered',
    'hrc.mail.dispatch.step',
    'hrc.mail.readiness',
  ])
  return all
}

const LOCALES: Locale[] = ['en', 'nl', 'pap']
const clean = (text: string) => {
  expect(text).not.toMatch(/\{\w+\}|undefined|NaN|\[object/)
  expect(text.trim()).not.toBe('')
}

describe('the HRC catalogues', () => {
  it('have the same keys in every language, and the samples cover every message', () => {
    expect(Object.keys(nl).sort()).toEqual(Object.keys(en).sort())
    expect(Object.keys(pap).sort()).toEqual(Object.keys(en).sort())
    const messageKeys = Object.keys(en).filter((k) => !k.startsWith('audit.') && !k.startsWith('hrc.mail.'))
    expect(SAMPLES.map((s) => s.code).sort()).toEqual(messageKeys.sort())
    expect(
      Object.keys(en)
        .filter((k) => k.startsWith('audit.'))
        .sort(),
    ).toEqual(HRC_AUDIT_ACTIONS.map((a) => `audit.${a}`).sort())
  })

  it.each(LOCALES)(
    'render every message in %s, and Dutch and Papiamentu are not English copies',
    (locale) => {
      const t = translatorFor(locale)
      for (const sample of SAMPLES) {
        const text = t.m(sample)
        clean(text)
        if (locale !== 'en') expect(text, sample.code).not.toBe(translatorFor('en').m(sample))
      }
    },
  )

  it.each(LOCALES)('render every mail in %s with a subject and the whole text', (locale) => {
    for (const mail of sampleMails()) {
      const { subject, text } = translatorFor(locale).mail(mail)
      clean(subject)
      clean(text)
      expect(text, mail.code).toContain('https://ccpm.example/hrc')
      if (locale !== 'en') expect(text).not.toBe(translatorFor('en').mail(mail).text)
    }
  })

  it('a readiness mail in Dutch names the unit, the rungs and the board', () => {
    const mail = sampleMails()[0]!
    expect(translatorFor('nl').mail(mail)).toEqual({
      subject: 'LUSAR-1: Stand-by → Vooralarm',
      text:
        'Bart Bakker heeft de gereedheid van HRC-eenheden gewijzigd, zo 6 sep 08:00 (lokale tijd).\n\n' +
        '- LUSAR-1 Light USAR team 1: Stand-by → Vooralarm\n\nHet gereedheidsoverzicht: https://ccpm.example/hrc\n',
    })
  })

  it.each(LOCALES)('render every audit sentence in %s', (locale) => {
    const tables = { en, nl, pap }[locale] as unknown as Record<
      string,
      (p: AuditParams, f: unknown) => string
    >
    const f = translatorFor(locale).f
    const p: AuditParams = {
      actor: 'Bart Bakker',
      before: { code: 'LUSAR-1', readiness: 'alert', status: 'in_transit', island: 'SA', name: 'Paulette' },
      after: {
        code: 'LUSAR-1',
        readiness: 'mobilising',
        status: 'arrived',
        island: 'SA',
        units: ['LUSAR-1', 'RECCE-1'],
        name: 'Paulette',
        category: 'hurricane_3',
        number: '22',
        reason: 'Airport closed',
        onBehalf: true,
        cause: 'request_withdrawn',
      },
    }
    for (const action of HRC_AUDIT_ACTIONS) {
      const text = tables[`audit.${action}`]!(p, f)
      clean(text)
      expect(text).toContain('Bart Bakker')
    }
    expect(tables['audit.hrc.unit.readiness']!(p, f)).toBe(
      {
        en: 'Bart Bakker raised LUSAR-1 from alert to mobilising',
        nl: 'Bart Bakker verhoogde LUSAR-1 van ‘Alarm’ naar ‘Mobilisatie’',
        pap: 'Bart Bakker a subi LUSAR-1 di ‘Alerta’ pa ‘Mobilisashon’',
      }[locale],
    )
  })
})
