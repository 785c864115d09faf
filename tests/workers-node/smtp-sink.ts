/**
 * For the Workers tests and the HTTP suite, in Node: a real SMTP server on localhost, and a small
 * HTTP endpoint that tells what it received, so that a test running inside workerd can check the
 * delivered mail.
 */
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export async function startSmtpSink() {
  const received: {
    to: string[]
    subject: string
    text: string
    attachments: { filename: string; contentType: string; content: string }[]
  }[] = []
  /** Addresses that start with "refused-once" are refused (451) the first time: the retry path. */
  const refusedOnce = new Set<string>()
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'], // an open relay on loopback: worker-mailer insists on AUTH when offered
    onData(stream, session, done) {
      const first = session.envelope.rcptTo
        .map((r) => r.address)
        .find((a) => a.startsWith('refused-once') && !refusedOnce.has(a))
      if (first) {
        refusedOnce.add(first)
        stream.resume()
        stream.on('end', () => done(Object.assign(new Error('451 try again later'), { responseCode: 451 })))
        return
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
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve))
  const http = createServer((_req, res) => {
    res.setHeader('content-type', 'application/json')
    res.end(JSON.stringify(received))
  })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  // Neither server may keep the test process alive once vitest is done.
  smtp.server.unref()
  http.unref()
  return {
    smtpUrl: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    receivedUrl: `http://127.0.0.1:${(http.address() as AddressInfo).port}/`,
  }
}
