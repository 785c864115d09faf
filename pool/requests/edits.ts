/** Creating and editing a request's content; after acknowledgement an edit is a new revision the coordinators see. */

import type { RequestStatus } from '../reference/codes.ts'
import type { Actor, NamedActor } from '../shared/actor.ts'
import { type AuditEvent, auditEvent } from '../shared/audit.ts'
import { msg } from '../shared/message.ts'
import { type Refusal, refuse } from '../shared/refusal.ts'
import type { RequestInput } from './input.ts'
import { accessRefusal, notReady, requestVisible } from './machine.ts'
import { changedMails, type MailContext } from './mails.ts'
import type { Recipients, RequestMailDecision, RequestMessage } from './messages.ts'
import {
  type Change,
  EDITABLE_FIELDS,
  type EditableField,
  type Need,
  type NeedChange,
  type NeedInput,
  type RequestContent,
  type RequestRecord,
} from './types.ts'

/** Draft and submitted: a plain update (the coordinators told of a submitted one). Acknowledged and in progress: a new revision, coordinators told. */
export const EDITABLE_STATUSES: readonly RequestStatus[] = [
  'draft',
  'submitted',
  'acknowledged',
  'in_progress',
]
const REVISED_STATUSES: readonly RequestStatus[] = ['acknowledged', 'in_progress']

/** A new draft from validated input: the records to insert and the event that says who filed it. */
export function createRequest(
  input: RequestInput,
  actor: NamedActor,
  ctx: { now: number; newId: () => string },
): { request: RequestRecord; needs: Need[]; event: AuditEvent } {
  const request: RequestRecord = {
    id: ctx.newId(),
    island: input.island,
    status: 'draft',
    phase: input.phase,
    priority: input.priority,
    title: input.title,
    situation: input.situation,
    periodStart: input.periodStart,
    periodEnd: input.periodEnd,
    incidentId: input.incidentId,
    contact: input.contact,
    createdBy: actor.id,
    onBehalf: input.onBehalf,
    version: 1,
    revision: 1,
    submittedAt: null,
    acknowledgedAt: null,
    closedAt: null,
    reason: null,
  }
  const needs = input.needs.map((need) => withId(need, ctx.newId()))
  const after = { status: 'draft', island: request.island, title: request.title, onBehalf: request.onBehalf }
  const event = auditEvent(
    { id: actor.id, label: actor.name },
    'request.created',
    'request',
    request.id,
    { after },
    ctx.now,
    ctx.newId(),
  )
  return { request, needs, event }
}

function withId(need: NeedInput, id: string): Need {
  return { ...need, id } as Need
}

/** Whether the actor may change the request's content now: its island, or a coordinator who filed it for them. */
export function canEdit(request: RequestRecord, actor: Actor): boolean {
  if (!requestVisible(request, actor) || !EDITABLE_STATUSES.includes(request.status)) return false
  if (actor.role === 'island') return actor.island === request.island
  return actor.role === 'coordinator' && request.onBehalf
}

/** A need's comparable fields, in a fixed order; language lists compare as sets. */
function needFields(need: NeedInput): Record<string, unknown> {
  switch (need.kind) {
    case 'functionary':
      return {
        kind: need.kind,
        role: need.role,
        count: need.count,
        minLevel: need.minLevel,
        languages: [...need.languages].sort(),
        preferredLanguages: [...need.preferredLanguages].sort(),
        remoteOk: need.remoteOk,
        periodStart: need.periodStart,
        periodEnd: need.periodEnd,
        notes: need.notes,
      }
    case 'capacity':
      return { kind: need.kind, unitType: need.unitType, count: need.count, notes: need.notes }
    default:
      return { kind: need.kind, description: need.description, quantity: need.quantity }
  }
}

function differingFields(a: NeedInput, b: NeedInput): string[] {
  const x = needFields(a)
  const y = needFields(b)
  return Object.keys(x).filter((key) => JSON.stringify(x[key]) !== JSON.stringify(y[key]))
}

/** What changed between two versions of a request: fields in form order, then needs removed, changed, added. */
export function diffRequest(
  before: { request: RequestContent; needs: readonly Need[] },
  after: { request: RequestContent; needs: readonly NeedInput[] },
): Change[] {
  const changes: Change[] = []
  for (const field of EDITABLE_FIELDS) {
    const a = before.request[field] ?? null
    const b = after.request[field] ?? null
    if (a !== b) changes.push({ field, before: a, after: b })
  }
  const kept = new Map(before.needs.map((n) => [n.id, n]))
  const matched = new Set<string>()
  const changed: Change[] = []
  const added: Change[] = []
  for (const need of after.needs) {
    const old = need.id !== undefined ? kept.get(need.id) : undefined
    if (!old || old.kind !== need.kind || matched.has(old.id)) {
      added.push({ field: 'needs', change: 'added', needId: null, before: null, after: need, fields: [] })
      continue
    }
    matched.add(old.id)
    const fields = differingFields(old, need)
    if (fields.length)
      changed.push({ field: 'needs', change: 'changed', needId: old.id, before: old, after: need, fields })
  }
  const removed: Change[] = before.needs
    .filter((n) => !matched.has(n.id))
    .map((n) => ({ field: 'needs', change: 'removed', needId: n.id, before: n, after: null, fields: [] }))
  return [...changes, ...removed, ...changed, ...added]
}

