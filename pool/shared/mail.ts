/**
 * Mails: pool/ decides who gets what, in which language, as a message code with its params; the
 * services render it with that language's catalogue (subject and a plain text complete enough to
 * act on from a phone on a weak link) before it is written to the outbox.
 */
import { PROFICIENCIES, type Proficiency, UI_LOCALES, type UiLocale } from '../reference/codes.ts'
import type { Msg } from './message.ts'

/** A file sent along with a mail (an invitation, a printable summary). */
export interface Attachment {
  filename: string
  contentType: string
  content: string
}

/** A mail as the domain decides it: recipient, their language, what to say. */
export interface MailDecision<M extends Msg = Msg> {
  to: string
  locale: UiLocale
  message: M
  attachments?: Attachment[]
}

/** A mail as rendered for the outbox: what the transport sends. */
export interface Mail {
  to: string
  subject: string
  text: string
  html?: string
  attachments?: Attachment[]
}

/** Someone mail goes to: an address, and the language of their account when they have one. */
export interface Addressee {
  email: string
  locale: string | null
}

const isUiLocale = (v: unknown): v is UiLocale => (UI_LOCALES as readonly unknown[]).includes(v)

/**
 * The language to write to someone in: their account's choice; without an account, the one of
 * en/nl/pap they speak best; when two of those are spoken equally well (or none is), English.
 */
export function mailLocale(
  account: string | null | undefined,
  languages: readonly { language: string; proficiency: Proficiency }[] = [],
): UiLocale {
  if (isUiLocale(account)) return account
  const rank = (p: Proficiency) => PROFICIENCIES.indexOf(p)
  const ours = languages.filter((l) => isUiLocale(l.language))
  if (ours.length === 0) return 'en'
  const best = Math.max(...ours.map((l) => rank(l.proficiency)))
  const top = ours.filter((l) => rank(l.proficiency) === best)
  return top.length === 1 ? (top[0]!.language as UiLocale) : 'en'
}

/** One decision per distinct address (trimmed, blanks skipped), each in its reader's language. */
export function mailTo<M extends Msg>(to: readonly Addressee[], message: M): MailDecision<M>[] {
  const seen = new Set<string>()
  const out: MailDecision<M>[] = []
  for (const a of to) {
    const address = a.email.trim()
    if (!address || seen.has(address)) continue
    seen.add(address)
    out.push({ to: address, locale: mailLocale(a.locale), message })
  }
  return out
}

/**
 * Retry schedule of the outbox: 30 s, 1 min, 2 min, then every 3 min; a mail is never given up
 * on. Capped low because after an outage every waiting mail should go soon (and the delivery loop
 * sends all waiting mail at once when the server answers again).
 */
export const MAX_RETRY_DELAY = 180_000
export function nextAttemptDelay(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), MAX_RETRY_DELAY)
}
