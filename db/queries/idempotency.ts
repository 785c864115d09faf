/** Storage of one-time keys and the responses they replay. */
import { and, eq, lt } from 'drizzle-orm'
import { idempotencyKeys } from '../schema/index.ts'
import type { Db } from '../types.ts'

/** Claims the key; false when it was already there (then `findKey` tells what became of it). */
export async function claimKey(db: Db, scope: string, key: string, fingerprint: string, now: number) {
  const rows = await db
    .insert(idempotencyKeys)
    .values({ scope, key, fingerprint, createdAt: now })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key })
  return rows.length === 1
}

export async function findKey(db: Db, scope: string, key: string) {
  const rows = await db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
  return rows[0]
}

export async function completeKey(
  db: Db,
  scope: string,
  key: string,
  response: { status: number; location: string | null; contentType: string | null; body: string | null },
) {
  await db
    .update(idempotencyKeys)
    .set(response)
    .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
}

export async function releaseKey(db: Db, scope: string, key: string) {
  await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)))
}

export async function purgeKeys(db: Db, before: number) {
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before))
}

/** Stores (or replaces) a finished outcome under `key`: the same-content record of a form post. */
export async function saveOutcome(
  db: Db,
  row: { scope: string; key: string; fingerprint: string; createdAt: number },
  response: { status: number; location: string | null; contentType: string | null; body: string | null },
) {
  await db
    .insert(idempotencyKeys)
    .values({ ...row, ...response })
    .onConflictDoUpdate({
      target: [idempotencyKeys.scope, idempotencyKeys.key],
      set: { ...response, createdAt: row.createdAt },
    })
}
