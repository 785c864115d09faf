/** Dutch for the pool register's messages and a person's history; tsc checks every code. */
import type { FunctionaryAuditAction, FunctionaryMessage } from '../../../../pool/functionaries/index.ts'
import type { AuditCatalogue, AuditParams, Catalogue } from '../../catalogue.ts'
import type { Fmt } from '../../format.ts'
import { changedKeys } from '../../history.ts'

export const functionaryMessages: Catalogue<FunctionaryMessage> = {
  'functionaries.notObject': 'Stuur de persoon als een object met velden.',
  'functionaries.name.required': 'Vul de naam in.',
  'functionaries.email.required': 'Vul het e-mailadres in.',
  'functionaries.email.invalid': 'Vul een geldig e-mailadres in (niet "{email}").',
  'functionaries.email.taken': 'Iemand in de pool heeft dit e-mailadres al.',
  'functionaries.phone.invalid':
    'Een telefoonnummer bevat alleen cijfers, spaties en de tekens + ( ) - . en /.',
  'functionaries.base.required': 'Kies de standplaats.',
  'functionaries.base.unknown': 'Onbekende standplaats: {value}.',
  'functionaries.roles.notList': 'Geef de rollen als een lijst van rollen met hun niveau.',
  'functionaries.roles.format': 'Schrijf elke rol als code:niveau, bijvoorbeeld information_manager:senior.',
  'functionaries.roles.unknown': (p) => `Onbekende rol: ${p.role || '(leeg)'}.`,
  'functionaries.roles.noLevel': 'Geef een niveau voor {role}: trainee, qualified of senior.',
  'functionaries.roles.badLevel':
    'Onbekend niveau voor {role}: {level}. Gebruik trainee, qualified of senior.',
  'functionaries.roles.twice': '{role} staat er twee keer in.',
  'functionaries.roles.none': 'Geef minstens één rol met een niveau.',
  'functionaries.languages.notList': 'Geef de talen als een lijst van codes.',
  'functionaries.languages.format': 'Schrijf elke taal als code, of als code:taalniveau (en:fluent).',
  'functionaries.languages.unknown': (p) => `Onbekende taal: ${p.language || '(leeg)'}.`,
  'functionaries.languages.badProficiency': 'Onbekend taalniveau voor {language}: {proficiency}.',
  'functionaries.languages.twice': '{language} staat er twee keer in.',
  'functionaries.coordinatorsOnly': 'Alleen coördinatoren van LOCC-KCR2 houden het poolregister bij.',
  'functionaries.stale': 'Iemand anders heeft deze persoon gewijzigd sinds u de pagina opende.',
  'functionaries.notFound': 'Niet gevonden.',
  'functionaries.profileNotFound': 'Profiel niet gevonden.',
  'functionaries.selfField': (p, f) => `Alleen een coördinator wijzigt de ${f.name('fieldName', p.field)}.`,
  'functionaries.lostRace': 'Iemand anders heeft deze persoon net eerder gewijzigd.',
  'functionaries.activeValue': 'Stuur active=0 om inactief te maken of active=1 om weer actief te maken.',
  'functionaries.document.expired': (p, f) =>
    `${p.document === 'travelDocument' ? 'Reisdocument' : 'Medische keuring'} verlopen op ${f.date(p.date)}`,
  'functionaries.filter.level': 'Kies een niveau: in opleiding, gekwalificeerd of senior.',
  'functionaries.filter.period': 'Het einde van de periode ligt vóór het begin.',
  'functionaries.csv.columnTwice': 'De kolom {column} komt twee keer voor.',
  'functionaries.csv.missingColumns': (p) =>
    `De kopregel (rij 1) mist de ${p.columns.length > 1 ? 'kolommen' : 'kolom'} ${p.columns.join(', ')}. ` +
    `Verwacht: ${p.expected.join(', ')}.`,
  'functionaries.csv.cellCount': 'Deze rij heeft {cells} cellen; de kopregel heeft er {header}.',
  'functionaries.csv.unclosedQuote': 'Een cel tussen aanhalingstekens is niet afgesloten.',
  'functionaries.csv.badQuote': 'Na het afsluitende aanhalingsteken van een cel staat nog tekst.',
  'functionaries.csv.unreadable': 'Dit deel van het bestand is niet te lezen ({problem}).',
  'functionaries.csv.empty': 'Het bestand heeft geen rijen onder de kopregel.',
  'functionaries.csv.tooMany': (p, f) => `Importeer hoogstens ${f.num(p.max)} rijen tegelijk.`,
  'functionaries.csv.sameEmail': 'Hetzelfde e-mailadres als rij {row}.',
  'functionaries.csv.type': 'Stuur de CSV als text/csv (UTF-8).',
  'functionaries.csv.tooLarge': 'Het bestand is te groot.',
  'functionaries.csv.rowsRefused': 'Er is niets geïmporteerd: enkele rijen vragen aandacht.',
  'functionaries.csv.raced':
    'Het register is gewijzigd terwijl deze import liep; er is niets opgeslagen. Controleer het bestand opnieuw.',
}

/** "het telefoonnummer en de talen". */
const fields = (p: AuditParams, f: Fmt) =>
  f.list(changedKeys(p.before, p.after).map((k) => `de ${f.name('fieldName', k)}`))

export const functionaryAudit: AuditCatalogue<FunctionaryAuditAction> = {
  'audit.functionary.created': (p) => `${p.actor} heeft deze persoon aan de pool toegevoegd`,
  'audit.functionary.imported': (p) => `${p.actor} heeft deze persoon met een CSV-import toegevoegd`,
  'audit.functionary.import_updated': (p, f) =>
    `${p.actor} heeft ${fields(p, f)} met een CSV-import gewijzigd`,
  'audit.functionary.edited': (p, f) => `${p.actor} heeft ${fields(p, f)} gewijzigd`,
  'audit.functionary.profile_edited': (p, f) =>
    `${p.actor} heeft ${fields(p, f)} in het eigen profiel gewijzigd`,
  'audit.functionary.deactivated': (p) => `${p.actor} heeft deze persoon inactief gemaakt`,
  'audit.functionary.reactivated': (p) => `${p.actor} heeft deze persoon weer actief gemaakt`,
}
