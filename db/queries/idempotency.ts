/**
 * Storage of one-time keys and the responses they replay. A key row moves claimed → committed
 * (in the same batch as the change it guards) → complete (the response stored). Each claim carries
 * a random `claim`; a retry that takes a stale, uncommitted claim over changes it, and the change
 * batch of the slower first attempt then fails on `abortUnlessClaimed` instead of doubling.
 */
import { and, eq, isNull, lt, sql } from 'drizzle-orm'
import { idempotencyKeys } from '../schema/index.ts'
import type { Db } from '../types.ts'

type Outcome = { status: number; location: string | null; contentType: string | null; body: string | null }

const keyIs = (scope: string, key: string) =>
  and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key))
const mine = (scope: string, key: string, claim: string) =>
  and(keyIs(scope, key), eq(idempotencyKeys.claim, claim))

/** Claims the key; false when it was already there (then `findKey` tells what became of it). */
export async function claimKey(
  db: Db,
  scope: string,
  key: string,
  fingerprint: string,
  claim: string,
  now: number,
) {
  const rows = await db
    .insert(idempotencyKeys)
    .values({ scope, key, fingerprint, claim, createdAt: now })
    .onConflictDoNothing()
    .returning({ key: idempotencyKeys.key })
  return rows.length === 1
}

export async function findKey(db: Db, scope: string, key: string) {
  const rows = await db.select().from(idempotencyKeys).where(keyIs(scope, key))
  return rows[0]
}

/**
 * Takes over a claim that never committed (its request died or stalls): only if it still carries
 * the claim the caller saw, so that of two retries one wins.
 */
export async function takeOverKey(
  db: Db,
  scope: string,
  key: string,
  seen: string | null,
  claim: string,
  now: number,
) {
  const rows = await db
    .update(idempotencyKeys)
    .set({ claim, createdAt: now })
    .where(
      and(
        keyIs(scope, key),
        seen == null ? isNull(idempotencyKeys.claim) : eq(idempotencyKeys.claim, seen),
        isNull(idempotencyKeys.status),
        isNull(idempotencyKeys.committedAt),
      ),
    )
    .returning({ key: idempotencyKeys.key })
  return rows.length === 1
}

/**
 * For the change's batch: fails the whole batch (a duplicate primary key) when the key row exists
 * but no longer carries `claim`, i.e. a retry took it over. Does nothing while the claim is ours.
 */
export function abortUnlessClaimed(db: Db, scope: string, key: string, claim: string) {
  return db.insert(idempotencyKeys).select(
    sql`select scope, key, fingerprint, status, location, content_type, body, created_at, claim, committed_at
      from idempotency_keys where scope = ${scope} and key = ${key} and (claim is null or claim <> ${claim})`,
  )
}

/** For the change's batch: the claim's work is done (a retry can no longer take it over). */
export function markCommitted(db: Db, scope: string, key: string, claim: string, now: number) {
  return db
    .update(idempotencyKeys)
    .set({ committedAt: now })
    .where(and(mine(scope, key, claim), isNull(idempotencyKeys.committedAt)))
}

/** True while the key row still carries this claim. */
export async function holdsKey(db: Db, scope: string, key: string, claim: string) {
  const rows = await db
    .select({ key: idempotencyKeys.key })
    .from(idempotencyKeys)
    .where(mine(scope, key, claim))
  return rows.length === 1
}

export async function completeKey(db: Db, scope: string, key: string, claim: string, response: Outcome) {
  await db
    .update(idempotencyKeys)
    .set(response)
    .where(mine(scope, key, claim))
}

/** Frees the key after a failure, unless a change was committed under it (then it must replay). */
export async function releaseKey(db: Db, scope: string, key: string, claim: string) {
  await db.delete(idempotencyKeys).where(and(mine(scope, key, claim), isNull(idempotencyKeys.committedAt)))
}

export async function purgeKeys(db: Db, before: number) {
  await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, before))
}

/** Stores (or replaces) a finished outcome under `key`: the same-content record of a form post. */
export async function saveOutcome(
  db: Db,
  row: { scope: string; key: string; fingerprint: string; createdAt: number },
  response: Outcome,
) {
  await db
    .insert(idempotencyKeys)
    .values({ ...row, ...response })
    .onConflictDoUpdate({
      target: [idempotencyKeys.scope, idempotencyKeys.key],
      set: { ...response, createdAt: row.createdAt },
    })
}
