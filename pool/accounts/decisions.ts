/**
 * Decisions on accounts: create (with its invitation), invite a pool member, edit, deactivate,
 * a new link, a reset, one's own name, language and password. Each returns the rows to write,
 * the audit event, the mail and whether the account's sessions end; server/ writes it as one batch.
 * Sessions end when what the account may see changes (role, island, pool member) or it is
 * deactivated, and when its password changes (other sessions only, when the owner changes it).
 */
import { can } from '../access/index.ts'
import { type AuditEvent, auditEvent, msg, type NamedActor, type Refusal, refuse } from '../shared/index.ts'
import type { UserFields } from './input.ts'
import { type LinkGrant, type TokenRow, tokenRow } from './links.ts'
import { invitationMail, resetMail } from './mails.ts'
import type { AccountAuditAction, AccountMail, AccountsMessage } from './messages.ts'
import { passwordProblem } from './password.ts'

export interface UserRecord extends UserFields {
  id: string
  active: boolean
  version: number
  hasPassword: boolean
  createdAt: number
}

export type Ctx = { now: number; newId: () => string; baseUrl: string }
export type Refused = Refusal<AccountsMessage>

export interface NewAccount {
  ok: true
  user: UserRecord
  token: TokenRow
  event: AuditEvent
  mail: AccountMail
}

export interface Change {
  ok: true
  user: UserRecord
  event: AuditEvent | null
  endSessions: boolean
}

export interface NewLink {
  ok: true
  token: TokenRow
  event: AuditEvent
  mail: AccountMail | null
}

const FIELDS = ['name', 'email', 'role', 'island', 'functionaryId', 'locale'] as const
/** What decides what an account may see: a change to any of them ends its sessions. */
const SCOPE = ['role', 'island', 'functionaryId'] as const

const eventOf = (
  actor: { id: string | null; label: string },
  action: AccountAuditAction,
  userId: string,
  change: Parameters<typeof auditEvent>[4],
  ctx: Ctx,
) => auditEvent(actor, action, 'user', userId, change, ctx.now, ctx.newId())
const who = (actor: NamedActor) => ({ id: actor.id, label: actor.name })
const fieldsOf = (u: UserFields): UserFields => ({
  name: u.name,
  email: u.email,
  role: u.role,
  island: u.island,
  functionaryId: u.functionaryId,
  locale: u.locale,
})

function newAccount(fields: UserFields, actor: NamedActor, link: LinkGrant, ctx: Ctx): NewAccount {
  const user: UserRecord = {
    ...fieldsOf(fields),
    id: ctx.newId(),
    active: true,
    version: 1,
    hasPassword: false,
    createdAt: ctx.now,
  }
  return {
    ok: true,
    user,
    token: tokenRow(link, user.id, 'invitation', ctx.now),
    event: eventOf(who(actor), 'user.created', user.id, { after: { ...fieldsOf(fields) } }, ctx),
    mail: invitationMail(user, actor.name, link.url, ctx.baseUrl),
  }
}

/** An admin makes an account; its owner gets an invitation to set a password. */
export function createUser(
  fields: UserFields,
  actor: NamedActor,
  link: LinkGrant,
  ctx: Ctx,
): NewAccount | Refused {
  if (!can(actor, 'accounts:manage')) return refuse('forbidden', msg('accounts.forbidden'))
  return newAccount(fields, actor, link, ctx)
}

/** A coordinator (or admin) invites a pool member: a functionary account linked to them. */
export function inviteFunctionary(
  member: { id: string; name: string; email: string; active: boolean },
  locale: UserFields['locale'],
  actor: NamedActor,
  link: LinkGrant,
  ctx: Ctx,
): NewAccount | Refused {
  if (!can(actor, 'accounts:invite')) return refuse('forbidden', msg('accounts.invite.forbidden'))
  if (!member.active) return refuse('conflict', msg('accounts.functionary.inactive'))
  const fields: UserFields = {
    name: member.name,
    email: member.email.trim().toLowerCase(),
    role: 'functionary',
    island: null,
    functionaryId: member.id,
    locale,
  }
  return newAccount(fields, actor, link, ctx)
}

/**
 * An admin's change of an account (fields and/or active). `version` is the one the admin saw.
 * An admin may not take away their own role or account: someone must be left to manage accounts.
 */
