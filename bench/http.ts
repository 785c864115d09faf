// Part of `npm run bench`: the pages over HTTP with real connections, as the server-cost targets measure them (docs/bench.md).
// The production bundle (dist/server.js) serves the bench database (bench/fixture.ts; with
// `--scale`, bench/scale.ts grows it to a season's peak) in its own process, its log to a file;
// a bare Hono "hello" on the same @hono/node-server runs in another. autocannon sends each case
// over 10 keep-alive connections with gzip accepted, and every figure is given as a share of the
// hello's requests per second in the same run (measured first and last; their mean is the yardstick).
//
//   npx tsx bench/http.ts [--scale] [--passes 2] [--seconds 3] [--only REGEX] [--profile DIR] [--no-cache]
//
// --no-cache starts the server with PAGE_CACHE=off: every request renders its page (the cost of a
// page the cache does not hold: the first look after a change).
// --passes 2 runs every case twice and reports the server's RSS after each pass (the memory target: a second
// identical run ends within 10 % of the first). --profile starts the server with `--cpu-prof`; the
// profile is written when it stops (summarise it with bench/profile.ts). SERVER_FLAGS="--flag …" passes
// Node flags to the server only (tried: --max-semi-space-size, --min-semi-space-size; see docs/bench.md).
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import { navigation } from '../pool/access/index.ts'
import type { Role } from '../pool/shared/index.ts'
import { ACCOUNTS, buildFixture, type Fixture, ROLES } from './fixture.ts'

const ROOT = join(import.meta.dirname, '..')
const { values: opts } = parseArgs({
  strict: false,
  allowPositionals: true,
  options: {
    scale: { type: 'boolean', default: false },
    passes: { type: 'string', default: '1' },
    seconds: { type: 'string', default: '3' },
    only: { type: 'string' },
    profile: { type: 'string' },
    connections: { type: 'string', default: '10' },
    'no-cache': { type: 'boolean', default: false },
  },
})
const SECONDS = Number(opts.seconds)
const CONNECTIONS = Number(opts.connections)

interface Case {
  name: string
  path: string
  role?: Role
  headers?: Record<string, string>
  /** The share of the hello that the targets ask for, if any. */
  target?: number
  status?: number
}

function cases(f: Fixture): Case[] {
  const out: Case[] = [
    { name: 'GET /healthz', path: '/healthz', target: 1 / 5 },
    { name: 'GET /login', path: '/login', target: 1 / 5 },
  ]
  for (const role of ROLES)
    for (const item of navigation(role))
      out.push({ name: `${role} GET ${item.href}`, path: item.href, role, target: 1 / 20 })
  out.push(
    { name: 'coordinator GET /requests/:id', path: `/requests/${f.requestId}`, role: 'coordinator' },
    { name: 'coordinator GET /needs/:id (candidates)', path: `/needs/${f.needId}`, role: 'coordinator' },
    { name: 'island GET /api/v1/requests', path: '/api/v1/requests', role: 'island' },
  )
  return out
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** One GET; the body's bytes as they came over the wire (gzip when the server compressed it). */
function fetchRaw(port: number, path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; bytes: number; headers: Record<string, unknown> }>(
    (resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, headers, agent: false }, (res) => {
        let bytes = 0
        res.on('data', (chunk: Buffer) => (bytes += chunk.byteLength))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, headers: res.headers }))
      })
      req.on('error', reject)
      req.end()
    },
  )
}

function postForm(port: number, path: string, form: Record<string, string>) {
  const body = new URLSearchParams(form).toString()
  return new Promise<{ status: number; cookie: string }>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        agent: false,
        headers: {
          origin: `http://localhost:${port}`,
          'content-type': 'application/x-www-form-urlencoded',
          'content-length': Buffer.byteLength(body),
        },
      },
      (res) => {
        res.resume()
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            cookie: String(res.headers['set-cookie']?.[0] ?? '').split(';')[0]!,
          }),
        )
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

async function waitFor(proc: ChildProcess, port: number, path: string) {
  for (let i = 0; i < 600; i++) {
    if (proc.exitCode != null) throw new Error(`server exited (${proc.exitCode})`)
    try {
      if ((await fetchRaw(port, path)).status === 200) return
    } catch {}
    await sleep(100)
  }
  throw new Error('server did not start')
}

