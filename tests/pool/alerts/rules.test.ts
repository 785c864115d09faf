import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type AlertRecord,
  answerAlert,
  type Candidate,
  type Ineligible,
  MAX_RECIPIENTS,
  REMINDER_GAP_MS,
  type SendContext,
  sendAlerts,
} from '../../../pool/alerts/index.ts'
import type { MatchingMessage } from '../../../pool/matching/index.ts'
import type { FunctionaryNeed, RequestRecord } from '../../../pool/requests/index.ts'
import { msg, type NamedActor } from '../../../pool/shared/index.ts'
import { translatorFor } from '../../../views/i18n/index.ts'
import { english, rendered, why } from '../../helpers/english.ts'

const coordinator: NamedActor = {
  id: 'u-c',
  role: 'coordinator',
  island: null,
  functionaryId: null,
  name: 'Carla',
}
const sabaUser: NamedActor = { id: 'u-s', role: 'island', island: 'SA', functionaryId: null, name: 'Saba' }
const request: RequestRecord = {
  id: 'r1',
  island: 'SA',
  status: 'acknowledged',
  phase: 'warm',
  priority: 'urgent',
  title: 'Back-up EOT',
  situation: 'Roofs gone',
  periodStart: '2026-09-06',
  periodEnd: '2026-09-20',
  incidentId: null,
  contact: 'EOC',
  createdBy: 'u-s',
  onBehalf: false,
  version: 3,
  revision: 1,
  submittedAt: 1,
  acknowledgedAt: 2,
  closedAt: null,
  reason: null,
}
const need: FunctionaryNeed = {
  id: 'n1',
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
}
const anna: Candidate = {
  id: 'f1',
  name: 'Anna',
  email: 'anna@example.org',
  base: 'CW',
  languages: [
    { language: 'en', proficiency: 'fluent' },
    { language: 'nl', proficiency: 'native' },
  ],
  locale: null,
}
const NOW = Date.UTC(2026, 8, 6, 12)
let n = 0
const ctx = (over: Partial<SendContext> = {}): SendContext => ({
  now: NOW,
  newId: () => `id${++n}`,
  newSecret: () => 's'.repeat(32),
  baseUrl: 'https://ccpm.example',
  asked: new Map(),
  excluded: new Map(),
  ...over,
})
/** Anna, asked before for this need, the last time `ago` ms before NOW. */
const askedAgo = (ago: number, answer: AlertRecord['answer'] = null, reminders = 0) =>
  new Map([['f1', { id: 'a-old', reminders, lastSentAt: NOW - ago, answer }]])

describe('who cannot be alerted', () => {
  const level: MatchingMessage = msg('matching.excluded.level', {
    level: 'trainee' as const,
    minLevel: 'qualified' as const,
  })
  const leave: MatchingMessage = msg('matching.excluded.unavailable', {
    reason: 'leave' as const,
    start: '2026-09-10',
    end: '2026-09-14',
  })
  const table: [string, Partial<SendContext>, Ineligible | null, string | null][] = [
    ['eligible and not asked', {}, null, null],
    ['asked before, the gap passed (a reminder)', { asked: askedAgo(REMINDER_GAP_MS) }, null, null],
    [
      'asked less than the gap ago',
      { asked: askedAgo(REMINDER_GAP_MS - 1) },
      { name: 'Anna', reason: 'recent', reasons: [], since: NOW - REMINDER_GAP_MS + 1 },
      'Anna was asked at Sun 6 Sep 07:50 (UTC−4); a reminder can go 10 minutes after the last question.',
    ],
    [
      'excluded by matching, every reason said',
      { excluded: new Map([['f1', [level, leave]]]) },
      { name: 'Anna', reason: 'excluded', reasons: [level, leave], since: null },
      'Anna: level trainee, need asks qualified; on leave 10–14 Sep.',
    ],
    ['excluded by nothing', { excluded: new Map([['f1', []]]) }, null, null],
  ]
  it.each(table)('%s', (_name, over, expected, sentence) => {
    const result = sendAlerts(coordinator, request, need, [anna], NOW + 1, ctx(over))
    if (expected === null) return expect(result.ok).toBe(true)
    expect(result).toMatchObject({ ok: false, error: 'invalid' })
    const message = !result.ok ? result.message : null
    expect(message).toEqual(msg('alerts.ineligible', { problems: [expected], gapMinutes: 10 }))
    expect(english(message!)).toBe(sentence)
  })
})

