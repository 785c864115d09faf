/** CSV import and export of the pool: as Dutch Excel writes it, row errors with their numbers, re-import, round trip. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  type FunctionaryRecord,
  planImport,
  type RowProblem,
  readCsv,
  toCsv,
} from '../../../pool/functionaries/index.ts'
import { anna, newTestId, poolRef } from '../../fixtures/pool.ts'
import { actors, NOW } from '../../fixtures/requests.ts'
import { english } from '../../helpers/english.ts'

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8')
const plan = (text: string, existing: FunctionaryRecord[] = []) =>
  planImport(text, poolRef, existing, actors.dutyOfficer, { now: NOW, newId: newTestId })
/** A row's problems as the preview shows them in English: "email: Enter a valid e-mail address …". */
const said = (errors: readonly RowProblem[]) =>
  errors.map((e) => `${e.column ? `${e.column}: ` : ''}${english(e.message)}`)
const HEADER =
  'name,email,phone,base,organisation,roles,languages,remote_capable,travel_document_expiry,medical_fitness_expiry,notes'

describe('reading a file as Dutch Excel saves it (semicolons, BOM, CRLF, d-m-yyyy dates)', () => {
  const text = fixture('pool-dutch-excel.csv')

  it('is read with its BOM, semicolons and a quoted cell over two lines; the empty row is skipped', () => {
    expect(text.charCodeAt(0)).toBe(0xfeff)
    const file = readCsv(text)
    expect(file).toMatchObject({ delimiter: ';', fileErrors: [], ignoredColumns: [] })
    expect(file.rows.map((r) => r.row)).toEqual([2, 3])
    expect(file.rows[0]!.cells.name).toBe('Marieke de Wit')
    expect(file.rows[0]!.cells.notes).toBe(
      'Was on Sint Maarten after Irma.\r\nSpeaks at briefings; ask for "Mar".',
    )
  })

  it('plans two new people with lists, dates and yes/no read the Dutch way', () => {
    const p = plan(text)
    expect(p.ok).toBe(true)
    expect(p.summary).toEqual({ new: 2, updated: 0, unchanged: 0, error: 0 })
    const [marieke, jose] = p.creates
    expect(marieke).toMatchObject({
      email: 'marieke.dewit@example.nl',
      roles: [
        { role: 'information_manager', level: 'senior' },
        { role: 'plotter', level: 'qualified' },
      ],
      languages: [
        { language: 'en', proficiency: 'fluent' },
        { language: 'nl', proficiency: 'native' },
      ],
      remoteCapable: true,
      travelDocumentExpiry: '2028-03-15',
      medicalFitnessExpiry: '2027-12-01',
      notes: 'Was on Sint Maarten after Irma.\nSpeaks at briefings; ask for "Mar".',
    })
    expect(jose).toMatchObject({
      name: 'José Hernández',
      organisation: 'Brandweer Curaçao',
      remoteCapable: false,
      medicalFitnessExpiry: null,
      languages: [
        { language: 'en', proficiency: 'working' },
        { language: 'es', proficiency: 'fluent' },
        { language: 'pap', proficiency: 'working' },
      ],
    })
    expect(p.events.map((e) => e.action)).toEqual(['functionary.imported', 'functionary.imported'])
  })
})

