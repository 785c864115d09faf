/** A real SMTP server on localhost (smtp-server) that keeps what it receives, parsed by mailparser. */
import type { AddressInfo } from 'node:net'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export interface Received {
  to: string[]
  subject: string
  text: string
  attachments: { filename: string; contentType: string; content: string }[]
}

/**
 * `port`: listen there (to stand in for a server that went away and came back); `delayMs`: wait
 * this long before accepting each message (a slow server, to stop a process in the middle of it).
 */
export async function startSmtp(opts: { port?: number; delayMs?: number } = {}) {
  const received: Received[] = []
  let refuse = false
  const dataWaiters: (() => void)[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      for (const wake of dataWaiters.splice(0)) wake()
      if (refuse) {
        stream.resume()
        return done(new Error('451 try later'))
      }
      simpleParser(stream).then(async (mail) => {
        if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs))
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: mail.subject ?? '',
          text: mail.text ?? '',
          attachments: mail.attachments.map((a) => ({
            filename: a.filename ?? '',
            contentType: a.contentType,
            content: a.content.toString('utf8'),
          })),
        })
        done()
      }, done)
    },
  })
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, '127.0.0.1', resolve))
  const port = (server.server.address() as AddressInfo).port
  return {
    received,
    url: `smtp://127.0.0.1:${port}`,
    setRefuse: (v: boolean) => {
      refuse = v
    },
    /** Resolves when the next message starts to arrive. */
    nextData: () => new Promise<void>((resolve) => dataWaiters.push(resolve)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
