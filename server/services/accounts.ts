/**
 * Accounts, as the admin's pages, the JSON API and a coordinator's invitation use them: read the
 * account, ask pool/accounts for the decision, render its mail in the recipient's language, write
 * it all as one batch. Both doors (pages and API) go through here, so they apply the same rules.
 */
import { idByEmail } from '../../db/queries/functionaries.ts'
import type { SessionUser } from '../../db/queries/sessions.ts'
import { insertLink } from '../../db/queries/user-links.ts'
import {
  accountOfFunctionary,
  findPoolMember,
  findUserByEmail,
  findUserRecord,
  insertAccount,
  listUsers,
  type UserFilters,
  writeUserChange,
} from '../../db/queries/users.ts'
import type { Db } from '../../db/types.ts'
import { can } from '../../pool/access/index.ts'
import {
  type AccountMail,
  type AccountsMessage,
  createUser,
  editUser,
  inviteFunctionary,
  isRole,
  isUiLocale,
  LINK_SECRET_LENGTH,
  type LinkGrant,
  linkPath,
  mergeChange,
  newInvitation,
  parseUserInput,
  type Refused,
  readEmail,
  type UserErrors,
  type UserFields,
  type UserRecord,
} from '../../pool/accounts/index.ts'
import { type Mail, msg, newId, randomToken, refuse } from '../../pool/shared/index.ts'
import { translatorFor } from '../../views/i18n/index.ts'
import { sha256Hex } from '../auth/crypto.ts'
import { MAX_LIMIT, readPage } from '../paging.ts'

export interface Ctx {
  db: Db
  now: number
  baseUrl: string
}

type Invalid = { ok: false; error: 'invalid_input'; errors: UserErrors }
export type Outcome =
  | { ok: true; user: UserRecord; endedSessions?: boolean }
  | Invalid
  | (Refused & { current?: UserRecord })

export { PAGE_SIZE } from '../paging.ts'

const invalid = (errors: UserErrors): Invalid => ({ ok: false, error: 'invalid_input', errors })
const forbidden = refuse('forbidden', msg('accounts.forbidden'))
const notFound = refuse('not_found', msg('accounts.user.notFound'))
const decideCtx = (ctx: Ctx) => ({ now: ctx.now, newId, baseUrl: ctx.baseUrl })

/** A fresh single-use link: the secret goes into the URL only, its SHA-256 into the database. */
export async function makeLink(baseUrl: string): Promise<LinkGrant> {
  const id = newId()
  const secret = randomToken(LINK_SECRET_LENGTH)
  return { id, secretHash: await sha256Hex(secret), url: `${baseUrl}${linkPath(id, secret)}` }
}

/** A mail of pool/accounts in its recipient's language, as the outbox keeps it. */
export function renderMail(mail: AccountMail): Mail {
  const { subject, text } = translatorFor(mail.locale).mail(mail.message)
  return { to: mail.to, subject, text }
}

/**
 * The list's query string as filters and a page (the pages and the API read the same names). A
 * value that makes no sense is left out rather than refused: a list is only ever a look.
 */
export function readUserFilters(q: Record<string, string | undefined>, maxLimit = MAX_LIMIT) {
  const text = (k: string) => (q[k] ?? '').trim()
  const role = text('role')
  const active = text('active')
  const filters: UserFilters = {
    q: text('q').slice(0, 200) || undefined,
    role: isRole(role) ? role : undefined,
    active: active === 'all' ? 'all' : ['0', 'false', 'inactive'].includes(active) ? 'inactive' : 'active',
  }
  return { filters, page: readPage(q, maxLimit).page }
}

export async function findUsers(
  db: Db,
  actor: SessionUser,
  filters: UserFilters,
  page: { limit: number; offset: number },
) {
  if (!can(actor, 'accounts:manage')) return null
  return listUsers(db, filters, page)
}

const constraintFailed = (err: unknown): boolean => {
  const text = (e: unknown): string => (e instanceof Error ? `${e.message} ${text(e.cause)}` : '')
  return /constraint/i.test(text(err))
}

/** What an account's pool member must be: one who exists and has no other account. */
async function checkMember(db: Db, fields: UserFields, self?: string): Promise<UserErrors> {
  if (!fields.functionaryId) return {}
  if (!(await findPoolMember(db, fields.functionaryId)))
    return { functionaryId: msg('accounts.functionary.unknown') }
  const other = await accountOfFunctionary(db, fields.functionaryId)
  return other && other.id !== self ? { functionaryId: msg('accounts.functionary.taken') } : {}
}

/** The address as a field error when another account has it (the unique index is the last word). */
async function addressTaken(db: Db, raw: unknown, self?: string): Promise<UserErrors> {
  const email = readEmail(raw)
  const other = email ? await findUserByEmail(db, email) : undefined
  return other && other.id !== self ? { email: msg('accounts.email.taken') } : {}
}

/** The write failed on a unique index: say which field, as it is now. */
async function takenField(db: Db, fields: UserFields, self?: string): Promise<UserErrors> {
  const member = await checkMember(db, fields, self)
  return Object.keys(member).length ? member : { email: msg('accounts.email.taken') }
}

