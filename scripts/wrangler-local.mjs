// The local Workers server for the outside checks (scripts/wrangler-flow.mjs, scripts/cpu-profile.mjs):
// `npx wrangler dev` on a fresh local D1 in a temp dir (migrated with `wrangler d1 migrations
// apply`), with a real SMTP server in this process as its SMTP_URL. The first request seeds it.
import { execFile, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export const freePort = () =>
  new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
  })

/** `inspectorPort`: open workerd's inspector there (CPU profiles); `vars`: more --var values. */
export async function startLocal({ inspectorPort, vars = {} } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'ccpm-wrangler-'))
  const received = []
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    onData(stream, session, done) {
      simpleParser(stream).then((mail) => {
        received.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: mail.subject,
          text: mail.text ?? '',
          attachments: mail.attachments.map((a) => a.filename ?? ''),
        })
        done()
      }, done)
    },
  })
  smtp.on('error', () => {})
  const smtpPort = await freePort()
  await new Promise((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve))
  const port = await freePort()
  const base = `http://127.0.0.1:${port}`
  await promisify(execFile)(
    'npx',
    ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', dir],
    {
      env: { ...process.env, CI: '1' },
    },
  )
  const args = ['wrangler', 'dev', '--ip', '127.0.0.1', '--port', String(port), '--persist-to', dir]
  for (const [k, v] of Object.entries({ SMTP_URL: `smtp://127.0.0.1:${smtpPort}`, ...vars }))
    args.push('--var', `${k}:${v}`)
  if (inspectorPort) args.push('--inspector-port', String(inspectorPort))
  const wrangler = spawn('npx', args, {
    env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  const out = { log: '' }
  wrangler.stdout.on('data', (d) => (out.log += d))
  wrangler.stderr.on('data', (d) => (out.log += d))
  const stop = async () => {
    try {
      process.kill(-wrangler.pid, 'SIGTERM') // the process group this function started
    } catch {}
    smtp.close()
    rmSync(dir, { recursive: true, force: true })
  }
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).status === 200) break
    } catch {}
    if (i > 120) {
      await stop()
      throw new Error(`wrangler dev did not start:\n${out.log}`)
    }
    await new Promise((r) => setTimeout(r, 500))
  }
  return {
    base,
    received,
    stop,
    /** The process group of wrangler and its workerd (for CPU readings from /proc). */
    group: wrangler.pid,
    get log() {
      return out.log
    },
  }
}
