/** Accounts: sign-in look-up, role changes (which end every session) and set-password links. */
import { and, eq, gt, sql } from 'drizzle-orm'
import { type Actor, auditEvent, newId, type Role } from '../../pool/shared/index.ts'
import { auditIf, stamped } from '../guard.ts'
import { sessions, users, userTokens } from '../schema/index.ts'
import { changes, type Db } from '../types.ts'
import { recordAudit } from './audit.ts'

export async function findUserByEmail(db: Db, email: string) {
  const rows = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()))
  return rows[0]
}

export async function findUser(db: Db, id: string) {
  const rows = await db.select().from(users).where(eq(users.id, id))
  return rows[0]
}

/**
 * Changes a user's role and island: a guarded update, the end of all their sessions and the audit
 * event, in one batch. Returns false when the version moved (someone else changed the account).
 */
export async function changeUserRole(
  db: Db,
  actor: Actor & { name: string },
  target: { id: string; version: number; role: Role; island: string | null },
  next: { role: Role; island: string | null },
  now: number,
): Promise<boolean> {
  const stamp = newId()
  const guard = stamped('users', target.id, stamp)
  const [update] = await db.batch([
    db
      .update(users)
      .set({ role: next.role, island: next.island, version: target.version + 1, stamp })
      .where(and(eq(users.id, target.id), eq(users.version, target.version))),
    db.delete(sessions).where(and(eq(sessions.userId, target.id), guard)),
    auditIf(
      db,
      auditEvent(
        { id: actor.id, label: actor.name },
        'user.role_changed',
        'user',
        target.id,
        { before: { role: target.role, island: target.island }, after: next },
        now,
        newId(),
      ),
      guard,
    ),
  ])
  return changes(update) === 1
}

/** Creates an admin account without a password and a single-use link token to set one. */
export async function createAdminWithToken(
  db: Db,
  email: string,
  token: { id: string; secretHash: string; expiresAt: number },
  now: number,
) {
  const id = newId()
  await db.batch([
    db.insert(users).values({ id, email, name: email.split('@')[0] ?? email, role: 'admin', createdAt: now }),
    db.insert(userTokens).values({ ...token, userId: id, purpose: 'set_password' }),
    recordAudit(
      db,
      auditEvent(
        { id: null, label: 'admin:create' },
        'user.created',
        'user',
        id,
        { after: { email, role: 'admin' } },
        now,
        newId(),
      ),
    ),
  ])
  return id
}

export async function findUserToken(db: Db, id: string, now: number) {
  const rows = await db
    .select()
    .from(userTokens)
    .where(and(eq(userTokens.id, id), gt(userTokens.expiresAt, now)))
  return rows[0]
}

/**
 * Uses a set-password token. Every statement is conditional on the token still existing and the
 * delete comes last, so two uses at once set the password once (single use, atomically).
 */
export async function setPasswordWithToken(
  db: Db,
  token: { id: string; userId: string },
  passwordHash: string,
  now: number,
): Promise<boolean> {
  const live = sql`exists (select 1 from user_tokens where id = ${token.id})`
  const results = await db.batch([
    db
      .update(users)
      .set({ passwordHash, version: sql`${users.version} + 1` })
      .where(and(eq(users.id, token.userId), live)),
    db.delete(sessions).where(and(eq(sessions.userId, token.userId), live)),
    auditIf(
      db,
      auditEvent(
        { id: token.userId, label: 'set-password link' },
        'user.password_set',
        'user',
        token.userId,
        {},
        now,
        newId(),
      ),
      live,
    ),
    db.delete(userTokens).where(eq(userTokens.id, token.id)),
  ])
  return changes(results[3]) === 1
}
