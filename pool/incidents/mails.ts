/** Who hears of an island's proposal and of the answer to it, and the facts each mail carries. */
import type { NamedActor } from '../shared/actor.ts'
import { type Addressee, mailTo } from '../shared/mail.ts'
import { msg } from '../shared/message.ts'
import type { IncidentFacts, IncidentMailDecision } from './messages.ts'
import type { IncidentRecord } from './types.ts'

/** Where the app lives, for the link in a mail. */
export interface IncidentMailContext {
  baseUrl: string
}

function facts(incident: IncidentRecord, actor: NamedActor, ctx: IncidentMailContext): IncidentFacts {
  return {
    name: incident.name.replace(/\s+/g, ' ').trim(),
    hazard: incident.hazard,
    islands: incident.islands,
    phase: incident.phase,
    island: incident.proposedBy ?? '',
    actor: actor.name,
    link: `${ctx.baseUrl.replace(/\/+$/, '')}/incidents/${incident.id}`,
  }
}

/** To every coordinator: an island proposes an incident; open it or reject it. */
export function proposedMails(
  incident: IncidentRecord,
  actor: NamedActor,
  coordinators: readonly Addressee[],
  ctx: IncidentMailContext,
): IncidentMailDecision[] {
  return mailTo(coordinators, msg('incidents.mail.proposed', facts(incident, actor, ctx)))
}

/** To the proposing island's accounts: LOCC-KCR2 opened its proposal, or turned it down and why. */
export function decidedMails(
  incident: IncidentRecord,
  actor: NamedActor,
  islandContacts: readonly Addressee[],
  ctx: IncidentMailContext,
): IncidentMailDecision[] {
  const f = facts(incident, actor, ctx)
  return mailTo(
    islandContacts,
    incident.status === 'open'
      ? msg('incidents.mail.opened', f)
      : msg('incidents.mail.rejected', { ...f, reason: incident.reason ?? '' }),
  )
}
