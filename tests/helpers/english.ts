/** pool/'s codes as an English reader gets them: the reference catalogue, for assertions that read like the page. */
import type { Mail, MailDecision, Msg } from '../../pool/shared/index.ts'
import { renderMails } from '../../server/services/mail.ts'
import { translatorFor } from '../../views/i18n/index.ts'

const en = translatorFor('en')

/** One message in English. */
export const english = (m: Msg): string => en.m(m)

/** Each field's message in English, keyed as the input is. */
export const englishFields = (errors: Readonly<Record<string, Msg>>): Record<string, string> =>
  Object.fromEntries(Object.entries(errors).map(([k, m]) => [k, en.m(m)]))

/** Mail decisions as the outbox would hold them, each in its recipient's language. */
export const rendered = (mails: readonly MailDecision[]): Mail[] => renderMails(mails)

/** A refusal's message in English, for `throw new Error(…)` in tests. */
export const why = (r: { message: Msg }): string => en.m(r.message)
