/** Every reason, flag and shortfall message reads in Dutch and Papiamentu, not as its code nor as the English. */
import { describe, expect, it } from 'vitest'
import { matching } from '../../../views/i18n/en/messages/matching.ts'
import { translatorFor } from '../../../views/i18n/index.ts'

/** Sample params wide enough for every entry: each reads only its own. */
const PARAMS = {
  role: 'plotter',
  level: 'trainee',
  minLevel: 'qualified',
  missing: ['pap'],
  weak: ['es'],
  island: 'SA',
  start: '2026-09-10',
  end: '2026-09-14',
  reason: 'leave',
  date: '2026-09-03',
  count: 2,
  qualified: 5,
}

describe('catalogues of matching', () => {
  const [en, nl, pap] = (['en', 'nl', 'pap'] as const).map((l) => translatorFor(l))
  it.each(Object.keys(matching))('%s', (code) => {
    const english = en!.m({ code, params: PARAMS })
    expect(english).not.toBe(code)
    for (const t of [nl!, pap!]) {
      const text = t.m({ code, params: PARAMS })
      expect(text).not.toBe(code)
      expect(text).not.toBe(english)
      expect(text).not.toMatch(/undefined|\{\w+\}/)
    }
  })
})
