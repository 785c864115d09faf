/** The assignment machine as a table: every status × every target × every actor, island scope included; then properties. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type Assignment,
  allowedSteps,
  assignmentVisible,
  STEPS,
  type StepInput,
  step,
} from '../../../pool/assignments/index.ts'
import { ASSIGNMENT_STATUSES, type AssignmentStatus } from '../../../pool/reference/index.ts'
import { ACTOR_KEYS, type ActorKey, actors, assignment, stepCtx, TRAVEL } from './fixtures.ts'

const KIND = { O: 'ok', N: 'not_found', F: 'forbidden', C: 'conflict', I: 'invalid' } as const

// One row per current status; one group per target in the order of ASSIGNMENT_STATUSES; one letter
// per actor in the order of ACTOR_KEYS: Saba's team (the request's island), Sint Maarten's team,
// coordinator, dispatcher, observer, Anna (the person), Bert (another person), admin.
// O ok, N not_found, F forbidden, C conflict, I invalid. `proposed` is never a step: propose makes it.
//            proposed offered  accepted declined travel.  on_site  released completed cancelled
const GRID: Record<AssignmentStatus, string> = {
  proposed: 'INIIIINI FNOFFFNF CNFFFFNF CNFFFFNF FNCFFFNF CNCFFFNF CNFFFFNF FNCFFFNF FNOFFFNF',
  offered: 'INIIIINI FNCFFFNF ONFFFFNF ONFFFFNF FNCFFFNF CNCFFFNF CNFFFFNF FNCFFFNF FNOFFFNF',
  accepted: 'INIIIINI FNCFFFNF CNFFFFNF CNFFFFNF FNOFFFNF CNCFFFNF CNFFFFNF FNCFFFNF FNOFFFNF',
  declined: 'INIIIINI FNCFFFNF CNFFFFNF CNFFFFNF FNCFFFNF CNCFFFNF CNFFFFNF FNCFFFNF FNCFFFNF',
  travelling: 'INIIIINI FNCFFFNF CNFFFFNF CNFFFFNF FNCFFFNF ONOFFFNF CNFFFFNF FNCFFFNF FNOFFFNF',
  on_site: 'INIIIINI FNCFFFNF CNFFFFNF CNFFFFNF FNCFFFNF CNCFFFNF ONFFFFNF FNCFFFNF FNCFFFNF',
  released: 'INIIIINI FNCFFFNF CNFFFFNF CNFFFFNF FNCFFFNF CNCFFFNF CNFFFFNF FNOFFFNF FNCFFFNF',
  completed: 'INIIIINI FNCFFFNF CNFFFFNF CNFFFFNF FNCFFFNF CNCFFFNF CNFFFFNF FNCFFFNF FNCFFFNF',
  cancelled: 'INIIIINI FNCFFFNF CNFFFFNF CNFFFFNF FNCFFFNF CNCFFFNF CNFFFFNF FNCFFFNF FNCFFFNF',
}

/** An input that gives every step what it needs, so that the table shows scope, role and state only. */
const full = (to: string, a: Assignment): StepInput => ({
  status: to,
  reason: 'Flight cancelled by the storm.',
  travel: TRAVEL,
  version: a.version,
})

const cells = ASSIGNMENT_STATUSES.flatMap((from) =>
  GRID[from].split(' ').flatMap((group, t) =>
    [...group].map((letter, r) => ({
      from,
      to: ASSIGNMENT_STATUSES[t]!,
      who: ACTOR_KEYS[r]!,
      expected: KIND[letter as keyof typeof KIND],
    })),
  ),
)

describe('the step table', () => {
  it('has a cell for every status × target × actor', () => {
    expect(cells).toHaveLength(9 * 9 * 8)
  })

  it.each(cells)('$from → $to by $who: $expected', ({ from, to, who, expected }) => {
    const a = assignment({ status: from })
    const result = step(a, full(to, a), actors[who], stepCtx())
    expect(result.ok ? 'ok' : result.error).toBe(expected)
    if (result.ok) {
      expect(result.after.status).toBe(to)
      expect(result.assignment.expect).toEqual({ status: from, version: a.version })
    }
  })

  it.each(ASSIGNMENT_STATUSES)('from %s, allowedSteps lists exactly the ok cells', (from) => {
    const a = assignment({ status: from })
    ACTOR_KEYS.forEach((who, r) => {
      const ok = ASSIGNMENT_STATUSES.filter((_, t) => GRID[from].split(' ')[t]![r] === 'O')
      expect(allowedSteps(a, actors[who])).toEqual(ok)
    })
  })

  it('names a status outside the machine invalid, for an actor in scope', () => {
    const a = assignment()
    const r = step(a, { status: 'teleported' }, actors.dutyOfficer, stepCtx())
    expect(r).toMatchObject({
      ok: false,
      error: 'invalid',
      message: { code: 'assignment.step.unknown', params: { status: 'teleported' } },
    })
    expect(step(a, { status: 'teleported' }, actors.sxmTeam, stepCtx())).toMatchObject({ error: 'not_found' })
  })

  it('says who may take a refused step', () => {
    const r = step(assignment({ status: 'travelling' }), { status: 'on_site' }, actors.usar, stepCtx())
    expect(r).toMatchObject({
      error: 'forbidden',
      message: {
        code: 'assignment.step.forbidden',
        params: { status: 'on_site', takers: ['island', 'coordinator_on_behalf'] },
      },
    })
  })
})

