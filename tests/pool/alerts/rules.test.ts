import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type AlertRecord,
  answerAlert,
  type Candidate,
  type Ineligible,
  MAX_RECIPIENTS,
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
  pending: new Set(),
  excluded: new Map(),
  ...over,
})

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
    ['eligible and not waiting', {}, null, null],
    [
      'already asked and waiting',
      { pending: new Set(['f1']) },
      { name: 'Anna', reason: 'pending', reasons: [] },
      'Anna was already alerted and has not answered yet.',
    ],
    [
      'excluded by matching, every reason said',
      { excluded: new Map([['f1', [level, leave]]]) },
      { name: 'Anna', reason: 'excluded', reasons: [level, leave] },
      'Anna: level trainee, need asks qualified; on leave 10–14 Sep.',
    ],
    ['excluded by nothing', { excluded: new Map([['f1', []]]) }, null, null],
  ]
  it.each(table)('%s', (_name, over, expected, sentence) => {
    const result = sendAlerts(coordinator, request, need, [anna], NOW + 1, ctx(over))
    if (expected === null) return expect(result.ok).toBe(true)
    expect(result).toMatchObject({ ok: false, error: 'invalid' })
    const message = !result.ok ? result.message : null
    expect(message).toEqual(msg('alerts.ineligible', { problems: [expected] }))
    expect(english(message!)).toBe(sentence)
  })
})

describe('sendAlerts', () => {
  it('makes one alert, one event and one mail per person, with the link and the subject', () => {
    const result = sendAlerts(coordinator, request, need, [anna], NOW + 3_600_000, ctx())
    if (!result.ok) throw new Error(why(result))
    expect(result.alerts).toHaveLength(1)
    expect(result.events.map((e) => e.action)).toEqual(['alert.sent'])
    expect(result.mails[0]).toMatchObject({
      to: 'anna@example.org',
      locale: 'nl',
      message: { code: 'alerts.mail.ask' },
    })
    const [mail] = rendered(result.mails.map((m) => ({ ...m, locale: 'en' as const })))
    expect(mail!.to).toBe('anna@example.org')
    expect(mail!.subject).toBe('Available 6–20 Sep for Saba as information manager?')
    expect(mail!.text).toContain('Please answer before: Sun 6 Sep 09:00 (UTC−4)')
    expect(mail!.text).toContain('Languages: English')
    expect(mail!.text).toContain(
      `https://ccpm.example/answer/${result.alerts[0]!.id}.${'s'.repeat(32)}?a=available`,
    )
    expect(mail!.text).toContain('?a=unavailable')
    expect(mail!.text).not.toContain('Roofs gone')
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
      'someone already waiting',
      () => sendAlerts(coordinator, request, need, [anna], NOW + 1, ctx({ pending: new Set(['f1']) })),
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
      ctx({ pending: new Set(['f1']), excluded: new Map([['f2', [msg('matching.excluded.inactive')]]]) }),
    )
    expect(!two.ok && english(two.message)).toBe(
      'Anna was already alerted and has not answered yet. Ben: inactive in the pool.',
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
        if (result.ok) expect(result.mails).toHaveLength(people.length)
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
