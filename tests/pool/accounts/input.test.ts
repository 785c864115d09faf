import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { editUser, mergeChange, parseUserInput, type UserRecord } from '../../../pool/accounts/index.ts'
import { ISLAND_CODES, USER_ROLES } from '../../../pool/reference/index.ts'
import { newId } from '../../../pool/shared/index.ts'

const base = { name: 'Nina New', email: 'Nina@Example.org ', locale: 'nl' }
const codeOf = (r: ReturnType<typeof parseUserInput>, field: string) =>
  r.ok ? undefined : r.errors[field]?.code

describe('an account’s fields', () => {
  const table: [string, Record<string, unknown>, string, string | undefined][] = [
    ['island account with its island', { role: 'island', island: 'SA' }, 'island', undefined],
    ['island account without island', { role: 'island', island: '' }, 'island', 'accounts.island.required'],
    [
      'coordinator with an island',
      { role: 'coordinator', island: 'SA' },
      'island',
      'accounts.island.forbidden',
    ],
    ['island account on the NL base', { role: 'island', island: 'NL' }, 'island', 'accounts.island.unknown'],
    [
      'functionary with pool member',
      { role: 'functionary', functionaryId: 'f1' },
      'functionaryId',
      undefined,
    ],
    [
      'functionary without pool member',
      { role: 'functionary' },
      'functionaryId',
      'accounts.functionary.required',
    ],
    [
      'observer with pool member',
      { role: 'observer', functionaryId: 'f1' },
      'functionaryId',
      'accounts.functionary.forbidden',
    ],
    ['unknown role', { role: 'root' }, 'role', 'accounts.role.unknown'],
    ['unknown language', { role: 'admin', locale: 'de' }, 'locale', 'accounts.locale.unknown'],
    ['bad address', { role: 'admin', email: 'nina@' }, 'email', 'accounts.email.invalid'],
    ['no name', { role: 'admin', name: '  ' }, 'name', 'accounts.name.required'],
    [
      'pool member id as a number',
      { role: 'functionary', functionaryId: 7 },
      'functionaryId',
      'accounts.functionary.unknown',
    ],
  ]
  it.each(table)('%s', (_, over, field, code) => {
    expect(codeOf(parseUserInput({ ...base, ...over }), field)).toBe(code)
  })

  it('keeps the address lower-case and trimmed: it is the sign-in name', () => {
    const r = parseUserInput({ ...base, role: 'admin' })
    expect(r.ok && r.value.email).toBe('nina@example.org')
  })

  it('an island is required exactly for island accounts, a pool member exactly for functionaries (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...USER_ROLES),
        fc.option(fc.constantFrom(...ISLAND_CODES), { nil: null }),
        fc.option(fc.constant('f1'), { nil: null }),
        (role, island, functionaryId) => {
          const r = parseUserInput({ ...base, role, island, functionaryId })
          const ok =
            (role === 'island') === (island !== null) && (role === 'functionary') === (functionaryId !== null)
          expect(r.ok).toBe(ok)
        },
      ),
    )
  })

  it('a role change without an island drops the old island (PATCH {"role": "observer"})', () => {
    const current = {
      ...base,
      email: 'n@x.org',
      role: 'island' as const,
      island: 'SA' as const,
      functionaryId: null,
      locale: 'en' as const,
    }
    expect(mergeChange(current, { role: 'observer' })).toMatchObject({ role: 'observer', island: null })
    expect(mergeChange(current, { name: 'Other' })).toMatchObject({ role: 'island', island: 'SA' })
  })
})

describe('editUser', () => {
  const admin = { id: 'a1', name: 'Alex Admin', role: 'admin' as const, island: null, functionaryId: null }
  const user: UserRecord = {
    id: 'u1',
    name: 'Crisis team Saba',
    email: 'saba@x.org',
    role: 'island',
    island: 'SA',
    functionaryId: null,
    locale: 'en',
    active: true,
    version: 3,
    hasPassword: true,
    createdAt: 0,
  }
  const ctx = { now: 1, newId, baseUrl: '' }

  it('ends sessions and records who changed what on a role or island change, not on a name change', () => {
    const role = editUser(user, { ...user, role: 'observer', island: null }, admin, ctx)
    expect(role).toMatchObject({ ok: true, endSessions: true })
    expect(role.ok && role.event).toMatchObject({
      action: 'user.role_changed',
      actorId: 'a1',
      actorLabel: 'Alex Admin',
      before: { role: 'island', island: 'SA' },
      after: { role: 'observer', island: null },
    })
    const name = editUser(user, { ...user, name: 'EOC Saba' }, admin, ctx)
    expect(name).toMatchObject({ ok: true, endSessions: false, event: { action: 'user.edited' } })
    const off = editUser(user, { ...user, active: false }, admin, ctx)
    expect(off).toMatchObject({ ok: true, endSessions: true, event: { action: 'user.deactivated' } })
  })

  it('refuses non-admins, stale versions, and an admin locking themself out', () => {
    const coordinator = { ...admin, role: 'coordinator' as const }
    expect(editUser(user, { ...user, name: 'x' }, coordinator, ctx)).toMatchObject({
      ok: false,
      error: 'forbidden',
    })
    expect(editUser(user, { ...user, name: 'x' }, admin, { ...ctx, version: 2 })).toMatchObject({
      ok: false,
      error: 'conflict',
    })
    const self = { ...user, id: 'a1', role: 'admin' as const, island: null }
    expect(editUser(self, { ...self, role: 'observer' }, admin, ctx)).toMatchObject({
      ok: false,
      message: { code: 'accounts.self.locked' },
    })
    expect(editUser(self, { ...self, name: 'Alex A.' }, admin, ctx)).toMatchObject({ ok: true })
  })
})
