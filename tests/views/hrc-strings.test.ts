/** The HRC page strings in Dutch and Papiamentu: real translations with the same placeholders as the English. */
import { describe, expect, it } from 'vitest'
import { hrcStrings as en } from '../../views/i18n/en/hrc.ts'
import { hrcStrings as nl } from '../../views/i18n/nl/hrc.ts'
import { hrcStrings as pap } from '../../views/i18n/pap/hrc.ts'

const params = (s: unknown) => [...String(s).matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

/** Entries that are the same words in the other language (numbers and units, loanwords). */
const SAME: Record<string, readonly string[]> = {
  nl: ['hrc.load', 'hrc.unit.code', 'hrc.unit.leaderEmail', 'hrc.dispatch.status'],
  pap: ['hrc.load', 'hrc.unit.leaderEmail', 'hrc.threat.number'], // "number" is Papiamentu too
}

describe.each([
  ['nl', nl],
  ['pap', pap],
] as const)('the %s HRC page strings', (lang, table) => {
  it('name the same placeholders as the English', () => {
    for (const [key, text] of Object.entries(en))
      expect(params(table[key as keyof typeof en]), key).toEqual(params(text))
  })

  it('are translations, not copies of the English', () => {
    const copies = Object.keys(en).filter((k) => table[k as keyof typeof en] === en[k as keyof typeof en])
    expect(copies.sort()).toEqual([...SAME[lang]!].sort())
  })
})
