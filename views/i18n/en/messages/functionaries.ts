/** English for the pool register's messages (input, decisions, CSV import) and a person's history: the reference. */
import type { FunctionaryAuditAction, FunctionaryMessage } from '../../../../pool/functionaries/index.ts'
import type { AuditCatalogue, AuditParams, Catalogue } from '../../catalogue.ts'
import type { Fmt } from '../../format.ts'
import { changedKeys } from '../../history.ts'

export const functionaryMessages: Catalogue<FunctionaryMessage> = {
  'functionaries.notObject': 'Send the person as an object of fields.',
  'functionaries.name.required': 'Enter the name.',
  'functionaries.email.required': 'Enter the e-mail address.',
  'functionaries.email.invalid': 'Enter a valid e-mail address (not "{email}").',
  'functionaries.email.taken': 'Someone in the pool already has this e-mail address.',
  'functionaries.phone.invalid': 'Use digits, spaces and + ( ) - . / only in the phone number.',
  'functionaries.base.required': 'Choose the home base.',
  'functionaries.base.unknown': 'Unknown base: {value}.',
  'functionaries.roles.notList': 'Give the roles as a list of role and level.',
  'functionaries.roles.format': 'Write each role as code:level, for example information_manager:senior.',
  'functionaries.roles.unknown': (p) => `Unknown role: ${p.role || '(empty)'}.`,
  'functionaries.roles.noLevel': 'Give a level for {role}: trainee, qualified or senior.',
  'functionaries.roles.badLevel': 'Unknown level for {role}: {level}. Use trainee, qualified or senior.',
  'functionaries.roles.twice': '{role} is given twice.',
  'functionaries.roles.none': 'Give at least one role with its level.',
  'functionaries.languages.notList': 'Give the languages as a list of codes.',
  'functionaries.languages.format': 'Write each language as a code, or code:proficiency (en:fluent).',
  'functionaries.languages.unknown': (p) => `Unknown language: ${p.language || '(empty)'}.`,
  'functionaries.languages.badProficiency': 'Unknown proficiency for {language}: {proficiency}.',
  'functionaries.languages.twice': '{language} is given twice.',
  'functionaries.coordinatorsOnly': 'Only LOCC-KCR2 coordinators keep the pool register.',
  'functionaries.stale': 'This person was changed by someone else since you opened the page.',
  'functionaries.notFound': 'Not found.',
  'functionaries.profileNotFound': 'Profile not found.',
  'functionaries.selfField': (p, f) => `Only a coordinator changes the ${f.name('fieldName', p.field)}.`,
  'functionaries.lostRace': 'Someone else changed this person first.',
  'functionaries.activeValue': 'Send active=0 to deactivate or active=1 to reactivate.',
  'functionaries.document.expired': (p, f) =>
    `${p.document === 'travelDocument' ? 'Travel document' : 'Medical fitness'} expired ${f.date(p.date)}`,
  'functionaries.filter.level': 'Choose a level: trainee, qualified or senior.',
  'functionaries.filter.period': 'The end of the period comes before its start.',
  'functionaries.csv.columnTwice': 'The column {column} appears twice.',
  'functionaries.csv.missingColumns': (p) =>
    `The header row (row 1) lacks the column${p.columns.length > 1 ? 's' : ''} ${p.columns.join(', ')}. ` +
    `Expected: ${p.expected.join(', ')}.`,
  'functionaries.csv.cellCount': 'This row has {cells} cells; the header has {header}.',
  'functionaries.csv.unclosedQuote': 'A quoted cell is not closed.',
  'functionaries.csv.badQuote': 'A quoted cell has more text after its closing quote.',
  'functionaries.csv.unreadable': 'This part of the file cannot be read ({problem}).',
  'functionaries.csv.empty': 'The file has no rows below the header.',
  'functionaries.csv.tooMany': (p, f) => `Import at most ${f.num(p.max)} rows at a time.`,
  'functionaries.csv.sameEmail': 'The same e-mail address as row {row}.',
  'functionaries.csv.type': 'Send the CSV as text/csv (UTF-8).',
  'functionaries.csv.tooLarge': 'The file is too large.',
  'functionaries.csv.rowsRefused': 'Nothing was imported: some rows need attention.',
  'functionaries.csv.raced':
    'The register changed while this import ran; nothing was written. Look at the preview again.',
}

/** "phone number and languages": the fields an event changed. */
const fields = (p: AuditParams, f: Fmt) =>
  f.list(changedKeys(p.before, p.after).map((k) => f.name('fieldName', k)))

export const functionaryAudit: AuditCatalogue<FunctionaryAuditAction> = {
  'audit.functionary.created': (p) => `${p.actor} added this person to the pool`,
  'audit.functionary.imported': (p) => `${p.actor} added this person with a CSV import`,
  'audit.functionary.import_updated': (p, f) => `${p.actor} changed the ${fields(p, f)} with a CSV import`,
  'audit.functionary.edited': (p, f) => `${p.actor} changed the ${fields(p, f)}`,
  'audit.functionary.profile_edited': (p, f) => `${p.actor} changed the ${fields(p, f)} in their own profile`,
  'audit.functionary.deactivated': (p) => `${p.actor} deactivated this person`,
  'audit.functionary.reactivated': (p) => `${p.actor} reactivated this person`,
}
