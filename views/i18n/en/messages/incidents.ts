/** English for the incident rules' messages and an incident's history: the reference every other language follows. */
import type {
  IncidentAuditAction,
  IncidentFacts,
  IncidentMail,
  IncidentMessage,
} from '../../../../pool/incidents/index.ts'
import type { AuditCatalogue, Catalogue, MailCatalogue } from '../../catalogue.ts'
import type { Fmt } from '../../format.ts'
import { changedKeys } from '../../history.ts'
import { lines } from './words.ts'

export const incidentMessages: Catalogue<IncidentMessage> = {
  'incidents.notObject': 'Send the incident as an object of fields.',
  'incidents.name.required': 'Give the incident a name, for example "Hurricane Erin".',
  'incidents.name.tooLong': (p, f) => `Keep the name to ${f.num(p.max)} characters.`,
  'incidents.hazard.choose': 'Choose the hazard.',
  'incidents.islands.unknown': (p) => `Unknown island: ${p.codes.join(', ')}.`,
  'incidents.islands.none': 'Choose at least one affected island.',
  'incidents.phase.choose': 'Choose the phase: warm (response) or cold (preparation).',
  'incidents.openedAt.invalid': 'Enter when it opened as YYYY-MM-DD or YYYY-MM-DDTHH:MM.',
  'incidents.notFound': 'Incident not found.',
  'incidents.manageOnly': 'Only LOCC-KCR2 coordinators manage incidents.',
  'incidents.openOnly': 'Only LOCC-KCR2 coordinators open incidents.',
  'incidents.closed': 'This incident is already closed.',
  'incidents.stale': 'This incident has changed since you opened it. Reload to see it.',
  'incidents.state': (p) =>
    p.status === 'proposed'
      ? 'This incident is only proposed: a coordinator opens or rejects it first.'
      : p.status === 'rejected'
        ? 'This proposal was turned down; it can no longer be changed.'
        : p.status === 'open'
          ? 'This incident is already open.'
          : 'This incident is already closed.',
  'incidents.status.choose':
    'Send the status "open" or "rejected" (for a proposed incident) or "closed" (for an open one).',
  'incidents.islands.ownIsland': 'A proposal must include your own island among the affected islands.',
  'incidents.decideOnly': 'Only LOCC-KCR2 coordinators open or reject a proposed incident.',
  'incidents.reason.required': 'Give a reason: the island that proposed it will read it.',
  'incidents.reason.tooLong': (p, f) => `Keep the reason to ${f.num(p.max)} characters.`,
  'incidents.lostRace': 'Someone else changed this incident first.',
}

export const incidentAudit: AuditCatalogue<IncidentAuditAction> = {
  'audit.incident.opened': (p) => `${p.actor} opened the incident`,
  'audit.incident.edited': (p, f) =>
    `${p.actor} changed the ${f.list(changedKeys(p.before, p.after).map((k) => f.name('fieldName', k)))} of the incident`,
  'audit.incident.closed': (p) => `${p.actor} closed the incident`,
  'audit.incident.proposed': (p) => `${p.actor} proposed the incident`,
  'audit.incident.rejected': (p) => `${p.actor} rejected the proposed incident`,
}

function facts(p: IncidentFacts, f: Fmt): string[] {
  return [
    `Incident: ${p.name}`,
    `Hazard:   ${f.name('hazard', p.hazard)}`,
    `Islands:  ${f.list(p.islands.map((c) => f.name('island', c)))}`,
    `Phase:    ${f.name('phase', p.phase)}`,
  ]
}

export const incidentMails: MailCatalogue<IncidentMail> = {
  'incidents.mail.proposed': (p, f) => {
    const island = f.name('island', p.island)
    return {
      subject: `Proposed incident – ${island}: ${p.name}`,
      text: lines(
        `${p.actor} of ${island} proposes an incident. Open it, so that requests can belong to it, or reject it with a reason.`,
        '',
        ...facts(p, f),
        '',
        `Open or reject it: ${p.link}`,
      ),
    }
  },
  'incidents.mail.opened': (p, f) => ({
    subject: `Opened – the incident you proposed: ${p.name}`,
    text: lines(
      `${p.actor} of LOCC-KCR2 has opened the incident that ${f.name('island', p.island)} proposed.`,
      'Requests that name it now belong to an open incident.',
      '',
      ...facts(p, f),
      '',
      `The incident: ${p.link}`,
    ),
  }),
  'incidents.mail.rejected': (p, f) => ({
    subject: `Rejected – the incident you proposed: ${p.name}`,
    text: lines(
      `${p.actor} of LOCC-KCR2 has rejected the incident that ${f.name('island', p.island)} proposed.`,
      '',
      'Reason:',
      p.reason,
      '',
      'A request that names it can be changed to another incident, or to none.',
      `The proposal: ${p.link}`,
    ),
  }),
}
