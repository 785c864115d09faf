/**
 * Single-use password links (pool/accounts/links.ts). Making a link marks the account's older
 * unused links used (replaced); using one is a guarded update of the link, and the password,
 * the end of every session and the audit event depend on it, so a link works exactly once.
 */
import { and, eq, gt, isNull, type SQL, sql } from 'drizzle-orm'
import type { TokenRow } from '../../pool/accounts/index.ts'
import { type AuditEvent, type Mail, newId } from '../../pool/shared/index.ts'
import { auditIf, mailIf, stamped } from '../guard.ts'
import { sessions, users, userTokens } from '../schema/index.ts'
import { changes, type Db } from '../types.ts'

const activeUser = (userId: string): SQL =>
  sql`exists (select 1 from ${users} where ${users.id} = ${userId} and ${users.active} = 1)`

/**
 * A new link for an account, with its audit event and mail (if any), written only when the account
 * exists and is active. The reset form calls this for unknown addresses too (with a made-up
 * account id): the same statements run and write nothing, so both answers take the same time.
 */
export async function insertLink(db: Db, token: TokenRow, event: AuditEvent, mail: Mail | null, now: number) {
  const live = activeUser(token.userId)
  await db.batch([
    db
      .update(userTokens)
      .set({ usedAt: now })
      .where(and(eq(userTokens.userId, token.userId), isNull(userTokens.usedAt))),
    db.insert(userTokens).select(
      sql`select ${token.id}, ${token.secretHash}, ${token.userId}, ${token.purpose}, ${token.expiresAt},
          ${token.createdAt}, null, null where ${live}`,
    ),
    auditIf(db, event, live),
    ...(mail ? [mailIf(db, mail, now, live)] : []),
  ])
}

/** A link and the account it belongs to, used or not, expired or not (the page says which). */
export async function findLink(db: Db, id: string) {
  const rows = await db
    .select({
      id: userTokens.id,
      secretHash: userTokens.secretHash,
      purpose: userTokens.purpose,
      expiresAt: userTokens.expiresAt,
      usedAt: userTokens.usedAt,
      user: { id: users.id, name: users.name, email: users.email, active: users.active },
    })
    .from(userTokens)
    .innerJoin(users, eq(users.id, userTokens.userId))
    .where(eq(userTokens.id, id))
  return rows[0]
}

/**
 * Uses a link: marks it used if it is unused, unexpired and its account active; then, only if
 * that matched, sets the password, marks the account's other links used, ends every session and
 * records the event. False when the link was used (or ran out) first.
 */
export async function useLink(
  db: Db,
  link: { id: string; userId: string },
  passwordHash: string,
  event: AuditEvent,
  now: number,
): Promise<boolean> {
  const stamp = newId()
  const guard = stamped('user_tokens', link.id, stamp)
  const [claim] = await db.batch([
    db
      .update(userTokens)
      .set({ usedAt: now, stamp })
      .where(
        and(
          eq(userTokens.id, link.id),
          isNull(userTokens.usedAt),
          gt(userTokens.expiresAt, now),
          activeUser(link.userId),
        ),
      ),
    db
      .update(users)
      .set({ passwordHash, version: sql`${users.version} + 1` })
      .where(and(eq(users.id, link.userId), guard)),
    db
      .update(userTokens)
      .set({ usedAt: now })
      .where(and(eq(userTokens.userId, link.userId), isNull(userTokens.usedAt), guard)),
    db.delete(sessions).where(and(eq(sessions.userId, link.userId), guard)),
    auditIf(db, event, guard),
  ])
  return changes(claim) === 1
}