const freePort = () => 20_000 + Math.floor(Math.random() * 20_000)

function start(dir: string, name: string, args: string[], env: Record<string, string>) {
  const log = openSync(join(dir, `${name}.log`), 'w')
  return spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', log, 'inherit'],
  })
}

/** Resident memory of a process, in MB (Linux). */
export function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
  return m ? Number(m[1]) / 1024 : Number.NaN
}

/** CPU time a process has used so far (user + system), in ms (Linux: /proc/PID/stat, 10 ms ticks). */
export function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  return (Number(fields[11]) + Number(fields[12])) * 10
}

interface Figures {
  /** The server's CPU time per answered request, ms. */
  cpu: number
  rps: number
  p50: number
  p99: number
  non2xx: number
  errors: number
}

async function load(
  server: ChildProcess,
  port: number,
  c: Pick<Case, 'path' | 'headers'>,
  seconds: number,
): Promise<Figures> {
  const cpu0 = cpuMs(server.pid!)
  // Latencies as autocannon measures them (hrtime, fractional ms) but kept here: its own
  // histogram counts whole milliseconds, and a cached page's median is below one.
  const times: number[] = []
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const run = autocannon(
      {
        url: `http://127.0.0.1:${port}${c.path}`,
        connections: CONNECTIONS,
        duration: seconds,
        headers: { 'accept-encoding': 'gzip', ...c.headers },
      },
      (err, result) => (err ? reject(err) : resolve(result)),
    )
    run.on('response', (_client, status: number, _bytes, ms: number) => {
      if (status < 400) times.push(ms)
    })
  })
  times.sort((a, b) => a - b)
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? Number.NaN
  return {
    cpu: (cpuMs(server.pid!) - cpu0) / r.requests.total,
    rps: r.requests.average,
    p50: at(0.5),
    p99: at(0.99),
    non2xx: r.non2xx,
    errors: r.errors + r.timeouts,
  }
}

const load1 = () => loadavg()[0]!.toFixed(2)
const ratio = (share: number) => (share >= 1 ? `${share.toFixed(2)}` : `1/${(1 / share).toFixed(1)}`)

