/** Dutch for the incident rules' messages and an incident's history; tsc checks every code. */
import type { IncidentAuditAction, IncidentMessage } from '../../../../pool/incidents/index.ts'
import type { AuditCatalogue, Catalogue } from '../../catalogue.ts'
import { changedKeys } from '../../history.ts'

export const incidentMessages: Catalogue<IncidentMessage> = {
  'incidents.notObject': 'Stuur het incident als een object met velden.',
  'incidents.name.required': 'Geef het incident een naam, bijvoorbeeld "Orkaan Erin".',
  'incidents.name.tooLong': (p, f) => `Gebruik voor de naam hoogstens ${f.num(p.max)} tekens.`,
  'incidents.hazard.choose': 'Kies de dreiging.',
  'incidents.islands.unknown': (p) =>
    `${p.codes.length > 1 ? 'Onbekende eilanden' : 'Onbekend eiland'}: ${p.codes.join(', ')}.`,
  'incidents.islands.none': 'Kies minstens één getroffen eiland.',
  'incidents.phase.choose': 'Kies de fase: warm (respons) of koud (voorbereiding).',
  'incidents.openedAt.invalid': 'Vul in wanneer het incident is geopend, als JJJJ-MM-DD of JJJJ-MM-DDTUU:MM.',
  'incidents.notFound': 'Incident niet gevonden.',
  'incidents.manageOnly': 'Alleen coördinatoren van LOCC-KCR2 beheren incidenten.',
  'incidents.openOnly': 'Alleen coördinatoren van LOCC-KCR2 openen incidenten.',
  'incidents.closed': 'Dit incident is al gesloten.',
  'incidents.stale': 'Dit incident is gewijzigd sinds u het opende. Laad de pagina opnieuw om het te zien.',
  'incidents.closeOnly': 'Een incident kan alleen worden gesloten: stuur de status "closed".',
  'incidents.lostRace': 'Iemand anders heeft dit incident net eerder gewijzigd.',
}

export const incidentAudit: AuditCatalogue<IncidentAuditAction> = {
  'audit.incident.opened': (p) => `${p.actor} heeft het incident geopend`,
  'audit.incident.edited': (p, f) =>
    `${p.actor} heeft ${f.list(changedKeys(p.before, p.after).map((k) => `de ${f.name('fieldName', k)}`))} van het incident gewijzigd`,
  'audit.incident.closed': (p) => `${p.actor} heeft het incident gesloten`,
}
