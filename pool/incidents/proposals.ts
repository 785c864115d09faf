/** An island's proposed incident: a coordinator opens it, or rejects it with a reason; the island is told. */
import { can } from '../access/index.ts'
import { type AuditEvent, auditEvent } from '../shared/audit.ts'
import { type Addressee, msg, type NamedActor, type Refusal, refuse } from '../shared/index.ts'
import { decidedMails, type IncidentMailContext } from './mails.ts'
import type { IncidentMailDecision, IncidentMessage } from './messages.ts'
import { inIncidentScope } from './rules.ts'
import type { IncidentRecord } from './types.ts'

export const REASON_MAX = 2000

export interface ProposalPatch {
  status: 'open' | 'rejected'
  reason: string | null
  closedAt: number | null
  version: number
}

export type ProposalDecision =
  | { ok: true; patch: ProposalPatch; event: AuditEvent; mails: IncidentMailDecision[] }
  | Refusal<IncidentMessage>

/** Open (`open`) or turn down (`rejected`, a reason required) a proposed incident. */
export function decideProposal(
  incident: IncidentRecord,
  to: 'open' | 'rejected',
  actor: NamedActor,
  ctx: {
    reason?: string | null
    now: number
    newId: () => string
    version?: number
    islandContacts: readonly Addressee[]
    mail: IncidentMailContext
  },
): ProposalDecision {
  if (!inIncidentScope(incident, actor)) return refuse('not_found', msg('incidents.notFound'))
  if (!can(actor, 'incidents:manage')) return refuse('forbidden', msg('incidents.decideOnly'))
  if (incident.status !== 'proposed')
    return refuse('conflict', msg('incidents.state', { status: incident.status }))
  if (ctx.version !== undefined && ctx.version !== incident.version)
    return refuse('conflict', msg('incidents.stale'))
  const reason = ctx.reason?.trim() ?? ''
  if (to === 'rejected' && !reason) {
    const required = msg('incidents.reason.required')
    return refuse('invalid', required, { reason: required })
  }
  if (reason.length > REASON_MAX) {
    const tooLong = msg('incidents.reason.tooLong', { max: REASON_MAX })
    return refuse('invalid', tooLong, { reason: tooLong })
  }
  const patch: ProposalPatch =
    to === 'open'
      ? { status: 'open', reason: null, closedAt: null, version: incident.version + 1 }
      : { status: 'rejected', reason, closedAt: ctx.now, version: incident.version + 1 }
  const event = auditEvent(
    { id: actor.id, label: actor.name },
    to === 'open' ? 'incident.opened' : 'incident.rejected',
    'incident',
    incident.id,
    {
      before: { status: 'proposed', version: incident.version },
      after: { status: to, version: patch.version, ...(to === 'rejected' ? { reason } : {}) },
    },
    ctx.now,
    ctx.newId(),
  )
  const mails = decidedMails({ ...incident, ...patch }, actor, ctx.islandContacts, ctx.mail)
  return { ok: true, patch, event, mails }
}
