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
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
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
const port = await freePort()
const inspectorPort = await freePort()
const base = `http://127.0.0.1:${port}`
await promisify(execFile)(
  'npx',
  ['wrangler', 'd1', 'migrations', 'apply', 'DB', '--local', '--persist-to', dir],
  {
    env: { ...process.env, CI: '1' },
  },
)
const wrangler = spawn(
  'npx',
  [
    'wrangler',
    'dev',
    '--ip',
    '127.0.0.1',
    '--port',
    String(port),
    '--persist-to',
    dir,
    '--inspector-port',
    String(inspectorPort),
    '--var',
    `BASE_URL:${base}`,
  ],
  { env: { ...process.env, CLOUDFLARE_CF_FETCH_ENABLED: 'false' }, stdio: 'ignore', detached: true },
)
const stop = () => {
  try {
    process.kill(-wrangler.pid!, 'SIGTERM') // the process group started here
  } catch {}
  rmSync(dir, { recursive: true, force: true })
}

try {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).status === 200) break
    } catch {}
    if (i > 120) throw new Error('wrangler dev did not start')
    await new Promise((r) => setTimeout(r, 500))
  }
  // 1 ms between samples (INTERVAL µs): a finer interval adds its own cost to the isolate's busy time
  const profiler = await isolateProfiler(inspectorPort, Number(process.env.INTERVAL ?? 1000))
  /** CPU ms per call of `run`, from a profile around `n` calls (after one call to warm up). */
  const only = process.env.ONLY ? new RegExp(process.env.ONLY) : null
  const skipped = { cpu: Number.NaN, wall: Number.NaN }
  const measure = async (run: () => Promise<unknown>, n: number, name = '') => {
    if (only && !only.test(name)) return skipped
    await run()
    await profiler.start()
    const t0 = performance.now()
    for (let i = 0; i < n; i++) await run()
    const wall = (performance.now() - t0) / n
    const cpu = (await profiler.stop()) / n
    if (process.env.SAVE) {
      mkdirSync(process.env.SAVE, { recursive: true })
      const file = `${name.replace(/\W+/g, '_')}.cpuprofile`
      writeFileSync(join(process.env.SAVE, file), JSON.stringify(profiler.last()))
    }
    return { cpu, wall }
  }
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
  const rows: [string, { cpu: number; wall: number }, boolean][] = []
  const sign = 'POST /login (sign-in, production hash)'
  rows.push(['GET /healthz', await measure(get('/healthz'), N, 'GET /healthz'), true])
  rows.push(['GET /login', await measure(get('/login'), N, 'GET /login'), true])
  rows.push([sign, await measure(() => signIn(ACCOUNTS.island), 3, sign), false])
  for (const role of ROLES) {
    const cookie = await signIn(ACCOUNTS[role])
    for (const item of navigation(role)) {
      const name = `${role} GET ${item.href}`
      rows.push([name, await measure(get(item.href, cookie), N, name), true])
    }
  }
  profiler.close()
  console.log(
    `workerd (wrangler dev, local D1, demo data), ${N} requests a page, samples every ${process.env.INTERVAL ?? 1000} µs, load average ${loadavg()[0]!.toFixed(2)} at the end`,
  )
  console.log('')
  console.log('| case | CPU ms/req (isolate profile) | wall ms/req (profiled) | ≤ 5 ms |')
  console.log('|---|---:|---:|---|')
  for (const [name, f, target] of rows.filter(([, f]) => !Number.isNaN(f.cpu)))
    console.log(
      `| ${name} | ${f.cpu.toFixed(2)} | ${f.wall.toFixed(1)} | ${target ? (f.cpu <= 5 ? '✓' : '✗') : ''} |`,
    )
} finally {
  stop()
}
