/**
 * Setting a password through a single-use link (invitation, reset, admin CLI), asking for a reset
 * link, and the admin CLI's link for when mail is down. The reset answer must not tell whether an
 * address has an account: both paths look the account up, make a link, render a mail and run the
 * same batch, which writes nothing for an unknown address (db/queries/user-links.ts). The admin
 * CLI's link is server/auth/admin-reset.ts.
 */

import { findLink, insertLink, useLink } from '../../db/queries/user-links.ts'
import { findUserByEmail, toRecord } from '../../db/queries/users.ts'
import type { Db } from '../../db/types.ts'
import {
  LINK_SECRET_LENGTH,
  type LinkState,
  linkState,
  resetLink,
  setPasswordByLink,
  type UserRecord,
} from '../../pool/accounts/index.ts'
import type { TokenPurpose } from '../../pool/reference/index.ts'
import { newId } from '../../pool/shared/index.ts'
import { constantTimeEqual, sha256Hex } from '../auth/crypto.ts'
import { hashPassword } from '../auth/password.ts'
import { type Ctx, makeLink, renderMail } from './accounts.ts'

/** Stands in for the account when nobody has the address: same work, nothing written. */
const NOBODY: Omit<UserRecord, 'id' | 'email'> = {
  name: 'CCPM',
  role: 'observer',
  island: null,
  functionaryId: null,
  locale: 'en',
  active: true,
  version: 1,
  hasPassword: true,
  createdAt: 0,
}

/**
 * The reset answers no sooner than this after the request arrived. Writing the rows of a known
 * address costs a few milliseconds more than the same statements writing nothing; under this
 * floor both answers take the same time (measured here: ~30 ms of work on a busy machine).
 */
export const RESET_ANSWER_MS = 200

/**
 * Asks for a reset link for `email` (already a valid address): the same statements whether or not
 * it is known, then the wait up to RESET_ANSWER_MS after `started` (a `performance.now()`).
 */
export async function requestReset(ctx: Ctx, email: string, started: number): Promise<void> {
  const row = await findUserByEmail(ctx.db, email)
  const user = row?.active ? toRecord(row) : { ...NOBODY, id: newId(), email }
  const d = resetLink(user, await makeLink(ctx.baseUrl), { now: ctx.now, newId, baseUrl: ctx.baseUrl })
  await insertLink(ctx.db, d.token, d.event, d.mail && renderMail(d.mail), ctx.now)
  const wait = RESET_ANSWER_MS - (performance.now() - started)
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
}

export type LinkLookup =
  | { state: 'invalid' }
  | {
      state: LinkState
      id: string
      purpose: TokenPurpose
      user: { id: string; name: string; email: string }
    }

/** What a `/password/<id>.<secret>` link is: unknown (or a wrong secret), valid, expired or used. */
export async function readLink(db: Db, token: string, now: number): Promise<LinkLookup> {
  const [id = '', secret = ''] = token.split('.')
  const wellFormed = /^[a-z0-9]{16}$/.test(id) && secret.length === LINK_SECRET_LENGTH
  const row = wellFormed ? await findLink(db, id) : undefined
  const hash = await sha256Hex(secret)
  if (!row || !constantTimeEqual(hash, row.secretHash) || !row.user.active) return { state: 'invalid' }
  return { state: linkState(row, now), id: row.id, purpose: row.purpose, user: row.user }
}

export type SetOutcome =
  | { ok: true; email: string }
  | { ok: false; state: 'invalid' | 'expired' | 'used'; purpose?: TokenPurpose }
  | {
      ok: false
      state: 'valid'
      purpose: TokenPurpose
      email: string
      error: ReturnType<typeof setPasswordByLink> & { ok: false }
    }

/** Sets the password with a link: once, within its time; every session of the account ends. */
export async function setPasswordWithLink(ctx: Ctx, token: string, password: string): Promise<SetOutcome> {
  const link = await readLink(ctx.db, token, ctx.now)
  if (link.state === 'invalid') return { ok: false, state: 'invalid' }
  if (link.state !== 'valid') return { ok: false, state: link.state, purpose: link.purpose }
  const d = setPasswordByLink(link.user, link.purpose, password, {
    now: ctx.now,
    newId,
    baseUrl: ctx.baseUrl,
  })
  if (!d.ok) return { ok: false, state: 'valid', purpose: link.purpose, email: link.user.email, error: d }
  const done = await useLink(
    ctx.db,
    { id: link.id, userId: link.user.id },
    await hashPassword(password),
    d.event,
    ctx.now,
  )
  return done ? { ok: true, email: link.user.email } : { ok: false, state: 'used', purpose: link.purpose }
}
