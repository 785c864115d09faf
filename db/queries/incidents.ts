/** Incidents, scoped: island users see those that affect their island; writes are guarded batches. */
import { and, desc, eq, sql } from 'drizzle-orm'
import { can } from '../../pool/access/index.ts'
import { type Actor, type AuditEvent, newId } from '../../pool/shared/index.ts'
import { auditIf, stamped } from '../guard.ts'
import { incidents } from '../schema/index.ts'
import { changes, type Db } from '../types.ts'
import { recordAudit } from './audit.ts'

export type IncidentRow = typeof incidents.$inferSelect

function scope(actor: Actor) {
  if (!can(actor, 'incidents:read')) return null
  if (actor.role === 'island') {
    return sql`exists (select 1 from json_each(${incidents.islands}) where value = ${actor.island ?? ''})`
  }
  return undefined
}

export async function listIncidents(db: Db, actor: Actor, status?: 'open' | 'closed') {
  const visible = scope(actor)
  if (visible === null) return []
  return db
    .select()
    .from(incidents)
    .where(and(visible, status ? eq(incidents.status, status) : undefined))
    .orderBy(desc(incidents.openedAt))
}

export async function findIncident(db: Db, actor: Actor, id: string) {
  const visible = scope(actor)
  if (visible === null) return undefined
  const [row] = await db
    .select()
    .from(incidents)
    .where(and(eq(incidents.id, id), visible))
  return row
}

export async function insertIncident(db: Db, row: Omit<IncidentRow, 'stamp'>, event: AuditEvent) {
  await db.batch([db.insert(incidents).values(row), recordAudit(db, event)])
}

/** A guarded change of an incident (edit or close) with its audit event; false when the version moved. */
export async function updateIncident(
  db: Db,
  before: { id: string; version: number },
  patch: Partial<Omit<IncidentRow, 'id' | 'stamp'>>,
  event: AuditEvent,
): Promise<boolean> {
  const stamp = newId()
  const [update] = await db.batch([
    db
      .update(incidents)
      .set({ ...patch, version: before.version + 1, stamp })
      .where(and(eq(incidents.id, before.id), eq(incidents.version, before.version))),
    auditIf(db, event, stamped('incidents', before.id, stamp)),
  ])
  return changes(update) === 1
}
