// `npx tsx scripts/cpu-profile.ts [N]`: CPU time per request of sign-in and the main pages, side by
// side: on workerd (`wrangler dev` with its inspector: a V8 CPU profile of the Worker's isolate
// around N requests of each kind) and on Node (the same app in this process on a libSQL file:
// process.cpuUsage() around the same N requests). Both with production password work (600,000
// PBKDF2 iterations as 6 × 100,000). Prints a Markdown table (docs/workers.md, "Cost per request").
// Inside a Worker timers do not advance during CPU work, so CPU is read from profiles, not clocks.
import { execFileSync, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isolateProfiler } from './isolate-profiler.ts'

// Node 20's WebSocket (for the inspector) is behind a flag: run again with it.
if (typeof WebSocket === 'undefined') {
  const again = spawnSync(
    process.execPath,
    ['--experimental-websocket', '--no-warnings', '--import', 'tsx', ...process.argv.slice(1)],
    { stdio: 'inherit' },
  )
  process.exit(again.status ?? 1)
}

const N = Number(process.argv[2] ?? 10)
const SIGN_INS = Math.max(3, Math.round(N / 2))

interface Case {
  name: string
  who?: string
  path: string
  signIn?: boolean
}
const CASES: Case[] = [
  { name: 'GET /login (no session)', path: '/login' },
  { name: 'POST /login (sign-in)', path: '/login', signIn: true },
  { name: 'GET / (coordinator)', who: 'coordinator@demo.ccpm', path: '/' },
  { name: 'GET /requests (coordinator)', who: 'coordinator@demo.ccpm', path: '/requests' },
  { name: 'GET /pool (coordinator)', who: 'coordinator@demo.ccpm', path: '/pool' },
  { name: 'GET /hrc (dispatcher)', who: 'dispatcher@demo.ccpm', path: '/hrc' },
  { name: 'GET /me (functionary1)', who: 'functionary1@demo.ccpm', path: '/me' },
]

type Fetch = (path: string, init?: RequestInit) => Promise<Response>

function requester(base: string, doFetch: Fetch) {
  const signIn = async (email: string) => {
    const res = await doFetch('/login', {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email, password: 'demo' }),
    })
    await res.arrayBuffer()
    if (res.status !== 303) throw new Error(`sign in ${email}: ${res.status}`)
    return res.headers.get('set-cookie')!.split(';')[0]!
  }
  const cookies = new Map<string, string>()
  return async (c: Case) => {
    if (c.signIn) return signIn('saba@demo.ccpm')
    let cookie = ''
    if (c.who) {
      cookie = cookies.get(c.who) ?? (await signIn(c.who))
      cookies.set(c.who, cookie)
    }
    const res = await doFetch(c.path, { headers: { cookie }, redirect: 'manual' })
    await res.arrayBuffer()
    if (res.status !== 200) throw new Error(`${c.name}: ${res.status}`)
    return ''
  }
}

/** CPU seconds (user + system) used so far by the workerd processes of a process group. */
function workerdCpu(group: number): number {
  const pids = execFileSync('ps', ['-e', '-o', 'pid=,pgid=,comm='], { encoding: 'utf8' })
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .filter(([, pgid, comm]) => Number(pgid) === group && /workerd/.test(comm ?? ''))
    .map(([pid]) => pid!)
  if (pids.length === 0) throw new Error(`no workerd in process group ${group}`)
  let ticks = 0
  for (const pid of pids) {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    ticks += Number(fields[11]) + Number(fields[12]) // utime, stime (fields 14 and 15)
  }
  return ticks / 100
}

/**
 * workerd: a CPU profile of the Worker's isolate through wrangler's inspector proxy (busy samples:
 * JS, GC and native work such as PBKDF2 in the isolate's thread; on a loaded machine this also
 * counts time the thread waited for a core), and the workerd processes' CPU time from /proc (the
 * isolate, the local D1 and wrangler's proxy Worker: like Node's figure, database included).
 */