export function editUser(
  current: UserRecord,
  next: UserFields & { active: boolean },
  actor: NamedActor,
  ctx: Ctx & { version?: number },
): Change | Refused {
  if (!can(actor, 'accounts:manage')) return refuse('forbidden', msg('accounts.forbidden'))
  if (ctx.version !== undefined && ctx.version !== current.version)
    return refuse('conflict', msg('accounts.user.changed'))
  const keys: (keyof UserFields | 'active')[] = FIELDS.filter((k) => current[k] !== next[k])
  if (current.active !== next.active) keys.push('active')
  if (keys.length === 0) return { ok: true, user: current, event: null, endSessions: false }
  const scopeChanged = SCOPE.some((k) => keys.includes(k))
  if (current.id === actor.id && (scopeChanged || !next.active))
    return refuse('forbidden', msg('accounts.self.locked'))
  const user: UserRecord = {
    ...current,
    ...fieldsOf(next),
    active: next.active,
    version: current.version + 1,
  }
  const before: Record<string, unknown> = {}
  const after: Record<string, unknown> = {}
  for (const k of keys) {
    before[k] = current[k]
    after[k] = user[k]
  }
  const action: AccountAuditAction = scopeChanged
    ? 'user.role_changed'
    : keys.length === 1 && keys[0] === 'active'
      ? next.active
        ? 'user.reactivated'
        : 'user.deactivated'
      : 'user.edited'
  return {
    ok: true,
    user,
    event: eventOf(who(actor), action, current.id, { before, after }, ctx),
    endSessions: scopeChanged || !next.active,
  }
}

/** An admin sends a new invitation to an account that has no password yet; older links stop working. */
export function newInvitation(
  user: UserRecord,
  actor: NamedActor,
  link: LinkGrant,
  ctx: Ctx,
): NewLink | Refused {
  if (!can(actor, 'accounts:manage')) return refuse('forbidden', msg('accounts.forbidden'))
  if (!user.active || user.hasPassword) return refuse('conflict', msg('accounts.user.changed'))
  return {
    ok: true,
    token: tokenRow(link, user.id, 'invitation', ctx.now),
    event: eventOf(who(actor), 'user.invitation_sent', user.id, {}, ctx),
    mail: invitationMail(user, actor.name, link.url, ctx.baseUrl),
  }
}

/**
 * A reset link for whoever asked at the reset form, or (`by` given) for the admin CLI when mail
 * is down, which prints the link instead of mailing it.
 */
export function resetLink(user: UserRecord, link: LinkGrant, ctx: Ctx, by?: string): NewLink {
  const actor = by ? { id: null, label: by } : { id: user.id, label: user.name }
  const purpose = by ? 'set_password' : 'reset'
  return {
    ok: true,
    token: tokenRow(link, user.id, purpose, ctx.now),
    event: eventOf(actor, 'user.reset_requested', user.id, { after: { purpose } }, ctx),
    mail: by ? null : resetMail(user, link.url, ctx.baseUrl),
  }
}

/** The owner sets a password through a link: the rules, then the event (all sessions end). */
export function setPasswordByLink(
  user: Pick<UserRecord, 'id' | 'name' | 'email'>,
  purpose: TokenRow['purpose'],
  password: string,
  ctx: Ctx,
): { ok: true; event: AuditEvent } | Refused {
  const problem = passwordProblem(password, user)
  if (problem) return refuse('invalid', problem, { password: problem })
  const event = eventOf(
    { id: user.id, label: user.name },
    'user.password_set',
    user.id,
    { after: { purpose } },
    ctx,
  )
  return { ok: true, event }
}

/** The owner changes their password: the current one must be right (`currentOk`, checked by server/). */
export function changeOwnPassword(
  user: Pick<UserRecord, 'id' | 'name' | 'email'>,
  currentOk: boolean,
  password: string,
  ctx: Ctx,
): { ok: true; event: AuditEvent } | Refused {
  if (!currentOk) {
    const wrong = msg('accounts.password.wrong')
    return refuse('invalid', wrong, { current: wrong })
  }
  const problem = passwordProblem(password, user)
  if (problem) return refuse('invalid', problem, { password: problem })
  return {
    ok: true,
    event: eventOf({ id: user.id, label: user.name }, 'user.password_changed', user.id, {}, ctx),
  }
}

/** The owner changes their name or language: only those, only their own. */
export function editOwnProfile(
  current: UserRecord,
  next: Pick<UserFields, 'name' | 'locale'>,
  ctx: Ctx,
): Change {
  const keys = (['name', 'locale'] as const).filter((k) => current[k] !== next[k])
  if (keys.length === 0) return { ok: true, user: current, event: null, endSessions: false }
  const user: UserRecord = { ...current, ...next, version: current.version + 1 }
  const before = Object.fromEntries(keys.map((k) => [k, current[k]]))
  const after = Object.fromEntries(keys.map((k) => [k, user[k]]))
  const actor = { id: current.id, label: current.name }
  return {
    ok: true,
    user,
    event: eventOf(actor, 'user.profile_edited', current.id, { before, after }, ctx),
    endSessions: false,
  }
}
