/** Decisions on pool members: add, edit, (de)activate, edit one's own profile, each with its audit event. */

import { can } from '../access/index.ts'
import { type AuditEvent, auditEvent } from '../shared/audit.ts'
import { type Actor, msg, type NamedActor, type Refusal, refuse } from '../shared/index.ts'
import {
  changedFields,
  type FunctionaryFields,
  type FunctionaryRecord,
  fieldsOf,
  SELF_SERVICE_FIELDS,
} from './input.ts'
import type { FunctionaryAuditAction, FunctionaryMessage } from './messages.ts'

type Ctx = { now: number; newId: () => string }
export type Decision =
  | { ok: true; record: FunctionaryRecord; event: AuditEvent | null }
  | Refusal<FunctionaryMessage>

const eventOf = (
  actor: NamedActor,
  action: FunctionaryAuditAction,
  id: string,
  change: Parameters<typeof auditEvent>[4],
  ctx: Ctx,
) => auditEvent({ id: actor.id, label: actor.name }, action, 'functionary', id, change, ctx.now, ctx.newId())
const ONLY_COORDINATORS = msg('functionaries.coordinatorsOnly')

/** A coordinator adds a person to the pool. */
export function createFunctionary(
  fields: FunctionaryFields,
  actor: NamedActor,
  ctx: Ctx & { action?: FunctionaryAuditAction },
): Decision {
  if (!can(actor, 'pool:manage')) return refuse('forbidden', ONLY_COORDINATORS)
  const record: FunctionaryRecord = { id: ctx.newId(), ...fieldsOf(fields), active: true, version: 1 }
  const { id: _i, version: _v, ...after } = record
  const event = eventOf(actor, ctx.action ?? 'functionary.created', record.id, { after }, ctx)
  return { ok: true, record, event }
}

/**
 * A change of a person (fields and/or active): only what changed is recorded. `version` is the one
 * the actor saw; a different one on record is a conflict. Nothing changed: no event, no write.
 */
export function editFunctionary(
  current: FunctionaryRecord,
  next: FunctionaryFields & { active: boolean },
  actor: NamedActor,
  ctx: Ctx & { version?: number; action?: FunctionaryAuditAction },
): Decision {
  if (!can(actor, 'pool:manage')) return refuse('forbidden', ONLY_COORDINATORS)
  return change(current, next, actor, ctx)
}

function change(
  current: FunctionaryRecord,
  next: FunctionaryFields & { active: boolean },
  actor: NamedActor,
  ctx: Ctx & { version?: number; action?: FunctionaryAuditAction },
): Decision {
  if (ctx.version !== undefined && ctx.version !== current.version)
    return refuse('conflict', msg('functionaries.stale'))
  const keys: string[] = changedFields(current, next)
  if (current.active !== next.active) keys.push('active')
  if (keys.length === 0) return { ok: true, record: current, event: null }
  const record: FunctionaryRecord = {
    ...current,
    ...fieldsOf(next),
    active: next.active,
    version: current.version + 1,
  }
  const before: Record<string, unknown> = { version: current.version }
  const after: Record<string, unknown> = { version: record.version }
  for (const k of keys) {
    before[k] = current[k as keyof FunctionaryRecord]
    after[k] = record[k as keyof FunctionaryRecord]
  }
  const action =
    ctx.action ??
    (keys.length === 1 && keys[0] === 'active'
      ? next.active
        ? 'functionary.reactivated'
        : 'functionary.deactivated'
      : 'functionary.edited')
  const event = eventOf(actor, action, current.id, { before, after }, ctx)
  return { ok: true, record, event }
}

/** Deactivating keeps the person and their history; they simply stop being offered. */
export function setActive(
  current: FunctionaryRecord,
  active: boolean,
  actor: NamedActor,
  ctx: Ctx & { version?: number },
): Decision {
  return editFunctionary(current, { ...current, active }, actor, ctx)
}

/** A functionary changes their own profile: only the self-service fields, only their own record. */
export function editOwnProfile(
  current: FunctionaryRecord,
  next: FunctionaryFields,
  actor: NamedActor & Actor,
  ctx: Ctx & { version?: number },
): Decision {
  if (!can(actor, 'profile:own', { functionaryId: current.id }))
    return refuse('not_found', msg('functionaries.profileNotFound'))
  const other = changedFields(current, next).find(
    (k) => !(SELF_SERVICE_FIELDS as readonly string[]).includes(k),
  )
  if (other) return refuse('forbidden', msg('functionaries.selfField', { field: other }))
  return change(current, { ...next, active: current.active }, actor, {
    ...ctx,
    action: 'functionary.profile_edited',
  })
}
