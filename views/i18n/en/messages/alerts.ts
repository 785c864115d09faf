/** English for the alert rules' messages, the alert mail and the alerts' history: the reference. */
import type { AlertAuditAction, AlertMail, AlertMessage, Ineligible } from '../../../../pool/alerts/index.ts'
import { type AuditCatalogue, type Catalogue, type MailCatalogue, sayIn } from '../../catalogue.ts'
import type { Fmt } from '../../format.ts'
import { matching } from './matching.ts'
import { lines, roleLabel } from './words.ts'

const ANSWER = { available: 'available', unavailable: 'not available' } as const

/** "Anna: level trainee, need asks qualified.": why one person cannot be alerted. */
function why(p: Ineligible, f: Fmt): string {
  switch (p.reason) {
    case 'pending':
      return `${p.name} was already alerted and has not answered yet.`
    case 'excluded':
      return `${p.name}: ${p.reasons.map((r) => sayIn(matching, r, f)).join('; ')}.`
  }
}

export const alertMessages: Catalogue<AlertMessage> = {
  'alerts.coordinatorsOnly': 'Only LOCC-KCR2 coordinators send alerts.',
  'alerts.notAcknowledged': (p, f) =>
    `This request is ${f.name('status', p.status)}: alerts go out once it is acknowledged.`,
  'alerts.deadline.past': 'Give a deadline in the future.',
  'alerts.nobody': 'Choose at least one person.',
  'alerts.tooMany': (p, f) => `Choose at most ${f.num(p.max)} people.`,
  'alerts.ineligible': (p, f) => p.problems.map((x) => why(x, f)).join(' '),
  'alerts.unknownPerson': 'Unknown person chosen.',
  'alerts.answered': (p) => `You already answered: ${ANSWER[p.answer]}.`,
  'alerts.expired': 'The deadline for this question has passed.',
  'alerts.chooseAnswer': 'Choose available or not available.',
  'alerts.noteTooLong': (p, f) => `Keep the note to ${f.num(p.max)} characters.`,
}

export const alertMails: MailCatalogue<AlertMail> = {
  'alerts.mail.ask': (p, f) => {
    const island = f.name('island', p.island)
    const role = roleLabel(p.role, 1, f)
    return {
      subject: `Available ${f.period(p.periodStart, p.periodEnd, false)} for ${island} as ${role}?`,
      text: lines(
        `${p.name},`,
        '',
        `LOCC-KCR2 asks whether you are available as ${role} for ${island}, ${f.period(p.periodStart, p.periodEnd, false)}.`,
        '',
        `Island: ${island}`,
        `Role: ${role} (minimum level ${f.name('level', p.minLevel)})`,
        `Period: ${f.period(p.periodStart, p.periodEnd)}`,
        p.languages.length > 0 && `Languages: ${p.languages.map((l) => f.name('language', l)).join(', ')}`,
        `Request: ${p.title}`,
        `Priority: ${f.name('priority', p.priority)}`,
        `Please answer before: ${f.moment(p.deadline, 'America/Kralendijk')} (UTC−4)`,
        '',
        `I am available:      ${p.link}?a=available`,
        `I am not available:  ${p.link}?a=unavailable`,
        '',
        'Each link opens a small page where you confirm (and may add a note). It works without',
        'signing in and without JavaScript, and answers once. No answer by the deadline counts as',
        'no answer.',
        '',
        '-- CCPM, LOCC-KCR2',
      ),
    }
  },
}

export const alertAudit: AuditCatalogue<AlertAuditAction> = {
  'audit.alert.sent': (p) => `${p.actor} asked ${String(p.after?.name ?? '…')} whether they are available`,
  'audit.alert.answered': (p) =>
    `${p.actor} answered through the link in the mail: ${ANSWER[p.after?.answer === 'available' ? 'available' : 'unavailable']}`,
}