export interface EditContext {
  now: number
  newId: () => string
  /** The version the actor saw; a different current version is a conflict. */
  version?: number
  recipients: Recipients
  mail: MailContext
}

export type EditPatch = Partial<RequestContent> & { version: number; revision: number }

export type EditResult =
  | {
      ok: true
      patch: EditPatch | null // null: nothing changed, nothing to write
      /** insert/update/remove for row-wise writes; all: the needs after the edit, in order, with ids. */
      needs: { insert: Need[]; update: Need[]; remove: string[]; all: Need[] }
      changes: Change[]
      event: AuditEvent | null
      mails: RequestMailDecision[]
    }
  | Refusal<RequestMessage>

/** Decide an edit: what to write, the audit event with before/after of each change, and mails when revised. */
export function editDecision(
  before: { request: RequestRecord; needs: readonly Need[] },
  after: { request: RequestContent; needs: readonly NeedInput[] },
  actor: NamedActor,
  ctx: EditContext,
): EditResult {
  const request = before.request
  const denied = accessRefusal(request, actor)
  if (denied) return denied
  if (!(actor.role === 'island' || (actor.role === 'coordinator' && request.onBehalf)))
    return refuse('forbidden', msg('requests.edit.notYours'))
  if (!EDITABLE_STATUSES.includes(request.status))
    return refuse('conflict', msg('requests.edit.closed', { status: request.status }))
  if (ctx.version !== undefined && ctx.version !== request.version)
    return refuse('conflict', msg('requests.edit.stale'))

  const changes = diffRequest(before, after)
  const none = { insert: [], update: [], remove: [], all: [...before.needs] }
  if (changes.length === 0) return { ok: true, patch: null, needs: none, changes, event: null, mails: [] }

  const merged: RequestRecord = { ...request, ...pickContent(after.request) }
  if (request.status !== 'draft') {
    const incomplete = notReady(merged, after.needs)
    if (incomplete) return incomplete
  }

  const revised = REVISED_STATUSES.includes(request.status)
  const revision = request.status === 'draft' ? request.revision : request.revision + 1
  const patch: EditPatch = { version: request.version + 1, revision }
  const beforeFields: Record<string, unknown> = { version: request.version, revision: request.revision }
  const afterFields: Record<string, unknown> = { version: patch.version, revision }
  const needChanges: NeedChange[] = []
  for (const c of changes) {
    if (c.field === 'needs') {
      needChanges.push(c)
      continue
    }
    Object.assign(patch, { [c.field]: c.after })
    beforeFields[c.field] = c.before
    afterFields[c.field] = c.after
  }
  // New needs get their ids now, so that the rows written and the event agree.
  const needs = { insert: [] as Need[], update: [] as Need[], remove: [] as string[], all: [] as Need[] }
  for (const c of needChanges) {
    if (c.change === 'added') {
      const fresh = withId(c.after!, ctx.newId())
      c.needId = fresh.id
      needs.insert.push(fresh)
    } else if (c.change === 'changed') needs.update.push(withId(c.after!, c.needId!))
    else needs.remove.push(c.needId!)
  }
  const fresh = new Map(needChanges.filter((c) => c.change === 'added').map((c) => [c.after, c.needId!]))
  needs.all = after.needs.map((need) => withId(need, fresh.get(need) ?? need.id!))
  if (needChanges.length) {
    beforeFields.needs = needChanges.map((c) => ({ id: c.needId, change: c.change, value: c.before }))
    afterFields.needs = needChanges.map((c) => ({ id: c.needId, change: c.change, value: c.after }))
  }

  const event = auditEvent(
    { id: actor.id, label: actor.name },
    revised ? 'request.revised' : 'request.edited',
    'request',
    request.id,
    { before: beforeFields, after: afterFields },
    ctx.now,
    ctx.newId(),
  )
  // Coordinators hear of every change once the request is theirs to see: submitted or taken on.
  const mailed = revised
    ? 'requests.mail.revised'
    : request.status === 'submitted'
      ? 'requests.mail.edited'
      : null
  const mails = mailed
    ? changedMails(
        mailed,
        { ...merged, ...patch },
        after.needs,
        changes,
        actor,
        ctx.recipients.coordinators,
        ctx.mail,
      )
    : []
  return { ok: true, patch, needs, changes, event, mails }
}

function pickContent(content: RequestContent): RequestContent {
  const out = {} as Record<EditableField, unknown>
  for (const field of EDITABLE_FIELDS) out[field] = content[field]
  return out as RequestContent
}
