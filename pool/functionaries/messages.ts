/** What the pool register's rules say, as codes (input, decisions, the CSV import), and its audit actions. */
import type { FieldMessage, Msg } from '../shared/index.ts'

export type FunctionaryMessage =
  // a person's fields (input.ts)
  | Msg<'functionaries.notObject'>
  | Msg<'functionaries.name.required'>
  | Msg<'functionaries.email.required'>
  | Msg<'functionaries.email.invalid', { email: string }>
  | Msg<'functionaries.email.taken'>
  | Msg<'functionaries.phone.invalid'>
  | Msg<'functionaries.base.required'>
  | Msg<'functionaries.base.unknown', { value: string }>
  | Msg<'functionaries.roles.notList'>
  | Msg<'functionaries.roles.format'>
  | Msg<'functionaries.roles.unknown', { role: string }>
  | Msg<'functionaries.roles.noLevel', { role: string }>
  | Msg<'functionaries.roles.badLevel', { role: string; level: string }>
  | Msg<'functionaries.roles.twice', { role: string }>
  | Msg<'functionaries.roles.none'>
  | Msg<'functionaries.languages.notList'>
  | Msg<'functionaries.languages.format'>
  | Msg<'functionaries.languages.unknown', { language: string }>
  | Msg<'functionaries.languages.badProficiency', { language: string; proficiency: string }>
  | Msg<'functionaries.languages.twice', { language: string }>
  // decisions (decisions.ts) and their writes (server/services)
  | Msg<'functionaries.coordinatorsOnly'>
  | Msg<'functionaries.stale'>
  | Msg<'functionaries.notFound'>
  | Msg<'functionaries.profileNotFound'>
  | Msg<'functionaries.selfField', { field: string }>
  | Msg<'functionaries.lostRace'>
  | Msg<'functionaries.activeValue'>
  // documents (documents.ts)
  | Msg<'functionaries.document.expired', { document: DocumentKind; date: string }>
  // the list's filters
  | Msg<'functionaries.filter.level'>
  | Msg<'functionaries.filter.period'>
  // the CSV import (csv.ts)
  | Msg<'functionaries.csv.columnTwice', { column: string }>
  | Msg<'functionaries.csv.missingColumns', { columns: readonly string[]; expected: readonly string[] }>
  | Msg<'functionaries.csv.cellCount', { cells: number; header: number }>
  | Msg<'functionaries.csv.unclosedQuote'>
  | Msg<'functionaries.csv.badQuote'>
  | Msg<'functionaries.csv.unreadable', { problem: string }>
  | Msg<'functionaries.csv.empty'>
  | Msg<'functionaries.csv.tooMany', { max: number }>
  | Msg<'functionaries.csv.sameEmail', { row: number }>
  | Msg<'functionaries.csv.type'>
  | Msg<'functionaries.csv.tooLarge'>
  | Msg<'functionaries.csv.rowsRefused'>
  | Msg<'functionaries.csv.raced'>

/** A person's papers with an expiry date. */
export type DocumentKind = 'travelDocument' | 'medicalFitness'

/** What a field of a person may be refused with. */
export type FunctionaryFieldMessage = FunctionaryMessage | FieldMessage

export type FunctionaryAuditAction =
  | 'functionary.created'
  | 'functionary.imported'
  | 'functionary.import_updated'
  | 'functionary.edited'
  | 'functionary.profile_edited'
  | 'functionary.deactivated'
  | 'functionary.reactivated'
