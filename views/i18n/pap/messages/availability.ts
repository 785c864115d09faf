/** Papiamentu for the availability rules' messages and the history they leave; tsc checks every code. */
import type { AvailabilityAuditAction, AvailabilityMessage } from '../../../../pool/availability/index.ts'
import type { AuditCatalogue, AuditParams, Catalogue } from '../../catalogue.ts'
import type { Fmt } from '../../format.ts'

export const availabilityMessages: Catalogue<AvailabilityMessage> = {
  'availability.notObject': 'Manda e periodo komo un òbhekto ku kampo.',
  'availability.start.required': 'Skirbi e promé dia ku bo no ta disponibel.',
  'availability.end.required': 'Skirbi e último dia ku bo no ta disponibel.',
  'availability.reason.choose': 'Skohe un motibu.',
  'availability.over': 'E periodo aki a pasa kaba: skirbi dianan di awe padilanti.',
  'availability.tooLong': (p, f) => `Un periodo por dura maksimo ${f.num(p.max)} dia.`,
  'availability.notFound': 'No a haña e funshonario.',
  'availability.forbidden':
    'Solamente koordinadónan di LOCC-KCR2 i e persona mes ta planifiká disponibilidat.',
  'availability.periodNotFound': 'No a haña e periodo.',
  'availability.noSuchRole': 'E ròl aki no ta eksistí.',
  'availability.from': 'Duna from manera AAAA-MM-DD òf "today".',
}

/** "vakansi 10–14 sèp 2026". */
function period(side: AuditParams['before'], f: Fmt): string {
  const p = (side ?? {}) as { reason?: string; start?: string; end?: string }
  const what = f.name('reason', p.reason ?? 'other').toLowerCase()
  return p.start && p.end ? `${what} ${f.period(p.start, p.end)}` : what
}

export const availabilityAudit: AuditCatalogue<AvailabilityAuditAction> = {
  'audit.unavailability.added': (p, f) => `${p.actor} a agregá ${period(p.after, f)}`,
  'audit.unavailability.removed': (p, f) => `${p.actor} a kita ${period(p.before, f)}`,
}
