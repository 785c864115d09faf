/**
 * Sessions, after Lucia and The Copenhagen Book.
 * - Token `id.secret`: id 16 symbols, secret 32 symbols (160 bits). The table `sessions` keeps the
 *   id and SHA-256 of the secret; the secret is compared in constant time.
 * - Sliding expiry of 30 days, extended when less than 15 remain, so that someone typing for an
 *   hour on a satellite link is never signed out under their form.
 * - A new session at every sign-in; every session of a user ends when their role, island or
 *   password changes (db/queries/users.ts).
 * - Last seen (for the account page's list of sessions) is written at most every 5 minutes, and
 *   together with the renewal when both are due: reading a page rarely writes.
 * - Cookie: HttpOnly, SameSite=Lax, Path=/, Secure when BASE_URL is https. CSRF: unsafe methods
 *   are checked by Origin / Sec-Fetch-Site (server/middleware/csrf.ts), so Lax is enough.
 */
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import {
  deleteSession,
  findSession,
  insertSession,
  type SessionUser,
  touchSession,
} from '../../db/queries/sessions.ts'
import type { Db } from '../../db/types.ts'
import { newId, randomToken } from '../../pool/shared/index.ts'
import { constantTimeEqual, sha256Hex } from './crypto.ts'

export const SESSION_COOKIE = 'ccpm_session'
const DAY = 86_400_000
export const SESSION_TTL = 30 * DAY
const RENEW_BELOW = 15 * DAY
export const SEEN_EVERY = 5 * 60_000
/** Enough of a User-Agent to name the device; the rest is noise. */
const AGENT_MAX = 300

export async function createSession(
  db: Db,
  userId: string,
  now: number,
  userAgent = '',
): Promise<{ token: string; expiresAt: number }> {
  const id = newId()
  const secret = randomToken(32)
  const expiresAt = now + SESSION_TTL
  await insertSession(db, {
    id,
    secretHash: await sha256Hex(secret),
    userId,
    createdAt: now,
    expiresAt,
    lastSeenAt: now,
    userAgent: userAgent.slice(0, AGENT_MAX),
  })
  return { token: `${id}.${secret}`, expiresAt }
}

export type Validated = {
  sessionId: string
  user: SessionUser
  renewedUntil: number | null
  /**
   * Until then, validating this session again writes nothing (no last-seen, no renewal, no
   * expiry): server/middleware/page-cache.ts may answer for it without asking again.
   */
  quietUntil: number
}

export async function validateSession(db: Db, token: string, now: number): Promise<Validated | null> {
  const [id, secret] = token.split('.')
  if (!id || !secret) return null
  const row = await findSession(db, id)
  if (!row?.user.active) return null
  if (!constantTimeEqual(await sha256Hex(secret), row.secretHash)) return null
  if (row.expiresAt <= now) {
    await deleteSession(db, id)
    return null
  }
  let renewedUntil: number | null = null
  if (row.expiresAt - now < RENEW_BELOW) renewedUntil = now + SESSION_TTL
  const touch = renewedUntil != null || now - row.lastSeenAt >= SEEN_EVERY
  if (touch) await touchSession(db, id, now, renewedUntil ?? undefined)
  const { active: _active, ...user } = row.user
  const quietUntil = Math.min(
    (touch ? now : row.lastSeenAt) + SEEN_EVERY,
    (renewedUntil ?? row.expiresAt) - RENEW_BELOW,
  )
  return { sessionId: id, user, renewedUntil, quietUntil }
}

export function setSessionCookie(c: Context, token: string, expiresAt: number, secure: boolean) {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure,
    path: '/',
    expires: new Date(expiresAt),
  })
}

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE)
}

export function clearSessionCookie(c: Context, secure: boolean) {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure })
}
