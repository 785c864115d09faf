/** Session rows. The caller holds `id.secret`; the table holds the id and SHA-256 of the secret. */
import { and, desc, eq, sql } from 'drizzle-orm'
import type { Actor, AuditEvent } from '../../pool/shared/index.ts'
import { auditIf } from '../guard.ts'
import { sessions, users } from '../schema/index.ts'
import { changes, type Db } from '../types.ts'

export interface SessionUser extends Actor {
  email: string
  name: string
  organisation: string
  phone: string
  locale: string
}

export async function insertSession(
  db: Db,
  row: {
    id: string
    secretHash: string
    userId: string
    createdAt: number
    expiresAt: number
    lastSeenAt?: number
    userAgent?: string
  },
) {
  await db.insert(sessions).values(row)
}

/** The session and its user in one indexed read, prepared once per database handle. */
function sessionQuery(db: Db) {
  return db
    .select({
      id: sessions.id,
      secretHash: sessions.secretHash,
      expiresAt: sessions.expiresAt,
      lastSeenAt: sessions.lastSeenAt,
      user: {
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        island: users.island,
        functionaryId: users.functionaryId,
        organisation: users.organisation,
        phone: users.phone,
        locale: users.locale,
        active: users.active,
      },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(eq(sessions.id, sql.placeholder('id')))
    .prepare()
}
const prepared = new WeakMap<Db, ReturnType<typeof sessionQuery>>()

export async function findSession(db: Db, id: string) {
  let query = prepared.get(db)
  if (!query) {
    query = sessionQuery(db)
    prepared.set(db, query)
  }
  const rows = await query.all({ id })
  return rows[0]
}

export async function extendSession(db: Db, id: string, expiresAt: number) {
  await db.update(sessions).set({ expiresAt }).where(eq(sessions.id, id))
}

/** Marks a session seen now, and extends it when `expiresAt` is given: one small write. */
export async function touchSession(db: Db, id: string, lastSeenAt: number, expiresAt?: number) {
  await db
    .update(sessions)
    .set(expiresAt ? { lastSeenAt, expiresAt } : { lastSeenAt })
    .where(eq(sessions.id, id))
}

/** The account's sessions that have not expired, most recently seen first. */
export async function listSessions(db: Db, userId: string, now: number) {
  return db
    .select({
      id: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(and(eq(sessions.userId, userId), sql`${sessions.expiresAt} > ${now}`))
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.createdAt))
}

/** Ends one of the owner's sessions (another's id does nothing), with the audit event. */
export async function endOwnSession(db: Db, userId: string, id: string, event: AuditEvent): Promise<boolean> {
  const mine = and(eq(sessions.id, id), eq(sessions.userId, userId))
  const [, deleted] = await db.batch([
    auditIf(db, event, sql`exists (select 1 from ${sessions} where ${mine})`),
    db.delete(sessions).where(mine),
  ])
  return changes(deleted) === 1
}

export async function deleteSession(db: Db, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id))
}
