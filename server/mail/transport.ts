/**
 * Delivery of the outbox over SMTP with nodemailer, in the Node process. Node-only: the Worker
 * never imports this file (it delivers with server/mail/worker-transport.ts).
 */
import nodemailer from 'nodemailer'
import { type DeliveryDeps, deliverDue as deliverWith, type Send } from './deliver.ts'

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
