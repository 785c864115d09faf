/** Mails are written in the recipient's language: the rule that picks it, and every mail in Dutch and Papiamentu. */
import { describe, expect, it } from 'vitest'
import { type Candidate, sendAlerts } from '../../../pool/alerts/index.ts'
import type { Proficiency, UiLocale } from '../../../pool/reference/index.ts'
import {
  type Change,
  type Recipients,
  type RequestRecord,
  revisedMails,
  submittedMails,
  transitionMails,
} from '../../../pool/requests/index.ts'
import { mailLocale, type NamedActor } from '../../../pool/shared/index.ts'
import { translatorFor } from '../../../views/i18n/index.ts'
import { actors, imNeed, mail, NOW, sabaNeeds, sabaRequest } from '../../fixtures/requests.ts'
import { rendered } from '../../helpers/english.ts'

const skills = (list: string) =>
  list
    .split(' ')
    .filter(Boolean)
    .map((s) => {
      const [language, proficiency] = s.split(':') as [string, Proficiency]
      return { language, proficiency }
    })

describe('the language of a mail', () => {
  it.each<[string, string | null, string, UiLocale]>([
    ['the account’s choice first', 'nl', 'en:native pap:native', 'nl'],
    ['an account in Papiamentu', 'pap', 'en:native', 'pap'],
    ['no account: the best spoken of en, nl and pap', null, 'en:working pap:native es:native', 'pap'],
    ['no account: Dutch spoken best', null, 'nl:fluent en:working', 'nl'],
    ['a tie between two of them is English', null, 'nl:native pap:native en:basic', 'en'],
    ['a tie with English is English', null, 'en:fluent nl:fluent', 'en'],
    ['none of the three: English', null, 'es:native fr:fluent', 'en'],
    ['no languages at all: English', null, '', 'en'],
    ['an account language we do not write in falls back to the languages', 'es', 'pap:fluent', 'pap'],
  ])('%s', (_, account, languages, expected) => {
    expect(mailLocale(account, skills(languages))).toBe(expected)
  })
})

const submitted: RequestRecord = { ...sabaRequest, status: 'submitted', version: 4, reason: 'Ok.' }
const everyone = (locale: UiLocale): Recipients => ({
  coordinators: [{ email: `duty-${locale}@locc.example`, locale }],
  islandContacts: [{ email: `eot-${locale}@saba.example`, locale }],
})
const changes: Change[] = [
  { field: 'priority', before: 'high', after: 'urgent' },
  { field: 'situation', before: 'a', after: 'b' },
  {
    field: 'needs',
    change: 'changed',
    needId: 'need-im',
    before: imNeed,
    after: { ...imNeed, count: 3 },
    fields: ['count'],
  },
]

/** Every request mail, the alert mail (to someone in NL) and a reminder, for a recipient reading `locale`. */
function allMails(locale: UiLocale) {
  const to = everyone(locale)
  const after = (status: RequestRecord['status'], actor: NamedActor = actors.dutyOfficer) =>
    transitionMails({ ...submitted, status }, sabaNeeds, actor, to, mail)
  const candidate: Candidate = {
    id: 'f1',
    name: 'Anna',
    email: `anna-${locale}@example.org`,
    base: 'NL',
    languages: [
      { language: 'en', proficiency: 'working' },
      { language: locale, proficiency: 'native' },
    ],
    locale: null,
  }
  const alert = sendAlerts(
    actors.dutyOfficer,
    { ...submitted, status: 'acknowledged' },
    imNeed,
    [candidate, { ...candidate, id: 'f2', email: `ben-${locale}@example.org`, base: 'SA' }],
    NOW + 3_600_000,
    {
      now: NOW,
      newId: () => 'a1',
      newSecret: () => 's'.repeat(32),
      baseUrl: 'https://ccpm.example',
      asked: new Map([['f2', { id: 'a0', reminders: 1, lastSentAt: NOW - 3_600_000, answer: 'available' }]]),
      excluded: new Map(),
    },
  )
  if (!alert.ok) throw new Error('alert refused')
  return [
    ...submittedMails(submitted, sabaNeeds, actors.sabaTeam, to.coordinators, mail),
    ...after('acknowledged'),
    ...after('rejected'),
    ...after('withdrawn', actors.sabaTeam),
    ...after('closed'),
    ...revisedMails(
      { ...submitted, status: 'acknowledged', revision: 2 },
      sabaNeeds,
      changes,
      actors.sabaTeam,
      to.coordinators,
      mail,
    ),
    ...alert.sends.map((s) => s.mail),
  ]
}

