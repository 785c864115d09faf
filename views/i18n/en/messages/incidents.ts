/** English for the incident rules' messages and an incident's history: the reference every other language follows. */
import type { IncidentAuditAction, IncidentMessage } from '../../../../pool/incidents/index.ts'
import type { AuditCatalogue, Catalogue } from '../../catalogue.ts'
import { changedKeys } from '../../history.ts'

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
  'incidents.closeOnly': 'An incident can only be closed: send the status "closed".',
  'incidents.lostRace': 'Someone else changed this incident first.',
}

export const incidentAudit: AuditCatalogue<IncidentAuditAction> = {
  'audit.incident.opened': (p) => `${p.actor} opened the incident`,
  'audit.incident.edited': (p, f) =>
    `${p.actor} changed the ${f.list(changedKeys(p.before, p.after).map((k) => f.name('fieldName', k)))} of the incident`,
  'audit.incident.closed': (p) => `${p.actor} closed the incident`,
}
