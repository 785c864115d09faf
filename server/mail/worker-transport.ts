/**
 * Delivery of the outbox from a Worker: worker-mailer speaks SMTP over `cloudflare:sockets`.
 * Run right after a change (server/worker.ts, in `ctx.waitUntil`) and by the minute's cron pass
 * (the retry); the outbox stays the source of truth. One connection per pass, and every wait is
 * bounded, so that an unreachable or stalled server cannot eat the pass (docs/workers.md):
 * - the connection and each server answer: CONNECTION_TIMEOUT_MS (worker-mailer 1.2.1 uses its
 *   `socketTimeoutMs` for both; its `responseTimeoutMs` is ignored);
 * - the whole pass: `passMs`; at the deadline no new mail starts and the connection is closed,
 *   which fails the mail in flight (it stays in the outbox for the next pass).
 * worker-mailer refuses a server that offers AUTH when no credentials are given (nodemailer
 * sends anyway): SMTP_URL must carry them. Port 25 is blocked for outbound sockets on hosted Workers.
 */
import { LogLevel, WorkerMailer } from 'worker-mailer'
import { type DeliveryDeps, deliverDue, newDeliveryState, parseAddress, parseSmtpUrl } from './deliver.ts'

export const CONNECTION_TIMEOUT_MS = 10_000
/** A pass started by a request runs within its `waitUntil` allowance (30 s after the response). */
export const REQUEST_PASS_MS = 20_000
/** A cron pass ends before the next minute's. */
export const CRON_PASS_MS = 45_000

/** What this isolate's passes know about the mail server (a fresh isolate starts without). */
const state = newDeliveryState()

/** UTF-8 text as base64 (btoa alone takes only Latin-1). */
function base64(text: string): string {
  let binary = ''
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte)
  return btoa(binary)
}

class PassOver extends Error {
  constructor() {
    super('delivery pass over its time')
  }
}

export async function deliverFromWorker(
  d: DeliveryDeps & { smtpUrl: string; from: string; passMs?: number },
): Promise<number> {
  const { host, port, secure, credentials } = parseSmtpUrl(d.smtpUrl)
  const passMs = d.passMs ?? CRON_PASS_MS
  const deadline = Date.now() + passMs
  let over = false
  let mailer: WorkerMailer | undefined
  let connecting: Promise<WorkerMailer> | undefined
  let cut: () => void = () => {}
  const cutoff = new Promise<never>((_, reject) => {
    cut = () => reject(new PassOver())
  })
  cutoff.catch(() => {})
  const timer = setTimeout(() => {
    over = true
    cut()
    // fails the mail in flight at once (worker-mailer rejects it on close)
    mailer?.close(new PassOver()).catch(() => {})
  }, passMs)
  try {
    return await deliverDue(
      { state, ...d, stopping: () => over || Date.now() >= deadline || (d.stopping?.() ?? false) },
      async (mail) => {
        connecting ??= WorkerMailer.connect({
          host,
          port,
          secure,
          startTls: !secure && credentials != null,
          ...(credentials ? { credentials, authType: ['plain', 'login'] } : {}),
          socketTimeoutMs: CONNECTION_TIMEOUT_MS,
          responseTimeoutMs: CONNECTION_TIMEOUT_MS,
          // deliverDue logs every failure as one JSON line; the mailer's own info lines are noise
          logLevel: LogLevel.WARN,
        })
        mailer ??= await Promise.race([connecting, cutoff])
        await Promise.race([
          mailer.send({
            from: parseAddress(d.from),
            to: mail.to,
            subject: mail.subject,
            text: mail.text,
            ...(mail.html ? { html: mail.html } : {}),
            // worker-mailer sends attachment content as given, declared base64: encode the text.
            ...(mail.attachments?.length
              ? {
                  attachments: mail.attachments.map((a) => ({
                    filename: a.filename,
                    content: base64(a.content),
                    mimeType: a.contentType,
                  })),
                }
              : {}),
          }),
          cutoff,
        ])
      },
    )
  } finally {
    clearTimeout(timer)
    // QUIT waits for an answer at most CONNECTION_TIMEOUT_MS; a pass over its time does not wait
    const quit = connecting?.then((m) => m.close()).catch(() => {})
    if (!over) await quit
  }
}
