/** Papiamentu for the alert rules' messages, the alert mails and the alerts' history; tsc checks every code. */
import type {
  AlertAuditAction,
  AlertMail,
  AlertMessage,
  AskParams,
  Ineligible,
} from '../../../../pool/alerts/index.ts'
import { type AuditCatalogue, type Catalogue, type MailCatalogue, sayIn } from '../../catalogue.ts'
import type { Fmt } from '../../format.ts'
import { matching } from './matching.ts'
import { lines } from './words.ts'

const ANSWER = { available: 'disponibel', unavailable: 'no disponibel' } as const
const ISLANDS = 'America/Kralendijk'

function why(p: Ineligible, f: Fmt, gap: number): string {
  if (p.reason === 'recent')
    return `A puntra ${p.name} ${f.moment(p.since ?? 0, ISLANDS)} (UTC−4); un rekordatorio por sali ${f.num(gap)} minüt despues di e último pregunta.`
  return `${p.name}: ${p.reasons.map((r) => sayIn(matching, r, f)).join('; ')}.`
}

export const alertMessages: Catalogue<AlertMessage> = {
  'alerts.coordinatorsOnly': 'Solamente koordinadónan di LOCC-KCR2 ta manda alerta.',
  'alerts.notAcknowledged': (p, f) =>
    `E petishon aki ta ${f.name('status', p.status)}: alertanan ta sali solamente ora e petishon a wòrdu tumá na man.`,
  'alerts.deadline.past': 'Duna un fecha límite den futuro.',
  'alerts.nobody': 'Skohe por lo ménos un persona.',
  'alerts.tooMany': (p, f) => `Skohe maksimo ${f.num(p.max)} persona.`,
  'alerts.ineligible': (p, f) => p.problems.map((x) => why(x, f, p.gapMinutes)).join(' '),
  'alerts.unknownPerson': 'A skohe un persona deskonosí.',
  'alerts.raced': (p, f) =>
    `Un otro hende a puntra ${f.list([...p.names])} djis awor; no a manda un di dos e-mail.`,
  'alerts.answered': (p) => `Bo a kontestá kaba: ${ANSWER[p.answer]}.`,
  'alerts.expired': 'E fecha límite pa e pregunta aki a pasa.',
  'alerts.changedMeanwhile':
    'Bo kontesta a kambia entretantu (den un otro bentana, òf a yega un rekordatorio). Kontrolá e i manda atrobe si ta nesesario.',
  'alerts.chooseAnswer': 'Skohe disponibel òf no disponibel.',
  'alerts.noteTooLong': (p, f) => `Usa maksimo ${f.num(p.max)} karakter pa e nota.`,
}

function question(p: AskParams, f: Fmt, role: string, island: string): (string | false)[] {
  const deadline = `${f.moment(p.deadline, ISLANDS)} (UTC−4)`
  return [
    `Isla: ${island}`,
    `Ròl: ${role} (nivel mínimo ${f.name('level', p.minLevel)})`,
    `Periodo: ${f.period(p.periodStart, p.periodEnd)}`,
    p.languages.length > 0 && `Idiomanan: ${p.languages.map((l) => f.name('language', l)).join(', ')}`,
    `Petishon: ${p.title}`,
    `Prioridat: ${f.name('priority', p.priority)}`,
    `Kontestá promé ku: ${deadline}${p.amsterdam ? `, ${f.moment(p.deadline, 'Europe/Amsterdam')} ora di Amsterdam` : ''}`,
    '',
    `Mi ta disponibel:     ${p.link}?a=available`,
    `Mi no ta disponibel:  ${p.link}?a=unavailable`,
    '',
    'Kada link ta habri un página chikí kaminda bo ta konfirmá (i por agregá un nota). E ta',
    'funshoná sin drenta i sin JavaScript. Te ku e fecha límite bo por kambia bo kontesta einan,',
    'òf kontestá bou di "Mi alertanan" ora bo a drenta. Si no tin kontesta promé ku e fecha',
    'límite, e ta konta komo sin kontesta.',
    '',
    '-- CCPM, LOCC-KCR2',
  ]
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
        ...question(p, f, role, island),
      ),
    }
  },
  'alerts.mail.remind': (p, f) => {
    const island = f.name('island', p.island)
    const role = f.role(p.role)
    const short = f.period(p.periodStart, p.periodEnd, false)
    return {
      subject: `Rekordatorio: disponibel ${short} pa ${island} komo ${role}?`,
      text: lines(
        `${p.name},`,
        '',
        `Rekordatorio: LOCC-KCR2 ta puntra bo atrobe si bo ta disponibel komo ${role} pa ${island}, ${short}.`,
        p.answer
          ? `Bo a kontestá: ${ANSWER[p.answer]}. E kontesta ei ta keda te ora bo kontestá atrobe.`
          : 'Ainda nos no a haña kontesta di bo.',
        'E linknan aki bou ta reemplasá esnan den e-mailnan anterior tokante e pregunta aki.',
        '',
        ...question(p, f, role, island),
      ),
    }
  },
}

const answerOf = (after: Readonly<Record<string, unknown>> | null) =>
  ANSWER[after?.answer === 'available' ? 'available' : 'unavailable']

export const alertAudit: AuditCatalogue<AlertAuditAction> = {
  'audit.alert.sent': (p) => `${p.actor} a puntra ${String(p.after?.name ?? '…')} si e ta disponibel`,
  'audit.alert.reminded': (p) =>
    `${p.actor} a manda ${String(p.after?.name ?? '…')} un rekordatorio (rekordatorio ${String(p.after?.reminders ?? 1)})`,
  'audit.alert.answered': (p) =>
    p.after?.via === 'account'
      ? `${p.actor} a kontestá den su kuenta: ${answerOf(p.after)}`
      : `${p.actor} a kontestá via e link den e e-mail: ${answerOf(p.after)}`,
}
