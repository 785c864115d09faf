/** The request state machine as a table: every from × to × role, then reasons, versions, events, mails, properties. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { REQUEST_STATUSES, type RequestStatus } from '../../../pool/reference/index.ts'
import {
  allowedTransitions,
  isTerminal,
  nextStepSide,
  type RequestRecord,
  readyToSubmit,
  requestVisible,
  type TransitionContext,
  transition,
} from '../../../pool/requests/index.ts'
import { msg, type NamedActor } from '../../../pool/shared/index.ts'
import { actors, ids, mail, NOW, recipients, sabaNeeds, sabaRequest } from '../../fixtures/requests.ts'
import { english, rendered, why } from '../../helpers/english.ts'

const emails = (list: readonly { email: string }[]) => list.map((a) => a.email)

const ROLES = ['sabaTeam', 'sxmTeam', 'dutyOfficer', 'usar', 'ministry', 'anna', 'sysadmin'] as const
const KIND = { O: 'ok', N: 'not_found', F: 'forbidden', C: 'conflict', I: 'invalid' } as const

// One row per current status; one group per target, in the order of REQUEST_STATUSES; one letter per
// actor, in the order of ROLES: Saba's team, Sint Maarten's team, coordinator, dispatcher, observer,
// functionary, admin. O ok, N not_found, F forbidden, C conflict, I invalid.
//                    draft   submitted ack.    in_prog closed  rejected withdrawn
const ISLAND_FILED: Record<RequestStatus, string> = {
  draft: /*      */ 'INNNNNF ONNNNNF FNNNNNF FNNNNNF CNNNNNF FNNNNNF ONNNNNF',
  submitted: /*  */ 'INIIINF CNFFFNF FNOFFNF FNCFFNF CNCFFNF FNOFFNF ONFFFNF',
  acknowledged: /**/ 'INIIINF CNFFFNF FNCFFNF FNOFFNF CNCFFNF FNOFFNF ONFFFNF',
  in_progress: /**/ 'INIIINF CNFFFNF FNCFFNF FNCFFNF ONOFFNF FNCFFNF CNFFFNF',
  closed: /*     */ 'INIIINF CNFFFNF FNCFFNF FNCFFNF CNCFFNF FNCFFNF CNFFFNF',
  rejected: /*   */ 'INIIINF CNFFFNF FNCFFNF FNCFFNF CNCFFNF FNCFFNF CNFFFNF',
  withdrawn: /*  */ 'INIIINF CNFFFNF FNCFFNF FNCFFNF CNCFFNF FNCFFNF CNFFFNF',
}

// Filed by a coordinator on the island's behalf: its draft is visible, and a coordinator may submit
// and withdraw it as the island may.
const FILED_ON_BEHALF: Record<RequestStatus, string> = {
  draft: /*      */ 'INIIINF ONOFFNF FNCFFNF FNCFFNF CNCFFNF FNCFFNF ONOFFNF',
  submitted: /*  */ 'INIIINF CNCFFNF FNOFFNF FNCFFNF CNCFFNF FNOFFNF ONOFFNF',
  acknowledged: /**/ 'INIIINF CNCFFNF FNCFFNF FNOFFNF CNCFFNF FNOFFNF ONOFFNF',
  in_progress: /**/ 'INIIINF CNCFFNF FNCFFNF FNCFFNF ONOFFNF FNCFFNF CNCFFNF',
  closed: /*     */ 'INIIINF CNCFFNF FNCFFNF FNCFFNF CNCFFNF FNCFFNF CNCFFNF',
  rejected: /*   */ 'INIIINF CNCFFNF FNCFFNF FNCFFNF CNCFFNF FNCFFNF CNCFFNF',
  withdrawn: /*  */ 'INIIINF CNCFFNF FNCFFNF FNCFFNF CNCFFNF FNCFFNF CNCFFNF',
}