describe('who reads an assignment', () => {
  const expected: Record<ActorKey, boolean> = {
    sabaTeam: true,
    sxmTeam: false,
    dutyOfficer: true,
    usar: true,
    ministry: true,
    anna: true,
    bert: false,
    sysadmin: false,
  }
  it.each(ACTOR_KEYS)('%s', (who) => {
    expect(assignmentVisible(assignment(), actors[who])).toBe(expected[who])
  })
})

const TERMINAL: readonly AssignmentStatus[] = ['declined', 'completed', 'cancelled']
const BEFORE_ON_SITE: readonly AssignmentStatus[] = ['proposed', 'offered', 'accepted', 'travelling']

describe('properties', () => {
  const attempt = fc.record({
    to: fc.constantFrom(...ASSIGNMENT_STATUSES, 'bogus'),
    who: fc.constantFrom(...ACTOR_KEYS),
    reason: fc.constantFrom(undefined, '', '  ', 'Storm closed the airport.'),
    travel: fc.boolean(),
    confirmed: fc.boolean(),
    stale: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
  })

  it('no step leaves the machine, cancels on or after on_site, or fails to raise the version', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...ASSIGNMENT_STATUSES),
        fc.array(attempt, { maxLength: 25 }),
        fc.boolean(),
        (start, attempts, answered) => {
          let a = assignment({ status: start })
          for (const t of attempts) {
            const input: StepInput = {
              status: t.to,
              reason: t.reason,
              travel: t.travel ? TRAVEL : null,
              confirmedBy: t.confirmed ? { channel: 'phone', note: '' } : null,
              version: t.stale ? a.version - 1 : a.version,
            }
            const result = step(a, input, actors[t.who], stepCtx({ answer: answered ? 'available' : null }))
            if (!result.ok) continue
            const next = result.after
            expect(ASSIGNMENT_STATUSES).toContain(next.status)
            expect(STEPS[next.status].from).toContain(a.status)
            if (next.status === 'cancelled') expect(BEFORE_ON_SITE).toContain(a.status)
            expect(TERMINAL).not.toContain(a.status)
            expect(next.version).toBe(a.version + 1)
            expect(result.assignment.patch.version).toBeGreaterThan(result.assignment.expect.version)
            expect(result.event.before).toEqual({ status: a.status, version: a.version })
            a = next
          }
        },
      ),
      { numRuns: 1000 },
    )
  })

  it('a refused step changes nothing, whatever is asked', () => {
    fc.assert(
      fc.property(attempt, fc.constantFrom(...ASSIGNMENT_STATUSES), (t, from) => {
        const a = assignment({ status: from })
        const before = structuredClone(a)
        const result = step(
          a,
          { status: t.to, reason: t.reason, version: a.version },
          actors[t.who],
          stepCtx(),
        )
        expect(a).toEqual(before)
        if (!result.ok) expect(['not_found', 'forbidden', 'conflict', 'invalid']).toContain(result.error)
      }),
    )
  })

  it('the whole way: proposed → completed takes six steps, each version one higher', () => {
    const path: [AssignmentStatus, ActorKey][] = [
      ['offered', 'dutyOfficer'],
      ['accepted', 'sabaTeam'],
      ['travelling', 'dutyOfficer'],
      ['on_site', 'sabaTeam'],
      ['released', 'sabaTeam'],
      ['completed', 'dutyOfficer'],
    ]
    let a = assignment()
    for (const [to, who] of path) {
      const r = step(a, full(to, a), actors[who], stepCtx())
      if (!r.ok) throw new Error(`${to}: ${JSON.stringify(r)}`)
      a = r.after
    }
    expect(a).toMatchObject({ status: 'completed', version: 10, endedAt: expect.any(Number) })
  })
})
