/** English for the messages of reading a field (pool/shared/fields.ts): the reference every other language follows. */
import type { FieldMessage } from '../../../../pool/shared/index.ts'
import type { Catalogue } from '../../catalogue.ts'

const NOUN = { language: ['language', 'languages'] } as const

export const fieldMessages: Catalogue<FieldMessage> = {
  'field.text': 'Enter text here.',
  'field.tooLong': (p, f) => `Keep this to ${f.num(p.max)} characters (now ${f.num(p.length)}).`,
  'field.date': 'Enter a date as YYYY-MM-DD, for example 2026-09-06.',
  'field.codeList': (p) => `Give a list of ${NOUN[p.kind][0]} codes.`,
  'field.unknownCodes': (p) => `Unknown ${NOUN[p.kind][p.codes.length > 1 ? 1 : 0]}: ${p.codes.join(', ')}.`,
  'field.yesNo': 'Answer yes or no.',
  'field.trueFalse': 'Answer true or false.',
  'field.number': 'Give a number.',
  'field.wholeNumber': (p, f) => `Give a whole number from 0 to ${f.num(p.max)}.`,
  'field.endBeforeStart': 'The last day cannot be before the first day.',
}
