/** Mails of the request lifecycle: who gets which, the facts they carry, and their English text (subjects, need summaries, plain text that carries what is needed to act). */
import { describe, expect, it } from 'vitest'
import type { Priority } from '../../../pool/reference/index.ts'
import {
  type Change,
  type Need,
  needFacts,
  type RequestRecord,
  revisedMails,
  submittedMails,
  transitionMails,
} from '../../../pool/requests/index.ts'
import type { Addressee } from '../../../pool/shared/index.ts'
import { needSummary, pluralise, roleLabel } from '../../../views/i18n/en/messages/words.ts'
import { translatorFor } from '../../../views/i18n/index.ts'
import {
  actors,
  fuelNeed,
  imNeed,
  mail,
  recceNeed,
  recipients,
  sabaNeeds,
  sabaRequest,
} from '../../fixtures/requests.ts'
import { rendered } from '../../helpers/english.ts'

const { f } = translatorFor('en')
const submitted: RequestRecord = { ...sabaRequest, status: 'submitted', version: 4 }
const to = (...emails: string[]): Addressee[] => emails.map((email) => ({ email, locale: 'en' }))
const submittedMail = (...args: Parameters<typeof submittedMails>) => rendered(submittedMails(...args))
const transitionMail = (...args: Parameters<typeof transitionMails>) => rendered(transitionMails(...args))

describe('plurals and labels', () => {
  it.each([
    ['information manager', 'information managers'],
    ['secretary of the island policy team (EBT)', 'secretaries of the island policy team (EBT)'],
    ['medical / public health coordinator', 'medical / public health coordinators'],
    ['plotter', 'plotters'],
    ['liaison / verbindingsofficier', 'liaison / verbindingsofficiers'],
    ['search box', 'search boxes'],
    ['duty', 'duties'],
    ['relay', 'relays'],
  ])('%s → %s', (one, many) => {
    expect(pluralise(one)).toBe(many)
  })

  it('uses the catalogue name in lower case, its plural, and the code as a last resort', () => {
    expect(roleLabel('information_manager', 1, f)).toBe('information manager')
    expect(roleLabel('policy_team_secretary', 3, f)).toBe('secretaries of the island policy team (EBT)')
    expect(roleLabel('drone_pilot', 2, f)).toBe('drone pilots')
  })
})

describe('need summary', () => {
  const im = imNeed
  it.each<[string, Need[], string]>([
    [
      'the example of a Saba request',
      sabaNeeds,
      '2 information managers, 1 HRC reconnaissance unit, +1 other',
    ],
    ['counts summed per role', [im, { ...im, id: 'x', count: 1 }], '3 information managers'],
    ['one of a kind', [{ ...im, count: 1 }], '1 information manager'],
    [
      'more than three kinds folded',
      [
        im,
        { ...im, role: 'plotter', count: 1 },
        { ...im, role: 'liaison_officer', count: 2 },
        recceNeed,
        fuelNeed,
      ],
      '2 information managers, 1 plotter, 2 liaison officers, +2 more',
    ],
    [
      'units',
      [{ id: 'u', kind: 'capacity', unitType: 'light_usar', count: 2, notes: '' }],
      '2 HRC light USAR units',
    ],
    ['nothing', [], ''],
  ])('%s', (_, needs, summary) => {
    expect(
      needSummary(
        needs.map((n) => needFacts(n, sabaRequest)),
        f,
      ),
    ).toBe(summary)
  })
})

describe('periods', () => {
  it.each([
    ['2026-09-06', '2026-09-20', '6–20 Sep 2026'],
    ['2026-09-28', '2026-10-04', '28 Sep–4 Oct 2026'],
    ['2026-12-28', '2027-01-04', '28 Dec 2026–4 Jan 2027'],
    ['2026-09-06', '2026-09-06', '6 Sep 2026'],
  ])('%s to %s: %s', (start, end, text) => {
    expect(f.period(start, end)).toBe(text)
  })
})

