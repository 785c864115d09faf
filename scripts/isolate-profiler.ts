/**
 * A V8 CPU profiler on a local Worker's isolate, through wrangler dev's inspector: the one way to
 * read a Worker's CPU time locally (timers do not advance during CPU work inside a Worker). Used by
 * scripts/cpu-profile.ts and bench/workerd.ts. Node 20 needs `--experimental-websocket`.
 */

interface Profile {
  nodes: { id: number; callFrame: { functionName: string } }[]
  samples: number[]
  timeDeltas: number[]
}

/** Milliseconds of a profile's samples that are not `(idle)`. */
export function busyMs(p: Profile): number {
  const idle = new Set(p.nodes.filter((x) => x.callFrame.functionName === '(idle)').map((x) => x.id))
  let busy = 0
  p.samples.forEach((s, i) => {
    if (!idle.has(s)) busy += p.timeDeltas[i]!
  })
  return busy / 1000
}

/** Connects to the isolate behind `inspectorPort`, sampling every `intervalUs` µs. */
export async function isolateProfiler(inspectorPort: number, intervalUs: number) {
  const [target] = (await (await fetch(`http://127.0.0.1:${inspectorPort}/json`)).json()) as {
    webSocketDebuggerUrl: string
  }[]
  // wrangler's inspector proxy takes tools that send an Origin of localhost
  const ws = new WebSocket(target!.webSocketDebuggerUrl, {
    headers: { origin: 'http://localhost' },
  } as unknown as string[])
  await new Promise((resolve, reject) => {
    ws.onopen = resolve
    ws.onerror = reject
  })
  let id = 0
  const pending = new Map<number, (m: { result: unknown }) => void>()
  ws.onmessage = (e) => {
    const m = JSON.parse(String(e.data))
    if (m.id && pending.has(m.id)) pending.get(m.id)!(m)
  }
  const call = <T>(method: string, params = {}) =>
    new Promise<T>((resolve) => {
      const i = ++id
      pending.set(i, (m) => resolve(m.result as T))
      ws.send(JSON.stringify({ id: i, method, params }))
    })
  await call('Profiler.enable')
  await call('Profiler.setSamplingInterval', { interval: intervalUs })
  let last: Profile | null = null
  return {
    start: () => call('Profiler.start'),
    /** Stops the profile begun by `start` and returns its busy milliseconds. */
    stop: async () => {
      last = (await call<{ profile: Profile }>('Profiler.stop')).profile
      return busyMs(last)
    },
    /** The profile the last `stop` ended (to save as .cpuprofile for bench/profile.ts). */
    last: () => last,
    close: () => ws.close(),
  }
}
