/** Parameters written into SQL for `wrangler d1 execute --command` (db/wrangler-d1.ts): quoted, never spliced. */
import { describe, expect, it } from 'vitest'
import { inline, literal } from '../../db/wrangler-d1.ts'

describe('inline', () => {
  it('writes each kind of parameter as a literal', () => {
    expect(literal(null)).toBe('NULL')
    expect(literal(undefined)).toBe('NULL')
    expect(literal(42)).toBe('42')
    expect(literal(-1.5)).toBe('-1.5')
    expect(literal(true)).toBe('1')
    expect(literal(false)).toBe('0')
    expect(literal("O'Neil; drop table users; --")).toBe("'O''Neil; drop table users; --'")
    expect(literal(new Uint8Array([0, 255]))).toBe("X'00ff'")
    expect(() => literal(Number.NaN)).toThrow()
    expect(() => literal('a\0b')).toThrow()
  })

  it('replaces only the placeholders outside quotes, in order', () => {
    expect(inline(`select '?', "a?b" from t where x = ? and y = ?`, ["it's", 3])).toBe(
      `select '?', "a?b" from t where x = 'it''s' and y = 3`,
    )
    expect(inline(`select 'it''s ?' where a = ?`, [1])).toBe(`select 'it''s ?' where a = 1`)
    expect(() => inline('select ?', [])).toThrow(/more placeholders/)
    expect(() => inline('select 1', [1])).toThrow(/more parameters/)
  })
})
