// `npx tsx bench/start.ts [runs] -- COMMAND…`: how long a production start takes until GET /healthz
// answers 200, and how much memory the whole process tree holds once it serves (the sum of VmRSS
// over the command's process and all its descendants, from /proc; Linux only). Each run starts on
// a fresh database. docs/bench.md records the figures before and after the esbuild bundle.
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const dash = process.argv.indexOf('--')
const runs = Number(process.argv[2] !== '--' ? process.argv[2] : 5) || 5
const command = process.argv.slice(dash + 1)
if (dash < 0 || command.length === 0) {
  console.error('usage: npx tsx bench/start.ts [runs] -- COMMAND…')
  process.exit(2)
}

/** The pids of `root` and all its descendants. */
function tree(root: number): number[] {
  const parent = new Map<number, number>()
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8')
      parent.set(Number(name), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]))
    } catch {}
  }
  const out = [root]
  for (let i = 0; i < out.length; i++) for (const [pid, ppid] of parent) if (ppid === out[i]) out.push(pid)
  return out
}

function rssMb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m ? Number(m[1]) / 1024 : 0
  } catch {
    return 0
  }
}

async function once(port: number): Promise<{ ms: number; rss: number; processes: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'ccpm-start-'))
  const started = performance.now()
  const proc: ChildProcess = spawn(command[0]!, command.slice(1), {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      BASE_URL: `http://localhost:${port}`,
      DATABASE_URL: `file:${join(dir, 'start.db')}`,
    },
    stdio: 'ignore',
    detached: true,
  })
  try {
    for (;;) {
      if (proc.exitCode != null) throw new Error(`${command.join(' ')} exited with ${proc.exitCode}`)
      try {
        if ((await fetch(`http://127.0.0.1:${port}/healthz`)).status === 200) break
      } catch {}
      await new Promise((r) => setTimeout(r, 10))
    }
    const ms = performance.now() - started
    await new Promise((r) => setTimeout(r, 1000)) // settled, serving
    const pids = tree(proc.pid!)
    return { ms, rss: pids.reduce((sum, pid) => sum + rssMb(pid), 0), processes: pids.length }
  } finally {
    try {
      process.kill(-proc.pid!, 'SIGKILL')
    } catch {}
    await new Promise((r) => setTimeout(r, 200))
    rmSync(dir, { recursive: true, force: true })
  }
}

const results = []
for (let i = 0; i < runs; i++) results.push(await once(24_000 + i))
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
console.log(
  JSON.stringify({
    command: command.join(' '),
    runs,
    startMs: median(results.map((r) => r.ms)),
    rssMb: median(results.map((r) => r.rss)),
    processes: median(results.map((r) => r.processes)),
    all: results.map((r) => ({ ms: Math.round(r.ms), rss: Math.round(r.rss), processes: r.processes })),
  }),
)
