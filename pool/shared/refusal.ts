/** A decision that says no: what kind of no (it becomes the HTTP status) and why, as a message code. */
import type { Msg } from './message.ts'

export type RefusalKind = 'not_found' | 'forbidden' | 'conflict' | 'invalid'

/**
 * What a refusal or field error says. TRANSITIONAL: `string` is the English sentence of code not
 * yet converted to message codes; it goes once every capability returns `Msg`.
 */
export type Message = Msg | string

/** TRANSITIONAL default `string`: new code writes `Refusal<Msg>`; the default becomes `Msg`. */
export interface Refusal<M extends Message = string> {
  ok: false
  error: RefusalKind
  message: M
  /** Per-field messages of an `invalid` refusal, keyed as the input is (`title`, `needs.0.count`). */
  fields?: Record<string, M>
}

export function refuse<M extends Message>(
  error: RefusalKind,
  message: M,
  fields?: Record<string, M>,
): Refusal<M> {
  return fields ? { ok: false, error, message, fields } : { ok: false, error, message }
}
