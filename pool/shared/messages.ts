/** The messages of reading a field (fields.ts), shared by every capability's input rules. */
import type { Msg } from './message.ts'

/** The kinds of code a list field may hold (`Reader.codes`). */
export type CodeKind = 'language'

export type FieldMessage =
  | Msg<'field.text'>
  | Msg<'field.tooLong', { max: number; length: number }>
  | Msg<'field.date'>
  | Msg<'field.codeList', { kind: CodeKind }>
  | Msg<'field.unknownCodes', { kind: CodeKind; codes: readonly string[] }>
  | Msg<'field.yesNo'>
  | Msg<'field.trueFalse'>
  | Msg<'field.number'>
  | Msg<'field.wholeNumber', { max: number }>
  | Msg<'field.endBeforeStart'>
