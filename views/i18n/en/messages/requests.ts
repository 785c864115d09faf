/** English for the request rules' messages, the mails of a request's life, and its history: the reference. */
import type { Priority, RequestStatus } from '../../../../pool/reference/index.ts'
import type {
  ChangeFacts,
  Mover,
  RequestAuditAction,
  RequestFacts,
  RequestMail,
  RequestMessage,
  SubmitField,
} from '../../../../pool/requests/index.ts'
import type { AuditCatalogue, AuditParams, Catalogue, MailCatalogue } from '../../catalogue.ts'
import type { Fmt } from '../../format.ts'
import { fieldValue, type NeedBrief, requestChanges, short } from '../../history.ts'
import { lines, lowerFirst, needLine, needSummary, roleLabel, unitLabel } from './words.ts'

/** How messages name each status: the state it is in, the state reached, the act of moving there. */
const WORDS: Record<RequestStatus, [state: string, done: string, act: string]> = {
  draft: ['still a draft', 'made a draft again', 'make it a draft again'],
  submitted: ['submitted', 'submitted', 'submit this request'],
  acknowledged: ['acknowledged', 'acknowledged', 'acknowledge this request'],
  in_progress: ['in progress', 'marked in progress', 'mark this request in progress'],
  closed: ['closed', 'closed', 'close this request'],
  rejected: ['rejected', 'rejected', 'reject this request'],
  withdrawn: ['withdrawn', 'withdrawn', 'withdraw this request'],
}
const WHO: Record<Mover, string> = {
  island: 'the island that asked',
  coordinator: 'an LOCC-KCR2 coordinator',
  coordinator_on_behalf: "a coordinator (for a request filed on the island's behalf)",
}
const MISSING: Record<SubmitField, string> = {
  title: 'Give the request a title.',
  situation: 'Describe the situation before submitting.',
  periodStart: 'Give the first day help is needed.',
  periodEnd: 'Give the last day help is needed.',
  contact: 'Give a contact so that LOCC-KCR2 can reach you.',
  needs: 'Add at least one need before submitting.',
}

export const requestMessages: Catalogue<RequestMessage> = {
  'requests.notObject': 'Send the request as an object of fields.',
  'requests.island.ownOnly': 'You can file requests only for your own island.',
  'requests.island.notLinked': 'Your account is not linked to an island.',
  'requests.island.choose': 'Choose the island this request is for.',
  'requests.island.unknown': 'Unknown island "{value}".',
  'requests.island.notAllowed': 'Only island teams and coordinators can file requests.',
  'requests.title.required': 'Give the request a short title.',
  'requests.phase.choose': 'Choose the phase: warm (response) or cold (preparation).',
  'requests.priority.choose': 'Choose the priority: urgent, high or normal.',
  'requests.incident.choose': 'Choose an open incident, or none.',
  'requests.needs.notList': 'Give the needs as a list.',
  'requests.needs.tooMany': (p, f) =>
    `A request can hold at most ${f.num(p.max)} needs; file a second request for more.`,
  'requests.need.notObject': 'Each need must be an object with a kind.',
  'requests.need.kind': 'Choose a kind of need: functionary, HRC capacity or other.',
  'requests.need.description': 'Describe what is needed.',
  'requests.need.quantity': (p, f) => `Give a quantity: a whole number from 1 to ${f.num(p.max)}.`,
  'requests.need.unitType': 'Choose an HRC unit type.',
  'requests.need.unknownUnitType': 'Unknown HRC unit type "{value}".',
  'requests.need.countUnits': (p, f) => `Give how many units: a whole number from 1 to ${f.num(p.max)}.`,
  'requests.need.role': 'Choose a role.',
  'requests.need.unknownRole': 'Unknown role "{value}".',
  'requests.need.countPeople': (p, f) => `Give how many people: a whole number from 1 to ${f.num(p.max)}.`,
  'requests.need.minLevel': 'Choose the minimum level: trainee, qualified or senior.',
  'requests.need.outsidePeriod': (p, f) =>
    `Keep this need within the request's period, ${f.period(p.start, p.end)}.`,
  'requests.notFound': 'Request not found.',
  'requests.readOnly': 'Your account cannot change requests.',
  'requests.transition.unknown': (p) =>
    `A request cannot be ${WORDS[p.to as RequestStatus]?.[1] ?? `moved to "${p.to}"`}.`,
  'requests.transition.notYours': (p) =>
    `Only ${p.by.map((m) => WHO[m]).join(' or ')} can ${WORDS[p.to][2]}.`,
  'requests.transition.already': (p) => `This request is already ${WORDS[p.status][0]}.`,
  'requests.transition.from': (p) =>
    `This request is ${WORDS[p.status][0]}, so it cannot be ${WORDS[p.to][1]}.`,
  'requests.transition.stale': (p) =>
    `This request has changed since you opened it; it is now ${WORDS[p.status][0]}. Reload to see the changes.`,
  'requests.reason.required': (p) =>
    `Give a reason: the ${p.to === 'rejected' ? 'island' : 'coordinators'} will read it.`,
  'requests.reason.tooLong': (p, f) => `Keep the reason to ${f.num(p.max)} characters.`,
  'requests.submit.missing': (p) => MISSING[p.field],
  'requests.submit.incomplete': (p) => p.missing.map((field) => MISSING[field]).join(' '),
  'requests.progress.nothingFilled':
    'Nothing is filled yet: a request is in progress once a person or unit has been assigned to it.',
  'requests.edit.notYours':
    'Only the island that asked can change this request (or a coordinator who filed it on its behalf).',
  'requests.edit.closed': (p) => `This request is ${WORDS[p.status][0]}; it can no longer be changed.`,
  'requests.edit.stale': 'This request has changed since you opened it. Reload, then make your change again.',
  'requests.lostRace': 'Someone else changed this request first.',
}

