/**
 * The CSV export guards every cell that a spreadsheet could run as a formula: one that starts
 * with `=`, `+`, `-`, `@`, tab or CR gets a leading `'`, whatever follows, line breaks included.
 */
import fc from 'fast-check'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { type FunctionaryRecord, planImport, toCsv } from '../../../pool/functionaries/index.ts'
import { anna, newTestId, poolRef } from '../../fixtures/pool.ts'
import { actors, NOW } from '../../fixtures/requests.ts'

const cellsOf = (csv: string) => Papa.parse<string[]>(csv, { header: false }).data[1]!
const NOTES = 10 // the notes column

describe('formula guard of the export', () => {
  it.each(['=', '+', '-', '@', '\t', '\r'])('guards a multi-line cell starting with %j', (start) => {
    const notes = `${start}1+1\nsecond line`
    const cells = cellsOf(toCsv([{ ...anna, notes }]))
    expect(cells[NOTES]).toBe(`'${notes}`)
  })

  it('guards "=1+1\\nsecond line" (the case Papa Parse’s own guard let through)', () => {
    const csv = toCsv([{ ...anna, notes: '=1+1\nsecond line' }])
    expect(csv).toContain(`"'=1+1\nsecond line"`)
    expect(csv).not.toMatch(/[,;]"?=1\+1/)
  })

  it('leaves other cells as they are', () => {
    const cells = cellsOf(toCsv([{ ...anna, notes: 'Plain\n=not at the start' }]))
    expect(cells[NOTES]).toBe('Plain\n=not at the start')
  })

  it('no exported cell ever starts with a formula character (property)', () => {
    const start = fc.constantFrom('=', '+', '-', '@', '\t', '\r', 'a', ' ', '\n')
    const text = fc.tuple(
      start,
      fc.string({ maxLength: 20 }),
      fc.constantFrom('', '\n', '\r\n'),
      fc.string({ maxLength: 20 }),
    )
    fc.assert(
      fc.property(text, text, ([a, b, c, d], [e, f, g, h]) => {
        const record: FunctionaryRecord = { ...anna, notes: a + b + c + d, organisation: e + f + g + h }
        for (const cell of cellsOf(toCsv([record]))) expect(/^[=+\-@\t\r]/.test(cell)).toBe(false)
      }),
    )
  })

  it('imports a guarded multi-line cell back as it was', () => {
    const record = { ...anna, notes: '=1+1\nsecond line', organisation: '@Zeeland' }
    const p = planImport(toCsv([record]), poolRef, [record], actors.dutyOfficer, {
      now: NOW,
      newId: newTestId,
    })
    expect(p.rows.flatMap((r) => r.errors)).toEqual([])
    expect(p.summary).toEqual({ new: 0, updated: 0, unchanged: 1, error: 0 })
  })
})
