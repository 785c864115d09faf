/**
 * The pool register as a spreadsheet: CSV rows ↔ functionaries, and the plan of an import (what is
 * new, updated, unchanged, and why a row is refused) before anything is written. Papa Parse reads
 * and writes the CSV (quotes, newlines inside cells); this file only knows the columns.
 */
import Papa from 'papaparse'
import type { AuditEvent } from '../shared/audit.ts'
import type { Raw } from '../shared/fields.ts'
import { msg, type NamedActor } from '../shared/index.ts'
import { createFunctionary, editFunctionary } from './decisions.ts'
import {
  changedFields,
  type FunctionaryFields,
  type FunctionaryRecord,
  type FunctionaryRef,
  parseFunctionaryInput,
} from './input.ts'
import type { FunctionaryFieldMessage, FunctionaryMessage } from './messages.ts'

/** The columns, in the order the export writes them; the field each fills. */
export const COLUMNS = {
  name: 'name',
  email: 'email',
  phone: 'phone',
  base: 'base',
  organisation: 'organisation',
  roles: 'roles',
  languages: 'languages',
  remote_capable: 'remoteCapable',
  travel_document_expiry: 'travelDocumentExpiry',
  medical_fitness_expiry: 'medicalFitnessExpiry',
  notes: 'notes',
} as const satisfies Record<string, keyof FunctionaryFields>
export type Column = keyof typeof COLUMNS
export const COLUMN_NAMES = Object.keys(COLUMNS) as Column[]
export const REQUIRED_COLUMNS: readonly Column[] = ['name', 'email', 'base', 'roles']
const columnOf = Object.fromEntries(Object.entries(COLUMNS).map(([c, f]) => [f, c])) as Record<string, Column>

export const MAX_ROWS = 5000

/** Why a row is refused: the column at fault (as the file names it), when there is one, and the message. */
export interface RowProblem {
  column: Column | null
  message: FunctionaryFieldMessage
}

export interface CsvRow {
  /** As a spreadsheet numbers it: the header is row 1. */
  row: number
  cells: Partial<Record<Column, string>>
  errors: RowProblem[]
}

export interface CsvFile {
  delimiter: ',' | ';'
  columns: Column[]
  ignoredColumns: string[]
  fileErrors: FunctionaryMessage[]
  rows: CsvRow[]
}

const problem = (message: FunctionaryFieldMessage, column: Column | null = null): RowProblem => ({
  column,
  message,
})

/** Papa Parse's errors as codes: header-less parsing can give only quote errors. */
const papaMessage = (code: string): FunctionaryMessage =>
  code === 'MissingQuotes'
    ? msg('functionaries.csv.unclosedQuote')
    : code === 'InvalidQuotes'
      ? msg('functionaries.csv.badQuote')
      : msg('functionaries.csv.unreadable', { problem: code })

/**
 * Comma or semicolon (Dutch Excel writes semicolons), decided by the header line, which has no
 * quotes; UTF-8 with or without BOM. Empty lines are skipped but still counted, so row numbers
 * match what a spreadsheet shows.
 */
export function readCsv(text: string): CsvFile {
  const body = text.replace(/^\uFEFF/, '')
  const headerLine = body.split(/\r\n|\n|\r/, 1)[0] ?? ''
  const count = (ch: string) => headerLine.split(ch).length - 1
  const delimiter = count(';') > count(',') ? ';' : ','
  const parsed = Papa.parse<string[]>(body, { delimiter, header: false, skipEmptyLines: false })
  const [header = [], ...records] = parsed.data
  const names = header.map((h) =>
    h
      .trim()
      .toLowerCase()
      .replace(/[\s-]+/g, '_'),
  )
  const fileErrors: FunctionaryMessage[] = []
  const ignoredColumns = names.filter((n) => n !== '' && !(n in COLUMNS))
  const columns = names.filter((n): n is Column => n in COLUMNS)
  for (const c of new Set(columns))
    if (columns.indexOf(c) !== columns.lastIndexOf(c))
      fileErrors.push(msg('functionaries.csv.columnTwice', { column: c }))
  const missing = REQUIRED_COLUMNS.filter((c) => !columns.includes(c))
  if (missing.length)
    fileErrors.push(msg('functionaries.csv.missingColumns', { columns: missing, expected: COLUMN_NAMES }))
  const rows: CsvRow[] = []
  records.forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return
    const row: CsvRow = { row: i + 2, cells: {}, errors: [] }
    names.forEach((name, j) => {
      if (name in COLUMNS) row.cells[name as Column] = cells[j] ?? ''
    })
    const extra = cells.slice(names.length).filter((c) => c.trim() !== '')
    if (extra.length)
      row.errors.push(
        problem(msg('functionaries.csv.cellCount', { cells: cells.length, header: names.length })),
      )
    rows.push(row)
  })
  for (const e of parsed.errors) {
    const row = rows.find((r) => r.row === (e.row ?? -2) + 1)
    const message = papaMessage(e.code)
    if (row) row.errors.push(problem(message))
    else fileErrors.push(message)
  }
  if (!fileErrors.length && rows.length === 0) fileErrors.push(msg('functionaries.csv.empty'))
  if (rows.length > MAX_ROWS) fileErrors.push(msg('functionaries.csv.tooMany', { max: MAX_ROWS }))
  return { delimiter, columns, ignoredColumns, fileErrors, rows }
}

/** Undo the export's guard against spreadsheet formulas: `'=…`, `'+…`, `'-…`, `'@…`. */
const plainCell = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell).trim()
/** A line break inside a cell as `\n`, however the file (or a browser re-posting it) wrote it. */
const lines = (cell: string) => cell.replace(/\r\n?/g, '\n')

const YES = ['yes', 'y', 'ja', 'j', 'true', '1', 'x']
const NO = ['no', 'n', 'nee', 'false', '0', '']