async function workerd(): Promise<
  Map<string, { cpu: number; processCpu: number; wall: number; profiledWall: number }>
> {
  // @ts-expect-error a plain .mjs helper shared with scripts/wrangler-flow.mjs
  const { freePort, startLocal } = await import('./wrangler-local.mjs')
  const inspectorPort = await freePort()
  const server = await startLocal({ inspectorPort })
  const out = new Map<string, { cpu: number; processCpu: number; wall: number; profiledWall: number }>()
  try {
    const profiler = await isolateProfiler(inspectorPort, Number(process.env.INTERVAL ?? 1000))
    const run = requester(server.base, (path, init) => fetch(`${server.base}${path}`, init))
    for (const c of CASES) {
      const n = c.signIn ? SIGN_INS : N
      await run(c) // warm: the isolate has compiled this path, the session exists
      const plain = performance.now()
      const cpuBefore = workerdCpu(server.group)
      for (let i = 0; i < n; i++) await run(c)
      const processCpu = ((workerdCpu(server.group) - cpuBefore) * 1000) / n
      const unprofiled = (performance.now() - plain) / n
      await profiler.start()
      const started = performance.now()
      for (let i = 0; i < n; i++) await run(c)
      const wall = (performance.now() - started) / n
      const busy = await profiler.stop()
      out.set(c.name, { cpu: busy / n, processCpu, wall: unprofiled, profiledWall: wall })
    }
    profiler.close()
  } finally {
    await server.stop()
  }
  return out
}

/** Node: the same app in this process on a libSQL file, as `npm start` builds it. */
async function node(): Promise<Map<string, { cpu: number; wall: number }>> {
  const { openDatabase } = await import('../db/client.ts')
  const { seed } = await import('../db/seed/index.ts')
  const { createApp } = await import('../server/app.ts')
  const { hashPassword } = await import('../server/auth/password.ts')
  const { parseConfig } = await import('../server/config.ts')
  const dir = mkdtempSync(join(tmpdir(), 'ccpm-cpu-'))
  const base = 'http://localhost:3000'
  const config = parseConfig({ DATABASE_URL: `file:${join(dir, 'cpu.db')}`, BASE_URL: base })
  const { db, counters, close } = await openDatabase(config.databaseUrl)
  const out = new Map<string, { cpu: number; wall: number }>()
  try {
    await seed(db, { demo: true, demoPasswordHash: await hashPassword('demo'), now: Date.now() })
    const app = createApp({
      db,
      counters,
      config,
      assets: { css: '/assets/app.css', htmx: '/assets/htmx.js' },
      now: Date.now,
      log: () => {},
      clientAddress: () => '127.0.0.1',
    })
    const run = requester(base, async (path, init) => app.request(`${base}${path}`, init))
    for (const c of CASES) {
      const n = c.signIn ? SIGN_INS : N
      await run(c)
      const before = process.cpuUsage()
      const started = performance.now()
      for (let i = 0; i < n; i++) await run(c)
      const wall = (performance.now() - started) / n
      const used = process.cpuUsage(before)
      out.set(c.name, { cpu: (used.user + used.system) / 1000 / n, wall })
    }
  } finally {
    close()
    rmSync(dir, { recursive: true, force: true })
  }
  return out
}

const onNode = await node()
const onWorkerd = await workerd()
const ms = (x: number) => (x < 10 ? x.toFixed(1) : Math.round(x).toString())
console.log(`\n${N} requests per page, ${SIGN_INS} sign-ins; ms per request\n`)
console.log(
  '| request | workerd isolate (profile) | workerd processes (CPU) | workerd wall | Node process (CPU) | Node wall |',
)
console.log('|---|---:|---:|---:|---:|---:|')
for (const c of CASES) {
  const w = onWorkerd.get(c.name)!
  const n = onNode.get(c.name)!
  console.log(
    `| ${c.name} | ${ms(w.cpu)} | ${ms(w.processCpu)} | ${ms(w.wall)} | ${ms(n.cpu)} | ${ms(n.wall)} |`,
  )
}