describe('row errors: the row number as a spreadsheet shows it (header = 1), and the reason', () => {
  const p = plan(fixture('pool-bad-rows.csv'))

  it('names a bad e-mail, an unknown role and a duplicate e-mail, and lets nothing through', () => {
    expect(p.ok).toBe(false)
    const errors = Object.fromEntries(
      p.rows.filter((r) => r.errors.length).map((r) => [r.row, said(r.errors).join(' ')]),
    )
    expect(errors).toEqual({
      3: expect.stringMatching(/^email: Enter a valid e-mail address/),
      4: 'roles: Unknown role: harbour_master.',
      5: 'The same e-mail address as row 2.',
    })
    expect(p.summary).toEqual({ new: 2, updated: 0, unchanged: 0, error: 3 })
  })

  it('counts a quoted cell over several lines as one row', () => {
    const text = `${HEADER}\nA,a@example.nl,,NL,,plotter:senior,,,,,"three\nline\nnote"\nB,b@example,,NL,,plotter:senior,,,,,\n`
    expect(plan(text).rows.find((r) => r.errors.length)).toMatchObject({ row: 3, email: 'b@example' })
  })

  it.each([
    ['name,email,roles\nA,a@x.nl,plotter:senior', /lacks the column base/],
    ['name,email,base,roles,email\nA,a@x.nl,NL,plotter:senior,a@x.nl', /email appears twice/],
    ['name,email,base,roles\n', /no rows below the header/],
  ])('refuses a whole file whose header is wrong or which is empty: %j', (text, message) => {
    const p = plan(text)
    expect(p.ok).toBe(false)
    expect(p.fileErrors.map(english).join(' ')).toMatch(message)
    expect(p.creates).toEqual([])
  })

  it('ignores (and names) a column it does not know, and flags a row with more cells than the header', () => {
    const p = plan(
      'name,email,base,roles,checked\nA,a@x.nl,NL,plotter:senior,yes\nB,b@x.nl,NL,plotter:senior,no,extra',
    )
    expect(p.ignoredColumns).toEqual(['checked'])
    expect(p.rows[1]!.errors).toEqual([
      { column: null, message: { code: 'functionaries.csv.cellCount', params: { cells: 6, header: 5 } } },
    ])
    expect(said(p.rows[1]!.errors)).toEqual(['This row has 6 cells; the header has 5.'])
  })

  it('reports an unclosed quote at its row', () => {
    const p = plan('name,email,base,roles\nA,a@x.nl,NL,plotter:senior\nB,b@x.nl,NL,"plotter:senior\n')
    expect(said(p.rows.find((r) => r.row === 3)!.errors)).toContain('A quoted cell is not closed.')
  })
})

describe('re-import', () => {
  it('updates by e-mail (in any case) instead of adding someone twice, and names the changed columns', () => {
    const text = `name,email,base,roles,phone\nAnna de Vries,ANNA.DEVRIES@example.nl,NL,information_manager:senior|plotter:senior,+31 6 12345678`
    const p = plan(text, [anna])
    expect(p.summary).toEqual({ new: 0, updated: 1, unchanged: 0, error: 0 })
    expect(p.creates).toEqual([])
    expect(p.rows[0]!.changed).toEqual(['roles'])
    expect(p.updates[0]!.after).toMatchObject({ id: anna.id, version: anna.version + 1, notes: anna.notes })
    expect(p.events[0]).toMatchObject({ action: 'functionary.import_updated', entityId: anna.id })
  })

  it('keeps what the file has no column for: languages, documents, notes', () => {
    const p = plan(
      'name,email,base,roles\nAnna de Vries,anna.devries@example.nl,NL,information_manager:senior|plotter:qualified',
      [anna],
    )
    expect(p.summary.unchanged).toBe(1)
    expect(p.updates).toEqual([])
  })
})

describe('export', () => {
  const tricky: FunctionaryRecord = {
    ...anna,
    id: 'f-tricky',
    name: '=HYPERLINK("http://evil.example")',
    email: 'tricky@example.nl',
    organisation: 'Fire, Rescue; and "Relief"',
    notes: 'two\nlines',
    travelDocumentExpiry: null,
    remoteCapable: false,
    languages: [],
  }

  it('writes the import columns, lists with |, and guards cells a spreadsheet would run as a formula', () => {
    const csv = toCsv([anna, tricky])
    const [header, first] = csv.split('\r\n')
    expect(header).toBe(HEADER)
    expect(first).toBe(
      'Anna de Vries,anna.devries@example.nl,"\'+31 6 12345678",NL,Veiligheidsregio Zeeland,' +
        'information_manager:senior|plotter:qualified,en:fluent|nl:native,yes,2030-05-01,2027-11-30,',
    )
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"")"`)
  })

  for (const delimiter of [',', ';'] as const) {
    it(`imports back unchanged (${delimiter})`, () => {
      const p = plan(`\uFEFF${toCsv([anna, tricky], delimiter)}`, [anna, tricky])
      expect(p.fileErrors).toEqual([])
      expect(p.rows.flatMap((r) => r.errors)).toEqual([])
      expect(p.summary).toEqual({ new: 0, updated: 0, unchanged: 2, error: 0 })
    })

    it(`into an empty register gives the same people (${delimiter})`, () => {
      const p = plan(toCsv([anna, tricky], delimiter))
      const strip = ({ id: _i, version: _v, ...rest }: FunctionaryRecord) => rest
      expect(p.creates.map(strip)).toEqual([anna, tricky].map(strip))
    })
  }
})
