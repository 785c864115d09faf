/**
 * Accounts: the admin's list, the look-ups of sign-in and invitation, and the writes of
 * pool/accounts' decisions, each one batch. A change to an account is a guarded update on its
 * version; ending its sessions and the audit event depend on that update (db/guard.ts), so a lost
 * race ends nothing and records nothing. Single-use links live in ./user-links.ts.
 */
import { and, asc, count, eq, ne, type SQL, sql } from 'drizzle-orm'
import type { UserRecord } from '../../pool/accounts/index.ts'
import type { IslandCode, Role, UiLocale } from '../../pool/reference/index.ts'
import { type AuditEvent, auditEvent, type Mail, newId } from '../../pool/shared/index.ts'
import { auditIf, stamped } from '../guard.ts'
import { functionaries, sessions, users, userTokens } from '../schema/index.ts'
import { changes, type Db } from '../types.ts'
import { recordAudit } from './audit.ts'
import { enqueueMail } from './outbox.ts'

type Row = typeof users.$inferSelect

export function toRecord(row: Row): UserRecord {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role as Role,
    island: row.island as IslandCode | null,
    functionaryId: row.functionaryId,
    locale: (['en', 'nl', 'pap'].includes(row.locale) ? row.locale : 'en') as UiLocale,
    active: row.active,
    version: row.version,
    hasPassword: row.passwordHash != null,
    createdAt: row.createdAt,
  }
}

export async function findUserByEmail(db: Db, email: string) {
  const rows = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()))
  return rows[0]
}

export async function findUser(db: Db, id: string) {
  const rows = await db.select().from(users).where(eq(users.id, id))
  return rows[0]
}

/** An account as the rules see it (no password hash); callers check `accounts:manage` or ownership. */
export async function findUserRecord(db: Db, id: string): Promise<UserRecord | undefined> {
  const row = await findUser(db, id)
  return row ? toRecord(row) : undefined
}

export interface UserFilters {
  q?: string
  role?: Role
  active?: 'active' | 'inactive' | 'all'
}

function conditions(f: UserFilters): (SQL | undefined)[] {
  const like = f.q ? `%${f.q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null
  return [
    like
      ? sql`(lower(${users.name}) like ${like} escape '\\' or ${users.email} like ${like} escape '\\')`
      : undefined,
    f.role ? eq(users.role, f.role) : undefined,
    f.active === 'all' || f.active === undefined ? undefined : eq(users.active, f.active === 'active'),
  ]
}

/** A page of accounts, by name, and how many match. */
export async function listUsers(
  db: Db,
  filters: UserFilters,
  page: { limit: number; offset: number },
): Promise<{ items: UserRecord[]; total: number }> {
  const where = and(...conditions(filters))
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(users)
      .where(where)
      .orderBy(asc(sql`${users.name} collate nocase`), asc(users.id))
      .limit(page.limit)
      .offset(page.offset),
    db.select({ n: count() }).from(users).where(where),
  ])
  return { items: rows.map(toRecord), total: total?.n ?? 0 }
}

/** The pool member an account may be linked to (unscoped: callers check their right first). */
export async function findPoolMember(db: Db, id: string) {
  const rows = await db
    .select({
      id: functionaries.id,
      name: functionaries.name,
      email: functionaries.email,
      active: functionaries.active,
    })
    .from(functionaries)
    .where(eq(functionaries.id, id))
  return rows[0]
}

/** The account of a pool member, if they have one. */
export async function accountOfFunctionary(db: Db, functionaryId: string) {
  const rows = await db.select().from(users).where(eq(users.functionaryId, functionaryId))
  return rows[0] ? toRecord(rows[0]) : undefined
}

/**
 * A new account, its invitation link, the audit event and the invitation mail, in one batch.
 * A taken e-mail address or pool member fails the batch on its unique index (nothing is written).
 */
export async function insertAccount(
  db: Db,
  d: {
    user: UserRecord
    token: typeof userTokens.$inferInsert
    event: AuditEvent
  },
  mail: Mail,
  now: number,
) {
  const { hasPassword: _h, ...user } = d.user
  await db.batch([
    db.insert(users).values({ ...user, passwordHash: null }),
    db.insert(userTokens).values(d.token),
    recordAudit(db, d.event),
    enqueueMail(db, mail, now),
  ])
}

/**
 * Writes an admin's (or the owner's) change: guarded on the version the decision started from;
 * sessions end in the same batch when the decision says so (`keepSession`: the owner's own).
 * False when the account moved on in between (nothing written).
 */
export async function writeUserChange(
  db: Db,
  current: Pick<UserRecord, 'id' | 'version'>,
  next: UserRecord,
  event: AuditEvent,
  endSessions: boolean,
): Promise<boolean> {
  const stamp = newId()
  const guard = stamped('users', current.id, stamp)
  const { id: _id, hasPassword: _h, createdAt: _c, ...fields } = next
  const [update] = await db.batch([
    db
      .update(users)
      .set({ ...fields, version: current.version + 1, stamp })
      .where(and(eq(users.id, current.id), eq(users.version, current.version))),
    db.delete(sessions).where(and(eq(sessions.userId, current.id), endSessions ? guard : sql`0`)),
    auditIf(db, event, guard),
  ])
  return changes(update) === 1
}

/** The owner's new password: other sessions end (the one in use stays), with the audit event. */
export async function writeOwnPassword(
  db: Db,
  userId: string,
  passwordHash: string,
  keepSession: string,
  event: AuditEvent,
): Promise<boolean> {
  const stamp = newId()
  const guard = stamped('users', userId, stamp)
  const [update] = await db.batch([
    db
      .update(users)
      .set({ passwordHash, version: sql`${users.version} + 1`, stamp })
      .where(and(eq(users.id, userId), eq(users.active, true))),
    db.delete(sessions).where(and(eq(sessions.userId, userId), ne(sessions.id, keepSession), guard)),
    auditIf(db, event, guard),
  ])
  return changes(update) === 1
}

/** Creates an admin account without a password and a single-use link token to set one (admin:create). */
export async function createAdminWithToken(
  db: Db,
  email: string,
  token: { id: string; secretHash: string; expiresAt: number },
  now: number,
) {
  const id = newId()
  await db.batch([
    db.insert(users).values({ id, email, name: email.split('@')[0] ?? email, role: 'admin', createdAt: now }),
    db.insert(userTokens).values({ ...token, userId: id, purpose: 'set_password', createdAt: now }),
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

/**
 * A verified password's hash under the current scheme (server/auth/sign-in.ts). Guarded on the
 * hash that was verified: a password changed meanwhile is never overwritten. Not a change of
 * the account (no version, no event): the same password, stored with today's work factor.
 */
export async function rehashPassword(db: Db, userId: string, verified: string, next: string) {
  const result = await db
    .update(users)
    .set({ passwordHash: next })
    .where(and(eq(users.id, userId), eq(users.passwordHash, verified)))
  return changes(result) === 1
}
