/** Dutch for the alert rules' messages, the alert mails and the alerts' history; tsc checks every code. */
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

const ANSWER = { available: 'beschikbaar', unavailable: 'niet beschikbaar' } as const
const ISLANDS = 'America/Kralendijk'

function why(p: Ineligible, f: Fmt, gap: number): string {
  if (p.reason === 'recent')
    return `${p.name} is gevraagd op ${f.moment(p.since ?? 0, ISLANDS)} (UTC−4); een herinnering kan ${f.num(gap)} minuten na de laatste vraag.`
  return `${p.name}: ${p.reasons.map((r) => sayIn(matching, r, f)).join('; ')}.`
}

export const alertMessages: Catalogue<AlertMessage> = {
  'alerts.coordinatorsOnly': 'Alleen coördinatoren van LOCC-KCR2 versturen alarmeringen.',
  'alerts.notAcknowledged': (p, f) =>
    `Dit verzoek is ${f.name('status', p.status)}: alarmeringen gaan pas uit als het in behandeling is genomen.`,
  'alerts.deadline.past': 'Geef een deadline in de toekomst.',
  'alerts.nobody': 'Kies minstens één persoon.',
  'alerts.tooMany': (p, f) => `Kies hoogstens ${f.num(p.max)} personen.`,
  'alerts.ineligible': (p, f) => p.problems.map((x) => why(x, f, p.gapMinutes)).join(' '),
  'alerts.unknownPerson': 'Er is een onbekende persoon gekozen.',
  'alerts.raced': (p, f) =>
    `${f.list([...p.names])} ${p.names.length === 1 ? 'is' : 'zijn'} zojuist door iemand anders gevraagd; er is geen tweede mail verstuurd.`,
  'alerts.answered': (p) => `U heeft al geantwoord: ${ANSWER[p.answer]}.`,
  'alerts.expired': 'De deadline voor deze vraag is verstreken.',
  'alerts.changedMeanwhile':
    'Uw antwoord is intussen gewijzigd (in een ander venster, of er kwam een herinnering). Controleer het en verstuur zo nodig opnieuw.',
  'alerts.chooseAnswer': 'Kies beschikbaar of niet beschikbaar.',
  'alerts.noteTooLong': (p, f) => `Gebruik voor de opmerking hoogstens ${f.num(p.max)} tekens.`,
}

function question(p: AskParams, f: Fmt, role: string, island: string): (string | false)[] {
  const deadline = `${f.moment(p.deadline, ISLANDS)} (UTC−4)`
  return [
    `Eiland: ${island}`,
    `Rol: ${role} (minimumniveau ${f.name('level', p.minLevel)})`,
    `Periode: ${f.period(p.periodStart, p.periodEnd)}`,
    p.languages.length > 0 && `Talen: ${p.languages.map((l) => f.name('language', l)).join(', ')}`,
    `Verzoek: ${p.title}`,
    `Prioriteit: ${f.name('priority', p.priority)}`,
    `Antwoord vóór: ${deadline}${p.amsterdam ? `, ${f.moment(p.deadline, 'Europe/Amsterdam')} Amsterdamse tijd` : ''}`,
    '',
    `Ik ben beschikbaar:      ${p.link}?a=available`,
    `Ik ben niet beschikbaar: ${p.link}?a=unavailable`,
    '',
    'Elke link opent een kleine pagina waar u bevestigt (en een opmerking kunt toevoegen). Die werkt',
    'zonder inloggen en zonder JavaScript. Tot de deadline kunt u daar uw antwoord wijzigen, of',
    'ingelogd antwoorden onder "Mijn alarmeringen". Geen antwoord vóór de deadline telt als geen antwoord.',
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
      subject: `Beschikbaar ${short} voor ${island} als ${role}?`,
      text: lines(
        `${p.name},`,
        '',
        `LOCC-KCR2 vraagt of u beschikbaar bent als ${role} voor ${island}, ${short}.`,
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
      subject: `Herinnering: beschikbaar ${short} voor ${island} als ${role}?`,
      text: lines(
        `${p.name},`,
        '',
        `Herinnering: LOCC-KCR2 vraagt opnieuw of u beschikbaar bent als ${role} voor ${island}, ${short}.`,
        p.answer
          ? `U antwoordde: ${ANSWER[p.answer]}. Dat antwoord blijft staan tenzij u opnieuw antwoordt.`
          : 'We hebben nog geen antwoord van u.',
        'De links hieronder vervangen die in eerdere mails over deze vraag.',
        '',
        ...question(p, f, role, island),
      ),
    }
  },
}

const answerOf = (after: Readonly<Record<string, unknown>> | null) =>
  ANSWER[after?.answer === 'available' ? 'available' : 'unavailable']

export const alertAudit: AuditCatalogue<AlertAuditAction> = {
  'audit.alert.sent': (p) =>
    `${p.actor} heeft ${String(p.after?.name ?? '…')} gevraagd of die beschikbaar is`,
  'audit.alert.reminded': (p) =>
    `${p.actor} heeft ${String(p.after?.name ?? '…')} opnieuw gevraagd (herinnering ${String(p.after?.reminders ?? 1)})`,
  'audit.alert.answered': (p) =>
    p.after?.via === 'account'
      ? `${p.actor} heeft ingelogd geantwoord: ${answerOf(p.after)}`
      : `${p.actor} heeft via de link in de mail geantwoord: ${answerOf(p.after)}`,
}
