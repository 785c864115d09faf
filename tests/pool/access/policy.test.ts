import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type Action, can, inScope, navigation } from '../../../pool/access/index.ts'
import type { Actor, Role } from '../../../pool/shared/index.ts'

const actor = (role: Role, island: string | null = null, functionaryId: string | null = null): Actor => ({
  id: 'u',
  role,
  island,
  functionaryId,
})
const saba = actor('island', 'SA')

describe('can: role grants', () => {
  const table: [Role, Action, boolean][] = [
    ['admin', 'outbox:read', true],
    ['coordinator', 'outbox:read', false],
    ['coordinator', 'requests:triage', true],
    ['island', 'requests:triage', false],
    ['island', 'requests:create', true],
    ['observer', 'requests:create', false],
    ['observer', 'requests:read', true],
    ['dispatcher', 'hrc:manage', true],
    ['coordinator', 'hrc:manage', false],
    ['island', 'pool:read', false],
    ['functionary', 'pool:read', false],
    ['functionary', 'profile:own', true],
    ['observer', 'pool:manage', false],
    ['admin', 'accounts:manage', true],
    ['coordinator', 'accounts:manage', false],
    ['coordinator', 'accounts:invite', true],
    ['admin', 'accounts:invite', true],
    ['dispatcher', 'accounts:invite', false],
    // HRC: the dispatcher keeps units; coordinators and observers read; threats are
    // kept by dispatchers and coordinators; an island reads the dispatch orders sent to it.
    ['coordinator', 'hrc:read', true],
    ['observer', 'hrc:read', true],
    ['island', 'hrc:read', false],
    ['functionary', 'hrc:read', false],
    ['observer', 'hrc:manage', false],
    ['dispatcher', 'hrc:threats', true],
    ['coordinator', 'hrc:threats', true],
    ['observer', 'hrc:threats', false],
    ['island', 'hrc:dispatches', true],
    ['observer', 'hrc:dispatches', true],
    ['functionary', 'hrc:dispatches', false],
    ['admin', 'hrc:dispatches', false],
  ]
  it.each(table)('%s may %s: %s', (role, action, expected) => {
    expect(can(actor(role, role === 'island' ? 'SA' : null), action)).toBe(expected)
  })

  it('every role reads reference data', () => {
    for (const role of [
      'island',
      'coordinator',
      'dispatcher',
      'functionary',
      'observer',
      'admin',
    ] as Role[]) {
      expect(can(actor(role), 'reference:read')).toBe(true)
    }
  })
})

describe('inScope: island users see only their island', () => {
  it('Saba sees Saba and nothing else', () => {
    expect(inScope(saba, { island: 'SA' })).toBe(true)
    expect(inScope(saba, { island: 'SX' })).toBe(false)
    expect(inScope(saba, { island: null })).toBe(false)
    expect(inScope(saba, {})).toBe(false)
    expect(can(saba, 'requests:read', { island: 'SX' })).toBe(false)
  })

  it('holds for any pair of islands (property)', () => {
    const code = fc.constantFrom('AW', 'CW', 'SX', 'BO', 'SE', 'SA')
    fc.assert(
      fc.property(code, code, (mine, theirs) => {
        expect(inScope(actor('island', mine), { island: theirs })).toBe(mine === theirs)
        expect(inScope(actor('coordinator'), { island: theirs })).toBe(true)
      }),
    )
  })

  it('a functionary sees only what is theirs', () => {
    const f = actor('functionary', null, 'f1')
    expect(inScope(f, { functionaryId: 'f1' })).toBe(true)
    expect(inScope(f, { functionaryId: 'f2' })).toBe(false)
  })
})

describe('navigation', () => {
  it('gives the outbox only to admins', () => {
    expect(navigation('admin').map((n) => n.href)).toContain('/admin/outbox')
    for (const role of ['island', 'coordinator', 'dispatcher', 'functionary', 'observer'] as Role[]) {
      expect(navigation(role).map((n) => n.href)).not.toContain('/admin/outbox')
    }
  })
})

describe('navigation of accounts', () => {
  const roles: Role[] = ['island', 'coordinator', 'dispatcher', 'functionary', 'observer', 'admin']
  it('gives Users only to admins, and Account to every role', () => {
    for (const role of roles) {
      const hrefs = navigation(role).map((n) => n.href)
      expect(hrefs.includes('/admin/users'), role).toBe(role === 'admin')
      expect(hrefs, role).toContain('/account')
    }
  })
})

describe('navigation to the HRC pages', () => {
  it('gives the board to those who read HRC, the unit register to the dispatcher, and the island its dispatches', () => {
    const hrefs = (role: Role) => navigation(role).map((n) => n.href)
    for (const role of ['dispatcher', 'coordinator', 'observer'] as Role[])
      expect(hrefs(role)).toContain('/hrc')
    expect(hrefs('dispatcher')).toEqual(
      expect.arrayContaining(['/hrc/units', '/hrc/threats', '/hrc/dispatches']),
    )
    expect(hrefs('island')).toContain('/hrc/dispatches')
    expect(hrefs('island')).not.toContain('/hrc')
    for (const role of ['functionary', 'admin'] as Role[])
      expect(hrefs(role).some((h) => h.startsWith('/hrc'))).toBe(false)
  })
})
