/** Dutch for the messages of reading a field; tsc fails when a code of pool/shared/messages.ts is missing. */
import type { FieldMessage } from '../../../../pool/shared/index.ts'
import type { Catalogue } from '../../catalogue.ts'

export const fieldMessages: Catalogue<FieldMessage> = {
  'field.text': 'Vul hier tekst in.',
  'field.tooLong': (p, f) => `Gebruik hier hoogstens ${f.num(p.max)} tekens (nu ${f.num(p.length)}).`,
  'field.date': 'Vul een datum in als JJJJ-MM-DD, bijvoorbeeld 2026-09-06.',
  'field.codeList': 'Geef een lijst van taalcodes.',
  'field.unknownCodes': (p) =>
    `${p.codes.length > 1 ? 'Onbekende talen' : 'Onbekende taal'}: ${p.codes.join(', ')}.`,
  'field.yesNo': 'Antwoord met ja of nee.',
  'field.trueFalse': 'Antwoord met true of false.',
  'field.number': 'Geef een getal.',
  'field.wholeNumber': (p, f) => `Geef een geheel getal van 0 tot en met ${f.num(p.max)}.`,
  'field.endBeforeStart': 'De laatste dag kan niet vóór de eerste dag liggen.',
}
