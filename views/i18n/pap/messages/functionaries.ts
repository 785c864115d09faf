/** Papiamentu for the pool register's messages and a person's history; tsc checks every code. */
import type { FunctionaryAuditAction, FunctionaryMessage } from '../../../../pool/functionaries/index.ts'
import type { AuditCatalogue, AuditParams, Catalogue } from '../../catalogue.ts'
import type { Fmt } from '../../format.ts'
import { changedKeys } from '../../history.ts'

export const functionaryMessages: Catalogue<FunctionaryMessage> = {
  'functionaries.notObject': 'Manda e persona komo un òbhekto ku kampo.',
  'functionaries.name.required': 'Skirbi e nòmber.',
  'functionaries.email.required': 'Skirbi e adrès di e-mail.',
  'functionaries.email.invalid': 'Skirbi un adrès di e-mail bálido (no "{email}").',
  'functionaries.email.taken': 'Un hende den e pool tin e adrès di e-mail aki kaba.',
  'functionaries.phone.invalid': 'Usa solamente sifra, espasio i + ( ) - . / den e number di telefòn.',
  'functionaries.base.required': 'Skohe e base.',
  'functionaries.base.unknown': 'Base deskonosí: {value}.',
  'functionaries.roles.notList': 'Duna e ròlnan komo un lista di ròl i nivel.',
  'functionaries.roles.format':
    'Skirbi kada ròl manera kódigo:nivel, por ehèmpel information_manager:senior.',
  'functionaries.roles.unknown': (p) => `Ròl deskonosí: ${p.role || '(bashí)'}.`,
  'functionaries.roles.noLevel': 'Duna un nivel pa {role}: trainee, qualified òf senior.',
  'functionaries.roles.badLevel': 'Nivel deskonosí pa {role}: {level}. Usa trainee, qualified òf senior.',
  'functionaries.roles.twice': '{role} ta aparesé dos biaha.',
  'functionaries.roles.none': 'Duna por lo ménos un ròl ku su nivel.',
  'functionaries.languages.notList': 'Duna e idiomanan komo un lista di kódigo.',
  'functionaries.languages.format': 'Skirbi kada idioma komo un kódigo, òf kódigo:nivel (en:fluent).',
  'functionaries.languages.unknown': (p) => `Idioma deskonosí: ${p.language || '(bashí)'}.`,
  'functionaries.languages.badProficiency': 'Nivel di idioma deskonosí pa {language}: {proficiency}.',
  'functionaries.languages.twice': '{language} ta aparesé dos biaha.',
  'functionaries.coordinatorsOnly': 'Solamente koordinadónan di LOCC-KCR2 ta tene e registro di pool.',
  'functionaries.stale': 'Otro hende a kambia e persona aki desde ku bo a habri e página.',
  'functionaries.notFound': 'No a haña esaki.',
  'functionaries.profileNotFound': 'No a haña e perfil.',
  'functionaries.selfField': (p, f) => `Solamente un koordinado ta kambia e ${f.name('fieldName', p.field)}.`,
  'functionaries.lostRace': 'Otro hende a kambia e persona aki promé.',
  'functionaries.activeValue': 'Manda active=0 pa deshabilitá òf active=1 pa habilitá atrobe.',
  'functionaries.document.expired': (p, f) =>
    `${p.document === 'travelDocument' ? 'Dokumento di biahe' : 'Eksamen médiko'} a vense ${f.date(p.date)}`,
  'functionaries.filter.level': 'Skohe un nivel: den entrenamentu, kalifiká òf senior.',
  'functionaries.filter.period': 'E fin di e periodo ta promé ku su kuminsamentu.',
  'functionaries.csv.columnTwice': 'E kolòm {column} ta aparesé dos biaha.',
  'functionaries.csv.missingColumns': (p) =>
    `E fila di título (fila 1) ta falta e ${p.columns.length > 1 ? 'kolòmnan' : 'kolòm'} ${p.columns.join(', ')}. ` +
    `Esperá: ${p.expected.join(', ')}.`,
  'functionaries.csv.cellCount': 'E fila aki tin {cells} sèl; e fila di título tin {header}.',
  'functionaries.csv.unclosedQuote': 'Un sèl entre komiya no ta será.',
  'functionaries.csv.badQuote': 'Tin teksto despues di e komiya ku ta sera un sèl.',
  'functionaries.csv.unreadable': 'No por lesa e parti aki di e archivo ({problem}).',
  'functionaries.csv.empty': 'E archivo no tin fila bou di e fila di título.',
  'functionaries.csv.tooMany': (p, f) => `Importá maksimo ${f.num(p.max)} fila na un biaha.`,
  'functionaries.csv.sameEmail': 'Meskos adrès di e-mail ku fila {row}.',
  'functionaries.csv.type': 'Manda e CSV komo text/csv (UTF-8).',
  'functionaries.csv.tooLarge': 'E archivo ta muchu grandi.',
  'functionaries.csv.rowsRefused': 'No a importá nada: algun fila mester di atenshon.',
  'functionaries.csv.raced':
    'E registro a kambia miéntras e importashon aki tabata kore; no a warda nada. Kontrolá e archivo atrobe.',
}

/** "e number di telefòn i e idiomanan". */
const fields = (p: AuditParams, f: Fmt) =>
  f.list(changedKeys(p.before, p.after).map((k) => `e ${f.name('fieldName', k)}`))

export const functionaryAudit: AuditCatalogue<FunctionaryAuditAction> = {
  'audit.functionary.created': (p) => `${p.actor} a agregá e persona aki na e pool`,
  'audit.functionary.imported': (p) => `${p.actor} a agregá e persona aki ku un importashon di CSV`,
  'audit.functionary.import_updated': (p, f) =>
    `${p.actor} a kambia ${fields(p, f)} ku un importashon di CSV`,
  'audit.functionary.edited': (p, f) => `${p.actor} a kambia ${fields(p, f)}`,
  'audit.functionary.profile_edited': (p, f) => `${p.actor} a kambia ${fields(p, f)} den su mes perfil`,
  'audit.functionary.deactivated': (p) => `${p.actor} a deshabilitá e persona aki`,
  'audit.functionary.reactivated': (p) => `${p.actor} a habilitá e persona aki atrobe`,
}
