import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { COMMON_PASSWORDS } from '../../../pool/accounts/common-passwords.ts'
import { deviceOf, isCommonPassword, passwordProblem } from '../../../pool/accounts/index.ts'

const code = (pw: string, ctx?: { email?: string; name?: string }) => passwordProblem(pw, ctx)?.code ?? null

describe('password rules', () => {
  const table: [string, string | null][] = [
    ['short', 'accounts.password.short'],
    ['elevenchars', 'accounts.password.short'],
    ['password1234', 'accounts.password.common'],
    ['Password1234!', 'accounts.password.common'],
    ['qwertyuiop123', 'accounts.password.common'],
    ['monkeymonkey', 'accounts.password.common'],
    ['aaaaaaaaaaaaaa', 'accounts.password.common'],
    ['1qaz2wsx3edc', 'accounts.password.common'],
    ['correct horse battery', null],
    ['hurricane-season-on-saba', null],
    ['lowercaseonlyisfine', null], // no composition rules
  ]
  it.each(table)('%s → %s', (pw, expected) => {
    expect(code(pw)).toBe(expected)
  })

  it('refuses the account’s own name or address', () => {
    expect(code('nina.hooiberg@example.org', { email: 'nina.hooiberg@example.org' })).toBe(
      'accounts.password.personal',
    )
    expect(code('ninahooiberg2026', { name: 'Nina Hooiberg' })).toBe('accounts.password.personal')
    expect(code('nina sails to saba', { name: 'Nina Hooiberg' })).toBe(null)
  })

  it('ships a list of thousands of common passwords, one per line, found as typed in any case', () => {
    const list = COMMON_PASSWORDS.split('\n')
    expect(list.length).toBeGreaterThan(10_000)
    expect(isCommonPassword('QWERTY123456')).toBe(true)
    expect(isCommonPassword('iloveyou')).toBe(true)
  })

  it('any password shorter than 12 characters is refused, whatever it is (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 11, unit: 'grapheme-ascii' }), (pw) => {
        expect(code(pw)).toBe('accounts.password.short')
      }),
    )
  })

  it('four random words of the list joined by spaces are accepted (property)', () => {
    const words = COMMON_PASSWORDS.split('\n').filter((w) => /^[a-z]{5,}$/.test(w))
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 4, maxLength: 4 }), (parts) => {
        fc.pre(new Set(parts).size === 4)
        expect(code(parts.join(' '))).toBe(null)
      }),
    )
  })
})

describe('deviceOf', () => {
  it.each([
    [
      'Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36',
      'Chrome',
      'Android',
    ],
    [
      'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Version/17.5 Mobile/15E148 Safari/604.1',
      'Safari',
      'iOS',
    ],
    [
      'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/126.0 Safari/537.36 Edg/126.0',
      'Edge',
      'Windows',
    ],
    ['Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0', 'Firefox', 'Linux'],
    ['', null, null],
  ])('%s', (ua, browser, os) => {
    expect(deviceOf(ua)).toEqual({ browser, os })
  })
})