function ctx(extra: Partial<TransitionContext> = {}): TransitionContext {
  return {
    now: NOW,
    newId: ids(),
    recipients,
    needs: sabaNeeds,
    mail,
    reason: 'Fuel ran out.',
    filled: 1, // one person assigned: in_progress is open to a coordinator (see 'in progress' below)
    ...extra,
  }
}

function cells(grid: Record<RequestStatus, string>, onBehalf: boolean) {
  return REQUEST_STATUSES.flatMap((from) =>
    grid[from].split(' ').flatMap((group, t) =>
      [...group].map((letter, r) => ({
        from,
        to: REQUEST_STATUSES[t]!,
        role: ROLES[r]!,
        expected: KIND[letter as keyof typeof KIND],
        onBehalf,
      })),
    ),
  )
}

describe.each([
  ['filed by the island', ISLAND_FILED, false],
  ['filed on behalf', FILED_ON_BEHALF, true],
] as const)('transition table, %s', (_, grid, onBehalf) => {
  it.each(cells(grid, onBehalf))('$from → $to by $role: $expected', ({ from, to, role, expected }) => {
    const request = { ...sabaRequest, status: from, onBehalf }
    const result = transition(request, to, actors[role], ctx())
    expect(result.ok ? 'ok' : result.error).toBe(expected)
  })

  it.each(REQUEST_STATUSES)('from %s, allowedTransitions lists exactly the ok cells', (from) => {
    const request = { ...sabaRequest, status: from, onBehalf }
    ROLES.forEach((role, r) => {
      const ok = REQUEST_STATUSES.filter((_, t) => grid[from].split(' ')[t]![r] === 'O')
      expect(allowedTransitions(request, actors[role], { filled: 1 })).toEqual(ok)
    })
  })
})

describe('in progress', () => {
  const acknowledged: RequestRecord = { ...sabaRequest, status: 'acknowledged' }

  it.each([undefined, 0])('is refused while nothing is filled (filled: %s), and not offered', (filled) => {
    const result = transition(acknowledged, 'in_progress', actors.dutyOfficer, ctx({ filled }))
    expect(result).toEqual({
      ok: false,
      error: 'conflict',
      message: msg('requests.progress.nothingFilled'),
    })
    expect(result.ok ? '' : why(result)).toBe(
      'Nothing is filled yet: a request is in progress once a person or unit has been assigned to it.',
    )
    expect(allowedTransitions(acknowledged, actors.dutyOfficer, { filled })).toEqual(['rejected'])
    expect(allowedTransitions(acknowledged, actors.dutyOfficer)).not.toContain('in_progress')
  })

  it('is open to a coordinator once one person or unit is assigned', () => {
    expect(transition(acknowledged, 'in_progress', actors.dutyOfficer, ctx({ filled: 1 })).ok).toBe(true)
    expect(allowedTransitions(acknowledged, actors.dutyOfficer, { filled: 1 })).toEqual([
      'in_progress',
      'rejected',
    ])
  })
})

