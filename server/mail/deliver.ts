/**
 * The outbox delivery pass, the same on both runtimes: claim a due message (guarded update, so
 * two passes never send one message at once), send it through the runtime's transport, mark it
 * sent; on failure keep it, log, and let the backoff of pool/mail.ts schedule the next attempt.
 */
import { claimMail, dueMail, markFailed, markSent } from '../../db/queries/outbox.ts'
import type { Db } from '../../db/types.ts'
import type { Mail } from '../../pool/shared/index.ts'

export interface DeliveryDeps {
  db: Db
  now: () => number
  log: (line: Record<string, unknown>) => void
}

/** Sends one message; throws when the server refuses it or cannot be reached. */
export type Send = (mail: Mail & { id: string }) => Promise<void>

/** One pass over the due messages; returns how many were sent. */
export async function deliverDue(d: DeliveryDeps, send: Send, limit = 20): Promise<number> {
  let sent = 0
  for (const mail of await dueMail(d.db, d.now(), limit)) {
    if (!(await claimMail(d.db, mail.id, mail.attempts, d.now()))) continue
    try {
      await send({
        id: mail.id,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        ...(mail.attachments?.length ? { attachments: mail.attachments } : {}),
      })
      await markSent(d.db, mail.id, d.now())
      sent++
      d.log({ level: 'info', mail: mail.id, event: 'sent', attempt: mail.attempts + 1 })
    } catch (err) {
      await markFailed(d.db, mail.id, (err as Error).message)
      d.log({
        level: 'warn',
        mail: mail.id,
        event: 'failed',
        attempt: mail.attempts + 1,
        error: (err as Error).message,
      })
    }
  }
  return sent
}

/** host, port, TLS and credentials from an `smtp://user:pass@host:port` or `smtps://…` URL. */
export function parseSmtpUrl(url: string) {
  const u = new URL(url)
  if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:')
    throw new Error(`SMTP_URL must be smtp:// or smtps://, not ${u.protocol}`)
  const secure = u.protocol === 'smtps:'
  return {
    host: u.hostname,
    port: Number(u.port || (secure ? 465 : 587)),
    secure,
    credentials: u.username
      ? { username: decodeURIComponent(u.username), password: decodeURIComponent(u.password) }
      : undefined,
  }
}

/** `CCPM <noreply@example.org>` → { name, email }; a bare address → { email }. */
export function parseAddress(from: string): { name?: string; email: string } {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from)
  return m ? { ...(m[1] ? { name: m[1] } : {}), email: m[2]! } : { email: from.trim() }
}
