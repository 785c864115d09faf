/**
 * For the Workers tests and the HTTP suite, in Node: real SMTP servers on localhost, and a small
 * HTTP endpoint that tells what each received, so that a test running inside workerd can check the
 * delivered mail.
 * - an open relay (no AUTH offered: worker-mailer insists on credentials when AUTH is offered);
 *   addresses that start with "refused-once" are refused (451) the first time: the retry path;
 * - one that offers AUTH PLAIN/LOGIN and takes mail only after it (the credentials in its URL);
 * - a stalled one that accepts connections and never answers (the delivery pass's time bounds).
 */
import { createServer as createHttp } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createServer as createTcp, type Socket } from 'node:net'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

interface Received {
  to: string[]
  subject: string
  text: string
  attachments: { filename: string; contentType: string; content: string }[]
  /** The user it authenticated as, if any. */
  user?: string
}

async function smtp(received: Received[], auth?: { user: string; pass: string }) {
  /** Addresses that start with "refused-once" are refused (451) the first time: the retry path. */
  const refusedOnce = new Set<string>()
  const server = new SMTPServer({
    authOptional: !auth,
    allowInsecureAuth: true,
    authMethods: ['PLAIN', 'LOGIN'],
    disabledCommands: auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
    onAuth(a, _session, done) {
      if (auth && a.username === auth.user && a.password === auth.pass)
        return done(null, { user: a.username })
      done(new Error('535 authentication failed'))
    },
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
          ...(session.user ? { user: String(session.user) } : {}),
        })
        done()
      }, done)
    },
  })
  // a Worker's connection cut off when its isolate ends is no failure of the test run
  server.on('error', () => {})
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  server.server.unref()
  return (server.server.address() as AddressInfo).port
}

export async function startSmtpSink() {
  const open: Received[] = []
  const authed: Received[] = []
  const openPort = await smtp(open)
  const authPort = await smtp(authed, { user: 'ccpm', pass: 's3cret pass' })
  const sockets: Socket[] = []
  const stalled = createTcp((socket) => {
    socket.on('error', () => {})
    sockets.push(socket)
  })
  await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', resolve))
  stalled.unref()
  const http = createHttp((req, res) => {
    res.setHeader('content-type', 'application/json')
    res.end(JSON.stringify(req.url === '/auth' ? authed : open))
  })
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  // None of the servers may keep the test process alive once vitest is done.
  http.unref()
  const httpUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}`
  return {
    smtpUrl: `smtp://127.0.0.1:${openPort}`,
    receivedUrl: `${httpUrl}/`,
    /** The AUTH server with its credentials in the URL (percent-encoded, as SMTP_URL carries them). */
    authSmtpUrl: `smtp://ccpm:${encodeURIComponent('s3cret pass')}@127.0.0.1:${authPort}`,
    authNoCredentialsUrl: `smtp://127.0.0.1:${authPort}`,
    authReceivedUrl: `${httpUrl}/auth`,
    stalledSmtpUrl: `smtp://127.0.0.1:${(stalled.address() as AddressInfo).port}`,
  }
}