describe('refusals say what the state is', () => {
  const at = (status: RequestStatus): RequestRecord => ({ ...sabaRequest, status })

  it('a second acknowledgement is a conflict that names the current state', () => {
    const result = transition(at('acknowledged'), 'acknowledged', actors.dutyOfficer, ctx())
    expect(result).toEqual({
      ok: false,
      error: 'conflict',
      message: msg('requests.transition.already', { status: 'acknowledged' }),
    })
    expect(!result.ok && english(result.message)).toBe('This request is already acknowledged.')
  })

  it('an impossible move names the current state', () => {
    const result = transition(at('closed'), 'withdrawn', actors.sabaTeam, ctx())
    expect(result).toMatchObject({
      error: 'conflict',
      message: msg('requests.transition.from', { status: 'closed', to: 'withdrawn' }),
    })
    expect(!result.ok && english(result.message)).toBe('This request is closed, so it cannot be withdrawn.')
  })

  it('a stale version is a conflict even when the state still allows the move', () => {
    const stale = transition(at('submitted'), 'acknowledged', actors.dutyOfficer, ctx({ version: 2 }))
    expect(stale).toMatchObject({ ok: false, error: 'conflict' })
    expect(!stale.ok && stale.message).toEqual(msg('requests.transition.stale', { status: 'submitted' }))
    expect(!stale.ok && english(stale.message)).toMatch(/changed since you opened it; it is now submitted/)
    expect(transition(at('submitted'), 'acknowledged', actors.dutyOfficer, ctx({ version: 3 })).ok).toBe(true)
  })

  it('an island acting on another island is told nothing exists', () => {
    expect(transition(at('submitted'), 'withdrawn', actors.sxmTeam, ctx())).toEqual({
      ok: false,
      error: 'not_found',
      message: msg('requests.notFound'),
    })
  })

  it('a forbidden move says who may make it', () => {
    const result = transition(at('submitted'), 'acknowledged', actors.sabaTeam, ctx())
    expect(result).toMatchObject({
      error: 'forbidden',
      message: msg('requests.transition.notYours', { to: 'acknowledged', by: ['coordinator'] }),
    })
    expect(!result.ok && english(result.message)).toBe(
      'Only an LOCC-KCR2 coordinator can acknowledge this request.',
    )
  })
})

describe('reasons', () => {
  it.each([
    ['submitted', 'rejected', actors.dutyOfficer],
    ['acknowledged', 'rejected', actors.dutyOfficer],
    ['draft', 'withdrawn', actors.sabaTeam],
    ['acknowledged', 'withdrawn', actors.sabaTeam],
  ] as const)('%s → %s needs a reason', (from, to, actor) => {
    for (const reason of [undefined, null, '', '   \n ']) {
      const result = transition({ ...sabaRequest, status: from }, to, actor, ctx({ reason }))
      expect(result).toMatchObject({
        ok: false,
        error: 'invalid',
        message: msg('requests.reason.required', { to }),
      })
    }
    const result = transition(
      { ...sabaRequest, status: from },
      to,
      actor,
      ctx({ reason: '  Covered by CW.  ' }),
    )
    expect(result.ok && result.patch.reason).toBe('Covered by CW.')
  })

  it('a reason of more than 2,000 characters is refused', () => {
    const result = transition(
      { ...sabaRequest, status: 'submitted' },
      'rejected',
      actors.dutyOfficer,
      ctx({ reason: 'x'.repeat(2001) }),
    )
    expect(result).toMatchObject({
      ok: false,
      error: 'invalid',
      message: msg('requests.reason.tooLong', { max: 2000 }),
    })
    expect(!result.ok && english(result.message)).toBe('Keep the reason to 2,000 characters.')
  })

  it('closing takes an optional note; acknowledging ignores one', () => {
    const closed = transition(
      { ...sabaRequest, status: 'in_progress' },
      'closed',
      actors.sabaTeam,
      ctx({ reason: '' }),
    )
    expect(closed.ok && closed.patch).toEqual({ status: 'closed', version: 4, closedAt: NOW })
    const acked = transition(
      { ...sabaRequest, status: 'submitted' },
      'acknowledged',
      actors.dutyOfficer,
      ctx(),
    )
    expect(acked.ok && acked.patch).toEqual({ status: 'acknowledged', version: 4, acknowledgedAt: NOW })
  })
})

