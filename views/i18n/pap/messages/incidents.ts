/** Papiamentu for the incident rules' messages and an incident's history; tsc checks every code. */
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
  'incidents.state': (p) =>
    p.status === 'proposed'
      ? 'E insidente aki ta proponé so: un koordinadó mester habri’é òf rechas’é promé.'
      : p.status === 'rejected'
        ? 'E proposishon aki a wòrdu rechasá; e no por kambia mas.'
        : p.status === 'open'
          ? 'E insidente aki ta habrí kaba.'
          : 'E insidente aki ta será kaba.',
  'incidents.status.choose':
    'Manda e status "open" òf "rejected" (pa un insidente proponé) òf "closed" (pa un insidente habrí).',
  'incidents.islands.ownIsland': 'Un proposishon mester menshoná bo mes isla entre e islanan afektá.',
  'incidents.decideOnly': 'Solamente koordinadónan di LOCC-KCR2 ta habri òf rechasá un insidente proponé.',
  'incidents.reason.required': 'Duna un motibu: e isla ku a propon’é lo les’é.',
  'incidents.reason.tooLong': (p, f) => `Usa maksimo ${f.num(p.max)} karakter pa e motibu.`,
  'incidents.lostRace': 'Otro hende a kambia e insidente aki promé.',
}

export const incidentAudit: AuditCatalogue<IncidentAuditAction> = {
  'audit.incident.opened': (p) => `${p.actor} a habri e insidente`,
  'audit.incident.edited': (p, f) =>
    `${p.actor} a kambia ${f.list(changedKeys(p.before, p.after).map((k) => `e ${f.name('fieldName', k)}`))} di e insidente`,
  'audit.incident.closed': (p) => `${p.actor} a sera e insidente`,
  'audit.incident.proposed': (p) => `${p.actor} a proponé e insidente`,
  'audit.incident.rejected': (p) => `${p.actor} a rechasá e insidente proponé`,
}

function facts(p: IncidentFacts, f: Fmt): string[] {
  return [
    `Insidente: ${p.name}`,
    `Peliger:   ${f.name('hazard', p.hazard)}`,
    `Islanan:   ${f.list(p.islands.map((c) => f.name('island', c)))}`,
    `Fase:      ${f.name('phase', p.phase)}`,
  ]
}

export const incidentMails: MailCatalogue<IncidentMail> = {
  'incidents.mail.proposed': (p, f) => {
    const island = f.name('island', p.island)
    return {
      subject: `Insidente proponé – ${island}: ${p.name}`,
      text: lines(
        `${p.actor} di ${island} ta proponé un insidente. Habri’é, pa petishonnan por pertenesé na dje, òf rechas’é ku un motibu.`,
        '',
        ...facts(p, f),
        '',
        `Habri òf rechas’é: ${p.link}`,
      ),
    }
  },
  'incidents.mail.opened': (p, f) => ({
    subject: `Habrí – e insidente ku bo a proponé: ${p.name}`,
    text: lines(
      `${p.actor} di LOCC-KCR2 a habri e insidente ku ${f.name('island', p.island)} a proponé.`,
      'Petishonnan ku ta menshon’é awor ta pertenesé na un insidente habrí.',
      '',
      ...facts(p, f),
      '',
      `E insidente: ${p.link}`,
    ),
  }),
  'incidents.mail.rejected': (p, f) => ({
    subject: `Rechasá – e insidente ku bo a proponé: ${p.name}`,
    text: lines(
      `${p.actor} di LOCC-KCR2 a rechasá e insidente ku ${f.name('island', p.island)} a proponé.`,
      '',
      'Motibu:',
      p.reason,
      '',
      'Un petishon ku ta menshon’é por kambia pa otro insidente, òf pa niun.',
      `E proposishon: ${p.link}`,
    ),
  }),
}
