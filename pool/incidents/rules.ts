/** Incidents: the crisis events requests belong to; who may open, propose, change and close one, and what is recorded. */

import { can } from '../access/index.ts'
import { HAZARDS, type IncidentStatus, ISLAND_CODES, PHASES } from '../reference/index.ts'
import { type AuditEvent, auditEvent } from '../shared/audit.ts'
import { type Actor, type Addressee, msg, type NamedActor, type Refusal, refuse } from '../shared/index.ts'
import { type IncidentMailContext, proposedMails } from './mails.ts'
import type { IncidentMailDecision, IncidentMessage } from './messages.ts'
import type { IncidentInput, IncidentRecord } from './types.ts'

export type { IncidentInput, IncidentRecord, IncidentStatus }

export const HAZARD_CODES = HAZARDS

export interface IncidentRef {
  islands?: readonly string[] // default: the six islands
  /** Offset of a time typed without one; the six islands keep UTC−4 all year, without daylight saving. */
  offsetMinutes?: number
}

export type IncidentParse =
  | { ok: true; value: IncidentInput }
  | { ok: false; errors: Record<string, IncidentMessage> }

export const NAME_MAX = 200
const MOMENT = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/

/** A moment from "2026-09-06", "2026-09-06T14:30" (local, at `offsetMinutes`) or with Z / ±hh:mm. */
export function parseMoment(value: string, offsetMinutes = -240): number | null {
  const m = MOMENT.exec(value.trim())
  if (!m) return null
  const [y, mo, d] = m[1]!.split('-').map(Number) as [number, number, number]
  const [h, mi, s] = [Number(m[2] ?? 0), Number(m[3] ?? 0), Number(m[4] ?? 0)]
  if (h > 23 || mi > 59 || s > 59) return null
  const utc = Date.UTC(y, mo - 1, d, h, mi, s)
  const check = new Date(Date.UTC(y, mo - 1, d))
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null
  const zone = m[5]
  let offset = offsetMinutes
  if (zone === 'Z') offset = 0
  else if (zone)
    offset = (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(4, 6)))
  return utc - offset * 60_000
}

/** Validate an incident from the form or the API; `islands` may be one code or a list. */
export function parseIncidentInput(raw: unknown, ref: IncidentRef = {}): IncidentParse {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, errors: { incident: msg('incidents.notObject') } }
  const r = raw as Record<string, unknown>
  const errors: Record<string, IncidentMessage> = {}
  const known = ref.islands ?? ISLAND_CODES

  const name = typeof r.name === 'string' ? r.name.trim() : ''
  if (!name) errors.name = msg('incidents.name.required')
  else if (name.length > NAME_MAX) errors.name = msg('incidents.name.tooLong', { max: NAME_MAX })

  const hazard = HAZARD_CODES.find((code) => code === r.hazard)
  if (!hazard) errors.hazard = msg('incidents.hazard.choose')

  const list = typeof r.islands === 'string' ? [r.islands] : r.islands
  const islands = Array.isArray(list)
    ? [...new Set(list.filter((c): c is string => typeof c === 'string'))]
    : []
  const unknown = Array.isArray(list) ? list.filter((c) => typeof c !== 'string' || !known.includes(c)) : []
  if (unknown.length) errors.islands = msg('incidents.islands.unknown', { codes: unknown.map(String) })
  else if (islands.length === 0) errors.islands = msg('incidents.islands.none')

  const phase = PHASES.find((p) => p === r.phase)
  if (!phase) errors.phase = msg('incidents.phase.choose')

  let openedAt: number | null = null
  if (r.openedAt !== undefined && r.openedAt !== null && r.openedAt !== '') {
    openedAt = typeof r.openedAt === 'string' ? parseMoment(r.openedAt, ref.offsetMinutes) : null
    if (openedAt === null) errors.openedAt = msg('incidents.openedAt.invalid')
  }

  if (Object.keys(errors).length) return { ok: false, errors }
  return { ok: true, value: { name, hazard: hazard!, islands, phase: phase!, openedAt } }
}

type Seen = Pick<IncidentRecord, 'islands' | 'status' | 'proposedBy'>

/** A proposal (pending or turned down) is seen by those who decide it and by the island that made it. */
export const isProposal = (incident: Pick<IncidentRecord, 'status'>) =>
  incident.status === 'proposed' || incident.status === 'rejected'

/**
 * Island users see the incidents that affect their island and their own proposals; every other role
 * sees every incident that is or was open, and coordinators the proposals too.
 */
export function inIncidentScope(incident: Seen, actor: Actor): boolean {
  if (isProposal(incident))
    return can(actor, 'incidents:manage') || (actor.role === 'island' && incident.proposedBy === actor.island)
  if (actor.role === 'island') return actor.island !== null && incident.islands.includes(actor.island)
  return true
}

/** Whether the actor may see the incident at all (lists, pages, the request form's choice). */
export function incidentVisible(incident: Seen, actor: Actor): boolean {
  return can(actor, 'incidents:read') && inIncidentScope(incident, actor)
}

