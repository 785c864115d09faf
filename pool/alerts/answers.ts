/**
 * An answer to an alert, through the link in the mail or signed in on /me: available or not,
 * with a note, until the deadline. It may be changed until then (someone who said yes falls ill);
 * whether an offer has locked it is the assignments' rule (pool/assignments `answerLocked`),
 * checked by the caller first.
 */

import type { AlertAnswer } from '../reference/index.ts'
import { type AuditEvent, auditEvent } from '../shared/audit.ts'
import { msg } from '../shared/index.ts'
import type { AlertMessage } from './messages.ts'
import { type AlertRecord, NOTE_MAX } from './rules.ts'

/** Who answers: the person through their link (no account acts), or signed in as themselves. */
export interface Answerer {
  name: string
  /** Their account, when they answer signed in (the history then names it). */
  userId?: string
}

export type AnswerResult =
  | { ok: true; patch: { answer: AlertAnswer; note: string | null; answeredAt: number }; event: AuditEvent }
  | { ok: false; error: 'answered' | 'expired' | 'invalid'; message: AlertMessage }

/** Whether the answer on record was given before the latest reminder: the same answer again then confirms it. */
const answeredBeforeReminder = (a: AlertRecord) =>
  a.answeredAt !== null && a.remindedAt !== null && a.answeredAt < a.remindedAt

/**
 * Decide an answer before the deadline. A different answer or a different note changes it; the
 * same answer and note again changes nothing (a double post), unless a reminder came since:
 * then it is a confirmation, recorded with its time.
 */
export function answerAlert(
  alert: AlertRecord,
  who: Answerer,
  answer: unknown,
  note: unknown,
  now: number,
  newId: () => string,
): AnswerResult {
  if (now >= alert.deadline) return { ok: false, error: 'expired', message: msg('alerts.expired') }
  if (answer !== 'available' && answer !== 'unavailable')
    return { ok: false, error: 'invalid', message: msg('alerts.chooseAnswer') }
  const text = typeof note === 'string' ? note.trim() : ''
  if (text.length > NOTE_MAX)
    return { ok: false, error: 'invalid', message: msg('alerts.noteTooLong', { max: NOTE_MAX }) }
  const chosen: AlertAnswer = answer
  const patch = { answer: chosen, note: text || null, answeredAt: now }
  if (alert.answer === chosen && alert.note === patch.note && !answeredBeforeReminder(alert))
    return { ok: false, error: 'answered', message: msg('alerts.answered', { answer: chosen }) }
  const via = who.userId ? 'account' : 'link'
  const answered = auditEvent(
    { id: who.userId ?? null, label: who.name },
    'alert.answered',
    'alert',
    alert.id,
    { before: { answer: alert.answer }, after: { answer: chosen, note: patch.note, via } },
    now,
    newId(),
  )
  return { ok: true, patch, event: answered }
}
