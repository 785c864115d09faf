/** The mail outbox: enqueued inside a change's batch, drained by the delivery loop. */
import { and, asc, desc, eq, gt, lte, sql } from 'drizzle-orm'
import { type Mail, newId, nextAttemptDelay } from '../../pool/shared/index.ts'
import { outbox } from '../schema/index.ts'
import type { Db } from '../types.ts'

/** The insert for a batch. */
export function enqueueMail(db: Db, mail: Mail, now: number) {
  return db.insert(outbox).values({
    id: newId(),
    createdAt: now,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html ?? null,
    nextAttemptAt: now,
    attachments: mail.attachments?.length ? mail.attachments : null,
  })
}

export async function dueMail(db: Db, now: number, limit = 20) {
  return db
    .select()
    .from(outbox)
    .where(and(eq(outbox.status, 'pending'), lte(outbox.nextAttemptAt, now)))
    .orderBy(asc(outbox.nextAttemptAt))
    .limit(limit)
}

/** The pending message that is due first, due or not (a probe while the server seems down). */
export async function nextPending(db: Db) {
  const rows = await db
    .select()
    .from(outbox)
    .where(eq(outbox.status, 'pending'))
    .orderBy(asc(outbox.nextAttemptAt))
    .limit(1)
  return rows[0]
}

/** Makes every waiting (backed-off) message due now: the server answers again. Returns how many. */
export async function releaseWaiting(db: Db, now: number): Promise<number> {
  const rows = await db
    .update(outbox)
    .set({ nextAttemptAt: now })
    .where(and(eq(outbox.status, 'pending'), gt(outbox.nextAttemptAt, now)))
    .returning({ id: outbox.id })
  return rows.length
}

/**
 * Claims a message for one delivery attempt: moves its next attempt into the future, guarded on
 * the attempt count, so that two loops never send the same message at the same time.
 */
export async function claimMail(db: Db, id: string, attempts: number, now: number): Promise<boolean> {
  const rows = await db
    .update(outbox)
    .set({ attempts: attempts + 1, nextAttemptAt: now + nextAttemptDelay(attempts + 1) })
    .where(and(eq(outbox.id, id), eq(outbox.status, 'pending'), eq(outbox.attempts, attempts)))
    .returning({ id: outbox.id })
  return rows.length === 1
}

/**
 * Sent: the row keeps recipient, subject and time, but not the text, which may hold a secret link
 * (an answer link, a set-password link) that must not outlive its delivery in storage.
 */
export async function markSent(db: Db, id: string, now: number) {
  await db
    .update(outbox)
    .set({ status: 'sent', sentAt: now, lastError: null, text: '', html: null })
    .where(eq(outbox.id, id))
}

export async function markFailed(db: Db, id: string, error: string) {
  await db
    .update(outbox)
    .set({ lastError: error.slice(0, 500) })
    .where(eq(outbox.id, id))
}

export async function listOutbox(db: Db, limit = 100) {
  // The columns the page shows (not the texts nor attachments), newest first on its index; the
  // counts from the status index; both in one round trip.
  const [items, counts] = await db.batch([
    db
      .select({
        id: outbox.id,
        createdAt: outbox.createdAt,
        to: outbox.to,
        subject: outbox.subject,
        status: outbox.status,
        attempts: outbox.attempts,
        lastError: outbox.lastError,
      })
      .from(outbox)
      .orderBy(desc(outbox.createdAt))
      .limit(limit),
    db.select({ status: outbox.status, n: sql<number>`count(*)` }).from(outbox).groupBy(outbox.status),
  ])
  const n = (status: string) => Number(counts.find((r) => r.status === status)?.n ?? 0)
  return { items, pending: n('pending'), sent: n('sent') }
}
