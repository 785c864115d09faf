/** Dutch for the alert rules' messages, the alert mail and the alerts' history; tsc checks every code. */
import type { AlertAuditAction, AlertMail, AlertMessage, Ineligible } from '../../../../pool/alerts/index.ts'
import { type AuditCatalogue, type Catalogue, type MailCatalogue, sayIn } from '../../catalogue.ts'
import type { Fmt } from '../../format.ts'
import { matching } from './matching.ts'
import { lines } from './words.ts'

const ANSWER = { available: 'beschikbaar', unavailable: 'niet beschikbaar' } as const

function why(p: Ineligible, f: Fmt): string {
  switch (p.reason) {
    case 'pending':
      return `${p.name} is al gealarmeerd en heeft nog niet geantwoord.`
    case 'excluded':
      return `${p.name}: ${p.reasons.map((r) => sayIn(matching, r, f)).join('; ')}.`
  }
}

export const alertMessages: Catalogue<AlertMessage> = {
  'alerts.coordinatorsOnly': 'Alleen coördinatoren van LOCC-KCR2 versturen alarmeringen.',
  'alerts.notAcknowledged': (p, f) =>
    `Dit verzoek is ${f.name('status', p.status)}: alarmeringen gaan pas uit als het in behandeling is genomen.`,
  'alerts.deadline.past': 'Geef een deadline in de toekomst.',
  'alerts.nobody': 'Kies minstens één persoon.',
  'alerts.tooMany': (p, f) => `Kies hoogstens ${f.num(p.max)} personen.`,
  'alerts.ineligible': (p, f) => p.problems.map((x) => why(x, f)).join(' '),
  'alerts.unknownPerson': 'Er is een onbekende persoon gekozen.',
  'alerts.answered': (p) => `U heeft al geantwoord: ${ANSWER[p.answer]}.`,
  'alerts.expired': 'De deadline voor deze vraag is verstreken.',
  'alerts.chooseAnswer': 'Kies beschikbaar of niet beschikbaar.',
  'alerts.noteTooLong': (p, f) => `Gebruik voor de opmerking hoogstens ${f.num(p.max)} tekens.`,
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
        `Eiland: ${island}`,
        `Rol: ${role} (minimumniveau ${f.name('level', p.minLevel)})`,
        `Periode: ${f.period(p.periodStart, p.periodEnd)}`,
        p.languages.length > 0 && `Talen: ${p.languages.map((l) => f.name('language', l)).join(', ')}`,
        `Verzoek: ${p.title}`,
        `Prioriteit: ${f.name('priority', p.priority)}`,
        `Antwoord vóór: ${f.moment(p.deadline, 'America/Kralendijk')} (UTC−4)`,
        '',
        `Ik ben beschikbaar:      ${p.link}?a=available`,
        `Ik ben niet beschikbaar: ${p.link}?a=unavailable`,
        '',
        'Elke link opent een kleine pagina waar u bevestigt (en een opmerking kunt toevoegen). Die werkt',
        'zonder inloggen en zonder JavaScript, en neemt één antwoord aan. Geen antwoord vóór de deadline',
        'telt als geen antwoord.',
        '',
        '-- CCPM, LOCC-KCR2',
      ),
    }
  },
}

export const alertAudit: AuditCatalogue<AlertAuditAction> = {
  'audit.alert.sent': (p) =>
    `${p.actor} heeft ${String(p.after?.name ?? '…')} gevraagd of die beschikbaar is`,
  'audit.alert.answered': (p) =>
    `${p.actor} heeft via de link in de mail geantwoord: ${ANSWER[p.after?.answer === 'available' ? 'available' : 'unavailable']}`,
}
