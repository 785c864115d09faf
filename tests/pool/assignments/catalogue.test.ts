/** Every assignment message, mail, calendar word and audit sentence renders in en, nl and pap, with its values and in its own words. */
import { describe, expect, it } from 'vitest'
import {
  ASSIGNMENT_AUDIT_ACTIONS,
  type AssignmentMail,
  type AssignmentMessage,
  type CalendarMessage,
} from '../../../pool/assignments/index.ts'
import { ASSIGNMENT_STATUSES, CONFIRM_CHANNELS } from '../../../pool/reference/index.ts'
import { en, enMessages } from '../../../views/i18n/en/index.ts'
import { type Locale, translatorFor } from '../../../views/i18n/index.ts'
import { nl } from '../../../views/i18n/nl/index.ts'
import { pap } from '../../../views/i18n/pap/index.ts'
import { TRAVEL } from './fixtures.ts'

const LOCALES: readonly Locale[] = ['en', 'nl', 'pap']
const TABLES: Record<Locale, Record<string, unknown>> = { en, nl, pap }

const MESSAGES: AssignmentMessage[] = [
  { code: 'assignment.notFound', params: {} },
  { code: 'assignment.needNotFound', params: {} },
  { code: 'assignment.step.unknown', params: { status: 'teleported' } },
  { code: 'assignment.step.unknown', params: { status: '' } },
  {
    code: 'assignment.step.forbidden',
    params: { status: 'on_site', takers: ['island', 'coordinator_on_behalf'] },
  },
  { code: 'assignment.step.already', params: { status: 'on_site' } },
  { code: 'assignment.step.notFrom', params: { from: 'proposed', to: 'accepted' } },
  { code: 'assignment.step.stale', params: { status: 'travelling', version: 6 } },
  { code: 'assignment.step.requestNotOpen', params: { status: 'submitted' } },
  { code: 'assignment.step.invalid', params: {} },
  { code: 'assignment.reason.required', params: { status: 'declined' } },
  { code: 'assignment.reason.required', params: { status: 'cancelled' } },
  { code: 'assignment.reason.tooLong', params: { max: 2000 } },
  { code: 'assignment.travel.required', params: {} },
  { code: 'assignment.travel.time', params: {} },
  { code: 'assignment.travel.order', params: {} },
  { code: 'assignment.travel.transport', params: { transport: 'balloon' } },
  { code: 'assignment.travel.referenceTooLong', params: { max: 100 } },
  { code: 'assignment.confirm.required', params: { name: 'Anna de Vries' } },
  { code: 'assignment.confirm.channel', params: { channel: 'pigeon' } },
  { code: 'assignment.confirm.noteTooLong', params: { max: 1000 } },
  { code: 'assignment.version.invalid', params: {} },
  { code: 'assignment.need.filled', params: { count: 2 } },
  { code: 'assignment.need.belowFilled', params: { count: 1, filled: 2 } },
  { code: 'assignment.need.removeActive', params: { count: 1 } },
  { code: 'assignment.need.removeActive', params: { count: 3 } },
  { code: 'assignment.propose.forbidden', params: {} },
  { code: 'assignment.propose.notFunctionaryNeed', params: {} },
  { code: 'assignment.propose.unknownPerson', params: {} },
  { code: 'assignment.propose.requestNotOpen', params: { status: 'submitted' } },
  {
    code: 'assignment.propose.overlap',
    params: {
      assignmentId: 'x',
      island: 'SX',
      status: 'accepted',
      periodStart: '2026-09-01',
      periodEnd: '2026-09-10',
    },
  },
  { code: 'assignment.propose.excluded', params: { count: 2 } },
  { code: 'assignment.request.onSite', params: { to: 'withdrawn', count: 1 } },
  { code: 'assignment.request.onSite', params: { to: 'rejected', count: 3 } },
  { code: 'assignment.request.active', params: { count: 2 } },
  { code: 'assignment.answer.locked', params: {} },
  { code: 'assignment.plan.lines', params: { max: 500 } },
]

const about = {
  name: 'Anna de Vries',
  island: 'SA',
  role: 'information_manager',
  periodStart: '2026-09-06',
  periodEnd: '2026-09-20',
  requestTitle: 'Information management after Hurricane Erin',
  url: 'https://ccpm.example/assignments/asg-anna',
}
const trip = {
  ...about,
  contact: 'EOT Saba, +599 416 3311',
  etd: TRAVEL.etd,
  eta: TRAVEL.eta,
  transport: 'scheduled_flight',
  reference: 'KL785',
  zone: 'America/Kralendijk',
  departureZone: 'Europe/Amsterdam',
}
const MAILS: AssignmentMail[] = [
  {
    code: 'assignment.mail.offered',
    params: {
      ...about,
      level: 'senior',
      minLevel: 'qualified',
      languages: ['nl', 'en', 'pap'],
      organisation: 'Veiligheidsregio Haaglanden',
      base: 'NL',
      travelMinutes: 810,
    },
  },
  {
    code: 'assignment.mail.accepted',
    params: { ...trip, etd: null, eta: null, transport: null, reference: null },
  },
  { code: 'assignment.mail.accepted', params: trip },
  { code: 'assignment.mail.travelling', params: trip },
  { code: 'assignment.mail.declined', params: { ...about, reason: 'We need a Papiamentu speaker.' } },
  { code: 'assignment.mail.flagged', params: { ...about, note: 'Family emergency.' } },
  { code: 'assignment.mail.cancelled', params: { ...about, reason: 'Stood down.', cause: 'coordinator' } },
  {
    code: 'assignment.mail.cancelled',
    params: { ...about, reason: 'Stood down.', cause: 'request_withdrawn' },
  },
  { code: 'assignment.mail.cancelled', params: { ...about, reason: '', cause: 'request_rejected' } },
  { code: 'assignment.mail.offerCancelled', params: { ...about, reason: 'Anna fell ill.' } },
]

