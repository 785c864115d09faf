/** English for the alert rules' messages, the alert mails and the alerts' history: the reference. */
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
import { lines, roleLabel } from './words.ts'

const ANSWER = { available: 'available', unavailable: 'not available' } as const
const ISLANDS = 'America/Kralendijk'

/** "Anna: level trainee, need asks qualified.": why one person cannot be alerted now. */
function why(p: Ineligible, f: Fmt, gap: number): string {
  if (p.reason === 'recent')
    return `${p.name} was asked at ${f.moment(p.since ?? 0, ISLANDS)} (UTC−4); a reminder can go ${f.num(gap)} minutes after the last question.`
  return `${p.name}: ${p.reasons.map((r) => sayIn(matching, r, f)).join('; ')}.`
}

export const alertMessages: Catalogue<AlertMessage> = {
  'alerts.coordinatorsOnly': 'Only LOCC-KCR2 coordinators send alerts.',
  'alerts.notAcknowledged': (p, f) =>
    `This request is ${f.name('status', p.status)}: alerts go out once it is acknowledged.`,
  'alerts.deadline.past': 'Give a deadline in the future.',
  'alerts.nobody': 'Choose at least one person.',
  'alerts.tooMany': (p, f) => `Choose at most ${f.num(p.max)} people.`,
  'alerts.ineligible': (p, f) => p.problems.map((x) => why(x, f, p.gapMinutes)).join(' '),
  'alerts.unknownPerson': 'Unknown person chosen.',
  'alerts.raced': (p, f) =>
    `${f.list([...p.names])} ${p.names.length === 1 ? 'was' : 'were'} asked by someone else just now; no second mail went out.`,
  'alerts.answered': (p) => `You already answered: ${ANSWER[p.answer]}.`,
  'alerts.expired': 'The deadline for this question has passed.',
  'alerts.changedMeanwhile':
    'Your answer changed meanwhile (in another window, or a reminder came). Check it and send again if needed.',
  'alerts.chooseAnswer': 'Choose available or not available.',
  'alerts.noteTooLong': (p, f) => `Keep the note to ${f.num(p.max)} characters.`,
}

/** What the question is, the deadline in the clocks the reader lives by, and the two links. */
function question(p: AskParams, f: Fmt, role: string, island: string): (string | false)[] {
  const deadline = `${f.moment(p.deadline, ISLANDS)} (UTC−4)`
  return [
    `Island: ${island}`,
    `Role: ${role} (minimum level ${f.name('level', p.minLevel)})`,
    `Period: ${f.period(p.periodStart, p.periodEnd)}`,
    p.languages.length > 0 && `Languages: ${p.languages.map((l) => f.name('language', l)).join(', ')}`,
    `Request: ${p.title}`,
    `Priority: ${f.name('priority', p.priority)}`,
    `Please answer before: ${deadline}${p.amsterdam ? `, ${f.moment(p.deadline, 'Europe/Amsterdam')} Amsterdam time` : ''}`,
    '',
    `I am available:      ${p.link}?a=available`,
    `I am not available:  ${p.link}?a=unavailable`,
    '',
    'Each link opens a small page where you confirm (and may add a note). It works without',
    'signing in and without JavaScript. You can change your answer there until the deadline,',
    'or answer under "My alerts" when signed in. No answer by the deadline counts as no answer.',
    '',
    '-- CCPM, LOCC-KCR2',
  ]
}

export const alertMails: MailCatalogue<AlertMail> = {
  'alerts.mail.ask': (p, f) => {
    const island = f.name('island', p.island)
    const role = roleLabel(p.role, 1, f)
    const period = f.period(p.periodStart, p.periodEnd, false)
    return {
      subject: `Available ${period} for ${island} as ${role}?`,
      text: lines(
        `${p.name},`,
        '',
        `LOCC-KCR2 asks whether you are available as ${role} for ${island}, ${period}.`,
        '',
        ...question(p, f, role, island),
      ),
    }
  },
  'alerts.mail.remind': (p, f) => {
    const island = f.name('island', p.island)
    const role = roleLabel(p.role, 1, f)
    const period = f.period(p.periodStart, p.periodEnd, false)
    return {
      subject: `Reminder: available ${period} for ${island} as ${role}?`,
      text: lines(
        `${p.name},`,
        '',
        `Reminder: LOCC-KCR2 asks again whether you are available as ${role} for ${island}, ${period}.`,
        p.answer
          ? `You answered: ${ANSWER[p.answer]}. That answer stands unless you answer again.`
          : 'We have no answer from you yet.',
        'The links below replace those in earlier mails about this question.',
        '',
        ...question(p, f, role, island),
      ),
    }
  },
}

const answerOf = (after: Readonly<Record<string, unknown>> | null) =>
  ANSWER[after?.answer === 'available' ? 'available' : 'unavailable']

export const alertAudit: AuditCatalogue<AlertAuditAction> = {
  'audit.alert.sent': (p) => `${p.actor} asked ${String(p.after?.name ?? '…')} whether they are available`,
  'audit.alert.reminded': (p) =>
    `${p.actor} reminded ${String(p.after?.name ?? '…')} (reminder ${String(p.after?.reminders ?? 1)})`,
  'audit.alert.answered': (p) =>
    p.after?.via === 'account'
      ? `${p.actor} answered signed in: ${answerOf(p.after)}`
      : `${p.actor} answered through the link in the mail: ${answerOf(p.after)}`,
}
