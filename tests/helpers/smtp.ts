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

export async function startSmtp() {
  const received: Received[] = []
  let refuse = false
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, session, done) {
      if (refuse) {
        stream.resume()
        return done(new Error('451 try later'))
      }
      simpleParser(stream).then((mail) => {
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
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.server.address() as AddressInfo).port
  return {
    received,
    url: `smtp://127.0.0.1:${port}`,
    setRefuse: (v: boolean) => {
      refuse = v
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
