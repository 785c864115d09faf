// `npm run bench`: in-process throughput of the main pages and writes on a real libSQL file with
// the real migrations and demo data. Figures are given as ratios to GET /healthz as well, because
// the machine's noise moves absolute numbers; docs/bench.md records a run.
import { gzipSync } from 'node:zlib'
import { testApp } from '../tests/helpers/app.ts'
import { sabaRequest } from '../tests/helpers/requests.ts'

const t = await testApp({}, { durable: true })
const saba = await t.login('saba@demo.ccpm')
const coord = await t.login('coordinator@demo.ccpm')

// A season's worth of requests: 120, a third acknowledged.
const ids: string[] = []
for (let i = 0; i < 120; i++) {
  const r = await (await t.postJson('/api/v1/requests', sabaRequest({ title: `Request ${i}` }), saba)).json()
  await t.postJson(`/api/v1/requests/${r.id}/status`, { status: 'submitted' }, saba)
  if (i % 3 === 0) await t.postJson(`/api/v1/requests/${r.id}/status`, { status: 'acknowledged' }, coord)
  ids.push(r.id)
}
const acked = ids[0]!
const need = (await (await t.get(`/api/v1/requests/${acked}`, coord)).json()).needs[0].id
// The setup's 160 status changes filled this window of the mailing limit: start the cases in the next.
t.clock.now += 16 * 60_000
const partial = { 'hx-request': 'true', 'hx-request-type': 'partial' }
const etag = (await t.get(`/needs/${need}/answers`, coord, partial)).headers.get('etag') ?? ''

interface Case {
  name: string
  run: (i: number) => Promise<Response>
  n: number
}
const cases: Case[] = [
  { name: 'GET /healthz (baseline)', run: () => t.get('/healthz'), n: 2000 },
  { name: 'GET /login', run: () => t.get('/login'), n: 1000 },
  { name: 'GET / (coordinator)', run: () => t.get('/', coord), n: 500 },
  { name: 'GET /requests?status=all (120 rows)', run: () => t.get('/requests?status=all', coord), n: 200 },
  { name: 'GET /requests/:id', run: (i) => t.get(`/requests/${ids[i % ids.length]}`, coord), n: 500 },
  // issue 8: the whole pool (240) ranked or excluded with reasons, answers and proposals beside it
  { name: 'GET /needs/:id (candidates page)', run: () => t.get(`/needs/${need}`, coord), n: 200 },
  {
    name: 'GET /api/v1/needs/:id/candidates',
    run: () => t.get(`/api/v1/needs/${need}/candidates`, coord),
    n: 200,
  },
  { name: 'POST /api/v1/plans (40 open requests)', run: () => t.postJson('/api/v1/plans', {}, coord), n: 50 },
  {
    name: 'GET /needs/:id/answers, 304',
    run: () => t.get(`/needs/${need}/answers`, coord, { ...partial, 'if-none-match': etag }),
    n: 1000,
  },
  { name: 'GET /api/v1/requests (island)', run: () => t.get('/api/v1/requests', saba), n: 200 },
  {
    name: 'POST /api/v1/requests (batch of 5 rows)',
    run: () => t.postJson('/api/v1/requests', sabaRequest(), saba),
    n: 300,
  },
  {
    name: 'POST status submit (guarded batch + mail)',
    run: async () => {
      t.clock.now += 8000 // at most ~110 submits per 15 minutes: under mailingChangesPerUser (120)
      const r = await (await t.postJson('/api/v1/requests', sabaRequest(), saba)).json()
      return t.postJson(`/api/v1/requests/${r.id}/status`, { status: 'submitted' }, saba)
    },
    n: 200,
  },
]

const rows: string[] = []
let baseline = 0
for (const c of cases) {
  t.clock.now += 15 * 60_000 // a fresh rate-limit window per case: the bench measures work, not 429s
  for (let i = 0; i < Math.min(50, c.n); i++) await (await c.run(i)).arrayBuffer() // warm up
  const times: number[] = []
  let bytes = 0
  const start = performance.now()
  for (let i = 0; i < c.n; i++) {
    const t0 = performance.now()
    const res = await c.run(i)
    const body = new Uint8Array(await res.arrayBuffer())
    times.push(performance.now() - t0)
    if (i === 0) bytes = gzipSync(body).length
    if (res.status >= 400) throw new Error(`${c.name}: ${res.status}`)
  }
  const total = performance.now() - start
  times.sort((a, b) => a - b)
  const mean = total / c.n
  if (!baseline) baseline = mean
  const p95 = times[Math.floor(times.length * 0.95)]!
  rows.push(
    `| ${c.name} | ${c.n} | ${(1000 / mean).toFixed(0)} | ${mean.toFixed(2)} | ${p95.toFixed(2)} | ${(mean / baseline).toFixed(1)}× | ${bytes} |`,
  )
}
console.log('| case | n | req/s | mean ms | p95 ms | × healthz | gzip bytes |')
console.log('|---|---|---|---|---|---|---|')
for (const r of rows) console.log(r)
t.close()
