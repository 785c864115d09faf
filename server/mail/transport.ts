/**
 * Delivery of the outbox over SMTP with nodemailer, in the Node process. Node-only: the Worker
 * never imports this file (it delivers with server/mail/worker-transport.ts).
 */
import nodemailer from 'nodemailer'
import { type DeliveryDeps, deliverDue as deliverWith, newDeliveryState, type Send } from './deliver.ts'

export interface Delivery extends DeliveryDeps {
  smtpUrl: string
  from: string
}

export function createTransport(smtpUrl: string) {
  return nodemailer.createTransport(smtpUrl)
}

function sender(transport: ReturnType<typeof createTransport>, from: string): Send {
  return async (mail) => {
    await transport.sendMail({
      from,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      ...(mail.html ? { html: mail.html } : {}),
      ...(mail.attachments?.length
        ? {
            attachments: mail.attachments.map((a) => ({
              filename: a.filename,
              content: a.content,
              contentType: a.contentType,
            })),
          }
        : {}),
      messageId: `<${mail.id}@ccpm>`,
    })
  }
}

/** One pass over the due messages; returns how many were sent. */
export function deliverDue(d: Delivery, transport = createTransport(d.smtpUrl)): Promise<number> {
  return deliverWith(d, sender(transport, d.from))
}

/**
 * The delivery loop of the Node process: a pass every `intervalMs`, never two at once. `stop()`
 * lets the mail being sent finish and be marked sent (so it is never sent twice), ends the pass
 * after it, and resolves when it has.
 */
export function startDelivery(d: Delivery, intervalMs = 5000): () => Promise<void> {
  const transport = createTransport(d.smtpUrl)
  let stopping = false
  let pass: Promise<void> | undefined
  const loop: Delivery = { ...d, state: newDeliveryState(), stopping: () => stopping }
  const tick = () => {
    if (pass || stopping) return
    pass = deliverDue(loop, transport)
      .then(
        () => {},
        (err: Error) => d.log({ level: 'error', event: 'delivery-pass', error: err.message }),
      )
      .finally(() => {
        pass = undefined
      })
  }
  // the first pass at once: mail that waited through a restart goes now, not an interval later
  tick()
  const timer = setInterval(tick, intervalMs)
  timer.unref()
  return async () => {
    stopping = true
    clearInterval(timer)
    await pass
    transport.close()
  }
}
