/** Mails decided by pool/, rendered in each recipient's language before they are written to the outbox. */
import type { Mail, MailDecision } from '../../pool/shared/index.ts'
import { translatorFor } from '../../views/i18n/index.ts'

/** Subject and plain text from the recipient's catalogue; line breaks never reach a subject. */
export function renderMails(decisions: readonly MailDecision[]): Mail[] {
  return decisions.map((d) => {
    const { subject, text } = translatorFor(d.locale).mail(d.message)
    return { to: d.to, subject: subject.replace(/\s+/g, ' ').trim(), text }
  })
}
