/** What each step needs and writes: the person's yes, reasons, travel, version, open request, fill; events, mails, the request's system step. */
import { describe, expect, it } from 'vitest'
import { type StepInput, type StepResult, step } from '../../../pool/assignments/index.ts'
import type { AssignmentStatus, RequestStatus } from '../../../pool/reference/index.ts'
import { actors, anna, assignment, NOW, other, recipients, sabaRequest, stepCtx, TRAVEL } from './fixtures.ts'

const refusal = (r: StepResult) => (r.ok ? 'ok' : `${r.error} ${r.message.code}`)
const fields = (r: StepResult) => (r.ok ? {} : (r.fields ?? {}))

describe("offering needs the person's yes", () => {
  const proposed = assignment()
  it.each([
    ['answered available, nothing recorded', 'available', undefined, 'ok'],
    ['no answer, nothing recorded', null, undefined, 'invalid assignment.confirm.required'],
    [
      'answered not available, nothing recorded',
      'unavailable',
      undefined,
      'invalid assignment.confirm.required',
    ],
    ['no answer, confirmed by phone', null, { channel: 'phone', note: 'Called 10:05' }, 'ok'],
    ['not available, then confirmed in person', 'unavailable', { channel: 'in_person' }, 'ok'],
    [
      'no answer, confirmed by carrier pigeon',
      null,
      { channel: 'pigeon' },
      'invalid assignment.confirm.channel',
    ],
    [
      'confirmed with an overlong note',
      null,
      { channel: 'radio', note: 'x'.repeat(1001) },
      'invalid assignment.confirm.noteTooLong',
    ],
  ] as const)('%s: %s', (_, answer, confirmedBy, expected) => {
    const r = step(proposed, { status: 'offered', confirmedBy }, actors.dutyOfficer, stepCtx({ answer }))
    expect(refusal(r)).toBe(expected)
  })

  it('records the confirmation with the coordinator who heard it', () => {
    const r = step(
      proposed,
      { status: 'offered', confirmedBy: { channel: 'phone', note: ' Called 10:05 ' } },
      actors.dutyOfficer,
      stepCtx({ answer: null }),
    )
    if (!r.ok) throw new Error(refusal(r))
    expect(r.after.confirmedBy).toEqual({ channel: 'phone', note: 'Called 10:05', by: 'u-locc' })
    expect(r.after.offeredAt).toBe(NOW)
    expect(r.event.after).toMatchObject({ confirmedBy: { channel: 'phone' } })
  })

  it('puts the missing confirmation on its field', () => {
    const r = step(proposed, { status: 'offered' }, actors.dutyOfficer, stepCtx({ answer: null }))
    expect(fields(r)).toEqual({
      'confirmedBy.channel': { code: 'assignment.confirm.required', params: { name: 'Anna de Vries' } },
    })
  })
})

describe('reasons', () => {
  it.each([
    ['declined', 'offered', 'sabaTeam'],
    ['cancelled', 'accepted', 'dutyOfficer'],
  ] as const)('%s needs one', (to, from, who) => {
    const a = assignment({ status: from })
    for (const reason of [undefined, null, '', '   '])
      expect(refusal(step(a, { status: to, reason }, actors[who], stepCtx()))).toBe(
        'invalid assignment.reason.required',
      )
    expect(refusal(step(a, { status: to, reason: 'x'.repeat(2001) }, actors[who], stepCtx()))).toBe(
      'invalid assignment.reason.tooLong',
    )
    const r = step(a, { status: to, reason: '  Not the profile we asked for. ' }, actors[who], stepCtx())
    if (!r.ok) throw new Error(refusal(r))
    expect(r.after).toMatchObject({ reason: 'Not the profile we asked for.', endedAt: NOW })
    expect(r.event.after).toMatchObject({ reason: 'Not the profile we asked for.' })
  })

  it('other steps keep no reason', () => {
    const r = step(
      assignment({ status: 'offered' }),
      { status: 'accepted', reason: 'Great' },
      actors.sabaTeam,
      stepCtx(),
    )
    expect(r.ok && r.after.reason).toBe(null)
  })
})

