/**
 * Messages leave pool/ as codes with the values they name — never as sentences. The catalogues in
 * views/i18n render a code in the reader's language; the JSON API adds the English rendering.
 * Each capability declares its messages as a union of `Msg<code, params>` (its `messages.ts`),
 * so TypeScript checks both what pool/ emits and that every catalogue renders it.
 */

/** A value a message names: text, a number, a code, an ISO date, a list of codes or names. */
export type Scalar = string | number | boolean | null
/**
 * Mails name structured facts too (a request's needs, the changes of an edit): records of such
 * values, so that the recipient's catalogue can phrase them. Still data, never rendered text.
 */
export type Param = Scalar | readonly string[] | Data | readonly Data[]
export type Data = { readonly [key: string]: Param }
export type Params = Readonly<Record<string, Param>>

/** A type, not an interface: a message may itself be a value another message names (a list of reasons). */
export type Msg<C extends string = string, P extends Params = Params> = {
  readonly code: C
  readonly params: P
}

/** Builds a message; `params` may be left out when the message names no value. */
export function msg<C extends string>(code: C): Msg<C, Record<never, never>>
export function msg<C extends string, P extends Params>(code: C, params: P): Msg<C, P>
export function msg(code: string, params: Params = {}): Msg {
  return { code, params }
}

/** One message per field, keyed as the input is (`title`, `needs.0.count`). */
export type FieldErrors<M extends Msg = Msg> = Record<string, M>
