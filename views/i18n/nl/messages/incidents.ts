/** Dutch for the incident rules' messages and an incident's history; tsc checks every code. */
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
  'incidents.state': (p) =>
    p.status === 'proposed'
      ? 'Dit incident is alleen voorgesteld: een coördinator opent het eerst of wijst het af.'
      : p.status === 'rejected'
        ? 'Dit voorstel is afgewezen; het kan niet meer worden gewijzigd.'
        : p.status === 'open'
          ? 'Dit incident is al geopend.'
          : 'Dit incident is al gesloten.',
  'incidents.status.choose':
    'Stuur de status "open" of "rejected" (voor een voorgesteld incident) of "closed" (voor een geopend incident).',
  'incidents.islands.ownIsland': 'Een voorstel moet uw eigen eiland bij de getroffen eilanden noemen.',
  'incidents.decideOnly':
    'Alleen coördinatoren van LOCC-KCR2 openen een voorgesteld incident of wijzen het af.',
  'incidents.reason.required': 'Geef een reden: het eiland dat het voorstelde leest die.',
  'incidents.reason.tooLong': (p, f) => `Gebruik voor de reden hoogstens ${f.num(p.max)} tekens.`,
  'incidents.lostRace': 'Iemand anders heeft dit incident net eerder gewijzigd.',
}

export const incidentAudit: AuditCatalogue<IncidentAuditAction> = {
  'audit.incident.opened': (p) => `${p.actor} heeft het incident geopend`,
  'audit.incident.edited': (p, f) =>
    `${p.actor} heeft ${f.list(changedKeys(p.before, p.after).map((k) => `de ${f.name('fieldName', k)}`))} van het incident gewijzigd`,
  'audit.incident.closed': (p) => `${p.actor} heeft het incident gesloten`,
  'audit.incident.proposed': (p) => `${p.actor} heeft het incident voorgesteld`,
  'audit.incident.rejected': (p) => `${p.actor} heeft het voorgestelde incident afgewezen`,
}

function facts(p: IncidentFacts, f: Fmt): string[] {
  return [
    `Incident:   ${p.name}`,
    `Dreiging:   ${f.name('hazard', p.hazard)}`,
    `Eilanden:   ${f.list(p.islands.map((c) => f.name('island', c)))}`,
    `Fase:       ${f.name('phase', p.phase)}`,
  ]
}

export const incidentMails: MailCatalogue<IncidentMail> = {
  'incidents.mail.proposed': (p, f) => {
    const island = f.name('island', p.island)
    return {
      subject: `Voorgesteld incident – ${island}: ${p.name}`,
      text: lines(
        `${p.actor} van ${island} stelt een incident voor. Open het, zodat verzoeken erbij kunnen horen, of wijs het af met een reden.`,
        '',
        ...facts(p, f),
        '',
        `Openen of afwijzen: ${p.link}`,
      ),
    }
  },
  'incidents.mail.opened': (p, f) => ({
    subject: `Geopend – het incident dat u voorstelde: ${p.name}`,
    text: lines(
      `${p.actor} van LOCC-KCR2 heeft het incident geopend dat ${f.name('island', p.island)} voorstelde.`,
      'Verzoeken die het noemen horen nu bij een geopend incident.',
      '',
      ...facts(p, f),
      '',
      `Het incident: ${p.link}`,
    ),
  }),
  'incidents.mail.rejected': (p, f) => ({
    subject: `Afgewezen – het incident dat u voorstelde: ${p.name}`,
    text: lines(
      `${p.actor} van LOCC-KCR2 heeft het incident afgewezen dat ${f.name('island', p.island)} voorstelde.`,
      '',
      'Reden:',
      p.reason,
      '',
      'Een verzoek dat het noemt kan naar een ander incident, of naar geen, worden gewijzigd.',
      `Het voorstel: ${p.link}`,
    ),
  }),
}