describe('travel', () => {
  const accepted = assignment({ status: 'accepted' })
  const go = (travel: StepInput['travel']) =>
    step(accepted, { status: 'travelling', travel }, actors.dutyOfficer, stepCtx())
  it.each([
    ['none', null, 'invalid assignment.travel.required', 'travel'],
    [
      'arrival before departure',
      { ...TRAVEL, eta: TRAVEL.etd - 1 },
      'invalid assignment.travel.order',
      'travel.eta',
    ],
    ['arrival at departure', { ...TRAVEL, eta: TRAVEL.etd }, 'ok', null],
    [
      'unknown transport',
      { ...TRAVEL, transport: 'balloon' },
      'invalid assignment.travel.transport',
      'travel.transport',
    ],
    ['no departure time', { ...TRAVEL, etd: Number.NaN }, 'invalid assignment.travel.time', 'travel.etd'],
    [
      'overlong reference',
      { ...TRAVEL, reference: 'x'.repeat(101) },
      'invalid assignment.travel.referenceTooLong',
      'travel.reference',
    ],
    ['by ferry, no reference', { ...TRAVEL, transport: 'ferry', reference: undefined }, 'ok', null],
  ] as const)('%s', (_, travel, expected, field) => {
    const r = go(travel)
    expect(refusal(r)).toBe(expected)
    if (field) expect(Object.keys(fields(r))).toEqual([field])
  })

  it('records the travel as given', () => {
    const r = go(TRAVEL)
    expect(r.ok && r.after.travel).toEqual(TRAVEL)
    expect(r.ok && r.event.after).toMatchObject({ travel: TRAVEL })
  })
})

describe('versions', () => {
  const a = assignment({ status: 'offered' })
  it.each([
    [undefined, 'ok'],
    [4, 'ok'],
    [3, 'conflict assignment.step.stale'],
    [5, 'conflict assignment.step.stale'],
  ] as const)('version %s: %s', (version, expected) => {
    expect(refusal(step(a, { status: 'accepted', version }, actors.sabaTeam, stepCtx()))).toBe(expected)
  })
  it('the stale refusal says where it is now', () => {
    const r = step(a, { status: 'accepted', version: 2 }, actors.sabaTeam, stepCtx())
    expect(!r.ok && r.message).toEqual({
      code: 'assignment.step.stale',
      params: { status: 'offered', version: 4 },
    })
  })
})

describe('the request must be open for a step forward', () => {
  const cases: [AssignmentStatus, AssignmentStatus, keyof typeof actors][] = [
    ['proposed', 'offered', 'dutyOfficer'],
    ['offered', 'accepted', 'sabaTeam'],
    ['accepted', 'travelling', 'dutyOfficer'],
    ['travelling', 'on_site', 'sabaTeam'],
    ['on_site', 'released', 'sabaTeam'],
    ['released', 'completed', 'dutyOfficer'],
    ['offered', 'declined', 'sabaTeam'],
    ['accepted', 'cancelled', 'dutyOfficer'],
  ]
  const forward = new Set(['offered', 'accepted', 'travelling', 'on_site'])
  const statuses: RequestStatus[] = [
    'submitted',
    'acknowledged',
    'in_progress',
    'closed',
    'rejected',
    'withdrawn',
  ]
  it.each(cases.flatMap(([from, to, who]) => statuses.map((rs) => ({ from, to, who, rs }))))(
    '$from → $to on a request $rs',
    ({ from, to, who, rs }) => {
      const open = rs === 'acknowledged' || rs === 'in_progress'
      const r = step(
        assignment({ status: from }),
        { status: to, reason: 'Stood down.', travel: TRAVEL },
        actors[who],
        stepCtx({ request: { ...sabaRequest, status: rs } }),
      )
      expect(refusal(r)).toBe(!open && forward.has(to) ? 'conflict assignment.step.requestNotOpen' : 'ok')
    },
  )
})