describe('sendAlerts', () => {
  it('makes one alert, one event and one mail per person, with the link and the subject', () => {
    const result = sendAlerts(coordinator, request, need, [anna], NOW + 3_600_000, ctx())
    if (!result.ok) throw new Error(why(result))
    expect(result.sends).toHaveLength(1)
    const [send] = result.sends
    if (send?.kind !== 'first') throw new Error('expected a first alert')
    expect(send.event.action).toBe('alert.sent')
    expect(send.mail).toMatchObject({
      to: 'anna@example.org',
      locale: 'nl',
      message: { code: 'alerts.mail.ask' },
    })
    const [mail] = rendered([{ ...send.mail, locale: 'en' as const }])
    expect(mail!.to).toBe('anna@example.org')
    expect(mail!.subject).toBe('Available 6–20 Sep for Saba as information manager?')
    expect(mail!.text).toContain('Please answer before: Sun 6 Sep 09:00 (UTC−4)')
    expect(mail!.text).toContain('Languages: English')
    expect(mail!.text).toContain(`https://ccpm.example/answer/${send.alert.id}.${'s'.repeat(32)}?a=available`)
    expect(mail!.text).toContain('?a=unavailable')
    expect(mail!.text).not.toContain('Roofs gone')
    expect(mail!.text).not.toContain('Amsterdam')
  })

  it('gives someone based in the Netherlands the deadline in Amsterdam time too', () => {
    const result = sendAlerts(coordinator, request, need, [{ ...anna, base: 'NL' }], NOW + 3_600_000, ctx())
    if (!result.ok) throw new Error(why(result))
    const [mail] = rendered([{ ...result.sends[0]!.mail, locale: 'en' as const }])
    expect(mail!.text).toContain(
      'Please answer before: Sun 6 Sep 09:00 (UTC−4), Sun 6 Sep 15:00 Amsterdam time',
    )
  })

  it('asks someone asked before again as a reminder on their row: a new secret and deadline, the answer said', () => {
    const result = sendAlerts(
      coordinator,
      request,
      need,
      [anna],
      NOW + 7_200_000,
      ctx({ asked: askedAgo(3_600_000, 'available', 1), newSecret: () => 't'.repeat(32) }),
    )
    if (!result.ok) throw new Error(why(result))
    const [send] = result.sends
    if (send?.kind !== 'reminder') throw new Error('expected a reminder')
    expect(send.reminder).toEqual({
      id: 'a-old',
      needId: 'n1',
      functionaryId: 'f1',
      read: 1,
      reminders: 2,
      deadline: NOW + 7_200_000,
      remindedAt: NOW,
      remindedBy: 'u-c',
      secret: 't'.repeat(32),
    })
    expect(send.event).toMatchObject({ action: 'alert.reminded', entityId: 'a-old' })
    expect(translatorFor('en').audit(send.event)).toBe('Carla reminded Anna (reminder 2)')
    const [mail] = rendered([{ ...send.mail, locale: 'en' as const }])
    expect(mail!.subject).toBe('Reminder: available 6–20 Sep for Saba as information manager?')
    expect(mail!.text).toContain('You answered: available. That answer stands unless you answer again.')
    expect(mail!.text).toContain(`https://ccpm.example/answer/a-old.${'t'.repeat(32)}?a=available`)
    expect(mail!.text).toContain('Please answer before: Sun 6 Sep 10:00 (UTC−4)')
  })

  it('sends exactly one question per chosen person: first alerts for the new, reminders for the asked (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.nat(3), { nil: null }), { minLength: 1, maxLength: 12 }),
        (before) => {
          const people = before.map((_, i) => ({ ...anna, id: `f${i}` }))
          const asked = new Map(
            before.flatMap((reminders, i) =>
              reminders === null
                ? []
                : [
                    [
                      `f${i}`,
                      { id: `a${i}`, reminders, lastSentAt: NOW - REMINDER_GAP_MS, answer: null },
                    ] as const,
                  ],
            ),
          )
          const result = sendAlerts(coordinator, request, need, people, NOW + 1, ctx({ asked }))
          if (!result.ok) throw new Error(why(result))
          expect(result.sends.map((s) => s.kind)).toEqual(
            before.map((b) => (b === null ? 'first' : 'reminder')),
          )
          for (const [i, s] of result.sends.entries())
            if (s.kind === 'reminder') expect(s.reminder.reminders).toBe(before[i]! + 1)
          expect(new Set(result.sends.map((s) => s.mail.to)).size).toBe(1) // one address here, once per person
        },
      ),
    )
  })

  const refusals: [string, () => ReturnType<typeof sendAlerts>, string][] = [
    ['an island user', () => sendAlerts(sabaUser, request, need, [anna], NOW + 1, ctx()), 'forbidden'],
    [
      'a submitted request',
      () => sendAlerts(coordinator, { ...request, status: 'submitted' }, need, [anna], NOW + 1, ctx()),
      'conflict',
    ],
    [
      'a closed request',
      () => sendAlerts(coordinator, { ...request, status: 'closed' }, need, [anna], NOW + 1, ctx()),
      'conflict',
    ],
    ['a deadline now', () => sendAlerts(coordinator, request, need, [anna], NOW, ctx()), 'invalid'],
    ['nobody', () => sendAlerts(coordinator, request, need, [], NOW + 1, ctx()), 'invalid'],
    [
      'too many',
      () =>
        sendAlerts(
          coordinator,
          request,
          need,
          Array.from({ length: MAX_RECIPIENTS + 1 }, (_, i) => ({ ...anna, id: `f${i}` })),
          NOW + 1,
          ctx(),
        ),
      'invalid',
    ],
    [
      'someone asked a minute ago',
      () => sendAlerts(coordinator, request, need, [anna], NOW + 1, ctx({ asked: askedAgo(60_000) })),
      'invalid',
    ],
  ]
  it.each(refusals)('refuses %s', (_name, run, error) => {
    const result = run()
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error).toBe(error)
  })

  it('says each refusal as a code, and why each chosen person cannot be asked', () => {
    expect(sendAlerts(sabaUser, request, need, [anna], NOW + 1, ctx())).toMatchObject({
      message: msg('alerts.coordinatorsOnly'),
    })
    expect(
      sendAlerts(coordinator, { ...request, status: 'submitted' }, need, [anna], NOW + 1, ctx()),
    ).toMatchObject({ message: msg('alerts.notAcknowledged', { status: 'submitted' }) })
    expect(sendAlerts(coordinator, request, need, [anna], NOW, ctx())).toMatchObject({
      message: msg('alerts.deadline.past'),
      fields: { deadline: msg('alerts.deadline.past') },
    })
    const two = sendAlerts(
      coordinator,
      request,
      need,
      [anna, { ...anna, id: 'f2', name: 'Ben' }],
      NOW + 1,
      ctx({ asked: askedAgo(60_000), excluded: new Map([['f2', [msg('matching.excluded.inactive')]]]) }),
    )
    expect(!two.ok && english(two.message)).toBe(
      'Anna was asked at Sun 6 Sep 07:59 (UTC−4); a reminder can go 10 minutes after the last question. Ben: inactive in the pool.',
    )
  })

  it('writes nothing for anyone when one chosen person is not eligible (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { minLength: 1, maxLength: 10 }), (flags) => {
        const people = flags.map((_, i) => ({ ...anna, id: `f${i}` }))
        const excluded = new Map(
          flags.map((ok, i) => [`f${i}`, ok ? [] : [msg('matching.excluded.inactive')]] as const),
        )
        const result = sendAlerts(coordinator, request, need, people, NOW + 1, ctx({ excluded }))
        expect(result.ok).toBe(flags.every(Boolean))
        if (result.ok) expect(result.sends).toHaveLength(people.length)
      }),
    )
  })
})

