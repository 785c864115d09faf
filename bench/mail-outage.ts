// `npx tsx bench/mail-outage.ts` (after `npm run build`): the real server (dist/server.js) delivers
// to a real SMTP server on localhost, which is stopped for 90 s and started again on the same
// port; mail is queued before and during the outage. Prints when each mail arrived, counted from
// the SMTP server's return. The target: every mail out within a minute of the return.
// Takes about three minutes of real time; docs/bench.md records a run.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '@libsql/client'
import { startSmtp } from '../tests/helpers/smtp.ts'

const ROOT = join(import.meta.dirname, '..')
const OUTAGE_MS = 90_000
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

const dir = mkdtempSync(join(tmpdir(), 'ccpm-outage-'))
const url = `file:${join(dir, 'outage.db')}`
let smtp = await startSmtp()
const smtpPort = Number(new URL(smtp.url).port)
const port = 20_000 + Math.floor(Math.random() * 10_000)
const server = spawn(process.execPath, [join(ROOT, 'dist', 'server.js')], {
  cwd: ROOT,
  env: {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    BASE_URL: `http://localhost:${port}`,
    DATABASE_URL: url,
    SMTP_URL: smtp.url,
  },
  stdio: ['ignore', 'pipe', 'inherit'],
})
let log = ''
server.stdout!.on('data', (c: Buffer) => (log += c))
while (!log.includes('"event":"listening"')) await sleep(50)

const db = createClient({ url, timeout: 5000 })
let n = 0
const enqueue = async () => {
  n++
  const now = Date.now()
  await db.execute({
    sql: `insert into outbox (id, created_at, "to", subject, text, status, attempts, next_attempt_at)
      values (?, ?, 'eva@example.org', ?, 'x', 'pending', 0, ?)`,
    args: [`m${n}`, now, `Mail ${n}`, now],
  })
}

await enqueue()
while (smtp.received.length < 1) await sleep(50)
const delivered = smtp.received.length

// the outage: 90 s without an SMTP server, mail queued every 10 s
await smtp.close()
const down = Date.now()
for (let i = 0; i < 3; i++) await enqueue()
while (Date.now() - down < OUTAGE_MS) {
  await sleep(10_000)
  if (Date.now() - down < OUTAGE_MS) await enqueue()
}
const arrivals = new Map<string, number>()
smtp = await startSmtp({ port: smtpPort })
const up = Date.now()
const waiting = n - delivered
while (smtp.received.length < waiting && Date.now() - up < 300_000) {
  for (const m of smtp.received) if (!arrivals.has(m.subject)) arrivals.set(m.subject, Date.now() - up)
  await sleep(100)
}
for (const m of smtp.received) if (!arrivals.has(m.subject)) arrivals.set(m.subject, Date.now() - up)

server.kill('SIGTERM')
await new Promise((r) => server.once('exit', r))
db.close()
await smtp.close()
rmSync(dir, { recursive: true, force: true })

const times = [...arrivals.values()].sort((a, b) => a - b)
const failedTries = log.split('\n').filter((l) => l.includes('"event":"failed"')).length
console.log(
  JSON.stringify({
    outageSeconds: Math.round((up - down) / 1000),
    waitingAtReturn: waiting,
    arrived: times.length,
    firstAfterReturnSeconds: Number(((times[0] ?? Number.NaN) / 1000).toFixed(1)),
    lastAfterReturnSeconds: Number(((times.at(-1) ?? Number.NaN) / 1000).toFixed(1)),
    failedTriesDuringOutage: failedTries,
  }),
)