describe('submitting', () => {
  it('needs at least one need and a contact', () => {
    const result = transition(
      { ...sabaRequest, contact: ' ' },
      'submitted',
      actors.sabaTeam,
      ctx({ needs: [] }),
    )
    expect(result).toMatchObject({
      ok: false,
      error: 'invalid',
      message: msg('requests.submit.incomplete', { missing: ['contact', 'needs'] }),
    })
    expect(!result.ok && english(result.message)).toBe(
      'Give a contact so that LOCC-KCR2 can reach you. Add at least one need before submitting.',
    )
    expect(readyToSubmit({ ...sabaRequest, contact: '' }, [])).toEqual({
      contact: msg('requests.submit.missing', { field: 'contact' }),
      needs: msg('requests.submit.missing', { field: 'needs' }),
    })
    expect(readyToSubmit(sabaRequest, sabaNeeds)).toEqual({})
  })

  it('asks for what a draft could leave out: the situation and the period', () => {
    const titleOnly = { ...sabaRequest, situation: '', periodStart: '', periodEnd: '' }
    const result = transition(titleOnly, 'submitted', actors.sabaTeam, ctx())
    expect(result).toMatchObject({
      ok: false,
      error: 'invalid',
      message: msg('requests.submit.incomplete', { missing: ['situation', 'periodStart', 'periodEnd'] }),
      fields: {
        situation: msg('requests.submit.missing', { field: 'situation' }),
        periodStart: msg('requests.submit.missing', { field: 'periodStart' }),
        periodEnd: msg('requests.submit.missing', { field: 'periodEnd' }),
      },
    })
    expect(!result.ok && english(result.message)).toBe(
      'Describe the situation before submitting. Give the first day help is needed. Give the last day help is needed.',
    )
  })

  it('stamps the time, bumps the version, records the event and mails every coordinator', () => {
    const result = transition(sabaRequest, 'submitted', actors.sabaTeam, ctx({ newId: ids('e') }))
    if (!result.ok) throw new Error(why(result))
    expect(result.patch).toEqual({ status: 'submitted', version: 4, submittedAt: NOW })
    expect(result.event).toEqual({
      id: 'e-1',
      at: NOW,
      actorId: 'u-saba',
      actorLabel: 'EOT Saba',
      action: 'request.submitted',
      entity: 'request',
      entityId: 'req-saba',
      before: { status: 'draft', version: 3 },
      after: { status: 'submitted', version: 4 },
    })
    expect(result.mails.map((m) => m.to)).toEqual(emails(recipients.coordinators))
    expect(rendered(result.mails)[0]!.subject).toBe(
      'URGENT – Saba requests 2 information managers, 1 HRC reconnaissance unit, +1 other',
    )
  })
})

describe('events and mails of each transition', () => {
  const cases: [RequestStatus, RequestStatus, NamedActor, string[], string][] = [
    ['submitted', 'acknowledged', actors.dutyOfficer, emails(recipients.islandContacts), 'Acknowledged – '],
    ['submitted', 'rejected', actors.dutyOfficer, emails(recipients.islandContacts), 'Rejected – '],
    ['submitted', 'withdrawn', actors.sabaTeam, emails(recipients.coordinators), 'Withdrawn – '],
    ['acknowledged', 'in_progress', actors.dutyOfficer, [], ''],
    ['in_progress', 'closed', actors.sabaTeam, emails(recipients.coordinators), 'Closed – '],
    ['in_progress', 'closed', actors.dutyOfficer, emails(recipients.islandContacts), 'Closed – '],
  ]
  it.each(cases)('%s → %s by %o', (from, to, actor, to_, subject) => {
    const result = transition({ ...sabaRequest, status: from }, to, actor, ctx())
    if (!result.ok) throw new Error(why(result))
    expect(result.event.action).toBe(`request.${to}`)
    expect(result.event.before).toMatchObject({ status: from, version: 3 })
    expect(result.event.after).toMatchObject({ status: to, version: 4 })
    expect(result.patch.closedAt).toBe(isTerminal(to) ? NOW : undefined)
    expect(result.mails.map((m) => m.to)).toEqual(to_)
    for (const m of rendered(result.mails)) expect(m.subject.startsWith(subject)).toBe(true)
  })

  it('the reason travels in the event and the mail', () => {
    const result = transition(
      { ...sabaRequest, status: 'acknowledged' },
      'rejected',
      actors.dutyOfficer,
      ctx({ reason: 'Curaçao covers it bilaterally.' }),
    )
    if (!result.ok) throw new Error(why(result))
    expect(result.event.after).toEqual({
      status: 'rejected',
      version: 4,
      reason: 'Curaçao covers it bilaterally.',
    })
    expect(rendered(result.mails)[0]!.text).toContain('Curaçao covers it bilaterally.')
  })
})

