/**
 * Who gets which mail when a request moves, and the facts each carries: everything needed to act on
 * a weak link, as data. The recipient's catalogue phrases it (views/i18n/<lang>/messages/requests.ts).
 */

import type { NamedActor } from '../shared/actor.ts'
import { type Addressee, mailTo } from '../shared/mail.ts'
import { msg } from '../shared/message.ts'
import type { ChangeFacts, NeedFacts, Recipients, RequestFacts, RequestMailDecision } from './messages.ts'
import type { Change, Need, NeedInput, RequestRecord } from './types.ts'

export type { Recipients }

/** What mails need beyond the records: where the app lives, and the incident's name. */
export interface MailContext {
  baseUrl: string
  incidentName?: string | null
}

/** The first `max` characters of a long text, cut at a word: a mail stays short on a satellite link. */
export function excerpt(text: string, max = 600): string {
  const flat = text.trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim()

/** A need as a mail names it; a functionary need without its own period takes the request's. */
export function needFacts(
  need: Need | NeedInput,
  request: Pick<RequestRecord, 'periodStart' | 'periodEnd'>,
): NeedFacts {
  if (need.kind === 'other')
    return { kind: 'other', description: oneLine(need.description), quantity: need.quantity }
  if (need.kind === 'capacity')
    return { kind: 'capacity', unitType: need.unitType, count: need.count, notes: oneLine(need.notes) }
  return {
    kind: 'functionary',
    role: need.role,
    count: need.count,
    minLevel: need.minLevel,
    languages: need.languages,
    preferredLanguages: need.preferredLanguages,
    remoteOk: need.remoteOk,
    periodStart: need.periodStart ?? request.periodStart,
    periodEnd: need.periodEnd ?? request.periodEnd,
    notes: oneLine(need.notes),
  }
}

function facts(
  request: RequestRecord,
  needs: readonly (Need | NeedInput)[],
  actor: NamedActor,
  ctx: MailContext,
): RequestFacts {
  return {
    island: request.island,
    title: oneLine(request.title),
    priority: request.priority,
    phase: request.phase,
    periodStart: request.periodStart,
    periodEnd: request.periodEnd,
    incident: ctx.incidentName ? oneLine(ctx.incidentName) : null,
    contact: oneLine(request.contact),
    needs: needs.map((n) => needFacts(n, request)),
    link: `${ctx.baseUrl.replace(/\/+$/, '')}/requests/${request.id}`,
    actor: actor.name,
  }
}

/** To every coordinator: a new request, priority first in the subject. */
export function submittedMails(
  request: RequestRecord,
  needs: readonly Need[],
  actor: NamedActor,
  to: readonly Addressee[],
  ctx: MailContext,
): RequestMailDecision[] {
  return mailTo(
    to,
    msg('requests.mail.submitted', {
      ...facts(request, needs, actor, ctx),
      onBehalf: request.onBehalf,
      situation: excerpt(request.situation),
    }),
  )
}

/** The mails that follow a transition; `request` is the record after it. */
export function transitionMails(
  request: RequestRecord,
  needs: readonly Need[],
  actor: NamedActor,
  recipients: Recipients,
  ctx: MailContext,
): RequestMailDecision[] {
  const f = facts(request, needs, actor, ctx)
  const reason = request.reason ?? ''
  switch (request.status) {
    case 'submitted':
      return submittedMails(request, needs, actor, recipients.coordinators, ctx)
    case 'acknowledged':
      return mailTo(recipients.islandContacts, msg('requests.mail.acknowledged', f))
    case 'rejected':
      return mailTo(recipients.islandContacts, msg('requests.mail.rejected', { ...f, reason }))
    case 'withdrawn':
      return mailTo(recipients.coordinators, msg('requests.mail.withdrawn', { ...f, reason }))
    case 'closed': {
      // Closing tells the other side: the island closes for LOCC-KCR2, a coordinator for the island.
      const to = actor.role === 'island' ? recipients.coordinators : recipients.islandContacts
      return mailTo(to, msg('requests.mail.closed', { ...f, note: request.reason || null }))
    }
    default:
      return []
  }
}

/** One entry per change, readable without the page. */
export function changeFacts(changes: readonly Change[], request: RequestRecord): ChangeFacts[] {
  return changes.map((c): ChangeFacts => {
    if (c.field === 'needs') {
      if (c.change === 'changed')
        return {
          field: 'needs',
          change: 'changed',
          need: needFacts(c.after!, request),
          was: needFacts(c.before!, request),
        }
      return { field: 'needs', change: c.change, need: needFacts((c.after ?? c.before)!, request) }
    }
    if (c.field === 'situation') return { field: 'situation' }
    return { field: c.field, before: c.before, after: c.after }
  })
}

/**
 * To the coordinators: a request changed under them. `revised`: one they already took on (a new
 * version); `edited`: one submitted and waiting for them, so that they do not triage what it was.
 */
export function changedMails(
  code: 'requests.mail.revised' | 'requests.mail.edited',
  request: RequestRecord,
  needs: readonly NeedInput[],
  changes: readonly Change[],
  actor: NamedActor,
  to: readonly Addressee[],
  ctx: MailContext,
): RequestMailDecision[] {
  const situation = changes.some((c) => c.field === 'situation') ? excerpt(request.situation) : null
  return mailTo(
    to,
    msg(code, {
      ...facts(request, needs, actor, ctx),
      revision: request.revision,
      changes: changeFacts(changes, request),
      situation,
    }),
  )
}

/** To the coordinators: an island changed a request they already took on. */
export const revisedMails = (
  request: RequestRecord,
  needs: readonly NeedInput[],
  changes: readonly Change[],
  actor: NamedActor,
  to: readonly Addressee[],
  ctx: MailContext,
): RequestMailDecision[] => changedMails('requests.mail.revised', request, needs, changes, actor, to, ctx)
