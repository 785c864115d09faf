/**
 * Incidents, scoped as pool/incidents/rules.ts says (inIncidentScope): island users see those that
 * affect their island and their own proposals; proposals are otherwise the coordinators'. Writes are
 * guarded batches.
 */
import { and, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm'
import { can } from '../../pool/access/index.ts'
import type { IncidentStatus } from '../../pool/reference/index.ts'
import { type Actor, type AuditEvent, type Mail, newId } from '../../pool/shared/index.ts'
import { auditIf, mailIf, stamped } from '../guard.ts'
import { incidents } from '../schema/index.ts'
import { changes, type Db, type Stmt } from '../types.ts'
import { recordAudit } from './audit.ts'
import { enqueueMail } from './outbox.ts'

export type IncidentRow = typeof incidents.$inferSelect

const opened = inArray(incidents.status, ['open', 'closed'])

function scope(actor: Actor): SQL | undefined | null {
  if (!can(actor, 'incidents:read')) return null
  if (actor.role === 'island') {
    const affected = sql`exists (select 1 from json_each(${incidents.islands}) where value = ${actor.island ?? ''})`
    return or(and(opened, affected), eq(incidents.proposedBy, actor.island ?? ''))
  }
  return can(actor, 'incidents:manage') ? undefined : opened
}

/** What the request form offers: the open incidents, and the island's own pending proposals. */
export async function listIncidentChoices(db: Db, actor: Actor) {
  const visible = scope(actor)
  if (visible === null) return []
  const own = actor.role === 'island' ? eq(incidents.proposedBy, actor.island ?? '') : undefined
  const pending = own ? and(eq(incidents.status, 'proposed'), own) : undefined
  return db
    .select()
    .from(incidents)
    .where(and(visible, pending ? or(eq(incidents.status, 'open'), pending) : eq(incidents.status, 'open')))
    .orderBy(desc(incidents.openedAt))
}

export async function listIncidents(db: Db, actor: Actor, status?: IncidentStatus) {
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

export async function insertIncident(
  db: Db,
  row: Omit<IncidentRow, 'stamp'>,
  event: AuditEvent,
  mails: Mail[] = [],
  now = event.at,
) {
  await db.batch([
    db.insert(incidents).values(row),
    recordAudit(db, event),
    ...mails.map((m) => enqueueMail(db, m, now) as Stmt),
  ])
}

/** A guarded change of an incident (edit, close, open or reject) with its audit event and mails; false when the version moved. */
export async function updateIncident(
  db: Db,
  before: { id: string; version: number },
  patch: Partial<Omit<IncidentRow, 'id' | 'stamp'>>,
  event: AuditEvent,
  mails: Mail[] = [],
): Promise<boolean> {
  const stamp = newId()
  const guard = stamped('incidents', before.id, stamp)
  const [update] = await db.batch([
    db
      .update(incidents)
      .set({ ...patch, version: before.version + 1, stamp })
      .where(and(eq(incidents.id, before.id), eq(incidents.version, before.version))),
    auditIf(db, event, guard),
    ...mails.map((m) => mailIf(db, m, event.at, guard)),
  ])
  return changes(update) === 1
}

/**
 * The name and status of the incident a request names. Whoever sees the request sees which incident
 * it names (its name is part of the request), even one they could not open: a proposal, or one that
 * does not affect their island.
 */
export async function incidentNamed(db: Db, id: string) {
  const [row] = await db
    .select({ name: incidents.name, status: incidents.status })
    .from(incidents)
    .where(eq(incidents.id, id))
  return row
}
