/**
 * Delivery of the outbox over SMTP with nodemailer. Node-only: the Worker never imports this file.
 * A message is claimed (guarded update), sent, then marked sent; a failure is logged and retried
 * with backoff (pool/mail.ts), never dropped, and never reaches the user action that queued it.
 */
import nodemailer from 'nodemailer'
import { claimMail, dueMail, markFailed, markSent } from '../../db/queries/outbox.ts'
import type { Db } from '../../db/types.ts'

export interface Delivery {
  db: Db
  smtpUrl: string
  from: string
  now: () => number
  log: (line: Record<string, unknown>) => void
}

export function createTransport(smtpUrl: string) {
  return nodemailer.createTransport(smtpUrl)
}

/** One pass over the due messages; returns how many were sent. */
export async function deliverDue(d: Delivery, transport = createTransport(d.smtpUrl)): Promise<number> {
  let sent = 0
  for (const mail of await dueMail(d.db, d.now())) {
    if (!(await claimMail(d.db, mail.id, mail.attempts, d.now()))) continue
    try {
      await transport.sendMail({
        from: d.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
        messageId: `<${mail.id}@ccpm>`,
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

/** The delivery loop of the Node process: a pass every `intervalMs`, never two at once. */
export function startDelivery(d: Delivery, intervalMs = 5000): () => void {
  const transport = createTransport(d.smtpUrl)
  let running = false
  const timer = setInterval(async () => {
    if (running) return
    running = true
    try {
      await deliverDue(d, transport)
    } catch (err) {
      d.log({ level: 'error', event: 'delivery-pass', error: (err as Error).message })
    } finally {
      running = false
    }
  }, intervalMs)
  timer.unref()
  return () => {
    clearInterval(timer)
    transport.close()
  }
}
