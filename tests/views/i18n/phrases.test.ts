/**
 * Every page of every role's navigation, read in Dutch and in Papiamentu, holds none of the English
 * catalogue's phrases of four words or more: whatever a reader sees comes from their catalogue.
 */
import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { navigation } from '../../../pool/access/index.ts'
import { USER_ROLES } from '../../../pool/reference/index.ts'
import { en, enMessages } from '../../../views/i18n/en/index.ts'
import { names } from '../../../views/i18n/en/names.ts'
import { pap } from '../../../views/i18n/pap/index.ts'
import { type TestApp, testApp } from '../../helpers/app.ts'
import { visibleText } from '../../helpers/text.ts'

/** A demo account for each role. */
const ACCOUNTS = {
  island: 'saba@demo.ccpm',
  coordinator: 'coordinator@demo.ccpm',
  dispatcher: 'dispatcher@demo.ccpm',
  functionary: 'functionary1@demo.ccpm',
  observer: 'observer@demo.ccpm',
  admin: 'admin@demo.ccpm',
} as const

/** Names of codes (islands, languages, hazards) are names, not phrases. */
const NAME_KEYS = new Set(Object.keys(names))

/** The runs of four words or more between an entry's placeholders. */
function fragments(text: string): string[] {
  return text
    .split(/\{\w+\}/)
    .map((part) => part.trim().replace(/^[\s,.:;–—-]+|[\s,.:;–—-]+$/g, ''))
    .filter((part) => part.split(/\s+/).filter(Boolean).length >= 4)
}

/** The English phrases, each with the key it comes from. */
const PHRASES: { key: string; phrase: string }[] = Object.entries({ ...en, ...enMessages })
  .filter(([key, entry]) => typeof entry === 'string' && !NAME_KEYS.has(key))
  .flatMap(([key, entry]) => fragments(entry as string).map((phrase) => ({ key, phrase })))

/**
 * Papiamentu page strings are being translated (the files say so with an UNTRANSLATED marker);
 * until a file loses its marker, its entries still equal to the English are left out for pap.
 */
const PAP_FILES = ['app', 'requests', 'functionaries', 'availability', 'alerts', 'names']
const pending = (() => {
  const marked = PAP_FILES.filter((f) =>
    readFileSync(new URL(`../../../views/i18n/pap/${f}.ts`, import.meta.url), 'utf8').includes(
      'UNTRANSLATED',
    ),
  )
  if (marked.length === 0) return new Set<string>()
  const untouched = Object.keys(pap).filter(
    (k) => (pap as Record<string, unknown>)[k] === (en as Record<string, unknown>)[k],
  )
  return new Set(untouched)
})()

let t: TestApp
const sessions: Partial<Record<(typeof USER_ROLES)[number], string>> = {}
beforeAll(async () => {
  t = await testApp()
  for (const role of USER_ROLES) sessions[role] = await t.login(ACCOUNTS[role])
})
afterAll(() => t.close())

it('has English phrases to look for, and finds them on English pages', async () => {
  expect(PHRASES.length).toBeGreaterThan(150)
  expect(PHRASES.map((p) => p.phrase)).toContain('Some fields need attention')
  const text = visibleText(await (await t.get('/me/availability', sessions.functionary)).text()).toLowerCase()
  expect(PHRASES.filter((p) => text.includes(p.phrase.toLowerCase())).map((p) => p.key)).toEqual(
    expect.arrayContaining(['app.title', 'period.intro.mine', 'period.none']),
  )
})

describe.each(['nl', 'pap'] as const)('in %s', (locale) => {
  const phrases = PHRASES.filter((p) => locale !== 'pap' || !pending.has(p.key))
  describe.each(USER_ROLES)('the navigation of %s', (role) => {
    it.each(navigation(role).map((item) => item.href))('%s shows no English phrase', async (href) => {
      const res = await t.get(href, `${sessions[role]}; ccpm_lang=${locale}`)
      expect(res.status).toBe(200)
      const text = visibleText(await res.text()).toLowerCase()
      const found = phrases.filter((p) => text.includes(p.phrase.toLowerCase()))
      expect(found).toEqual([])
    })
  })
})
