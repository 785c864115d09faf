/** Mails decided by pool/, rendered in each recipient's language before they are written to the outbox. */
import { type CalendarAttachment, renderCalendar } from '../../pool/assignments/index.ts'
import type { UiLocale } from '../../pool/reference/index.ts'
import type { Attachment, Mail, Msg } from '../../pool/shared/index.ts'
import { translatorFor } from '../../views/i18n/index.ts'

/** A mail as pool/ decides it; an attachment is a file already made, or a calendar entry to word. */
export interface Decided {
  to: string
  locale: UiLocale
  message: Msg
  attachments?: readonly (Attachment | CalendarAttachment)[]
}

/** Subject and plain text from the recipient's catalogue; line breaks never reach a subject; a calendar in their words. */
export function renderMails(decisions: readonly Decided[]): Mail[] {
  return decisions.map((d) => {
    const tr = translatorFor(d.locale)
    const { subject, text } = tr.mail(d.message)
    const mail: Mail = { to: d.to, subject: subject.replace(/\s+/g, ' ').trim(), text }
    if (d.attachments?.length)
      mail.attachments = d.attachments.map((a) =>
        'calendar' in a
          ? { filename: a.filename, contentType: a.contentType, content: renderCalendar(a, tr.m) }
          : a,
      )
    return mail
  })
}
