/** Proposing, a request's end cancelling what is not yet on site, and an answer taken back flagging the proposal. */
import { describe, expect, it } from 'vitest'
import {
  type AnswerChangeContext,
  cancelForRequestEnd,
  flagOnAnswerChange,
  type ProposeContext,
  propose,
  type RequestEndContext,
} from '../../../pool/assignments/index.ts'
import type { RequestStatus } from '../../../pool/reference/index.ts'
import { msg } from '../../../pool/shared/index.ts'
import {
  type ActorKey,
  actors,
  anna,
  assignment,
  ids,
  imNeed,
  NOW,
  other,
  recipients,
  sabaRequest,
} from './fixtures.ts'

function proposeCtx(extra: Partial<ProposeContext> = {}): ProposeContext {
  return {
    now: NOW,
    newId: ids('p'),
    request: sabaRequest,
    need: imNeed,
    person: { id: 'f-anna', name: 'Anna de Vries' },
    personAssignments: [],
    ...extra,
  }
}
const outcome = (r: { ok: boolean; error?: string; message?: { code: string } }) =>
  r.ok ? 'ok' : `${r.error} ${r.message?.code}`

describe('propose', () => {
  it.each([
    ['sabaTeam', 'forbidden assignment.propose.forbidden'],
    ['sxmTeam', 'not_found assignment.needNotFound'],
    ['dutyOfficer', 'ok'],
    ['usar', 'forbidden assignment.propose.forbidden'],
    ['ministry', 'forbidden assignment.propose.forbidden'],
    ['anna', 'not_found assignment.needNotFound'],
    ['sysadmin', 'forbidden assignment.propose.forbidden'],
  ] as [ActorKey, string][])('by %s: %s', (who, expected) => {
    expect(outcome(propose(actors[who], proposeCtx()))).toBe(expected)
  })

  it.each([
    ['draft', false],
    ['submitted', false],
    ['acknowledged', true],
    ['in_progress', true],
    ['closed', false],
    ['rejected', false],
    ['withdrawn', false],
  ] as [RequestStatus, boolean][])('on a request %s: %s', (status, ok) => {
    const r = propose(actors.dutyOfficer, proposeCtx({ request: { ...sabaRequest, status } }))
    expect(outcome(r)).toBe(ok ? 'ok' : 'conflict assignment.propose.requestNotOpen')
  })

  it.each(['capacity', 'other'] as const)('refuses a %s need', (kind) => {
    expect(outcome(propose(actors.dutyOfficer, proposeCtx({ need: { id: 'n', kind } })))).toBe(
      'invalid assignment.propose.notFunctionaryNeed',
    )
  })

  it('409 with the current assignment when the person is held in an overlapping period', () => {
    const held = other('x', 'accepted', {
      functionaryId: 'f-anna',
      island: 'SX',
      periodStart: '2026-09-01',
      periodEnd: '2026-09-06',
    })
    const r = propose(actors.dutyOfficer, proposeCtx({ personAssignments: [held], exclusions: [msg('x.y')] }))
    expect(r).toMatchObject({
      ok: false,
      error: 'conflict',
      current: held,
      message: {
        code: 'assignment.propose.overlap',
        params: {
          assignmentId: 'x',
          island: 'SX',
          status: 'accepted',
          periodStart: '2026-09-01',
          periodEnd: '2026-09-06',
        },
      },
    })
  })

  it('an ended or neighbouring assignment does not hold the person', () => {
    const list = [
      other('x', 'completed', { periodStart: '2026-09-01', periodEnd: '2026-09-30' }),
      other('y', 'accepted', { periodStart: '2026-08-01', periodEnd: '2026-09-05' }),
    ]
    expect(propose(actors.dutyOfficer, proposeCtx({ personAssignments: list })).ok).toBe(true)
  })

  it("422 with matching's reasons", () => {
    const reasons = [msg('matching.language', { language: 'pap' }), msg('matching.level')]
    const r = propose(actors.dutyOfficer, proposeCtx({ exclusions: reasons }))
    expect(r).toMatchObject({
      ok: false,
      error: 'invalid',
      reasons,
      message: { code: 'assignment.propose.excluded', params: { count: 2 } },
    })
  })

  it("makes a proposed assignment for the request's period, with its event and the insert's guard", () => {
    const r = propose(actors.dutyOfficer, proposeCtx())
    if (!r.ok) throw new Error(outcome(r))
    expect(r.assignment).toMatchObject({
      id: 'p-1',
      needId: 'need-im',
      requestId: 'req-saba',
      island: 'SA',
      functionaryId: 'f-anna',
      status: 'proposed',
      periodStart: '2026-09-06',
      periodEnd: '2026-09-20',
      travel: null,
      confirmedBy: null,
      proposedBy: 'u-locc',
      version: 1,
      createdAt: NOW,
    })
    expect(r.event).toMatchObject({
      id: 'p-2',
      action: 'assignment.proposed',
      entityId: 'p-1',
      before: null,
      after: { status: 'proposed', name: 'Anna de Vries', island: 'SA', periodStart: '2026-09-06' },
    })
    expect(r.guard).toEqual({
      functionaryId: 'f-anna',
      periodStart: '2026-09-06',
      periodEnd: '2026-09-20',
      statuses: ['proposed', 'offered', 'accepted', 'travelling', 'on_site'],
    })
  })

  it("takes the need's own period when it has one", () => {
    const r = propose(
      actors.dutyOfficer,
      proposeCtx({ need: { ...imNeed, periodStart: '2026-09-10', periodEnd: '2026-09-14' } }),
    )
    expect(r.ok && [r.assignment.periodStart, r.assignment.periodEnd]).toEqual(['2026-09-10', '2026-09-14'])
  })
})

