// `npm run bench`, first part: in-process throughput of every page in every role's navigation and
// of the main writes, through `app.request()` (the whole middleware stack and real database writes
// with an fsync per commit), on the bench database (bench/fixture.ts). Each case is given as a
// share of a bare Hono "hello" answered the same way in the same run, because the machine's noise
// moves absolute numbers; bench/http.ts then measures the same pages over real connections.
import { mkdtempSync, rmSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { Hono } from 'hono'
import { openDatabase } from '../db/client.ts'
import { navigation } from '../pool/access/index.ts'
import type { Role } from '../pool/shared/index.ts'
import { createApp } from '../server/app.ts'
import { parseConfig } from '../server/config.ts'
import { ACCOUNTS, BENCH_ITERATIONS, buildFixture, ROLES } from './fixture.ts'

const ORIGIN = 'http://localhost:3000'
const dir = mkdtempSync(join(tmpdir(), 'ccpm-bench-'))
const fixture = await buildFixture(join(dir, 'bench.db'))
const { db, counters, close } = await openDatabase(`file:${join(dir, 'bench.db')}`)
const clock = { now: Date.now() }
const sink: string[] = []
const app = createApp({
  db,
  counters,
  config: { ...parseConfig({ BASE_URL: ORIGIN }), passwordIterations: BENCH_ITERATIONS },
  assets: { css: '/assets/app.css', htmx: '/assets/htmx.js' },
  now: () => clock.now,
  // as the Node entry logs: one JSON line per request (kept in memory here, a few at a time)
  log: (line) => {
    sink.push(JSON.stringify(line))
    if (sink.length > 100) sink.length = 0
  },
  clientAddress: () => '127.0.0.1',
})
const hello = new Hono().get('/', (c) => c.text('Hello Hono!'))

const get = (path: string, cookie?: string, headers: Record<string, string> = {}) =>
  app.request(`${ORIGIN}${path}`, {
    headers: { 'accept-encoding': 'gzip', ...(cookie ? { cookie } : {}), ...headers },
  })
const postJson = (path: string, body: unknown, cookie: string) =>
  app.request(`${ORIGIN}${path}`, {
    method: 'POST',
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json', cookie },
  })
const cookies = {} as Record<Role, string>
for (const role of ROLES) {
  const res = await app.request(`${ORIGIN}/login`, {
    method: 'POST',
    body: new URLSearchParams({ email: ACCOUNTS[role], password: 'demo' }),
    headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
  })
  cookies[role] = res.headers.get('set-cookie')!.split(';')[0]!
}
const partial = { 'hx-request': 'true', 'hx-request-type': 'partial' }
const answers = `/needs/${fixture.needId}/answers`
let etag = ''
const newRequest = (title: string) => ({
  title,
  situation: 'Roofs gone at The Bottom and Windwardside.',
  phase: 'warm',
  priority: 'urgent',
  periodStart: new Date(clock.now + 86_400_000).toISOString().slice(0, 10),
  periodEnd: new Date(clock.now + 15 * 86_400_000).toISOString().slice(0, 10),
  needs: [
    { kind: 'functionary', role: 'information_manager', count: 2, minLevel: 'qualified', languages: ['en'] },
    { kind: 'functionary', role: 'crisis_communication_adviser', count: 1, minLevel: 'qualified' },
    { kind: 'capacity', unitType: 'reconnaissance', count: 1 },
  ],
})

interface Case {
  name: string
  run: (i: number) => Promise<Response>
  n: number
  target?: number
  status?: number
  before?: () => Promise<void>
}
const N = Number(process.env.BENCH_N ?? 1)
const cases: Case[] = [
  { name: 'bare Hono hello (yardstick)', run: () => hello.request('/'), n: 20_000 },
  { name: 'GET /healthz', run: () => get('/healthz'), n: 2000, target: 1 / 5 },
  { name: 'GET /login', run: () => get('/login'), n: 1000, target: 1 / 5 },
]
for (const role of ROLES)
  for (const item of navigation(role))
    cases.push({
      name: `${role} GET ${item.href}`,
      run: () => get(item.href, cookies[role]),
      n: 200,
      target: 1 / 20,
    })
cases.push(
  {
    name: 'coordinator GET /requests/:id',
    run: () => get(`/requests/${fixture.requestId}`, cookies.coordinator),
    n: 200,
  },
  {
    name: 'coordinator GET /needs/:id (candidates)',
    run: () => get(`/needs/${fixture.needId}`, cookies.coordinator),
    n: 200,
  },
  {
    name: 'coordinator GET /api/v1/needs/:id/candidates',
    run: () => get(`/api/v1/needs/${fixture.needId}/candidates`, cookies.coordinator),
    n: 200,
  },
  {
    name: 'coordinator POST /api/v1/plans',
    run: () => postJson('/api/v1/plans', {}, cookies.coordinator),
    n: 50,
  },
  {
    name: 'coordinator GET /needs/:id/answers, 304',
    run: () => get(answers, cookies.coordinator, { ...partial, 'if-none-match': etag }),
    n: 1000,
    status: 304,
    before: async () => {
      etag = (await get(answers, cookies.coordinator, partial)).headers.get('etag') ?? ''
    },
  },
  { name: 'island GET /api/v1/requests', run: () => get('/api/v1/requests', cookies.island), n: 200 },
  {
    name: 'island POST /api/v1/requests (one batch)',
    run: () => postJson('/api/v1/requests', newRequest('Bench'), cookies.island),
    n: 300,
  },
  {
    name: 'island POST create + submit (guarded batch + mail)',
    run: async () => {
      clock.now += 8000 // at most ~110 submits per 15 minutes: under mailingChangesPerUser (120)
      const r = await (await postJson('/api/v1/requests', newRequest('Bench'), cookies.island)).json()
      return postJson(`/api/v1/requests/${r.id}/status`, { status: 'submitted' }, cookies.island)
    },
    n: 200,
  },
)

const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : null
console.log(`In-process (app.request), load average ${loadavg()[0]!.toFixed(2)} at the start`)
console.log('')
console.log(
  'Shares are of CPU time per request (user + system, this process: the steadier figure on a shared machine).',
)
console.log('')
console.log(
  '| case | n | CPU ms/req | share of hello | wall req/s | p50 ms | p99 ms | gzip B | target | met |',
)
console.log('|---|---|---|---|---|---|---|---|---|---|')
let baseline = 0
for (const c of cases) {
  if (only && baseline && !only.test(c.name)) continue
  clock.now += 15 * 60_000 // a fresh rate-limit window per case: the bench measures work, not 429s
  await c.before?.()
  for (let i = 0; i < Math.min(c.n / 4, 200); i++) await (await c.run(i)).arrayBuffer() // warm up
  const times: number[] = []
  let bytes = 0
  const n = Math.round(c.n * N)
  const start = performance.now()
  const cpu0 = process.cpuUsage()
  for (let i = 0; i < n; i++) {
    const t0 = performance.now()
    const res = await c.run(i)
    const body = new Uint8Array(await res.arrayBuffer())
    times.push(performance.now() - t0)
    if (i === 0) bytes = res.headers.get('content-encoding') === 'gzip' ? body.length : gzipSync(body).length
    if (res.status !== (c.status ?? (res.status < 400 ? res.status : 200)))
      throw new Error(`${c.name}: ${res.status}`)
  }
  const total = performance.now() - start
  const used = process.cpuUsage(cpu0)
  const cpu = (used.user + used.system) / 1000 / n
  times.sort((a, b) => a - b)
  const rps = (1000 * n) / total
  if (!baseline) baseline = cpu
  const share = baseline / cpu
  const ok = c.target == null || share >= c.target
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(times.length * q))]!.toFixed(2)
  console.log(
    `| ${c.name} | ${n} | ${cpu.toFixed(3)} | 1/${(1 / share).toFixed(1)} | ${rps.toFixed(0)} | ${at(0.5)} | ${at(0.99)} | ${bytes} | ${c.target ? `≥ 1/${1 / c.target}` : ''} | ${ok ? '✓' : '✗'} |`,
  )
}
console.log('')
console.log(`load average ${loadavg()[0]!.toFixed(2)} at the end`)
close()
rmSync(dir, { recursive: true, force: true })