export async function httpBench(): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'ccpm-http-'))
  const file = join(dir, 'bench.db')
  const lines: string[] = []
  const say = (line: string) => {
    lines.push(line)
    console.error(line)
  }
  const built = performance.now()
  const fixture = await buildFixture(file)
  if (opts.scale) {
    const { grow } = await import('./scale.ts')
    say(await grow(file))
  }
  say(`data built in ${((performance.now() - built) / 1000).toFixed(1)} s`)

  const helloPort = freePort()
  const appPort = helloPort + 1
  const hello = start(dir, 'hello', ['bench/hello.mjs'], { PORT: String(helloPort) })
  const profile = opts.profile ? ['--cpu-prof', `--cpu-prof-dir=${opts.profile}`] : []
  const flags = process.env.SERVER_FLAGS?.split(' ').filter(Boolean) ?? []
  const app = start(dir, 'server', [...profile, ...flags, process.env.BENCH_ENTRY ?? 'dist/server.js'], {
    NODE_ENV: 'production',
    PORT: String(appPort),
    DATABASE_URL: `file:${file}`,
    BASE_URL: `http://localhost:${appPort}`,
    SMTP_URL: '',
    ...(opts['no-cache'] ? { PAGE_CACHE: 'off' } : {}),
  })
  try {
    await Promise.all([waitFor(hello, helloPort, '/'), waitFor(app, appPort, '/healthz')])
    await sleep(1000)
    const rssStart = rssMb(app.pid!)
    const cookies = {} as Record<Role, string>
    for (const role of ROLES) {
      const r = await postForm(appPort, '/login', { email: ACCOUNTS[role], password: 'demo' })
      if (r.status !== 303 || !r.cookie) throw new Error(`sign-in of ${role}: ${r.status}`)
      cookies[role] = r.cookie
    }
    const only = opts.only ? new RegExp(opts.only) : null
    const all = cases(fixture).filter((c) => !only || only.test(c.name))
    for (const c of all) if (c.role) c.headers = { cookie: cookies[c.role] }
    // The answers board's poll, unchanged since the last look: a 304 (its ETag from a first GET).
    const partial = { 'hx-request': 'true', 'hx-request-type': 'partial', cookie: cookies.coordinator }
    const answers = `/needs/${fixture.needId}/answers`
    const first = await fetchRaw(appPort, answers, partial)
    if (!only || only.test('answers')) {
      all.push({
        name: 'coordinator GET /needs/:id/answers, 304',
        path: answers,
        headers: { ...partial, 'if-none-match': String(first.headers.etag ?? '') },
        status: 304,
      })
    }
    const bytes = new Map<Case, number>()
    for (const c of all) {
      const r = await fetchRaw(appPort, c.path, { 'accept-encoding': 'gzip', ...c.headers })
      if (r.status !== (c.status ?? 200)) throw new Error(`${c.name}: ${r.status}`)
      bytes.set(c, r.bytes)
    }

    const passes = Number(opts.passes)
    say(
      `HTTP: page cache ${opts['no-cache'] ? 'off' : 'on'}, ${CONNECTIONS} keep-alive connections, gzip accepted, ${SECONDS} s per case after 1 s of warm-up, ${all.length} cases, ${passes} pass(es); load average ${load1()} at the start`,
    )
    const rss: string[] = [`RSS after start: ${rssStart.toFixed(0)} MB`]
    for (let pass = 1; pass <= passes; pass++) {
      await load(hello, helloPort, { path: '/' }, 1)
      const helloBefore = await load(hello, helloPort, { path: '/' }, SECONDS)
      const rows: [Case, Figures][] = []
      for (const c of all) {
        await load(app, appPort, c, 1)
        rows.push([c, await load(app, appPort, c, SECONDS)])
      }
      const helloAfter = await load(hello, helloPort, { path: '/' }, SECONDS)
      const base = (helloBefore.rps + helloAfter.rps) / 2
      const baseCpu = (helloBefore.cpu + helloAfter.cpu) / 2
      say('')
      say(
        `Pass ${pass}: bare Hono hello ${helloBefore.rps.toFixed(0)} req/s first, ${helloAfter.rps.toFixed(0)} last (p50 ${helloBefore.p50.toFixed(2)} ms, p99 ${helloBefore.p99.toFixed(2)} ms: p99/p50 ${(helloBefore.p99 / helloBefore.p50).toFixed(1)}, then ${(helloAfter.p99 / helloAfter.p50).toFixed(1)}; server CPU ${(1000 * baseCpu).toFixed(0)} µs a request); load average ${load1()} at the end`,
      )
      say('')
      say(
        '| case | req/s | share of hello | server CPU µs/req | CPU share | p50 ms | p99 ms | p99/p50 | gzip B | target | share met | p99 ≤ 3× p50 |',
      )
      say('|---|---|---|---|---|---|---|---|---|---|---|---|')
      for (const [c, f] of rows) {
        const share = f.rps / base
        const tail = f.p99 / f.p50
        const mark = (ok: boolean) => (ok && f.errors === 0 ? '✓' : '✗')
        const bad = f.non2xx && c.status !== 304 ? ` (${f.non2xx} non-2xx)` : ''
        say(
          `| ${c.name}${bad} | ${f.rps.toFixed(0)} | ${ratio(share)} | ${(1000 * f.cpu).toFixed(0)} | ${ratio(baseCpu / f.cpu)} | ${f.p50.toFixed(2)} | ${f.p99.toFixed(2)} | ${tail.toFixed(1)} | ${bytes.get(c)} | ${c.target ? `≥ ${ratio(c.target)}` : ''} | ${c.target ? mark(share >= c.target) : ''} | ${mark(tail <= 3)} |`,
        )
      }
      rss.push(`RSS after pass ${pass}: ${rssMb(app.pid!).toFixed(0)} MB`)
    }
    say('')
    for (const line of rss) say(line)
    return lines
  } finally {
    for (const p of [hello, app]) {
      p.kill('SIGTERM')
      await new Promise((r) => (p.exitCode != null ? r(null) : p.once('exit', r)))
    }
    if (process.env.BENCH_KEEP) console.error(`kept ${dir}`)
    else rmSync(dir, { recursive: true, force: true })
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await httpBench()