function endCtx(extra: Partial<RequestEndContext> = {}): RequestEndContext {
  return {
    now: NOW,
    newId: ids('e'),
    baseUrl: 'https://ccpm.example',
    request: sabaRequest,
    reason: 'The airport reopened; our own staff cope.',
    needs: [imNeed],
    people: [anna],
    ...extra,
  }
}

describe("a request's end cancels what is not yet on site", () => {
  const list = [
    other('p', 'proposed'),
    other('o', 'offered'),
    assignment({ status: 'accepted' }),
    other('t', 'travelling'),
    other('d', 'declined'),
    other('r', 'released'),
    other('c', 'completed'),
    other('x', 'cancelled'),
  ]

  it.each(['withdrawn', 'rejected'] as const)('%s', (to) => {
    const tess = { ...anna, id: 'f-t', name: 'Tess Ruiz', email: 'tess@example.org', locale: 'pap' as const }
    const r = cancelForRequestEnd(to, list, actors.sabaTeam, endCtx({ people: [anna, tess] }))
    if (!r.ok) throw new Error(outcome(r))
    expect(r.cancellations.map((c) => [c.assignment.id, c.assignment.expect.status, c.after.status])).toEqual(
      [
        ['p', 'proposed', 'cancelled'],
        ['o', 'offered', 'cancelled'],
        ['asg-anna', 'accepted', 'cancelled'],
        ['t', 'travelling', 'cancelled'],
      ],
    )
    const cause = to === 'withdrawn' ? 'request_withdrawn' : 'request_rejected'
    for (const c of r.cancellations) {
      expect(c.assignment.patch).toMatchObject({
        version: 5,
        endedAt: NOW,
        reason: 'The airport reopened; our own staff cope.',
      })
      expect(c.event).toMatchObject({ action: 'assignment.cancelled', actorId: 'u-saba', after: { cause } })
    }
    // Only the people the island had accepted hear of it, with a cancelled calendar; the island is not mailed.
    const mails = r.cancellations.flatMap((c) => c.mails)
    expect(
      mails.map((m) => [m.to, m.locale, m.message.code, (m.message.params as { cause?: string }).cause]),
    ).toEqual([
      ['anna@example.org', 'nl', 'assignment.mail.cancelled', cause],
      ['tess@example.org', 'pap', 'assignment.mail.cancelled', cause],
    ])
    expect(mails.map((m) => m.attachments?.[0]?.calendar.cancelled)).toEqual([true, true])
  })

  it('is refused while anyone is on site', () => {
    const r = cancelForRequestEnd('withdrawn', [...list, other('s', 'on_site')], actors.sabaTeam, endCtx())
    expect(r).toMatchObject({ ok: false, error: 'conflict', message: { code: 'assignment.request.onSite' } })
  })
})

function answerCtx(extra: Partial<AnswerChangeContext> = {}): AnswerChangeContext {
  return {
    now: NOW,
    newId: ids('a'),
    baseUrl: 'https://ccpm.example',
    request: sabaRequest,
    need: imNeed,
    person: anna,
    note: 'My mother is in hospital.',
    coordinators: recipients.coordinators,
    ...extra,
  }
}

describe('an answer taken back', () => {
  const list = [
    assignment({ status: 'proposed' }),
    assignment({ id: 'old', status: 'cancelled' }),
    other('someone-else', 'proposed'),
    assignment({ id: 'elsewhere', status: 'proposed', needId: 'need-x' }),
  ]

  it('flags the proposal for this need and mails the coordinators', () => {
    const flags = flagOnAnswerChange('available', 'unavailable', list, answerCtx())
    expect(flags).toHaveLength(1)
    const [f] = flags
    expect(f!.assignment).toEqual({
      id: 'asg-anna',
      expect: { status: 'proposed', version: 4 },
      patch: { status: 'proposed', version: 5, updatedAt: NOW, flaggedAt: NOW },
    })
    expect(f!.event).toMatchObject({
      actorId: null,
      actorLabel: 'Anna de Vries',
      action: 'assignment.flagged',
      before: { answer: 'available' },
      after: { answer: 'unavailable', note: 'My mother is in hospital.' },
    })
    expect(
      f!.mails.map((m) => [m.to, m.locale, m.message.code, (m.message.params as { note?: string }).note]),
    ).toEqual(
      recipients.coordinators.map((c) => [
        c.address,
        c.locale,
        'assignment.mail.flagged',
        'My mother is in hospital.',
      ]),
    )
  })

  it.each([
    ['available', 'available'],
    ['unavailable', 'available'],
    [null, 'unavailable'],
  ] as const)('%s → %s flags nothing', (before, after) => {
    expect(flagOnAnswerChange(before, after, list, answerCtx())).toEqual([])
  })

  it('leaves an offered assignment alone (its answer is locked)', () => {
    expect(
      flagOnAnswerChange('available', 'unavailable', [assignment({ status: 'offered' })], answerCtx()),
    ).toEqual([])
  })
})
