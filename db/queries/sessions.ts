/** Session rows. The caller holds `id.secret`; the table holds the id and SHA-256 of the secret. */
import { eq } from 'drizzle-orm'
import type { Actor } from '../../pool/shared/index.ts'
import { sessions, users } from '../schema/index.ts'
import type { Db } from '../types.ts'

export interface SessionUser extends Actor {
  email: string
  name: string
  organisation: string
  phone: string
  locale: string
}

export async function insertSession(
  db: Db,
  row: { id: string; secretHash: string; userId: string; createdAt: number; expiresAt: number },
) {
  await db.insert(sessions).values(row)
}

export async function findSession(db: Db, id: string) {
  const rows = await db
    .select({
      id: sessions.id,
      secretHash: sessions.secretHash,
      expiresAt: sessions.expiresAt,
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
    .where(eq(sessions.id, id))
  return rows[0]
}

export async function extendSession(db: Db, id: string, expiresAt: number) {
  await db.update(sessions).set({ expiresAt }).where(eq(sessions.id, id))
}

export async function deleteSession(db: Db, id: string) {
  await db.delete(sessions).where(eq(sessions.id, id))
}
