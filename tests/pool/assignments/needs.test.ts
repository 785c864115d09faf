/** What each step needs: the person's yes, a reason, travel, the version seen, an open request, room in the need; and the request's system step on arrival. */
import { describe, expect, it } from 'vitest'
import { type StepInput, type StepResult, step } from '../../../pool/assignments/index.ts'
import type { AssignmentStatus, RequestStatus } from '../../../pool/reference/index.ts'
import { actors, assignment, NOW, other, sabaRequest, stepCtx, TRAVEL } from './fixtures.ts'

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

describe("an offer keeps within the need's count too", () => {
  const proposed = assignment({ status: 'proposed' })
  const phone = { channel: 'phone', note: 'Said yes on the phone' }
  it.each([
    [[other('b', 'accepted')], 'ok'],
    [[other('b', 'offered'), other('c', 'offered')], 'ok'],
    [[other('b', 'accepted'), other('c', 'travelling')], 'conflict assignment.need.filled'],
  ] as const)('%#: %s', (needAssignments, expected) => {
    const r = step(
      proposed,
      { status: 'offered', confirmedBy: phone },
      actors.dutyOfficer,
      stepCtx({ needAssignments: [...needAssignments] }),
    )
    expect(refusal(r)).toBe(expected)
    if (r.ok) expect(r.capacity).toMatchObject({ needId: 'need-im', count: 2 })
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