describe('answerAlert', () => {
  const alert: AlertRecord = {
    id: 'a1',
    needId: 'n1',
    requestId: 'r1',
    functionaryId: 'f1',
    sentBy: 'u-c',
    sentAt: NOW,
    deadline: NOW + 1000,
    answer: null,
    note: null,
    answeredAt: null,
    reminders: 0,
    remindedAt: null,
  }
  it('records available or unavailable with a trimmed note, before the deadline', () => {
    const result = answerAlert(alert, { name: 'Anna' }, 'available', '  Sunday  ', NOW + 10, () => 'e1')
    expect(result).toMatchObject({
      ok: true,
      patch: { answer: 'available', note: 'Sunday', answeredAt: NOW + 10 },
    })
    if (result.ok)
      expect(result.event).toMatchObject({ action: 'alert.answered', actorId: null, actorLabel: 'Anna' })
    if (result.ok)
      expect(translatorFor('en').audit(result.event)).toBe(
        'Anna answered through the link in the mail: available',
      )
  })
  it('changes an answer before the deadline; the same answer again changes nothing', () => {
    const changed = answerAlert(
      { ...alert, answer: 'available' },
      { name: 'A' },
      'unavailable',
      'ill',
      NOW,
      () => 'e',
    )
    expect(changed).toMatchObject({ ok: true, patch: { answer: 'unavailable', note: 'ill' } })
    if (changed.ok) expect(changed.event.before).toEqual({ answer: 'available' })
    expect(
      answerAlert({ ...alert, answer: 'unavailable' }, { name: 'A' }, 'unavailable', '', NOW, () => 'e'),
    ).toMatchObject({ ok: false, error: 'answered' })
  })
  it('takes the same answer with a new note, and the same answer again after a reminder (a confirmation)', () => {
    const given = { ...alert, answer: 'available' as const, note: 'Sunday', answeredAt: NOW - 5000 }
    expect(answerAlert(given, { name: 'A' }, 'available', 'Monday', NOW, () => 'e')).toMatchObject({
      ok: true,
      patch: { answer: 'available', note: 'Monday' },
    })
    expect(answerAlert(given, { name: 'A' }, 'available', 'Sunday', NOW, () => 'e')).toMatchObject({
      ok: false,
      error: 'answered',
      message: msg('alerts.answered', { answer: 'available' }),
    })
    const reminded = { ...given, reminders: 1, remindedAt: NOW - 1000 }
    expect(answerAlert(reminded, { name: 'A' }, 'available', 'Sunday', NOW, () => 'e')).toMatchObject({
      ok: true,
      patch: { answer: 'available', note: 'Sunday', answeredAt: NOW },
    })
  })
  it('names the account when answered signed in', () => {
    const result = answerAlert(alert, { name: 'Anna', userId: 'u-a' }, 'unavailable', '', NOW, () => 'e')
    if (!result.ok) throw new Error('refused')
    expect(result.event).toMatchObject({ actorId: 'u-a', after: { answer: 'unavailable', via: 'account' } })
    expect(translatorFor('en').audit(result.event)).toBe('Anna answered signed in: not available')
    expect(translatorFor('nl').audit(result.event)).toBe('Anna heeft ingelogd geantwoord: niet beschikbaar')
  })
  it('refuses at and after the deadline', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (late) => {
        expect(
          answerAlert(alert, { name: 'A' }, 'available', '', alert.deadline + late, () => 'e'),
        ).toMatchObject({ ok: false, error: 'expired' })
      }),
    )
  })
  it('refuses anything but the two answers, and long notes', () => {
    expect(answerAlert(alert, { name: 'A' }, 'maybe', '', NOW, () => 'e')).toMatchObject({
      error: 'invalid',
      message: msg('alerts.chooseAnswer'),
    })
    expect(answerAlert(alert, { name: 'A' }, 'available', 'x'.repeat(1001), NOW, () => 'e')).toMatchObject({
      error: 'invalid',
      message: msg('alerts.noteTooLong', { max: 1000 }),
    })
  })
})

describe('dates in mails', () => {
  const { f } = translatorFor('en')
  it.each([
    ['2026-09-06', '2026-09-20', '6–20 Sep'],
    ['2026-09-28', '2026-10-04', '28 Sep–4 Oct'],
    ['2026-12-30', '2027-01-03', '30 Dec 2026–3 Jan 2027'],
    ['2026-09-06', '2026-09-06', '6 Sep'],
  ])('%s – %s is %s', (a, b, expected) => expect(f.period(a, b, false)).toBe(expected))
  it('gives deadlines in island time', () =>
    expect(f.moment(Date.UTC(2026, 8, 7, 12), 'America/Kralendijk')).toBe('Mon 7 Sep 08:00'))
})
