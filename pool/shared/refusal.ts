/** A decision that says no: what kind of no (it becomes the HTTP status) and why. */

export type RefusalKind = 'not_found' | 'forbidden' | 'conflict' | 'invalid'

export interface Refusal {
  ok: false
  error: RefusalKind
  message: string
}

export function refuse(error: RefusalKind, message: string): Refusal {
  return { ok: false, error, message }
}