describe("acceptance keeps within the need's count", () => {
  const offered = assignment({ status: 'offered' })
  it.each([
    [[], 'ok'],
    [[other('b', 'accepted')], 'ok'],
    [[other('b', 'accepted'), other('c', 'on_site')], 'conflict assignment.need.filled'],
    [[other('b', 'released'), other('c', 'completed')], 'conflict assignment.need.filled'],
    [[other('b', 'accepted'), other('c', 'offered'), other('d', 'declined'), other('e', 'cancelled')], 'ok'],
    [[other('b', 'accepted'), other('c', 'travelling', { needId: 'need-other' })], 'ok'],
  ] as const)('%#: %s', (needAssignments, expected) => {
    expect(
      refusal(
        step(
          offered,
          { status: 'accepted' },
          actors.sabaTeam,
          stepCtx({ needAssignments: [...needAssignments] }),
        ),
      ),
    ).toBe(expected)
  })

  it('hands the write its capacity guard', () => {
    const r = step(offered, { status: 'accepted' }, actors.sabaTeam, stepCtx())
    expect(r.ok && r.capacity).toEqual({
      needId: 'need-im',
      count: 2,
      statuses: ['accepted', 'travelling', 'on_site', 'released', 'completed'],
    })
    expect(r.ok && r.after.acceptedAt).toBe(NOW)
  })
})

describe('arrival', () => {
  const travelling = assignment({ status: 'travelling', travel: TRAVEL })
  it.each([
    ['the island', 'sabaTeam', false],
    ['a coordinator on its behalf', 'dutyOfficer', true],
  ] as const)('confirmed by %s', (_, who, onBehalf) => {
    const r = step(travelling, { status: 'on_site' }, actors[who], stepCtx())
    if (!r.ok) throw new Error(refusal(r))
    expect(r.after).toMatchObject({ onBehalf, arrivedAt: NOW })
    expect(r.event.after).toMatchObject({ onBehalf })
  })

  it('moves an acknowledged request to in progress: a system step with its own event', () => {
    const r = step(
      travelling,
      { status: 'on_site' },
      actors.sabaTeam,
      stepCtx({
        request: { ...sabaRequest, status: 'acknowledged' },
      }),
    )
    if (!r.ok) throw new Error(refusal(r))
    expect(r.request).toMatchObject({ requestId: 'req-saba', from: 'acknowledged', to: 'in_progress' })
    expect(r.request?.event).toMatchObject({
      actorId: null,
      action: 'request.in_progress_on_arrival',
      entity: 'request',
      entityId: 'req-saba',
      before: { status: 'acknowledged' },
      after: { status: 'in_progress', assignmentId: 'asg-anna', name: 'Anna de Vries' },
    })
    expect(r.request?.event.id).not.toBe(r.event.id)
  })

  it('leaves a request already in progress alone', () => {
    const r = step(travelling, { status: 'on_site' }, actors.sabaTeam, stepCtx())
    expect(r.ok && r.request).toBeUndefined()
  })
})

describe('events', () => {
  it('name the actor, the step and the person', () => {
    const r = step(assignment({ status: 'on_site' }), { status: 'released' }, actors.sabaTeam, stepCtx())
    if (!r.ok) throw new Error(refusal(r))
    expect(r.event).toEqual({
      id: 'id-1',
      at: NOW,
      actorId: 'u-saba',
      actorLabel: 'EOT Saba',
      action: 'assignment.released',
      entity: 'assignment',
      entityId: 'asg-anna',
      before: { status: 'on_site', version: 4 },
      after: {
        status: 'released',
        version: 5,
        needId: 'need-im',
        functionaryId: 'f-anna',
        name: 'Anna de Vries',
        island: 'SA',
      },
    })
    expect(r.assignment).toEqual({
      id: 'asg-anna',
      expect: { status: 'on_site', version: 4 },
      patch: { status: 'released', version: 5, updatedAt: NOW, releasedAt: NOW },
    })
  })
})

