/**
 * The catalogues and the translator. A page asks `t(key, params)` for its own strings and `m(msg)`
 * for a message of pool/ (a refusal, a field error, a reason); mails and audit histories render
 * through the same tables. One translator per language, built once: tables, Intl objects and all.
 */
import type { AuditEvent, Msg } from '../../pool/shared/index.ts'
import type { AuditParams, Entry, MailText } from './catalogue.ts'
import { en, enMessages } from './en/index.ts'
import { type Fmt, makeFmt } from './format.ts'
import { nl, nlMessages } from './nl/index.ts'
import { pap, papMessages } from './pap/index.ts'

/** The languages a reader can choose, each named in itself. */
export const LOCALES = { en: 'English', nl: 'Nederlands', pap: 'Papiamentu' } as const
export type Locale = keyof typeof LOCALES
export type MessageKey = keyof typeof en
export type T = (key: MessageKey, params?: Record<string, string | number>) => string

export interface Translator {
  locale: Locale
  t: T
  /** A message of pool/ in this language. */
  m: (message: Msg) => string
  /** A mail of pool/ in this language: subject and plain text. */
  mail: (message: Msg) => MailText
  /** An audit event as a sentence of a history: "Esther Everts added leave 10–14 Sep 2026". */
  audit: (event: Pick<AuditEvent, 'action' | 'actorLabel' | 'before' | 'after'>) => string
  f: Fmt
}

const TABLES: Record<Locale, Readonly<Record<string, unknown>>> = {
  en: { ...en, ...enMessages },
  nl: { ...nl, ...nlMessages },
  pap: { ...pap, ...papMessages },
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && Object.hasOwn(LOCALES, value)
}

/** The first language of an `Accept-Language` header that we speak (by weight), else English. */
export function fromAcceptLanguage(header: string | undefined): Locale {
  if (!header) return 'en'
  let best: Locale = 'en'
  let weight = 0
  for (const part of header.split(',').slice(0, 20)) {
    const [tag = '', ...opts] = part.trim().split(';')
    const q = Number(/^q=([\d.]+)$/.exec(opts.find((o) => o.trim().startsWith('q='))?.trim() ?? '')?.[1] ?? 1)
    const base = tag.toLowerCase().split('-')[0]
    const locale = base === 'pap' ? 'pap' : base === 'nl' ? 'nl' : base === 'en' ? 'en' : null
    if (locale && q > weight) {
      best = locale
      weight = q
    }
  }
  return best
}

// (most strings have no parameter: they are returned as they are, without a regular expression)
const fill = (text: string, params: Readonly<Record<string, unknown>>) =>
  !text.includes('{')
    ? text
    : text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))

function build(locale: Locale): Translator {
  const table = TABLES[locale]
  const f = makeFmt(locale, table, String(table['list.and'] ?? 'and'))
  const render = (code: string, params: Readonly<Record<string, unknown>>): string => {
    const entry = (table[code] ?? TABLES.en[code]) as Entry<never> | undefined
    if (entry === undefined) return code
    return typeof entry === 'string' ? fill(entry, params) : entry(params as never, f)
  }
  return {
    locale,
    f,
    t: (key, params = {}) => render(key, params),
    m: (message) => render(message.code, message.params),
    mail(message) {
      const entry = (table[message.code] ?? TABLES.en[message.code]) as
        | ((p: unknown, f: Fmt) => MailText)
        | undefined
      if (typeof entry !== 'function') return { subject: message.code, text: message.code }
      return entry(message.params, f)
    },
    audit(event) {
      const lookup = (key: string) =>
        (table[key] ?? TABLES.en[key]) as ((p: AuditParams, f: Fmt) => string) | undefined
      const entry = lookup(`audit.${event.action}`) ?? lookup('audit.other')!
      return entry({ actor: event.actorLabel, before: event.before, after: event.after }, f)
    },
  }
}

const translators = new Map<Locale, Translator>()

/** The translator of `locale`, built on first use and kept. */
export function translatorFor(locale: Locale): Translator {
  let tr = translators.get(locale)
  if (!tr) {
    tr = build(locale)
    translators.set(locale, tr)
  }
  return tr
}

/** The page-string function of `locale` (views take it as `ctx.t`). */
export const translator = (locale: Locale): T => translatorFor(locale).t
