/**
 * The shape of a catalogue. An entry is a string with `{name}` placeholders, or a function of the
 * message's params and the reader's formatters (dates, numbers, plurals, names of codes). A
 * capability's messages (pool/<capability>/messages.ts) become a `Catalogue<…>`, so TypeScript
 * fails the build when a language lacks a code that pool/ can emit, or reads a param it lacks.
 */
import type { Msg, Params } from '../../pool/shared/index.ts'
import type { Fmt } from './format.ts'

export type Entry<P = Params> = string | ((p: P, f: Fmt) => string)

/** Every message of the union `M`, rendered: one entry per code, typed by that code's params. */
export type Catalogue<M extends Msg> = { readonly [K in M as K['code']]: Entry<K['params']> }

/** Page strings: labels and sentences the views use by key, with simple `{name}` params. */
export type Strings<K extends string> = { readonly [key in K]: Entry<Record<string, string | number>> }

/** A mail as a reader gets it: the subject and the complete plain text. */
export interface MailText {
  subject: string
  text: string
}
export type MailCatalogue<M extends Msg> = {
  readonly [K in M as K['code']]: (p: K['params'], f: Fmt) => MailText
}

/** How an audit event reads in a history: "Esther Everts added leave 10–14 Sep". */
export interface AuditParams {
  actor: string
  before: Readonly<Record<string, unknown>> | null
  after: Readonly<Record<string, unknown>> | null
}
export type AuditCatalogue<A extends string> = {
  readonly [K in A as `audit.${K}`]: (p: AuditParams, f: Fmt) => string
}

/** A message rendered by one catalogue, inside another entry (a list of reasons inside a refusal). */
export function sayIn<M extends Msg>(catalogue: Catalogue<M>, m: M, f: Fmt): string {
  const entry = (catalogue as Record<string, Entry<Params>>)[m.code]
  if (entry === undefined) return m.code
  return typeof entry === 'string'
    ? entry.replace(/\{(\w+)\}/g, (whole, name: string) =>
        name in m.params ? String(m.params[name]) : whole,
      )
    : entry(m.params, f)
}
