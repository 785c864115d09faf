// CPU time per page on workerd (the target: ≤ 5 ms a page, sign-in aside). `wrangler dev` serves the
// Worker on a fresh local D1 (migrated, seeded with the demo data by the first request) with its
// inspector open; for every page in every role's navigation this takes a V8 CPU profile of the
// Worker's isolate around N requests and counts the samples that are not idle. Timers do not
// advance during CPU work inside a Worker, so the figure comes from the profile, not from clocks.
// (The method of scripts/cpu-profile.ts, for every navigation page.)
//
//   npx tsx bench/workerd.ts [N]      (prints a Markdown table)
//
// SAVE=DIR keeps each page's profile as DIR/<case>.cpuprofile (`npx tsx bench/profile.ts FILE`
// tells where its samples fell); ONLY=REGEX measures only the cases it matches.
import { execFile, spawn, spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { navigation } from '../pool/access/index.ts'
import { isolateProfiler } from '../scripts/isolate-profiler.ts'
import { ACCOUNTS, ROLES } from './fixture.ts'

// Node 20's WebSocket (for the inspector) is behind a flag: run again with it.
if (typeof WebSocket === 'undefined') {
  const again = spawnSync(
    process.execPath,
    ['--experimental-websocket', '--no-warnings', '--import', 'tsx', ...process.argv.slice(1)],
    { stdio: 'inherit' },
  )
  process.exit(again.status ?? 1)
}

const N = Number(process.argv[2] ?? 20)

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number }
      s.close(() => resolve(port))
    })
  })

const dir = mkdtempSync(join(tmpdir(), 'ccpm-workerd-'))
await promisify(execFile)(
  'npx',
  ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', dir],
  { env: { ...process.env, CI: '1' } },
)