/** Scope, right, state and version for a coordinator's change: an edit (proposed or open) or a close (open). */
export function guard(
  incident: IncidentRecord,
  actor: Actor,
  version: number | undefined,
  from: readonly IncidentStatus[] = ['open'],
): Refusal<IncidentMessage> | null {
  if (!inIncidentScope(incident, actor)) return refuse('not_found', msg('incidents.notFound'))
  if (!can(actor, 'incidents:manage')) return refuse('forbidden', msg('incidents.manageOnly'))
  if (incident.status === 'closed') return refuse('conflict', msg('incidents.closed'))
  if (!from.includes(incident.status))
    return refuse('conflict', msg('incidents.state', { status: incident.status }))
  if (version !== undefined && version !== incident.version) return refuse('conflict', msg('incidents.stale'))
  return null
}

export type IncidentDecision<P> = { ok: true; patch: P; event: AuditEvent } | Refusal<IncidentMessage>

/**
 * A coordinator opens an incident; an island proposes one, affecting at least its own
 * island, and the coordinators are mailed to open or reject it (proposals.ts). The record to
 * insert, its event, and the mails.
 */
export function openIncident(
  input: IncidentInput,
  actor: NamedActor,
  ctx: { now: number; newId: () => string; coordinators?: readonly Addressee[]; mail?: IncidentMailContext },
):
  | { ok: true; incident: IncidentRecord; event: AuditEvent; mails: IncidentMailDecision[] }
  | Refusal<IncidentMessage> {
  const proposing = !can(actor, 'incidents:manage') && can(actor, 'incidents:propose')
  if (!can(actor, 'incidents:manage') && !proposing) return refuse('forbidden', msg('incidents.openOnly'))
  if (proposing && !(actor.island && input.islands.includes(actor.island))) {
    const own = msg('incidents.islands.ownIsland')
    return refuse('invalid', own, { islands: own })
  }
  const incident: IncidentRecord = {
    id: ctx.newId(),
    name: input.name,
    hazard: input.hazard,
    islands: input.islands,
    phase: input.phase,
    status: proposing ? 'proposed' : 'open',
    openedAt: input.openedAt ?? ctx.now,
    closedAt: null,
    createdBy: actor.id,
    proposedBy: proposing ? actor.island : null,
    reason: null,
    version: 1,
  }
  const { name, hazard, islands, phase, openedAt, status } = incident
  const event = auditEvent(
    { id: actor.id, label: actor.name },
    proposing ? 'incident.proposed' : 'incident.opened',
    'incident',
    incident.id,
    { after: { status, name, hazard, islands, phase, openedAt } },
    ctx.now,
    ctx.newId(),
  )
  const mails = proposing && ctx.mail ? proposedMails(incident, actor, ctx.coordinators ?? [], ctx.mail) : []
  return { ok: true, incident, event, mails }
}

type IncidentFields = Pick<IncidentRecord, 'name' | 'hazard' | 'islands' | 'phase' | 'openedAt'>

/** A coordinator corrects an open or proposed incident; only the fields that changed are written and recorded. */
export function editIncident(
  incident: IncidentRecord,
  input: IncidentInput,
  actor: NamedActor,
  ctx: { now: number; newId: () => string; version?: number },
): IncidentDecision<Partial<IncidentFields> & { version: number }> | { ok: true; patch: null; event: null } {
  const refusal = guard(incident, actor, ctx.version, ['proposed', 'open'])
  if (refusal) return refusal
  const next: IncidentFields = { ...input, openedAt: input.openedAt ?? incident.openedAt }
  const before: Record<string, unknown> = {}
  const after: Record<string, unknown> = {}
  for (const key of ['name', 'hazard', 'islands', 'phase', 'openedAt'] as const) {
    if (JSON.stringify(incident[key]) === JSON.stringify(next[key])) continue
    before[key] = incident[key]
    after[key] = next[key]
  }
  if (Object.keys(after).length === 0) return { ok: true, patch: null, event: null }
  const patch = { ...(after as Partial<IncidentFields>), version: incident.version + 1 }
  const event = auditEvent(
    { id: actor.id, label: actor.name },
    'incident.edited',
    'incident',
    incident.id,
    { before: { ...before, version: incident.version }, after: { ...after, version: patch.version } },
    ctx.now,
    ctx.newId(),
  )
  return { ok: true, patch, event }
}

/** A coordinator closes an open incident. Its requests stay as they are: each is closed on its own. */
export function closeIncident(
  incident: IncidentRecord,
  actor: NamedActor,
  now: number,
  newId: () => string,
  version?: number,
): IncidentDecision<{ status: 'closed'; closedAt: number; version: number }> {
  const refusal = guard(incident, actor, version)
  if (refusal) return refusal
  const patch = { status: 'closed' as const, closedAt: now, version: incident.version + 1 }
  const event = auditEvent(
    { id: actor.id, label: actor.name },
    'incident.closed',
    'incident',
    incident.id,
    {
      before: { status: 'open', version: incident.version },
      after: { status: 'closed', version: patch.version },
    },
    now,
    newId(),
  )
  return { ok: true, patch, event }
}
