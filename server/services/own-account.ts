/** One's own account, for every role: name and language, password (the current one first), sessions. */
import { endOwnSession, listSessions, type SessionUser } from '../../db/queries/sessions.ts'
import { findUser, toRecord, writeOwnPassword, writeUserChange } from '../../db/queries/users.ts'
import type { Db } from '../../db/types.ts'
import {
  changeOwnPassword,
  deviceOf,
  editOwnProfile,
  isUiLocale,
  readName,
  type UserErrors,
} from '../../pool/accounts/index.ts'
import { auditEvent, msg, newId } from '../../pool/shared/index.ts'
import { hashPassword, verifyPassword } from '../auth/password.ts'
import type { Ctx } from './accounts.ts'

export type OwnOutcome = { ok: true } | { ok: false; errors: UserErrors }

/** The owner's name and language; the language also becomes that of their mails. */
export async function saveProfile(
  ctx: Ctx,
  user: SessionUser,
  raw: Record<string, unknown>,
): Promise<OwnOutcome> {
  const errors: UserErrors = {}
  const name = readName(raw.name, errors)
  if (!isUiLocale(raw.locale)) errors.locale = msg('accounts.locale.unknown')
  if (!name || !isUiLocale(raw.locale)) return { ok: false, errors }
  const row = await findUser(ctx.db, user.id)
  if (!row) return { ok: false, errors: { name: msg('accounts.user.notFound') } }
  const current = toRecord(row)
  const d = editOwnProfile(
    current,
    { name, locale: raw.locale },
    { now: ctx.now, newId, baseUrl: ctx.baseUrl },
  )
  if (!d.event) return { ok: true }
  // A change from another tab at the same moment: one wins, the other is told to look again.
  if (!(await writeUserChange(ctx.db, current, d.user, d.event, false)))
    return { ok: false, errors: { name: msg('accounts.user.changed') } }
  return { ok: true }
}

/** A new password: the current one must be right; the owner's other sessions end, this one stays. */
export async function changePassword(
  ctx: Ctx,
  user: SessionUser,
  sessionId: string,
  current: string,
  next: string,
): Promise<OwnOutcome> {
  const row = await findUser(ctx.db, user.id)
  if (!row) return { ok: false, errors: { current: msg('accounts.user.notFound') } }
  const currentOk =
    row.passwordHash != null && (await verifyPassword(current.slice(0, 1000), row.passwordHash))
  const d = changeOwnPassword(row, currentOk, next, { now: ctx.now, newId, baseUrl: ctx.baseUrl })
  if (!d.ok) return { ok: false, errors: d.fields ?? { password: d.message } }
  await writeOwnPassword(ctx.db, user.id, await hashPassword(next), sessionId, d.event)
  return { ok: true }
}

export interface SessionView {
  id: string
  current: boolean
  browser: string | null
  os: string | null
  createdAt: number
  lastSeenAt: number
}

/** The owner's live sessions, the one in use marked, each with the device it runs on. */
export async function ownSessions(db: Db, user: SessionUser, sessionId: string | null, now: number) {
  const rows = await listSessions(db, user.id, now)
  return rows.map(
    (s): SessionView => ({
      id: s.id,
      current: s.id === sessionId,
      ...deviceOf(s.userAgent),
      createdAt: s.createdAt,
      lastSeenAt: Math.max(s.lastSeenAt, s.createdAt),
    }),
  )
}

/** Ends one of the owner's own sessions; another's session id is "not found". */
export async function endSession(ctx: Ctx, user: SessionUser, id: string): Promise<boolean> {
  const event = auditEvent(
    { id: user.id, label: user.name },
    'user.session_ended',
    'user',
    user.id,
    {},
    ctx.now,
    newId(),
  )
  return endOwnSession(ctx.db, user.id, id, event)
}