describe('on submit, to every coordinator', () => {
  it.each<[Priority, string]>([
    ['urgent', 'URGENT – Saba requests 2 information managers, 1 HRC reconnaissance unit, +1 other'],
    ['high', 'HIGH – Saba requests 2 information managers, 1 HRC reconnaissance unit, +1 other'],
    ['normal', 'Saba requests 2 information managers, 1 HRC reconnaissance unit, +1 other'],
  ])('priority %s comes first: %s', (priority, subject) => {
    const [first] = submittedMail({ ...submitted, priority }, sabaNeeds, actors.sabaTeam, to('a@x'), mail)
    expect(first!.subject).toBe(subject)
  })

  it('carries island, title, priority, period, incident, contact, each need, the situation and the link', () => {
    const [m] = submittedMail(submitted, sabaNeeds, actors.sabaTeam, to('duty@locc.example'), mail)
    const text = m!.text
    for (const fact of [
      'Island:   Saba (SA)',
      'Title:    Information management after Hurricane Erin',
      'Priority: urgent',
      'Phase:    warm (response)',
      'Period:   6–20 Sep 2026',
      'Incident: Hurricane Erin',
      'Contact:  EOT Saba, +599 416 3311 (satellite)',
      '- 2 information managers, qualified or above; speaking English; preferably Dutch; 6–20 Sep 2026. Notes: Shifts of 12 hours.',
      '- 1 HRC reconnaissance unit',
      '- Other: Generator fuel for the EOC, quantity 2',
      'Hurricane Erin passed over Saba last night.',
      'Acknowledge or reject it: https://ccpm.example/requests/req-saba',
    ])
      expect(text).toContain(fact)
  })

  it('says when LOCC-KCR2 filed it on the island’s behalf', () => {
    const [m] = submittedMail(
      { ...submitted, onBehalf: true },
      sabaNeeds,
      actors.dutyOfficer,
      to('a@x'),
      mail,
    )
    expect(m!.text).toContain('Submitted by Duty officer LOCC (LOCC-KCR2, on behalf of Saba).')
  })

  it('cuts a long situation at a word, and keeps line breaks out of the subject', () => {
    const long = { ...submitted, title: 'Two\nlines', situation: `${'word '.repeat(300)}END` }
    const [m] = submittedMail(long, sabaNeeds, actors.sabaTeam, to('a@x'), mail)
    expect(m!.subject).toContain('Saba requests')
    expect(m!.text).toContain('Title:    Two lines')
    expect(m!.text).not.toContain('END')
    expect(m!.text).toMatch(/word…\n/)
  })

  it('sends one mail per address, once, skipping blanks', () => {
    const mails = submittedMail(submitted, sabaNeeds, actors.sabaTeam, to('a@x', ' a@x ', '', 'b@x'), mail)
    expect(mails.map((m) => m.to)).toEqual(['a@x', 'b@x'])
  })

  it('asks for "assistance" when there is no need yet', () => {
    const [m] = submittedMail(submitted, [], actors.sabaTeam, to('a@x'), mail)
    expect(m!.subject).toBe('URGENT – Saba requests assistance')
  })
})

describe('after a transition', () => {
  it('acknowledged: to the island, saying what happens next', () => {
    const mails = transitionMail(
      { ...submitted, status: 'acknowledged' },
      sabaNeeds,
      actors.dutyOfficer,
      recipients,
      mail,
    )
    expect(mails.map((m) => m.to)).toEqual(['eot@saba.example'])
    expect(mails[0]!.subject).toBe(
      'Acknowledged – LOCC-KCR2 has taken on your request: Information management after Hurricane Erin',
    )
    expect(mails[0]!.text).toContain('Each offer comes to you to accept or decline.')
  })

  it('rejected: to the island, with the reason', () => {
    const rejected = {
      ...submitted,
      status: 'rejected' as const,
      reason: 'Sint Maarten sends two IMs bilaterally.',
    }
    const [m] = transitionMail(rejected, sabaNeeds, actors.dutyOfficer, recipients, mail)
    expect(m!.to).toBe('eot@saba.example')
    expect(m!.subject).toBe('Rejected – your request: Information management after Hurricane Erin')
    expect(m!.text).toContain('Reason:\nSint Maarten sends two IMs bilaterally.')
  })

  it('withdrawn: to the coordinators, with the reason', () => {
    const withdrawn = { ...submitted, status: 'withdrawn' as const, reason: 'Power is back.' }
    const mails = transitionMail(withdrawn, sabaNeeds, actors.sabaTeam, recipients, mail)
    expect(mails.map((m) => m.to)).toEqual(recipients.coordinators.map((a) => a.email))
    expect(mails[0]!.subject).toBe(
      'Withdrawn – Saba withdrew its request: Information management after Hurricane Erin',
    )
    expect(mails[0]!.text).toContain('Reason:\nPower is back.')
  })

  it('in progress: no mail', () => {
    expect(
      transitionMail(
        { ...submitted, status: 'in_progress' },
        sabaNeeds,
        actors.dutyOfficer,
        recipients,
        mail,
      ),
    ).toEqual([])
  })
})

describe('after an edit of an acknowledged request', () => {
  it('lists what changed for the coordinators', () => {
    const changes: Change[] = [
      { field: 'priority', before: 'high', after: 'urgent' },
      { field: 'situation', before: 'old', after: 'new' },
      {
        field: 'needs',
        change: 'changed',
        needId: 'need-im',
        before: imNeed,
        after: { ...imNeed, count: 3 },
        fields: ['count'],
      },
      {
        field: 'needs',
        change: 'removed',
        needId: 'need-gen',
        before: fuelNeed,
        after: null,
        fields: [],
      },
    ]
    const revised = { ...submitted, status: 'acknowledged' as const, revision: 2 }
    const [m] = rendered(
      revisedMails(revised, sabaNeeds.slice(0, 2), changes, actors.sabaTeam, to('duty@locc.example'), mail),
    )
    expect(m!.subject).toBe(
      'Changed – Saba changed its request (version 2): Information management after Hurricane Erin',
    )
    expect(m!.text).toContain('- Priority: high → urgent')
    expect(m!.text).toContain('- Situation: rewritten (the new text is below)')
    expect(m!.text).toMatch(/- Changed need: 2 information managers, .* → 3 information managers/)
    expect(m!.text).toContain('- Removed need: Other: Generator fuel for the EOC, quantity 2')
  })
})
