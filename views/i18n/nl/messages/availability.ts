/** Dutch for the availability rules' messages and the history they leave; tsc checks every code. */
import type { AvailabilityAuditAction, AvailabilityMessage } from '../../../../pool/availability/index.ts'
import type { AuditCatalogue, AuditParams, Catalogue } from '../../catalogue.ts'
import type { Fmt } from '../../format.ts'

export const availabilityMessages: Catalogue<AvailabilityMessage> = {
  'availability.notObject': 'Stuur de periode als een object met velden.',
  'availability.start.required': 'Vul de eerste dag in waarop u niet beschikbaar bent.',
  'availability.end.required': 'Vul de laatste dag in waarop u niet beschikbaar bent.',
  'availability.reason.choose': 'Kies een reden.',
  'availability.over': 'Deze periode is al voorbij: vul dagen in vanaf vandaag.',
  'availability.tooLong': (p, f) => `Een periode duurt hoogstens ${f.num(p.max)} dagen.`,
  'availability.notFound': 'Functionaris niet gevonden.',
  'availability.forbidden':
    'Alleen coördinatoren van LOCC-KCR2 en de persoon zelf leggen de beschikbaarheid vast.',
  'availability.periodNotFound': 'Periode niet gevonden.',
  'availability.noSuchRole': 'Deze rol bestaat niet.',
  'availability.from': 'Geef from als JJJJ-MM-DD of "today".',
}

/** "verlof 10–14 sep 2026". */
function period(side: AuditParams['before'], f: Fmt): string {
  const p = (side ?? {}) as { reason?: string; start?: string; end?: string }
  const what = f.name('reason', p.reason ?? 'other').toLowerCase()
  return p.start && p.end ? `${what} ${f.period(p.start, p.end)}` : what
}

export const availabilityAudit: AuditCatalogue<AvailabilityAuditAction> = {
  'audit.unavailability.added': (p, f) => `${p.actor} heeft ${period(p.after, f)} toegevoegd`,
  'audit.unavailability.removed': (p, f) => `${p.actor} heeft ${period(p.before, f)} verwijderd`,
}
