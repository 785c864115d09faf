/**
 * The plain-JavaScript PBKDF2-HMAC-SHA256 that verifies old 600,000-iteration hashes on hosted
 * Workers: the published SHA-256 vectors (RFC 7914 §11, and the RFC 6070 inputs with SHA-256),
 * and random passwords, salts, counts and lengths against Node's native crypto.pbkdf2Sync.
 */
import { pbkdf2Sync } from 'node:crypto'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { pbkdf2Sha256 } from '../../../server/auth/pbkdf2.ts'

const hex = (b: Uint8Array) => Buffer.from(b).toString('hex')
const bytes = (s: string) => new TextEncoder().encode(s)

describe('pbkdf2Sha256', () => {
  it.each([
    // RFC 7914 §11
    [
      'passwd',
      'salt',
      1,
      64,
      '55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783',
    ],
    [
      'Password',
      'NaCl',
      80_000,
      64,
      '4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d',
    ],
    // the RFC 6070 inputs, with SHA-256
    ['password', 'salt', 1, 32, '120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b'],
    ['password', 'salt', 2, 32, 'ae4d0c95af6b46d32d0adff928f06dd02a303f8ef3c251dfd6e2d85a95474c43'],
    ['password', 'salt', 4096, 32, 'c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a'],
    [
      'passwordPASSWORDpassword',
      'saltSALTsaltSALTsaltSALTsaltSALTsalt',
      4096,
      40,
      '348c89dbcbd32b2f32d814b8116e84cf2b17347ebc1800181c4e2a1fb8dd53e1c635518c7dac47e9',
    ],
    ['pass\0word', 'sa\0lt', 4096, 16, '89b69d0516f829893c696226650a8687'],
  ])('%s / %s, %i iterations, %i bytes', (password, salt, iterations, length, expected) => {
    expect(hex(pbkdf2Sha256(bytes(password), bytes(salt), iterations, length))).toBe(expected)
  })

  it('equals crypto.pbkdf2Sync on random inputs (keys longer than a block included)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 150 }),
        fc.uint8Array({ maxLength: 80 }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: 1, max: 100 }),
        (password, salt, iterations, length) => {
          expect(hex(pbkdf2Sha256(password, salt, iterations, length))).toBe(
            pbkdf2Sync(password, salt, iterations, length, 'sha256').toString('hex'),
          )
        },
      ),
      { numRuns: 300 },
    )
  })

  it('refuses a count that is not a positive whole number', () => {
    expect(() => pbkdf2Sha256(bytes('a'), bytes('b'), 0, 32)).toThrow(/iterations/)
  })
})
