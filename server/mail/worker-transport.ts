/**
 * Delivery of the outbox from a Worker: worker-mailer speaks SMTP over `cloudflare:sockets`.
 * Run by the Worker's scheduled handler (wrangler.toml [triggers]), one connection per pass.
 */
import { WorkerMailer } from 'worker-mailer'
import { type DeliveryDeps, deliverDue, newDeliveryState, parseAddress, parseSmtpUrl } from './deliver.ts'

/** What this isolate's passes know about the mail server (a fresh isolate starts without). */
const state = newDeliveryState()

export async function deliverFromWorker(
  d: DeliveryDeps & { smtpUrl: string; from: string },
): Promise<number> {
  const { host, port, secure, credentials } = parseSmtpUrl(d.smtpUrl)
  let mailer: WorkerMailer | undefined
  try {
    return await deliverDue({ state, ...d }, async (mail) => {
      mailer ??= await WorkerMailer.connect({
        host,
        port,
        secure,
        startTls: !secure && credentials != null,
        ...(credentials ? { credentials, authType: ['plain', 'login'] } : {}),
        socketTimeoutMs: 20_000,
        responseTimeoutMs: 20_000,
      })
      await mailer.send({
        from: parseAddress(d.from),
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        ...(mail.html ? { html: mail.html } : {}),
      })
    })
  } finally {
    await mailer?.close().catch(() => {})
  }
}