describe('visibility and next steps', () => {
  it('an island draft is the island’s own; a draft filed on behalf is visible to coordinators', () => {
    expect(requestVisible(sabaRequest, actors.dutyOfficer)).toBe(false)
    expect(requestVisible({ ...sabaRequest, onBehalf: true }, actors.dutyOfficer)).toBe(true)
    expect(requestVisible(sabaRequest, actors.sabaTeam)).toBe(true)
    expect(requestVisible({ ...sabaRequest, status: 'submitted' }, actors.sxmTeam)).toBe(false)
    expect(requestVisible({ ...sabaRequest, status: 'submitted' }, actors.sysadmin)).toBe(false)
  })

  it.each([
    ['draft', 'island', false, 'island'],
    ['draft', 'coordinator', true, 'island'],
    ['submitted', 'coordinator', false, 'coordinator'],
    ['submitted', 'observer', false, 'other'],
    ['in_progress', 'dispatcher', false, 'other'],
  ] as const)('%s for %s (on behalf: %s): the %s side', (status, role, onBehalf, side) => {
    expect(nextStepSide({ ...sabaRequest, status, onBehalf }, role)).toBe(side)
  })
})

describe('properties', () => {
  const actorList = Object.values(actors)
  const step = fc.record({
    to: fc.constantFrom(...REQUEST_STATUSES),
    actor: fc.constantFrom(...actorList),
    reason: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
    withNeeds: fc.boolean(),
  })
  const start = fc.record({ onBehalf: fc.boolean(), version: fc.nat(1000) })

  it('version goes up by exactly 1 per accepted move, nothing leaves a terminal state', () => {
    fc.assert(
      fc.property(start, fc.array(step, { maxLength: 30 }), (init, steps) => {
        let request: RequestRecord = { ...sabaRequest, ...init }
        let accepted = 0
        for (const s of steps) {
          const before = request
          const result = transition(
            request,
            s.to,
            s.actor,
            ctx({ reason: s.reason, needs: s.withNeeds ? sabaNeeds : [] }),
          )
          if (!result.ok) continue
          expect(isTerminal(before.status)).toBe(false)
          expect(result.patch.version).toBe(before.version + 1)
          expect(result.event.before).toMatchObject({ status: before.status })
          request = { ...before, ...result.patch }
          accepted++
        }
        expect(request.version).toBe(init.version + accepted)
      }),
    )
  })

  it('the statuses an accepted path passes through follow the lifecycle', () => {
    const path =
      /^draft(>withdrawn|>submitted(>rejected|>withdrawn|>acknowledged(>rejected|>withdrawn|>in_progress(>closed)?)?)?)?$/
    fc.assert(
      fc.property(start, fc.array(step, { maxLength: 30 }), (init, steps) => {
        let request: RequestRecord = { ...sabaRequest, ...init }
        const seen: string[] = [request.status]
        for (const s of steps) {
          const result = transition(
            request,
            s.to,
            s.actor,
            ctx({ reason: s.reason, needs: s.withNeeds ? sabaNeeds : [] }),
          )
          if (result.ok) {
            request = { ...request, ...result.patch }
            seen.push(request.status)
          }
        }
        expect(seen.join('>')).toMatch(path)
      }),
    )
  })

  it('an island never reaches another island’s request, a functionary never any', () => {
    fc.assert(
      fc.property(fc.constantFrom(...REQUEST_STATUSES), step, fc.boolean(), (status, s, onBehalf) => {
        const request = { ...sabaRequest, status, onBehalf }
        for (const actor of [actors.sxmTeam, actors.anna])
          expect(transition(request, s.to, actor, ctx({ reason: s.reason }))).toMatchObject({
            error: 'not_found',
          })
      }),
    )
  })
})
