/** The shape of an audit event, built by every domain operation as part of its decision. */

export interface AuditEvent {
  id: string
  at: number
  actorId: string | null
  actorLabel: string
  action: string
  entity: string
  entityId: string
  before: Record<string, unknown> | null
  after: Record<string, unknown> | null
}

export interface AuditActor {
  id: string | null
  label: string
}

export function auditEvent(
  actor: AuditActor,
  action: string,
  entity: string,
  entityId: string,
  change: { before?: Record<string, unknown> | null; after?: Record<string, unknown> | null },
  now: number,
  id: string,
): AuditEvent {
  return {
    id,
    at: now,
    actorId: actor.id,
    actorLabel: actor.label,
    action,
    entity,
    entityId,
    before: change.before ?? null,
    after: change.after ?? null,
  }
}
