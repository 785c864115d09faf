/**
 * Guarded batches. D1 has no interactive transactions, so a batch cannot branch: a transition is
 * a conditional UPDATE, and the rows that depend on it (audit event, outbox mail) are inserted by
 * `INSERT … SELECT … WHERE <guard>` so that they do nothing when the update did not match.
 * The guard is usually "the row now carries this batch's stamp" (see `stamped`).
 * `insert(table).select(sql)` rather than `db.run(sql)`: drizzle's D1 batch cannot bind the
 * parameters of a `db.run` statement (it has no prepared statement), and fails the whole batch.
 * The select lists every column of the table, in the schema's order.
 */
import { type SQL, sql } from 'drizzle-orm'
import { type AuditEvent, type Mail, newId } from '../pool/shared/index.ts'
import { auditEvents, outbox } from './schema/index.ts'
import type { Db } from './types.ts'

/** True inside the batch only if `table` row `id` carries `stamp`, i.e. this batch's update matched. */
export function stamped(table: string, id: string, stamp: string): SQL {
  return sql`exists (select 1 from ${sql.identifier(table)} where id = ${id} and stamp = ${stamp})`
}

export function auditIf(db: Db, e: AuditEvent, guard: SQL) {
  const before = e.before ? JSON.stringify(e.before) : null
  const after = e.after ? JSON.stringify(e.after) : null
  return db.insert(auditEvents).select(
    sql`select ${e.id}, ${e.at}, ${e.actorId}, ${e.actorLabel}, ${e.action}, ${e.entity}, ${e.entityId}, ${before}, ${after}
      where ${guard}`,
  )
}

export function mailIf(db: Db, mail: Mail, now: number, guard: SQL) {
  const attachments = mail.attachments?.length ? JSON.stringify(mail.attachments) : null
  return db.insert(outbox).select(
    sql`select ${newId()}, ${now}, ${mail.to}, ${mail.subject}, ${mail.text}, ${mail.html ?? null}, 'pending', 0, ${now},
      null, null, ${attachments} where ${guard}`,
  )
}
