/** English for the availability rules' messages and the history they leave: the reference every other language follows. */
import type { AvailabilityAuditAction, AvailabilityMessage } from '../../../../pool/availability/index.ts'
import type { AuditCatalogue, AuditParams, Catalogue } from '../../catalogue.ts'
import type { Fmt } from '../../format.ts'
import { lowerFirst } from './words.ts'

export const availabilityMessages: Catalogue<AvailabilityMessage> = {
  'availability.notObject': 'Send the period as an object of fields.',
  'availability.start.required': 'Enter the first day you are not available.',
  'availability.end.required': 'Enter the last day you are not available.',
  'availability.reason.choose': 'Choose a reason.',
  'availability.over': 'This period is already over: enter days from today on.',
  'availability.tooLong': (p, f) => `A period can last at most ${f.num(p.max)} days.`,
  'availability.notFound': 'Functionary not found.',
  'availability.forbidden': 'Only LOCC-KCR2 coordinators and the person themself plan availability.',
  'availability.periodNotFound': 'Period not found.',
  'availability.noSuchRole': 'There is no such role.',
  'availability.from': 'Give from as YYYY-MM-DD or "today".',
}

/** "leave 10–14 Sep 2026": the period an event added or removed. */
function period(side: AuditParams['before'], f: Fmt): string {
  const p = (side ?? {}) as { reason?: string; start?: string; end?: string }
  const what = lowerFirst(f.name('reason', p.reason ?? 'other'))
  return p.start && p.end ? `${what} ${f.period(p.start, p.end)}` : what
}

export const availabilityAudit: AuditCatalogue<AvailabilityAuditAction> = {
  'audit.unavailability.added': (p, f) => `${p.actor} added ${period(p.after, f)}`,
  'audit.unavailability.removed': (p, f) => `${p.actor} removed ${period(p.before, f)}`,
}