/** An admin makes an account: the invitation goes into the outbox in the same batch. */
export async function createFromInput(
  ctx: Ctx,
  actor: SessionUser,
  raw: Record<string, unknown>,
): Promise<Outcome> {
  if (!can(actor, 'accounts:manage')) return forbidden
  const input = { ...raw }
  // A functionary account left without its pool member takes the one with the same address.
  if (input.role === 'functionary' && !input.functionaryId && typeof input.email === 'string')
    input.functionaryId = (await idByEmail(ctx.db, input.email.trim())) ?? ''
  const parsed = parseUserInput(input)
  const taken = await addressTaken(ctx.db, input.email)
  if (!parsed.ok) return invalid({ ...taken, ...parsed.errors })
  const member = await checkMember(ctx.db, parsed.value)
  if (Object.keys(member).length + Object.keys(taken).length) return invalid({ ...taken, ...member })
  const d = createUser(parsed.value, actor, await makeLink(ctx.baseUrl), decideCtx(ctx))
  if (!d.ok) return d
  try {
    await insertAccount(ctx.db, d, renderMail(d.mail), ctx.now)
  } catch (err) {
    if (constraintFailed(err)) return invalid(await takenField(ctx.db, parsed.value))
    throw err
  }
  return { ok: true, user: d.user }
}

/** A coordinator (or admin) invites a pool member: a functionary account in the chosen language. */
export async function inviteMember(
  ctx: Ctx,
  actor: SessionUser,
  functionaryId: string,
  locale: unknown,
): Promise<Outcome> {
  if (!can(actor, 'accounts:invite')) return refuse('forbidden', msg('accounts.invite.forbidden'))
  const member = await findPoolMember(ctx.db, functionaryId)
  if (!member) return refuse('not_found', msg('accounts.functionary.unknown'))
  const d = inviteFunctionary(
    member,
    isUiLocale(locale) ? locale : 'en',
    actor,
    await makeLink(ctx.baseUrl),
    decideCtx(ctx),
  )
  if (!d.ok) return d
  try {
    await insertAccount(ctx.db, d, renderMail(d.mail), ctx.now)
  } catch (err) {
    if (!constraintFailed(err)) throw err
    const taken = await takenField(ctx.db, { ...d.user })
    return refuse('conflict', taken.functionaryId ?? taken.email ?? msg('accounts.email.taken'))
  }
  return { ok: true, user: d.user }
}

/**
 * An admin's change from the form or a PATCH, laid over the account as it is (`active` too).
 * A change of role, island or pool member, or a deactivation, ends the account's sessions.
 */
export async function editFromInput(
  ctx: Ctx,
  actor: SessionUser,
  id: string,
  raw: Record<string, unknown>,
  version?: number,
): Promise<Outcome> {
  if (!can(actor, 'accounts:manage')) return forbidden
  const current = await findUserRecord(ctx.db, id)
  if (!current) return notFound
  const { active = current.active, ...change } = raw
  if (typeof active !== 'boolean') return invalid({ active: msg('accounts.active.invalid') })
  const merged = mergeChange(current, change)
  const parsed = parseUserInput(merged)
  const taken = await addressTaken(ctx.db, merged.email, current.id)
  if (!parsed.ok) return invalid({ ...taken, ...parsed.errors })
  const member = await checkMember(ctx.db, parsed.value, current.id)
  if (Object.keys(member).length + Object.keys(taken).length) return invalid({ ...taken, ...member })
  const d = editUser(current, { ...parsed.value, active }, actor, { ...decideCtx(ctx), version })
  if (!d.ok) return { ...d, current }
  if (!d.event) return { ok: true, user: current }
  try {
    if (await writeUserChange(ctx.db, current, d.user, d.event, d.endSessions))
      return { ok: true, user: d.user, endedSessions: d.endSessions }
  } catch (err) {
    if (constraintFailed(err)) return invalid(await takenField(ctx.db, parsed.value, current.id))
    throw err
  }
  return {
    ...refuse('conflict', msg('accounts.user.changed') as AccountsMessage),
    current: await findUserRecord(ctx.db, id),
  }
}

/** Deactivate (sessions end, sign-in refused) or reactivate. */
export function setActive(ctx: Ctx, actor: SessionUser, id: string, active: boolean, version?: number) {
  return editFromInput(ctx, actor, id, { active }, version)
}

/** A new invitation for an account that has not set a password; its older links stop working. */
export async function resendInvitation(ctx: Ctx, actor: SessionUser, id: string): Promise<Outcome> {
  if (!can(actor, 'accounts:manage')) return forbidden
  const user = await findUserRecord(ctx.db, id)
  if (!user) return notFound
  const d = newInvitation(user, actor, await makeLink(ctx.baseUrl), decideCtx(ctx))
  if (!d.ok) return { ...d, current: user }
  await insertLink(ctx.db, d.token, d.event, d.mail && renderMail(d.mail), ctx.now)
  return { ok: true, user }
}
