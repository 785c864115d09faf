/**
 * The rules of an account's fields, for the admin's form, the JSON API and a coordinator's
 * invitation alike: a name, an e-mail address (kept lower-case: it is the sign-in name), a role,
 * the island of an island account (required there, refused elsewhere), the pool member of a
 * functionary account (required there, refused elsewhere), and the language of its pages and mails.
 */
import {
  type IslandCode,
  isIslandCode,
  type Role,
  UI_LOCALES,
  type UiLocale,
  USER_ROLES,
} from '../reference/index.ts'
import { type FieldErrors, msg } from '../shared/index.ts'
import type { AccountsMessage } from './messages.ts'

export interface UserFields {
  name: string
  email: string
  role: Role
  island: IslandCode | null
  functionaryId: string | null
  locale: UiLocale
}

export type UserErrors = FieldErrors<AccountsMessage>
export type Parsed<T> = { ok: true; value: T } | { ok: false; errors: UserErrors }

export const NAME_MAX = 120
const EMAIL_MAX = 254
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** Text as typed (trimmed); '' for nothing; null for something that is not text at all. */
const text = (v: unknown) => (typeof v === 'string' ? v.trim() : v == null ? '' : null)
/** An optional code: null for blank, undefined for something that is not text. */
const optional = (v: unknown) => {
  const t = text(v)
  return t === null ? undefined : t || null
}

export const isRole = (v: unknown): v is Role =>
  typeof v === 'string' && (USER_ROLES as readonly string[]).includes(v)
export const isUiLocale = (v: unknown): v is UiLocale =>
  typeof v === 'string' && (UI_LOCALES as readonly string[]).includes(v)

/** A name as people type it: required, trimmed, not too long. */
export function readName(raw: unknown, errors: UserErrors): string | undefined {
  const name = text(raw)
  if (!name) {
    errors.name = msg('accounts.name.required')
    return undefined
  }
  if (name.length > NAME_MAX) {
    errors.name = msg('accounts.name.tooLong', { max: NAME_MAX })
    return undefined
  }
  return name
}

/** An e-mail address, lower-cased; '' and anything without user@host.tld is refused. */
export function readEmail(raw: unknown): string | null {
  const email = text(raw)?.toLowerCase() ?? ''
  return email.length <= EMAIL_MAX && EMAIL.test(email) ? email : null
}

/**
 * The fields of an account from untrusted input (`raw` is a form or a JSON body; blank island or
 * functionaryId is "none"). The pool member is checked to exist by the caller, who can read the pool.
 */
export function parseUserInput(raw: Record<string, unknown>): Parsed<UserFields> {
  const errors: UserErrors = {}
  const name = readName(raw.name, errors)
  const email = readEmail(raw.email)
  if (!email) errors.email = msg('accounts.email.invalid')
  const role = isRole(raw.role) ? raw.role : undefined
  if (!role) errors.role = msg('accounts.role.unknown')
  const island = optional(raw.island)
  if (island !== null && !isIslandCode(island)) errors.island = msg('accounts.island.unknown')
  else if (role === 'island' && island === null) errors.island = msg('accounts.island.required')
  else if (role && role !== 'island' && island !== null) errors.island = msg('accounts.island.forbidden')
  const functionaryId = optional(raw.functionaryId)
  if (functionaryId === undefined) errors.functionaryId = msg('accounts.functionary.unknown')
  else if (role === 'functionary' && functionaryId === null)
    errors.functionaryId = msg('accounts.functionary.required')
  else if (role && role !== 'functionary' && functionaryId !== null)
    errors.functionaryId = msg('accounts.functionary.forbidden')
  const locale = raw.locale == null || raw.locale === '' ? 'en' : raw.locale
  if (!isUiLocale(locale)) errors.locale = msg('accounts.locale.unknown')
  if (Object.keys(errors).length > 0 || !name || !email || !role || !isUiLocale(locale))
    return { ok: false, errors }
  return {
    ok: true,
    value: {
      name,
      email,
      role,
      island: island as IslandCode | null,
      functionaryId: functionaryId ?? null,
      locale,
    },
  }
}

/**
 * A change laid over the account as it is: a role changed without an island (or pool member)
 * leaves the old one behind only where the new role has one, so that "make this island account
 * an observer" needs no "and clear the island" as well.
 */
export function mergeChange(current: UserFields, change: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...current, ...change }
  if ('role' in change && !('island' in change) && change.role !== 'island') merged.island = null
  if ('role' in change && !('functionaryId' in change) && change.role !== 'functionary')
    merged.functionaryId = null
  return merged
}