const CALENDAR: CalendarMessage[] = [
  { code: 'assignment.ics.summary', params: { role: 'information_manager', island: 'SA' } },
  {
    code: 'assignment.ics.description',
    params: { ...trip, cancelled: true },
  },
]
const UNTRANSLATABLE = new Set(['assignment.ics.location']) // an island's name is the same everywhere

const AUDIT_AFTER = {
  status: 'cancelled',
  name: 'Anna de Vries',
  island: 'SA',
  reason: 'Stood down.',
  cause: 'request_withdrawn',
  onBehalf: true,
  confirmedBy: { channel: 'phone', note: '', by: 'u-locc' },
}

const broken = /\{\w+\}|undefined|NaN|\[object|null/

describe('catalogue coverage', () => {
  it('has a sample here for every code the catalogue holds', () => {
    const sampled = new Set([...MESSAGES, ...MAILS, ...CALENDAR].map((m) => m.code))
    const held = Object.keys({ ...en, ...enMessages }).filter(
      (k) => k.startsWith('assignment.') && !UNTRANSLATABLE.has(k),
    )
    expect([...sampled].sort()).toEqual(held.sort())
  })
})

describe.each(LOCALES)('%s', (locale) => {
  const tr = translatorFor(locale)
  const english = translatorFor('en')

  it.each(MESSAGES.map((m, i) => [`${i} ${m.code}`, m] as const))('message %s', (_, message) => {
    const text = tr.m(message)
    expect(text).not.toBe(message.code)
    expect(text).not.toMatch(broken)
    if (locale !== 'en') expect(text).not.toBe(english.m(message))
  })

  it.each(MAILS.map((m, i) => [`${i} ${m.code}`, m] as const))('mail %s', (_, message) => {
    const mail = tr.mail(message)
    expect(mail.subject).not.toBe(message.code)
    expect(mail.subject).not.toMatch(/\n/)
    expect(`${mail.subject}\n${mail.text}`).not.toMatch(broken)
    expect(mail.text).toContain('Anna de Vries')
    if (message.code !== 'assignment.mail.cancelled') expect(mail.text).toContain(message.params.url)
    if (locale !== 'en') expect(mail.text).not.toBe(english.mail(message).text)
  })

  it.each(CALENDAR.map((m) => [m.code, m] as const))('calendar %s', (_, message) => {
    const text = tr.m(message)
    expect(text).not.toMatch(broken)
    if (locale !== 'en') expect(text).not.toBe(english.m(message))
  })

  it.each(ASSIGNMENT_AUDIT_ACTIONS)('audit %s', (action) => {
    const render = (l: Locale) =>
      (translatorFor(l).t as unknown as (k: string, p: object) => string)(`audit.${action}`, {
        actor: 'Esther Everts',
        before: { status: 'accepted', version: 4 },
        after: AUDIT_AFTER,
      })
    const text = render(locale)
    expect(text).not.toBe(`audit.${action}`)
    expect(text).not.toMatch(broken)
    // The flag's actor is the person themself, through the answer link.
    if (action !== 'assignment.flagged') expect(text).toContain('Anna de Vries')
    if (locale !== 'en') expect(text).not.toBe(render('en'))
  })

  it('names every assignment status and confirm channel', () => {
    const keys = [
      ...ASSIGNMENT_STATUSES.map((s) => `status.assignment.${s}`),
      ...CONFIRM_CHANNELS.map((c) => `confirmChannel.${c}`),
    ]
    for (const key of keys) expect(TABLES[locale][key as keyof typeof en], key).toEqual(expect.any(String))
    expect(tr.f.name('status', 'assignment.on_site')).toBe(
      { en: 'on site', nl: 'ter plaatse', pap: 'presente na sitio' }[locale],
    )
  })
})

describe('what the island reads in an offer', () => {
  it.each([
    [
      'en',
      [
        'Role:          Information manager, senior (the need asks qualified or above)',
        'Languages:     Dutch, English and Papiamentu',
        'Based on:      European Netherlands',
        'Travel time:   about 13 h 30 min from base',
        'Period:        6–20 Sep 2026',
      ],
    ],
    [
      'nl',
      [
        'Functie:       Informatiemanager, senior (de behoefte vraagt gekwalificeerd of hoger)',
        'Talen:         Nederlands, Engels en Papiaments',
        'Standplaats:   Europees Nederland',
        'Reistijd:      ongeveer 13 u 30 min vanaf de standplaats',
      ],
    ],
    [
      'pap',
      [
        'Funshon:         Gerente di informashon',
        'Tempu di biahe:  mas o ménos 13 ora 30 min for di su base',
        'Aseptá òf rechasá e oferta: https://ccpm.example/assignments/asg-anna',
      ],
    ],
  ] as const)('%s', (locale, lines) => {
    const { text } = translatorFor(locale).mail(MAILS[0]!)
    for (const line of lines) expect(text).toContain(line)
  })

  it('the person reads departure on the clock of their base and arrival on the island clock', () => {
    const { text } = translatorFor('en').mail(MAILS[2]!)
    expect(text).toContain('Departure:   Sun 6 Sep 12:30 (local time at departure)') // 10:30 UTC in Amsterdam (CEST)
    expect(text).toContain('Arrival:     Sun 6 Sep 14:30 (island time)')
    expect(text).toContain('Reference:   KL785')
  })
})
