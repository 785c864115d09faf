/**
 * The messages of pool/ (and the few that server/ builds) in the reader's language, for HTML pages.
 *
 * pool/ is pure and answers in English: the JSON API, the mails and hundreds of tests read those
 * sentences. Rather than thread a locale through every rule, the pages translate the sentence
 * itself: an exact table first, then patterns for sentences with values in them. A message made
 * of several sentences (readyToSubmit's list, one sentence per person who cannot be alerted) is
 * translated sentence by sentence. What is not known stays English, never an error;
 * tests/views/domain-i18n.test.ts fails when pool/ gains a sentence that is not here.
 */
import { pool } from './domain/pool.ts'
import { requests } from './domain/requests.ts'
import { server } from './domain/server.ts'
import type { Rule, Table } from './domain/words.ts'
import type { Locale } from './index.ts'

const TABLES: readonly Table[] = [requests, pool, server]
const EXACT: ReadonlyMap<string, string> = new Map(TABLES.flatMap((t) => Object.entries(t.exact)))

/** A CSV row error, "email: Enter the e-mail address.": the column as the file names it, the message translated. */
const COLUMN: Rule = [
  /^([a-z][a-z_]*): (.+)$/s,
  (column, message) => (untranslated(message).length ? null : `${column}: ${translate(message)}`),
]
const RULES: readonly Rule[] = [...TABLES.flatMap((t) => t.rules), COLUMN]

/** At most this many pieces (split at ". ") make one sentence: a name like "J. R. Smith" is three. */
const MAX_PIECES = 6

/** One sentence in Dutch, or null when it is not known. */
function sentence(text: string): string | null {
  const exact = EXACT.get(text)
  if (exact !== undefined) return exact
  for (const [pattern, build] of RULES) {
    const m = pattern.exec(text)
    const out = m ? build(...m.slice(1)) : null
    if (out !== null) return out
  }
  return null
}

interface Reading {
  /** Pieces left in English: fewer is better. */
  english: number
  /** Sentences: more is better, so "A. B." is two sentences even when a pattern would take both. */
  sentences: number
  /** Each sentence with the space that stood before it, its English and its Dutch (null: not known). */
  out: { gap: string; text: string; nl: string | null }[]
}

/**
 * Splits after every ". ", "? " or "! " and joins pieces back where only the joined text is a
 * known sentence (a full stop inside a name or after "- ."). Dynamic programming over the pieces.
 */
function read(message: string): Reading {
  const tokens = message.split(/(?<=[.?!])(\s+)/)
  const pieces = tokens.filter((_, i) => i % 2 === 0)
  const gaps = tokens.filter((_, i) => i % 2 === 1)
  const best: Reading[] = [{ english: 0, sentences: 0, out: [] }]
  for (let end = 1; end <= pieces.length; end++) {
    let choice: Reading | undefined
    for (let start = Math.max(0, end - MAX_PIECES); start < end; start++) {
      const text = pieces.slice(start, end).reduce((acc, p, k) => acc + gaps[start + k - 1] + p)
      const nl = sentence(text)
      if (nl === null && end - start > 1) continue // an unknown piece stays English on its own
      const before = best[start]!
      const next: Reading = {
        english: before.english + (nl === null ? 1 : 0),
        sentences: before.sentences + 1,
        out: [...before.out, { gap: start === 0 ? '' : gaps[start - 1]!, text, nl }],
      }
      if (
        !choice ||
        next.english < choice.english ||
        (next.english === choice.english && next.sentences > choice.sentences)
      )
        choice = next
    }
    best[end] = choice!
  }
  return best[pieces.length]!
}

function translate(message: string): string {
  return read(message)
    .out.map((part) => part.gap + (part.nl ?? part.text))
    .join('')
}

/** The message for a page in `locale`: Dutch when known, otherwise as pool/ wrote it. */
export function localise(locale: Locale, message: string): string {
  if (locale === 'en' || message.trim() === '') return message
  return translate(message)
}

/** The sentences of `message` that have no Dutch yet (empty when all do); for the completeness tests. */
export function untranslated(message: string): string[] {
  if (message.trim() === '') return []
  return read(message)
    .out.filter((part) => part.nl === null)
    .map((part) => part.text)
}