/** A date as ISO, or as Dutch Excel rewrites one (15-3-2027); anything else goes on for the parser to refuse. */
function date(cell: string): string | null {
  const nl = /^(\d{1,2})-(\d{1,2})-(\d{4})$/.exec(cell)
  if (nl) return `${nl[3]}-${nl[2]!.padStart(2, '0')}-${nl[1]!.padStart(2, '0')}`
  return cell === '' ? null : cell
}

/** One row as parser input; a column the file lacks keeps the value on record (or the default for someone new). */
export function rowToInput(cells: CsvRow['cells'], previous?: FunctionaryFields): Raw {
  const input: Raw = previous ? { ...previous } : {}
  for (const [column, raw] of Object.entries(cells) as [Column, string][]) {
    const cell = lines(plainCell(raw))
    const field = COLUMNS[column]
    if (field === 'remoteCapable') {
      const v = cell.toLowerCase()
      input[field] = YES.includes(v) ? true : NO.includes(v) ? false : cell
    } else if (field === 'travelDocumentExpiry' || field === 'medicalFitnessExpiry') input[field] = date(cell)
    else input[field] = cell
  }
  return input
}

/** A person as one CSV row: lists joined with `|`, every language with its proficiency, so it reads back the same. */
export function recordToRow(r: FunctionaryFields): Record<Column, string> {
  return {
    name: r.name,
    email: r.email,
    phone: r.phone,
    base: r.base,
    organisation: r.organisation,
    roles: r.roles.map((x) => `${x.role}:${x.level}`).join('|'),
    languages: r.languages.map((x) => `${x.language}:${x.proficiency}`).join('|'),
    remote_capable: r.remoteCapable ? 'yes' : 'no',
    travel_document_expiry: r.travelDocumentExpiry ?? '',
    medical_fitness_expiry: r.medicalFitnessExpiry ?? '',
    notes: r.notes,
  }
}

/** The export: a header and one row per person. Cells that a spreadsheet would run as a formula get a leading `'`. */
export function toCsv(records: readonly FunctionaryFields[], delimiter: ',' | ';' = ','): string {
  const data = records.map((r) => COLUMN_NAMES.map((c) => recordToRow(r)[c]))
  return Papa.unparse({ fields: COLUMN_NAMES, data }, { delimiter, newline: '\r\n', escapeFormulae: true })
}

export type RowOutcome = 'new' | 'updated' | 'unchanged' | 'error'

export interface ImportRow {
  row: number
  email: string
  name: string
  outcome: RowOutcome
  errors: RowProblem[]
  /** Columns that change, for an update. */
  changed: Column[]
}

export interface ImportPlan {
  ok: boolean
  fileErrors: FunctionaryMessage[]
  ignoredColumns: string[]
  rows: ImportRow[]
  summary: Record<RowOutcome, number>
  creates: FunctionaryRecord[]
  updates: { before: FunctionaryRecord; after: FunctionaryRecord }[]
  events: AuditEvent[]
}

/**
 * What an import would do, row by row: a known e-mail updates that person (never a duplicate), an
 * unknown one adds someone; the same e-mail twice in one file is an error. With any error the plan
 * is not ok, and nothing of it may be written.
 */
export function planImport(
  text: string,
  ref: FunctionaryRef,
  existing: readonly FunctionaryRecord[],
  actor: NamedActor,
  ctx: { now: number; newId: () => string },
): ImportPlan {
  const file = readCsv(text)
  const byEmail = new Map(existing.map((f) => [f.email.toLowerCase(), f]))
  const seen = new Map<string, number>()
  const plan: ImportPlan = {
    ok: false,
    fileErrors: file.fileErrors,
    ignoredColumns: file.ignoredColumns,
    rows: [],
    summary: { new: 0, updated: 0, unchanged: 0, error: 0 },
    creates: [],
    updates: [],
    events: [],
  }
  for (const { row, cells, errors } of file.fileErrors.length ? [] : file.rows) {
    const email = plainCell(cells.email ?? '').toLowerCase()
    const line: ImportRow = {
      row,
      email,
      name: plainCell(cells.name ?? ''),
      outcome: 'error',
      errors,
      changed: [],
    }
    plan.rows.push(line)
    const first = seen.get(email)
    if (email && first !== undefined) errors.push(problem(msg('functionaries.csv.sameEmail', { row: first })))
    else if (email) seen.set(email, row)
    const previous = byEmail.get(email)
    const parsed = parseFunctionaryInput(rowToInput(cells, previous), ref, previous)
    if (!parsed.ok)
      for (const [field, message] of Object.entries(parsed.errors))
        errors.push(problem(message, columnOf[field] ?? null))
    if (errors.length || !parsed.ok) {
      plan.summary.error++
      continue
    }
    if (!previous) {
      const d = createFunctionary(parsed.value, actor, { ...ctx, action: 'functionary.imported' })
      if (!d.ok) return { ...plan, fileErrors: [d.message] }
      plan.creates.push(d.record)
      if (d.event) plan.events.push(d.event)
      line.outcome = 'new'
    } else {
      line.changed = changedFields(previous, parsed.value).map((f) => columnOf[f]!)
      const next = { ...parsed.value, active: previous.active }
      const d = editFunctionary(previous, next, actor, { ...ctx, action: 'functionary.import_updated' })
      if (!d.ok) return { ...plan, fileErrors: [d.message] }
      line.outcome = d.event ? 'updated' : 'unchanged'
      if (d.event) {
        plan.updates.push({ before: previous, after: d.record })
        plan.events.push(d.event)
      }
    }
    plan.summary[line.outcome]++
  }
  plan.ok = plan.fileErrors.length === 0 && plan.summary.error === 0
  return plan
}