describe('mails', () => {
  const run = (from: AssignmentStatus, to: AssignmentStatus, who: keyof typeof actors, extra = {}) => {
    const r = step(
      assignment({ status: from, ...extra }),
      { status: to, reason: 'Storm.', travel: TRAVEL },
      actors[who],
      stepCtx(),
    )
    if (!r.ok) throw new Error(refusal(r))
    return r.mails.map((m) => [
      m.to,
      m.locale,
      m.message.code,
      (m.attachments ?? []).map((a) => a.calendar.cancelled),
    ])
  }
  const island = recipients.island.map((r) => [r.address, r.locale])
  const coordinators = recipients.coordinators.map((r) => [r.address, r.locale])
  const person = [anna.email, anna.locale]

  it.each([
    ['proposed', 'offered', 'dutyOfficer', island.map((r) => [...r, 'assignment.mail.offered', []])],
    ['offered', 'accepted', 'sabaTeam', [[...person, 'assignment.mail.accepted', [false]]]],
    ['offered', 'declined', 'sabaTeam', coordinators.map((r) => [...r, 'assignment.mail.declined', []])],
    ['accepted', 'travelling', 'dutyOfficer', [[...person, 'assignment.mail.travelling', [false]]]],
    ['travelling', 'on_site', 'sabaTeam', []],
    ['on_site', 'released', 'sabaTeam', []],
    ['released', 'completed', 'dutyOfficer', []],
    ['proposed', 'cancelled', 'dutyOfficer', []],
    ['offered', 'cancelled', 'dutyOfficer', island.map((r) => [...r, 'assignment.mail.offerCancelled', []])],
    [
      'accepted',
      'cancelled',
      'dutyOfficer',
      [
        ...island.map((r) => [...r, 'assignment.mail.offerCancelled', []]),
        [...person, 'assignment.mail.cancelled', [true]],
      ],
    ],
  ] as const)('%s → %s', (from, to, who, expected) => {
    expect(run(from, to, who)).toEqual(expected)
  })

  it('the offer carries what the island needs to decide', () => {
    const r = step(assignment(), { status: 'offered' }, actors.dutyOfficer, stepCtx())
    expect(r.ok && r.mails[0]!.message).toEqual({
      code: 'assignment.mail.offered',
      params: {
        name: 'Anna de Vries',
        island: 'SA',
        role: 'information_manager',
        periodStart: '2026-09-06',
        periodEnd: '2026-09-20',
        requestTitle: 'Information management after Hurricane Erin',
        url: 'https://ccpm.example/assignments/asg-anna',
        level: 'senior',
        minLevel: 'qualified',
        languages: ['nl', 'en', 'pap'],
        organisation: 'Veiligheidsregio Haaglanden',
        base: 'NL',
        travelMinutes: 810,
      },
    })
  })

  it('the acceptance carries the travel known so far, the contact and the calendar', () => {
    const r = step(assignment({ status: 'offered' }), { status: 'accepted' }, actors.sabaTeam, stepCtx())
    if (!r.ok) throw new Error(refusal(r))
    const mail = r.mails[0]!
    expect(mail.message.params).toMatchObject({
      contact: 'EOT Saba, +599 416 3311 (satellite)',
      etd: null,
      eta: null,
      zone: 'America/Kralendijk',
      departureZone: 'Europe/Amsterdam',
    })
    expect(mail.attachments).toEqual([
      {
        filename: 'deployment-asg-anna.ics',
        contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
        calendar: {
          assignmentId: 'asg-anna',
          sequence: 5,
          stamp: NOW,
          island: 'SA',
          role: 'information_manager',
          periodStart: '2026-09-06',
          periodEnd: '2026-09-20',
          travel: null,
          contact: 'EOT Saba, +599 416 3311 (satellite)',
          cancelled: false,
        },
      },
    ])
  })

  it('the decline carries the reason', () => {
    const r = step(
      assignment({ status: 'offered' }),
      { status: 'declined', reason: 'We need a Papiamentu speaker.' },
      actors.sabaTeam,
      stepCtx(),
    )
    expect(r.ok && r.mails[0]!.message.params).toMatchObject({ reason: 'We need a Papiamentu speaker.' })
  })

  it('one mail per address, whatever its case', () => {
    const ctx = stepCtx({
      recipients: {
        ...recipients,
        island: [
          { address: 'EOT@saba.example', locale: 'en' },
          { address: 'eot@saba.example ', locale: 'nl' },
          { address: ' ', locale: 'en' },
        ],
      },
    })
    const r = step(assignment(), { status: 'offered' }, actors.dutyOfficer, ctx)
    expect(r.ok && r.mails.map((m) => m.to)).toEqual(['EOT@saba.example'])
  })
})
