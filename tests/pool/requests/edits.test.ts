/** Creating and editing requests: who may edit when, what a diff holds, and when an edit is a revision. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { REQUEST_STATUSES, type RequestStatus } from '../../../pool/reference/index.ts'
import {
  canEdit,
  createRequest,
  diffRequest,
  type EditContext,
  editDecision,
  type NeedInput,
  parseRequestInput,
  type RequestRecord,
} from '../../../pool/requests/index.ts'
import {
  actors,
  fuelNeed,
  ids,
  imNeed,
  mail,
  NOW,
  recceNeed,
  recipients,
  ref,
  sabaNeeds,
  sabaRequest,
} from '../../fixtures/requests.ts'
import { english, rendered, why } from '../../helpers/english.ts'

const ctx = (extra: Partial<EditContext> = {}): EditContext => ({
  now: NOW,
  newId: ids('n'),
  recipients,
  mail,
  ...extra,
})
const at = (status: RequestStatus, extra: Partial<RequestRecord> = {}): RequestRecord => ({
  ...sabaRequest,
  status,
  ...extra,
})
const same = (request: RequestRecord) => ({ request, needs: sabaNeeds as NeedInput[] })

describe('createRequest', () => {
  it('makes a draft, version 1, revision 1, with ids for the request, each need and the event', () => {
    const parsed = parseRequestInput(
      {
        island: 'SA',
        title: 'Generators',
        situation: 'No grid power.',
        phase: 'warm',
        priority: 'high',
        periodStart: '2026-09-06',
        periodEnd: '2026-09-10',
        needs: [{ kind: 'other', description: 'Generator', quantity: 2 }],
      },
      ref,
      actors.dutyOfficer,
    )
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors))
    const { request, needs, event } = createRequest(parsed.value, actors.dutyOfficer, {
      now: NOW,
      newId: ids('n'),
    })
    expect(request).toMatchObject({
      id: 'n-1',
      island: 'SA',
      status: 'draft',
      version: 1,
      revision: 1,
      onBehalf: true,
      createdBy: 'u-locc',
    })
    expect(needs).toEqual([{ id: 'n-2', kind: 'other', description: 'Generator', quantity: 2 }])
    expect(event).toMatchObject({
      id: 'n-3',
      action: 'request.created',
      entityId: 'n-1',
      actorLabel: 'Duty officer LOCC',
    })
  })
})

describe('canEdit', () => {
  //                         Saba   SXM    coord. on-behalf coord.
  const table: Record<RequestStatus, [boolean, boolean, boolean, boolean]> = {
    draft: [true, false, false, true],
    submitted: [true, false, false, true],
    acknowledged: [true, false, false, true],
    in_progress: [true, false, false, true],
    closed: [false, false, false, false],
    rejected: [false, false, false, false],
    withdrawn: [false, false, false, false],
  }
  it.each(REQUEST_STATUSES)('in %s', (status) => {
    expect([
      canEdit(at(status), actors.sabaTeam),
      canEdit(at(status), actors.sxmTeam),
      canEdit(at(status), actors.dutyOfficer),
      canEdit(at(status, { onBehalf: true }), actors.dutyOfficer),
    ]).toEqual(table[status])
    for (const other of [actors.usar, actors.ministry, actors.anna, actors.sysadmin])
      expect(canEdit(at(status, { onBehalf: true }), other)).toBe(false)
  })
})

describe('diffRequest', () => {
  const im = imNeed

  it('is empty when nothing changed, language order included', () => {
    const reordered = [{ ...im, languages: ['en'], preferredLanguages: ['nl'] }, recceNeed, fuelNeed]
    expect(
      diffRequest({ request: sabaRequest, needs: sabaNeeds }, { request: sabaRequest, needs: reordered }),
    ).toEqual([])
  })

  it('lists fields, then needs removed, changed and added', () => {
    const after = {
      request: { ...sabaRequest, priority: 'high' as const, incidentId: null },
      needs: [
        { ...im, count: 3, notes: 'Night shifts too.' },
        recceNeed,
        { kind: 'other' as const, description: 'Tarpaulins', quantity: 40 },
      ],
    }
    expect(diffRequest({ request: sabaRequest, needs: sabaNeeds }, after)).toEqual([
      { field: 'priority', before: 'urgent', after: 'high' },
      { field: 'incidentId', before: 'inc-erin', after: null },
      {
        field: 'needs',
        change: 'removed',
        needId: 'need-gen',
        before: fuelNeed,
        after: null,
        fields: [],
      },
      {
        field: 'needs',
        change: 'changed',
        needId: 'need-im',
        before: im,
        after: after.needs[0],
        fields: ['count', 'notes'],
      },
      { field: 'needs', change: 'added', needId: null, before: null, after: after.needs[2], fields: [] },
    ])
  })

  it('treats a need whose kind changed, or whose id is unknown, as removed and added', () => {
    const swapped = [{ id: 'need-im', kind: 'other' as const, description: 'IM support', quantity: 1 }]
    const kinds = diffRequest(
      { request: sabaRequest, needs: [im] },
      { request: sabaRequest, needs: swapped },
    ).map((c) => c.field === 'needs' && c.change)
    expect(kinds).toEqual(['removed', 'added'])
    const forged = diffRequest(
      { request: sabaRequest, needs: [] },
      { request: sabaRequest, needs: [{ ...im, id: 'elsewhere' }] },
    )
    expect(forged).toMatchObject([{ change: 'added', needId: null }])
  })
})

describe('editDecision', () => {
  const retitled = (request: RequestRecord) => ({
    request: { ...request, title: 'IM and plotting after Erin' },
    needs: sabaNeeds as NeedInput[],
  })

  it('in draft: a plain update, revision unchanged, no mail', () => {
    const result = editDecision(
      { request: at('draft'), needs: sabaNeeds },
      retitled(at('draft')),
      actors.sabaTeam,
      ctx(),
    )
    if (!result.ok) throw new Error(why(result))
    expect(result.patch).toEqual({ version: 4, revision: 1, title: 'IM and plotting after Erin' })
    expect(result.event).toMatchObject({
      action: 'request.edited',
      before: { version: 3, revision: 1, title: 'Information management after Hurricane Erin' },
      after: { version: 4, revision: 1, title: 'IM and plotting after Erin' },
    })
    expect(result.mails).toEqual([])
  })

  it('when submitted: revision + 1, and the coordinators are told what changed', () => {
    const result = editDecision(
      { request: at('submitted'), needs: sabaNeeds },
      retitled(at('submitted')),
      actors.sabaTeam,
      ctx(),
    )
    if (!result.ok) throw new Error(why(result))
    expect([result.patch?.revision, result.event?.action]).toEqual([2, 'request.edited'])
    expect(result.mails.map((m) => [m.to, m.locale, m.message.code])).toEqual(
      recipients.coordinators.map((a) => [a.email, a.locale ?? 'en', 'requests.mail.edited']),
    )
    const [mail] = rendered(result.mails)
    expect(mail!.subject).toMatch(/^Changed – Saba changed its submitted request: /)
    expect(mail!.text).toContain('What changed:\n- Title: ')
  })

  it.each(['acknowledged', 'in_progress'] as const)(
    'when %s: a new revision the coordinators are mailed',
    (status) => {
      const before = { request: at(status), needs: sabaNeeds }
      const after = {
        request: at(status),
        needs: [
          { ...imNeed, count: 3 },
          recceNeed,
          { kind: 'other' as const, description: 'Tarpaulins', quantity: 40 },
        ],
      }
      const result = editDecision(before, after, actors.sabaTeam, ctx())
      if (!result.ok) throw new Error(why(result))
      expect(result.patch).toEqual({ version: 4, revision: 2 })
      expect(result.needs).toMatchObject({
        insert: [{ id: 'n-1', description: 'Tarpaulins' }],
        update: [{ id: 'need-im', count: 3 }],
        remove: ['need-gen'],
      })
      expect(result.needs.all.map((n) => n.id)).toEqual(['need-im', 'need-recce', 'n-1'])
      expect(result.event).toMatchObject({ id: 'n-2', action: 'request.revised' })
      expect(result.event?.after?.needs).toEqual([
        { id: 'need-gen', change: 'removed', value: null },
        { id: 'need-im', change: 'changed', value: after.needs[0] },
        { id: 'n-1', change: 'added', value: after.needs[2] },
      ])
      expect(result.mails.map((m) => m.to)).toEqual(recipients.coordinators.map((a) => a.email))
      expect(result.mails[0]!.message.code).toBe('requests.mail.revised')
      expect(rendered(result.mails)[0]!.subject).toMatch(/^Changed – Saba changed its request \(version 2\)/)
    },
  )

  it('with nothing changed: nothing to write', () => {
    const result = editDecision(
      { request: at('acknowledged'), needs: sabaNeeds },
      same(at('acknowledged')),
      actors.sabaTeam,
      ctx(),
    )
    expect(result).toMatchObject({ ok: true, patch: null, event: null, mails: [], changes: [] })
  })

  it.each([
    ['another island', at('submitted'), actors.sxmTeam, 'not_found'],
    ['a coordinator on an island’s own request', at('submitted'), actors.dutyOfficer, 'forbidden'],
    ['an observer', at('submitted'), actors.ministry, 'forbidden'],
    ['a functionary', at('submitted'), actors.anna, 'not_found'],
    ['an admin', at('submitted'), actors.sysadmin, 'forbidden'],
    ['a closed request', at('closed'), actors.sabaTeam, 'conflict'],
    ['a withdrawn request', at('withdrawn'), actors.sabaTeam, 'conflict'],
  ] as const)('refuses %s: %s', (_, request, actor, error) => {
    expect(editDecision({ request, needs: sabaNeeds }, retitled(request), actor, ctx())).toMatchObject({
      ok: false,
      error,
    })
  })

  it('refuses a stale version, and removing the last need of a submitted request', () => {
    const request = at('submitted')
    expect(
      editDecision({ request, needs: sabaNeeds }, retitled(request), actors.sabaTeam, ctx({ version: 2 })),
    ).toMatchObject({ error: 'conflict', message: { code: 'requests.edit.stale' } })
    const empty = editDecision({ request, needs: sabaNeeds }, { request, needs: [] }, actors.sabaTeam, ctx())
    expect(empty).toMatchObject({
      error: 'invalid',
      message: { code: 'requests.submit.incomplete', params: { missing: ['needs'] } },
      fields: { needs: { code: 'requests.submit.missing', params: { field: 'needs' } } },
    })
    expect(!empty.ok && english(empty.message)).toBe('Add at least one need before submitting.')
    expect(
      editDecision(
        { request: at('draft'), needs: sabaNeeds },
        { request: at('draft'), needs: [] },
        actors.sabaTeam,
        ctx(),
      ).ok,
    ).toBe(true)
  })

  it('lets a coordinator edit a request it filed on behalf', () => {
    const request = at('acknowledged', { onBehalf: true })
    expect(editDecision({ request, needs: sabaNeeds }, retitled(request), actors.dutyOfficer, ctx()).ok).toBe(
      true,
    )
  })
})

describe('properties', () => {
  const status = fc.constantFrom<RequestStatus>('draft', 'submitted', 'acknowledged', 'in_progress')
  const content = fc.record({
    title: fc.constantFrom('A', 'B'),
    priority: fc.constantFrom('urgent', 'high', 'normal'),
    count: fc.integer({ min: 1, max: 3 }),
    keepOther: fc.boolean(),
  })

  it('version + 1 on any change; revision + 1 only after submission; never a change without an event', () => {
    fc.assert(
      fc.property(status, content, (s, c) => {
        const request = at(s)
        const needs: NeedInput[] = [
          { ...imNeed, count: c.count },
          recceNeed,
          ...(c.keepOther ? [fuelNeed] : []),
        ]
        const result = editDecision(
          { request, needs: sabaNeeds },
          { request: { ...request, title: c.title, priority: c.priority }, needs },
          actors.sabaTeam,
          ctx(),
        )
        if (!result.ok) throw new Error(why(result))
        if (result.changes.length === 0) return expect(result.patch).toBeNull()
        expect(result.patch?.version).toBe(request.version + 1)
        expect(result.patch?.revision).toBe(request.revision + (s === 'draft' ? 0 : 1))
        expect(result.event).not.toBeNull()
        expect(result.mails.length > 0).toBe(s !== 'draft') // a draft is the island's alone
      }),
    )
  })
})
