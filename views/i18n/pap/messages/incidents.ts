/** Papiamentu for the incident rules' messages and an incident's history; tsc checks every code. */
import type { IncidentAuditAction, IncidentMessage } from '../../../../pool/incidents/index.ts'
import type { AuditCatalogue, Catalogue } from '../../catalogue.ts'
import { changedKeys } from '../../history.ts'

export const incidentMessages: Catalogue<IncidentMessage> = {
  'incidents.notObject': 'Manda e insidente komo un òbhekto ku kampo.',
  'incidents.name.required': 'Duna e insidente un nòmber, por ehèmpel "Orkan Erin".',
  'incidents.name.tooLong': (p, f) => `Usa maksimo ${f.num(p.max)} karakter pa e nòmber.`,
  'incidents.hazard.choose': 'Skohe e peliger.',
  'incidents.islands.unknown': (p) =>
    `${p.codes.length > 1 ? 'Islanan deskonosí' : 'Isla deskonosí'}: ${p.codes.join(', ')}.`,
  'incidents.islands.none': 'Skohe por lo ménos un isla afektá.',
  'incidents.phase.choose': 'Skohe e fase: kayente (respuesta) òf friu (preparashon).',
  'incidents.openedAt.invalid': 'Skirbi ora ku e insidente a habri manera AAAA-MM-DD òf AAAA-MM-DDTOO:MM.',
  'incidents.notFound': 'No a haña e insidente.',
  'incidents.manageOnly': 'Solamente koordinadónan di LOCC-KCR2 ta maneha insidente.',
  'incidents.openOnly': 'Solamente koordinadónan di LOCC-KCR2 ta habri insidente.',
  'incidents.closed': 'E insidente aki ta será kaba.',
  'incidents.stale': 'E insidente aki a kambia desde ku bo a habri’é. Karga e página di nobo pa mir’é.',
  'incidents.closeOnly': 'Un insidente por wòrdu será so: manda e status "closed".',
  'incidents.lostRace': 'Otro hende a kambia e insidente aki promé.',
}

export const incidentAudit: AuditCatalogue<IncidentAuditAction> = {
  'audit.incident.opened': (p) => `${p.actor} a habri e insidente`,
  'audit.incident.edited': (p, f) =>
    `${p.actor} a kambia ${f.list(changedKeys(p.before, p.after).map((k) => `e ${f.name('fieldName', k)}`))} di e insidente`,
  'audit.incident.closed': (p) => `${p.actor} a sera e insidente`,
}