/** Words and labels of the English mails that no Dutch or Papiamentu mail may carry. */
const ENGLISH = [
  'Island:',
  'Priority:',
  'Needs:',
  'Reason:',
  'Situation:',
  ' the request',
  'asks for assistance',
  'or above',
  'Sep 2026',
  'HRC reconnaissance unit',
  'Please answer',
  'I am available',
  'Amsterdam time',
  'Reminder',
  'answer again',
]
/** Names of codes in Papiamentu (phases, levels, languages) come with its page strings; Dutch has them all. */
const ENGLISH_NAMES: Record<UiLocale, readonly string[]> = {
  en: [],
  nl: ['warm (response)', 'qualified', 'English'],
  pap: [],
}

describe.each<[UiLocale, string[]]>([
  ['nl', ['Eiland:', 'Behoeften:', '6–20 sep 2026', '2 × Informatiemanager', 'gekwalificeerd of hoger']],
  // Names of levels and languages in Papiamentu come with the page strings (views/i18n/pap/requests.ts, names.ts).
  [
    'pap',
    ['Isla:', 'Nesesidatnan:', '6–20 sèp 2026', '2 × Gerente di informashon', 'òf mas haltu; ku ta papia'],
  ],
])('every mail for a reader of %s', (locale, expected) => {
  const mails = allMails(locale)
  const out = rendered(mails)

  it('is decided in that language and rendered by its catalogue', () => {
    expect(mails.length).toBe(8)
    expect(new Set(mails.map((m) => m.locale))).toEqual(new Set([locale]))
    for (const m of out) {
      expect(m.subject).not.toMatch(/^requests\.|^alerts\./)
      expect(m.text).toContain('https://ccpm.example/')
      for (const word of [...ENGLISH, ...(ENGLISH_NAMES[locale] ?? [])])
        expect(m.text, `${m.subject}: ${word}`).not.toContain(word)
    }
  })

  it('names the island, the needs and the dates the reader’s way', () => {
    const text = out[0]!.text
    for (const fact of expected) expect(text).toContain(fact)
  })

  it('says what the reader must do, complete in the plain text', () => {
    const t = translatorFor(locale)
    expect(out[0]!.subject).toBe(t.mail(mails[0]!.message).subject)
    const [ask, reminder] = out.slice(-2) as [(typeof out)[number], (typeof out)[number]]
    expect(ask.to).toBe(`anna-${locale}@example.org`)
    expect(ask.text).toContain('https://ccpm.example/answer/a1.ssssssssssssssssssssssssssssssss?a=available')
    expect(ask.text).toContain('?a=unavailable')
    // Anna is based in the Netherlands: the deadline in island time and in Amsterdam time.
    expect(ask.text).toContain(
      locale === 'nl'
        ? 'Antwoord vóór: za 5 sep 11:00 (UTC−4), za 5 sep 17:00 Amsterdamse tijd'
        : 'Kontestá promé ku: djas 5 sèp 11:00 (UTC−4), djas 5 sèp 17:00 ora di Amsterdam',
    )
    // Ben, on Saba, is reminded: his own row's link, his answer standing, island time only.
    expect(reminder.to).toBe(`ben-${locale}@example.org`)
    expect(reminder.subject).toMatch(
      locale === 'nl' ? /^Herinnering: beschikbaar / : /^Rekordatorio: disponibel /,
    )
    expect(reminder.text).toContain(
      'https://ccpm.example/answer/a0.ssssssssssssssssssssssssssssssss?a=available',
    )
    expect(reminder.text).toContain(
      locale === 'nl' ? 'U antwoordde: beschikbaar.' : 'Bo a kontestá: disponibel.',
    )
    expect(reminder.text).not.toContain('Amsterdam')
  })
})

it('keeps English for an English reader (the reference)', () => {
  const [first] = rendered(allMails('en'))
  expect(first!.subject).toBe(
    'URGENT – Saba requests 2 information managers, 1 HRC reconnaissance unit, +1 other',
  )
})
