/** A decision that says no: what kind of no (it becomes the HTTP status) and why, as a message code. */
import type { Msg } from './message.ts'

export type RefusalKind = 'not_found' | 'forbidden' | 'conflict' | 'invalid'

/** What a refusal or a field error says: a code and its params, rendered by the reader's catalogue. */
export type Message = Msg

export interface Refusal<M extends Msg = Msg> {
  ok: false
  error: RefusalKind
  message: M
  /** Per-field messages of an `invalid` refusal, keyed as the input is (`title`, `needs.0.count`). */
  fields?: Record<string, M>
}

export function refuse<M extends Msg>(
  error: RefusalKind,
  message: M,
  fields?: Record<string, M>,
): Refusal<M> {
  return fields ? { ok: false, error, message, fields } : { ok: false, error, message }
}
