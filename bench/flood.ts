// Part of `npm run bench`: a sign-in flood against the real server in its own process (as in
// production: real HTTP, PBKDF2 at 600,000 iterations). 1,000 concurrent sign-ins with wrong
// passwords from one address (127.0.0.1), spread over 50 known accounts and unknown e-mail
// addresses; during it, GET /healthz from 127.0.0.3 and a correct sign-in from 127.0.0.2, each
// compared with the same measurement without the flood. Targets: /healthz p95 ≤ 10×,
// the correct sign-in ≤ 3×. docs/bench.md records a run.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, openSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createClient } from '@libsql/client'

const ROOT = join(import.meta.dirname, '..')
const FLOOD = 1000
const PORT = 3000 + Math.floor(Math.random() * 2000) + 20_000

async function startServer(dir: string): Promise<ChildProcess> {
  // the production bundle (npm ci / npm run build make it); BENCH_ENTRY=server/node.ts for the sources
  const entry = process.env.BENCH_ENTRY ?? 'dist/server.js'
  const args = entry.endsWith('.ts') ? ['--import', 'tsx', entry] : [entry]
  // The log goes to a file: a pipe to this busy process would fill and block the server's writes.
  const log = openSync(join(dir, 'server.log'), 'w')
  const proc = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(PORT),
      DATABASE_URL: `file:${join(dir, 'flood.db')}`,
      BASE_URL: `http://localhost:${PORT}`,
      SMTP_URL: '',
    },
    stdio: ['ignore', log, 'inherit'],
  })
  for (let i = 0; i < 600; i++) {
    if (proc.exitCode != null) throw new Error(`server exited (${proc.exitCode})`)
    if ((await send('127.0.0.3', 'GET', '/healthz')).status === 200) return proc
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('server did not start')
}

interface Answer {
  status: number
  ms: number
}

/** One HTTP request from a chosen local address (each address is a different client to the server). */
function send(from: string, method: string, path: string, form?: Record<string, string>): Promise<Answer> {
  const body = form ? new URLSearchParams(form).toString() : undefined
  const started = performance.now()
  return new Promise((resolve) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: PORT,
        method,
        path,
        localAddress: from,
        agent: false,
        headers: body
          ? {
              origin: `http://localhost:${PORT}`,
              'content-type': 'application/x-www-form-urlencoded',
              'content-length': Buffer.byteLength(body),
            }
          : {},
      },
      (res) => {
        res.resume()
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - started }))
      },
    )
    req.on('error', () => resolve({ status: 0, ms: performance.now() - started }))
    req.end(body)
  })
}

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? Number.NaN
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN

const healthz = () => send('127.0.0.3', 'GET', '/healthz')
const rightSignIn = () =>
  send('127.0.0.2', 'POST', '/login', { email: 'coordinator@demo.ccpm', password: 'demo' })

export async function flood(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ccpm-flood-'))
  const server = await startServer(dir)
  try {
    // 50 known accounts: the 15 demo accounts and 35 more with the same (real) hash
    const db = createClient({ url: `file:${join(dir, 'flood.db')}`, timeout: 5000 })
    await db.execute(`insert into users (id, email, name, role, password_hash, created_at)
      select 'flood' || n, 'flood' || n || '@demo.ccpm', 'Flood ' || n, 'observer',
        (select password_hash from users where email = 'observer@demo.ccpm'), 0
      from (with recursive c(n) as (select 1 union all select n + 1 from c where n < 35) select n from c)`)
    const known = (await db.execute("select email from users where email like '%@demo.ccpm'")).rows.map((r) =>
      String(r.email),
    )
    db.close()
    if (known.length !== 50) throw new Error(`expected 50 known accounts, found ${known.length}`)

    // without the flood
    for (let i = 0; i < 50; i++) await healthz()
    const quietHealth: number[] = []
    for (let i = 0; i < 300; i++) quietHealth.push((await healthz()).ms)
    const quietSignIn: number[] = []
    for (let i = 0; i < 5; i++) {
      const a = await rightSignIn()
      if (a.status !== 303) throw new Error(`correct sign-in answered ${a.status}`)
      quietSignIn.push(a.ms)
    }

    // the flood, and the same measurements during it
    const started = performance.now()
    const statuses = new Map<number, number>()
    let done = false
    const wave = Promise.all(
      Array.from({ length: FLOOD }, (_, i) =>
        send('127.0.0.1', 'POST', '/login', {
          email: i % 2 === 0 ? known[(i / 2) % 50]! : `nobody${i}@example.org`,
          password: `guess-${i}`,
        }).then((a) => statuses.set(a.status, (statuses.get(a.status) ?? 0) + 1)),
      ),
    ).then(() => {
      done = true
    })
    // measure during the first 30 s (the burst arrives, 700 are refused, the hashing queue runs)
    const window = setTimeout(() => (done = true), 30_000)
    const loudHealth: number[] = []
    const probeHealth = (async () => {
      while (!done) loudHealth.push((await healthz()).ms)
    })()
    const loudSignIn: number[] = []
    const probeSignIn = (async () => {
      await new Promise((r) => setTimeout(r, 200))
      for (let i = 0; i < 5 && !done; i++) {
        const a = await rightSignIn()
        if (a.status !== 303) throw new Error(`correct sign-in during the flood answered ${a.status}`)
        loudSignIn.push(a.ms)
      }
    })()
    await Promise.all([Promise.race([wave, probeHealth]), probeHealth, probeSignIn])
    clearTimeout(window)
    const floodMs = performance.now() - started
    const answeredCount = [...statuses.values()].reduce((a, b) => a + b, 0)

    const healthRatio = p95(loudHealth) / p95(quietHealth)
    const signInRatio = median(loudSignIn) / median(quietSignIn)
    const answered = [...statuses].map(([s, n]) => `${n}× ${s}`).join(', ')
    return [
      `Flood: ${FLOOD} concurrent wrong sign-ins from one address over 50 known accounts and unknown e-mail addresses; after ${(floodMs / 1000).toFixed(1)} s ${answeredCount} were answered (${answered}), the rest waited their turn at the hash gate.`,
      '',
      '| measurement | without the flood | during the flood | ratio | target |',
      '|---|---|---|---|---|',
      `| GET /healthz p95 (n = ${quietHealth.length} / ${loudHealth.length}) | ${p95(quietHealth).toFixed(1)} ms | ${p95(loudHealth).toFixed(1)} ms | ${healthRatio.toFixed(1)}× | ≤ 10× ${healthRatio <= 10 ? '✓' : '✗'} |`,
      `| correct sign-in from another address, median (n = ${quietSignIn.length} / ${loudSignIn.length}) | ${median(quietSignIn).toFixed(0)} ms | ${median(loudSignIn).toFixed(0)} ms | ${signInRatio.toFixed(1)}× | ≤ 3× ${signInRatio <= 3 ? '✓' : '✗'} |`,
    ]
  } finally {
    server.kill('SIGKILL')
    await new Promise((r) => server.once('exit', r))
    if (process.env.BENCH_KEEP) console.error(`kept ${dir}`)
    else rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const line of await flood()) console.log(line)
}
