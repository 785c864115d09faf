/** Papiamentu for the messages of reading a field; tsc fails when a code of pool/shared/messages.ts is missing. */
import type { FieldMessage } from '../../../../pool/shared/index.ts'
import type { Catalogue } from '../../catalogue.ts'

export const fieldMessages: Catalogue<FieldMessage> = {
  'field.text': 'Skirbi teksto akinan.',
  'field.tooLong': (p, f) => `Usa maksimo ${f.num(p.max)} karakter akinan (awor ${f.num(p.length)}).`,
  'field.date': 'Skirbi un fecha manera AAAA-MM-DD, por ehèmpel 2026-09-06.',
  'field.codeList': 'Duna un lista di kódigo di idioma.',
  'field.unknownCodes': (p) =>
    `${p.codes.length > 1 ? 'Idiomanan deskonosí' : 'Idioma deskonosí'}: ${p.codes.join(', ')}.`,
  'field.yesNo': 'Kontestá sí òf no.',
  'field.trueFalse': 'Kontestá true òf false.',
  'field.number': 'Duna un number.',
  'field.wholeNumber': (p, f) => `Duna un number entero di 0 te ku ${f.num(p.max)}.`,
  'field.endBeforeStart': 'E último dia no por ta promé ku e promé dia.',
}