/** A `wrangler dev` with its inspector open, in a process group of its own. */
async function wranglerDev(argsFor: (base: string) => string[], ready: string) {
  const port = await freePort()
  const inspectorPort = await freePort()
  const base = `http://127.0.0.1:${port}`
  const args = argsFor(base)
  const child = spawn(
    'npx',
    [
      'wrangler',
      'dev',
      '--ip',
      '127.0.0.1',
      '--port',
      String(port),
      '--inspector-port',
      String(inspectorPort),
      ...args,
    ],
    { env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false' }, stdio: 'ignore', detached: true },
  )
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}${ready}`)).status === 200) break
    } catch {}
    if (i > 120) throw new Error('wrangler dev did not start')
    await new Promise((r) => setTimeout(r, 500))
  }
  // 1 ms between samples (INTERVAL µs): a finer interval adds its own cost to the isolate's busy time
  const profiler = await isolateProfiler(inspectorPort, Number(process.env.INTERVAL ?? 1000))
  /**
   * CPU nanoseconds used so far by every thread of the workerd processes this `wrangler dev`
   * started (its process group): a reading that needs no profiler. It holds more than the Worker
   * (the local D1's SQLite and the dev proxy run in the same processes): an upper bound.
   */
  const cpuNs = () => {
    let ns = 0
    for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
      try {
        const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
        // after the command's name: state, parent, process group …
        const group = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2])
        if (group !== child.pid || !stat.includes('(workerd)')) continue
        for (const tid of readdirSync(`/proc/${pid}/task`))
          ns += Number(readFileSync(`/proc/${pid}/task/${tid}/schedstat`, 'utf8').split(' ')[0])
      } catch {}
    }
    return ns
  }
  const stop = () => {
    profiler.close()
    try {
      process.kill(-child.pid!, 'SIGTERM')
    } catch {}
  }
  return { base, profiler, cpuNs, stop }
}

type Dev = Awaited<ReturnType<typeof wranglerDev>>
const only = process.env.ONLY ? new RegExp(process.env.ONLY) : null
const skipped = { cpu: Number.NaN, wall: Number.NaN, proc: Number.NaN }
/**
 * Per call of `run` (after one to warm up): the workerd processes' CPU over `n` unprofiled calls,
 * then the isolate profile's busy time and the wall time over `n` profiled calls.
 */
async function measure(dev: Dev, run: () => Promise<unknown>, n: number, name: string) {
  if (only && !only.test(name)) return skipped
  await run()
  const ns0 = dev.cpuNs()
  for (let i = 0; i < n; i++) await run()
  const proc = (dev.cpuNs() - ns0) / 1e6 / n
  await dev.profiler.start()
  const t0 = performance.now()
  for (let i = 0; i < n; i++) await run()
  const wall = (performance.now() - t0) / n
  const cpu = (await dev.profiler.stop()) / n
  if (process.env.SAVE) {
    mkdirSync(process.env.SAVE, { recursive: true })
    const file = `${name.replace(/\W+/g, '_')}.cpuprofile`
    writeFileSync(join(process.env.SAVE, file), JSON.stringify(dev.profiler.last()))
  }
  return { cpu, wall, proc }
}

const hello = await wranglerDev(() => ['--config', 'bench/hello-worker/wrangler.toml'], '/')
const app = await wranglerDev((base) => ['--persist-to', dir, '--var', `BASE_URL:${base}`], '/healthz')
const stop = () => {
  hello.stop()
  app.stop()
  rmSync(dir, { recursive: true, force: true })
}

try {
  const base = app.base
  const helloRun = async () => (await fetch(`${hello.base}/`)).arrayBuffer()
  const signIn = async (email: string) => {
    const res = await fetch(`${base}/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email, password: 'demo' }),
    })
    await res.arrayBuffer()
    if (res.status !== 303) throw new Error(`sign-in of ${email}: ${res.status}`)
    return res.headers.get('set-cookie')!.split(';')[0]!
  }
  const get =
    (path: string, cookie = '') =>
    async () => {
      const res = await fetch(`${base}${path}`, {
        headers: { cookie, 'accept-encoding': 'gzip' },
        redirect: 'manual',
      })
      await res.arrayBuffer()
      if (res.status !== 200) throw new Error(`${path}: ${res.status}`)
    }
  const rows: [string, { cpu: number; wall: number; proc: number }, boolean][] = []
  const helloFirst = await measure(hello, helloRun, N, 'hello')
  const sign = 'POST /login (sign-in, production hash)'
  rows.push(['GET /healthz', await measure(app, get('/healthz'), N, 'GET /healthz'), true])
  rows.push(['GET /login', await measure(app, get('/login'), N, 'GET /login'), true])
  rows.push([sign, await measure(app, () => signIn(ACCOUNTS.island), 3, sign), false])
  for (const role of ROLES) {
    const cookie = await signIn(ACCOUNTS[role])
    for (const item of navigation(role)) {
      const name = `${role} GET ${item.href}`
      rows.push([name, await measure(app, get(item.href, cookie), N, name), true])
    }
  }
  const helloLast = await measure(hello, helloRun, N, 'hello')
  const yard = {
    cpu: (helloFirst.cpu + helloLast.cpu) / 2,
    proc: (helloFirst.proc + helloLast.proc) / 2,
  }
  console.log(
    `workerd (wrangler dev, local D1, demo data), ${N} requests a page, samples every ${process.env.INTERVAL ?? 1000} µs, load average ${loadavg()[0]!.toFixed(2)} at the end`,
  )
  console.log(
    `bare Hono hello Worker under the same wrangler dev: isolate profile ${helloFirst.cpu.toFixed(2)} / ${helloLast.cpu.toFixed(2)} ms a request (first / last), workerd processes ${helloFirst.proc.toFixed(2)} / ${helloLast.proc.toFixed(2)} ms`,
  )
  console.log('')
  console.log(
    '| case | CPU ms/req (isolate profile) | wall ms/req (profiled) | workerd processes CPU ms/req (unprofiled) | profile − hello | processes − hello | ≤ 5 ms (profile) | ≤ 5 ms above the hello |',
  )
  console.log('|---|---:|---:|---:|---:|---:|---|---|')
  for (const [name, f, target] of rows.filter(([, f]) => !Number.isNaN(f.cpu))) {
    const aboveCpu = f.cpu - yard.cpu
    const aboveProc = f.proc - yard.proc
    const mark = (ok: boolean) => (target ? (ok ? '✓' : '✗') : '')
    console.log(
      `| ${name} | ${f.cpu.toFixed(2)} | ${f.wall.toFixed(1)} | ${f.proc.toFixed(2)} | ${aboveCpu.toFixed(2)} | ${aboveProc.toFixed(2)} | ${mark(f.cpu <= 5)} | ${mark(Math.max(aboveCpu, aboveProc) <= 5)} |`,
    )
  }
} finally {
  stop()
}
