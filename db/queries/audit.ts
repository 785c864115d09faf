/** Writing and reading the audit trail. Only inserts: the table is append-only. */
import { and, asc, eq, sql } from 'drizzle-orm'
import type { AuditEvent } from '../../pool/shared/index.ts'
import { auditEvents } from '../schema/index.ts'
import type { Db } from '../types.ts'

/** The insert for a batch, so that the event commits with the change it records. */
export function recordAudit(db: Db, event: AuditEvent) {
  return db.insert(auditEvents).values(event)
}

export async function auditTrail(db: Db, entity: string, entityId: string) {
  return db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.entity, entity), eq(auditEvents.entityId, entityId)))
    .orderBy(asc(auditEvents.at), asc(sql`rowid`)) // rowid: insertion order within the same millisecond
}