/** Priority first, so that an inbox sorts itself by eye; normal priority carries no prefix and stands back. */
const PREFIX: Record<Priority, string> = { urgent: 'URGENT – ', high: 'HIGH – ', normal: '' }

function facts(p: RequestFacts, f: Fmt): string[] {
  return [
    `Island:   ${f.name('island', p.island)} (${p.island})`,
    `Title:    ${p.title}`,
    `Priority: ${f.name('priority', p.priority)}`,
    `Phase:    ${f.name('phase', p.phase)}`,
    `Period:   ${f.period(p.periodStart, p.periodEnd)}`,
    ...(p.incident ? [`Incident: ${p.incident}`] : []),
    ...(p.contact ? [`Contact:  ${p.contact}`] : []),
    '',
    'Needs:',
    ...(p.needs.length ? p.needs.map((n) => `- ${needLine(n, f)}`) : ['- none']),
  ]
}

const FIELD_LABEL: Record<string, string> = {
  title: 'Title',
  phase: 'Phase',
  priority: 'Priority',
  periodStart: 'Period start',
  periodEnd: 'Period end',
  incidentId: 'Incident',
  contact: 'Contact',
}

function changeLine(c: ChangeFacts, f: Fmt): string {
  if (c.field === 'needs') {
    if (c.change === 'changed') return `Changed need: ${needLine(c.was, f)} → ${needLine(c.need, f)}`
    return `${c.change === 'added' ? 'Added' : 'Removed'} need: ${needLine(c.need, f)}`
  }
  if (c.field === 'situation') return 'Situation: rewritten (the new text is below)'
  const v = (x: string | null) => fieldValue(c.field, x, f, '(none)')
  return `${FIELD_LABEL[c.field]}: ${v(c.before)} → ${v(c.after)}`
}

