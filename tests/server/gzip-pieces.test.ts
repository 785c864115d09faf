/**
 * The gzip stream the page cache puts together (server/middleware/gzip-pieces.ts), by property:
 * whatever the text between the keys and whatever keys stand there, it decodes to that text with
 * those keys; a text with a NUL, or pieces that would not fit the first round trip, are refused.
 */
import { randomBytes } from 'node:crypto'
import { gunzipSync } from 'node:zlib'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { combine, crc32, lengthOperator } from '../../server/middleware/crc32.ts'
import { deflatePieces, gzipOf, zlib } from '../../server/middleware/gzip-pieces.ts'

const KEY = 24
const encoder = new TextEncoder()
const z = zlib!
const key = fc.stringMatching(/^[a-z0-9]{24}$/)
const text = fc.string({ unit: 'grapheme', maxLength: 400 }).filter((s) => !s.includes('\0'))
const row = (i: number) => `<tr><td><a href="/requests/r${i}">Water for The Bottom</a></td><td>`

describe('a CRC-32 combined from parts', () => {
  it('equals zlib’s CRC of the parts in a row', () => {
    const bytes = fc.uint8Array({ maxLength: 300 })
    fc.assert(
      fc.property(bytes, bytes, (a, b) => {
        const whole = new Uint8Array([...a, ...b])
        expect(crc32(a) >>> 0).toBe(a.length ? z.crc32(Buffer.from(a)) : 0)
        expect(combine(crc32(a), crc32(b), lengthOperator(b.length)) >>> 0).toBe(z.crc32(Buffer.from(whole)))
      }),
      { numRuns: 300 },
    )
    const long = randomBytes(70_000)
    expect(combine(crc32(long), crc32(long), lengthOperator(long.length)) >>> 0).toBe(
      z.crc32(Buffer.concat([long, long])),
    )
  })
})

describe('a gzip stream pieced together around one-time keys', () => {
  it('decodes to the pieces with the keys between them', () => {
    fc.assert(
      fc.property(
        fc.array(text, { minLength: 1, maxLength: 12 }),
        fc.array(key, { maxLength: 12 }),
        (texts, drawn) => {
          const pieces = texts.map((t) => encoder.encode(t))
          const keys = Array.from({ length: pieces.length - 1 }, (_, i) =>
            encoder.encode(drawn[i] ?? 'k'.repeat(KEY)),
          )
          const zipped = deflatePieces(pieces, KEY, z)
          expect(zipped).not.toBeNull()
          const sent = gunzipSync(gzipOf(zipped!, keys)).toString('utf8')
          expect(sent).toBe(
            texts.map((t, i) => t + (i < keys.length ? new TextDecoder().decode(keys[i]) : '')).join(''),
          )
        },
      ),
      { numRuns: 200 },
    )
  })

  it('pieces a page of 100 forms, each key as it is, and sends it again with other keys', () => {
    const texts = Array.from({ length: 101 }, (_, i) => `${row(i)}<input type="hidden" name="_key" value="`)
    const pieces = texts.map((t) => encoder.encode(t))
    const zipped = deflatePieces(pieces, KEY, z)!
    for (let sending = 0; sending < 2; sending++) {
      const keys = Array.from({ length: 100 }, () => encoder.encode(randomBytes(12).toString('hex')))
      const bytes = gzipOf(zipped, keys)
      const sent = gunzipSync(bytes).toString('utf8')
      expect(sent).toBe(texts.map((t, i) => t + (keys[i] ? new TextDecoder().decode(keys[i]) : '')).join(''))
      for (const k of keys) expect(Buffer.from(bytes).includes(Buffer.from(k))).toBe(true)
    }
  })

  it('refuses a text with a NUL, and pieces that would not fit the first round trip', () => {
    expect(deflatePieces([encoder.encode('a\0b'), encoder.encode('c')], KEY, z)).toBeNull()
    const noise = () => encoder.encode(randomBytes(12000).toString('base64'))
    expect(deflatePieces([noise(), noise()], KEY, z)).toBeNull()
    expect(deflatePieces([noise(), encoder.encode('<p>')], KEY, z)).not.toBeNull()
  })
})
