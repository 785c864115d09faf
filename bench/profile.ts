// Summarises a V8 CPU profile (`node --cpu-prof`, or a Profiler.stop() result of workerd's
// inspector): where the samples fall, by function (self and total time) and by file or package.
//
//   npx tsx bench/profile.ts FILE.cpuprofile [--top 30] [--requests N]
//
// With --requests N the busy time is also given per request (for the workerd CPU figure).
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'

interface Node {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
export interface Profile {
  nodes: Node[]
  samples: number[]
  timeDeltas: number[]
  startTime: number
  endTime: number
}

const IDLE = new Set(['(idle)', '(program)', '(garbage collector)'])

/** Where a url belongs: a package of node_modules, a file of ours, or node's internals. */
function owner(url: string): string {
  if (!url) return '(native)'
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (nm) return nm[1]!
  if (url.startsWith('node:')) return 'node'
  const ours = /(?:dist|server|views|db|pool)\/.*$/.exec(url)
  return ours ? ours[0] : url
}

export function summarise(p: Profile, top = 30, requests?: number): string[] {
  const byId = new Map(p.nodes.map((n) => [n.id, n]))
  const parent = new Map<number, number>()
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const self = new Map<number, number>()
  for (let i = 0; i < p.samples.length; i++) {
    const dt = p.timeDeltas[i + 1] ?? 0 // a sample's time is the gap to the next one
    self.set(p.samples[i]!, (self.get(p.samples[i]!) ?? 0) + dt)
  }
  let total = 0
  let idle = 0
  let gc = 0
  const fnSelf = new Map<string, number>()
  const fnTotal = new Map<string, number>()
  const files = new Map<string, number>()
  for (const [id, us] of self) {
    const n = byId.get(id)!
    total += us
    const name = n.callFrame.functionName || '(anonymous)'
    if (name === '(idle)') idle += us
    if (name === '(garbage collector)') gc += us
    const key = `${name} ${owner(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`
    fnSelf.set(key, (fnSelf.get(key) ?? 0) + us)
    const o = IDLE.has(name) ? name : owner(n.callFrame.url)
    files.set(o, (files.get(o) ?? 0) + us)
    // total time: every distinct function on the stack gets the sample once
    const seen = new Set<string>()
    for (let at: number | undefined = id; at != null; at = parent.get(at)) {
      const f = byId.get(at)!
      const fk = `${f.callFrame.functionName || '(anonymous)'} ${owner(f.callFrame.url)}:${f.callFrame.lineNumber + 1}`
      if (seen.has(fk)) continue
      seen.add(fk)
      fnTotal.set(fk, (fnTotal.get(fk) ?? 0) + us)
    }
  }
  const busy = total - idle
  const pct = (us: number) => `${((100 * us) / busy).toFixed(1)} %`
  const out = [
    `profile: ${(total / 1000).toFixed(0)} ms sampled, ${(busy / 1000).toFixed(0)} ms busy (not idle), of which GC ${(gc / 1000).toFixed(0)} ms`,
  ]
  if (requests) out.push(`busy per request: ${(busy / 1000 / requests).toFixed(2)} ms (${requests} requests)`)
  const table = (title: string, m: Map<string, number>, n: number) => {
    out.push('', `${title} (share of busy time)`)
    for (const [k, us] of [...m]
      .filter(([k]) => !k.startsWith('(idle)'))
      .sort((a, b) => b[1] - a[1])
      .slice(0, n))
      out.push(`${pct(us).padStart(7)}  ${k}`)
  }
  table('by file or package, self', files, 25)
  table('by function, self', fnSelf, top)
  table('by function, total', fnTotal, top)
  return out
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { top: { type: 'string', default: '30' }, requests: { type: 'string' } },
  })
  const p = JSON.parse(readFileSync(positionals[0]!, 'utf8')) as Profile
  for (const line of summarise(p, Number(values.top), values.requests ? Number(values.requests) : undefined))
    console.log(line)
}
