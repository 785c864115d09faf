/** Papiamentu for the alert rules' messages, the alert mail and the alerts' history; tsc checks every code. */
import type { AlertAuditAction, AlertMail, AlertMessage, Ineligible } from '../../../../pool/alerts/index.ts'
import { type AuditCatalogue, type Catalogue, type MailCatalogue, sayIn } from '../../catalogue.ts'
import type { Fmt } from '../../format.ts'
import { matching } from './matching.ts'
import { lines } from './words.ts'

const ANSWER = { available: 'disponibel', unavailable: 'no disponibel' } as const

function why(p: Ineligible, f: Fmt): string {
  switch (p.reason) {
    case 'pending':
      return `A manda ${p.name} un alerta kaba i e no a kontestá ainda.`
    case 'excluded':
      return `${p.name}: ${p.reasons.map((r) => sayIn(matching, r, f)).join('; ')}.`
  }
}

export const alertMessages: Catalogue<AlertMessage> = {
  'alerts.coordinatorsOnly': 'Solamente koordinadónan di LOCC-KCR2 ta manda alerta.',
  'alerts.notAcknowledged': (p, f) =>
    `E petishon aki ta ${f.name('status', p.status)}: alertanan ta sali solamente ora e petishon a wòrdu tumá na man.`,
  'alerts.deadline.past': 'Duna un fecha límite den futuro.',
  'alerts.nobody': 'Skohe por lo ménos un persona.',
  'alerts.tooMany': (p, f) => `Skohe maksimo ${f.num(p.max)} persona.`,
  'alerts.ineligible': (p, f) => p.problems.map((x) => why(x, f)).join(' '),
  'alerts.unknownPerson': 'A skohe un persona deskonosí.',
  'alerts.answered': (p) => `Bo a kontestá kaba: ${ANSWER[p.answer]}.`,
  'alerts.expired': 'E fecha límite pa e pregunta aki a pasa.',
  'alerts.chooseAnswer': 'Skohe disponibel òf no disponibel.',
  'alerts.noteTooLong': (p, f) => `Usa maksimo ${f.num(p.max)} karakter pa e nota.`,
}

export const alertMails: MailCatalogue<AlertMail> = {
  'alerts.mail.ask': (p, f) => {
    const island = f.name('island', p.island)
    const role = f.role(p.role)
    const short = f.period(p.periodStart, p.periodEnd, false)
    return {
      subject: `Disponibel ${short} pa ${island} komo ${role}?`,
      text: lines(
        `${p.name},`,
        '',
        `LOCC-KCR2 ta puntra si bo ta disponibel komo ${role} pa ${island}, ${short}.`,
        '',
        `Isla: ${island}`,
        `Ròl: ${role} (nivel mínimo ${f.name('level', p.minLevel)})`,
        `Periodo: ${f.period(p.periodStart, p.periodEnd)}`,
        p.languages.length > 0 && `Idiomanan: ${p.languages.map((l) => f.name('language', l)).join(', ')}`,
        `Petishon: ${p.title}`,
        `Prioridat: ${f.name('priority', p.priority)}`,
        `Kontestá promé ku: ${f.moment(p.deadline, 'America/Kralendijk')} (UTC−4)`,
        '',
        `Mi ta disponibel:     ${p.link}?a=available`,
        `Mi no ta disponibel:  ${p.link}?a=unavailable`,
        '',
        'Kada link ta habri un página chikí kaminda bo ta konfirmá (i por agregá un nota). E ta',
        'funshoná sin drenta i sin JavaScript, i e ta aseptá un kontesta so. Si no tin kontesta',
        'promé ku e fecha límite, e ta konta komo sin kontesta.',
        '',
        '-- CCPM, LOCC-KCR2',
      ),
    }
  },
}

export const alertAudit: AuditCatalogue<AlertAuditAction> = {
  'audit.alert.sent': (p) => `${p.actor} a puntra ${String(p.after?.name ?? '…')} si e ta disponibel`,
  'audit.alert.answered': (p) =>
    `${p.actor} a kontestá via e link den e e-mail: ${ANSWER[p.after?.answer === 'available' ? 'available' : 'unavailable']}`,
}