export const requestMails: MailCatalogue<RequestMail> = {
  'requests.mail.submitted': (p, f) => {
    const island = f.name('island', p.island)
    const by = p.onBehalf ? `${p.actor} (LOCC-KCR2, on behalf of ${island})` : p.actor
    return {
      subject: `${PREFIX[p.priority]}${island} requests ${p.needs.length ? needSummary(p.needs, f) : 'assistance'}`,
      text: lines(
        `${island} asks for assistance. Submitted by ${by}.`,
        '',
        ...facts(p, f),
        '',
        'Situation:',
        p.situation,
        '',
        `Acknowledge or reject it: ${p.link}`,
      ),
    }
  },
  'requests.mail.acknowledged': (p, f) => ({
    subject: `Acknowledged – LOCC-KCR2 has taken on your request: ${p.title}`,
    text: lines(
      `${p.actor} of LOCC-KCR2 has acknowledged the request of ${f.name('island', p.island)}: "${p.title}".`,
      'LOCC-KCR2 now looks for people and units. Each offer comes to you to accept or decline.',
      '',
      ...facts(p, f),
      '',
      `Follow it: ${p.link}`,
    ),
  }),
  'requests.mail.rejected': (p, f) => ({
    subject: `Rejected – your request: ${p.title}`,
    text: lines(
      `${p.actor} of LOCC-KCR2 has rejected the request of ${f.name('island', p.island)}: "${p.title}".`,
      '',
      'Reason:',
      p.reason,
      '',
      'Call LOCC-KCR2 if the need remains; a new request can be filed at any time.',
      `The request: ${p.link}`,
    ),
  }),
  'requests.mail.withdrawn': (p, f) => {
    const island = f.name('island', p.island)
    return {
      subject: `Withdrawn – ${island} withdrew its request: ${p.title}`,
      text: lines(
        `${p.actor} has withdrawn the request of ${island}: "${p.title}".`,
        '',
        'Reason:',
        p.reason,
        '',
        'Stop any search or offer for it.',
        `The request: ${p.link}`,
      ),
    }
  },
  'requests.mail.closed': (p, f) => {
    const island = f.name('island', p.island)
    return {
      subject: `Closed – the request of ${island}: ${p.title}`,
      text: lines(
        `${p.actor} has closed the request of ${island}: "${p.title}".`,
        ...(p.note ? ['', 'Note:', p.note] : []),
        '',
        `The request: ${p.link}`,
      ),
    }
  },
  'requests.mail.edited': (p, f) => {
    const island = f.name('island', p.island)
    return {
      subject: `Changed – ${island} changed its submitted request: ${p.title}`,
      text: lines(
        `${p.actor} changed the request of ${island} while it waits for LOCC-KCR2 to acknowledge it.`,
        '',
        'What changed:',
        ...p.changes.map((c) => `- ${changeLine(c, f)}`),
        '',
        ...facts(p, f),
        ...(p.situation ? ['', 'Situation:', p.situation] : []),
        '',
        `Acknowledge or reject it as it is now: ${p.link}`,
      ),
    }
  },
  'requests.mail.revised': (p, f) => {
    const island = f.name('island', p.island)
    return {
      subject: `Changed – ${island} changed its request (version ${p.revision}): ${p.title}`,
      text: lines(
        `${p.actor} changed the request of ${island} after LOCC-KCR2 acknowledged it. This is version ${p.revision}.`,
        '',
        'What changed:',
        ...p.changes.map((c) => `- ${changeLine(c, f)}`),
        '',
        ...facts(p, f),
        ...(p.situation ? ['', 'Situation:', p.situation] : []),
        '',
        `See the request: ${p.link}`,
      ),
    }
  },
}

function needBrief(n: NeedBrief | null, f: Fmt): string {
  if (!n) return 'a need'
  if (n.role) return `${n.count} ${roleLabel(n.role, n.count, f)}`
  if (n.unitType) return `${n.count} ${unitLabel(n.unitType, n.count, f)}`
  return `${n.count} × ${n.description ?? '…'}`
}

/** "priority high → urgent; need added: 2 information managers". */
function edits(p: AuditParams, f: Fmt): string {
  return requestChanges(p.before, p.after)
    .map((c) => {
      if (c.kind === 'need') return `need ${c.change}: ${needBrief(c.need, f)}`
      if (c.field === 'situation') return 'situation rewritten'
      const v = (x: string | null) => short(fieldValue(c.field, x, f, '—'))
      return `${f.name('fieldName', c.field)} ${v(c.before)} → ${v(c.after)}`
    })
    .join('; ')
}

/** "need 2 (information manager)": a need as a folded alert line names it, without anyone's name. */
function alertedNeed(p: AuditParams, f: Fmt): string {
  const { need, role } = (p.after ?? {}) as { need?: number | null; role?: string | null }
  if (!need) return 'a need no longer on the request'
  return role ? `need ${need} (${lowerFirst(f.role(role))})` : `need ${need}`
}

export const requestAudit: AuditCatalogue<RequestAuditAction> = {
  'audit.request.created': (p) => `${p.actor} created the request as a draft`,
  'audit.request.submitted': (p) => `${p.actor} submitted the request`,
  'audit.request.acknowledged': (p) => `${p.actor} acknowledged the request`,
  'audit.request.in_progress': (p) => `${p.actor} marked the request in progress`,
  'audit.request.closed': (p) => `${p.actor} closed the request`,
  'audit.request.rejected': (p) => `${p.actor} rejected the request`,
  'audit.request.withdrawn': (p) => `${p.actor} withdrew the request`,
  'audit.request.edited': (p, f) => `${p.actor} changed the request: ${edits(p, f)}`,
  'audit.request.revised': (p, f) =>
    `${p.actor} changed the request after it was acknowledged (version ${p.after?.revision ?? '?'}): ${edits(p, f)}`,
  'audit.request.alerted': (p, f) =>
    `${p.actor} asked ${f.plural(Number(p.after?.count ?? 1), '# person', '# people')} whether they are available for ${alertedNeed(p, f)}`,
  'audit.request.answered': (p, f) =>
    `A person asked for ${alertedNeed(p, f)} answered: ${p.after?.answer === 'available' ? 'available' : 'not available'}`,
}
