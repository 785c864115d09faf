/**
 * Bounded, fair concurrency for password hashing. A hash is CPU for a few hundred milliseconds;
 * a flood of sign-ins must neither take every core nor make everyone else wait behind it.
 * - At most `limit` hashes run at once, and at most one per key (the client's address): a
 *   flooding address hashes on one slot while another address's sign-in takes a free one
 *   (server/serve.ts gives at least two slots).
 * - Waiting work is queued per key and served round robin, so one address's thousand requests
 *   wait behind each other, not in front of others.
 * - A key with work still queued rests after each run as long as the run took: a flood gets at
 *   most half of one core, and the rest of the machine keeps serving. A key with nothing queued
 *   does not rest (one person signing in twice never waits for themself).
 * - Work that waited longer than `maxWaitMs` is refused (`GateBusy`): its client has likely gone.
 * Plain JavaScript: the same on Node and Workers.
 */

export class GateBusy extends Error {
  constructor() {
    super('busy: too many password checks waiting')
  }
}

interface Waiter {
  since: number
  wake: () => void
  fail: (err: Error) => void
}

export class FairGate {
  private running = 0
  /** Keys with work running now. */
  private readonly busy = new Set<string>()
  /** Until when a backlogged key rests after its last run. */
  private readonly resting = new Map<string, number>()
  /** Waiters per key, in the order keys are served (a Map keeps insertion order). */
  private readonly queues = new Map<string, Waiter[]>()
  private timer: ReturnType<typeof setTimeout> | undefined

  constructor(
    private limit: number,
    private readonly maxWaitMs = 30_000,
  ) {}

  setLimit(limit: number) {
    this.limit = Math.max(1, Math.floor(limit))
  }

  /** How many are waiting (for tests and logs). */
  get waiting(): number {
    let n = 0
    for (const q of this.queues.values()) n += q.length
    return n
  }

  private idle(key: string, now: number) {
    return !this.busy.has(key) && (this.resting.get(key) ?? 0) <= now
  }

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    if (this.running < this.limit && !this.queues.has(key) && this.idle(key, performance.now()))
      this.start(key)
    else
      await new Promise<void>((wake, fail) => {
        const q = this.queues.get(key)
        const waiter = { since: performance.now(), wake, fail }
        if (q) q.push(waiter)
        else this.queues.set(key, [waiter])
      })
    const started = performance.now()
    try {
      return await work()
    } finally {
      const ended = performance.now()
      if (this.queues.has(key)) this.resting.set(key, ended + (ended - started))
      this.running--
      this.busy.delete(key)
      this.dispatch()
    }
  }

  private start(key: string) {
    this.running++
    this.busy.add(key)
  }

  /** Fills free slots with the first waiter of each idle key in turn; a key served goes to the back. */
  private dispatch() {
    const now = performance.now()
    for (const [key, until] of this.resting) if (until <= now) this.resting.delete(key)
    for (const [key, q] of [...this.queues]) {
      while (q.length > 0 && now - q[0]!.since > this.maxWaitMs) q.shift()!.fail(new GateBusy())
      if (q.length === 0) this.queues.delete(key)
    }
    for (const [key, q] of [...this.queues]) {
      if (this.running >= this.limit) return
      if (!this.idle(key, now)) continue
      const waiter = q.shift()!
      this.queues.delete(key)
      if (q.length > 0) this.queues.set(key, q)
      this.start(key)
      waiter.wake()
    }
    // a free slot and only resting keys waiting: come back when the first rest ends
    const next = Math.min(
      ...[...this.queues.keys()].map((k) => this.resting.get(k) ?? Number.POSITIVE_INFINITY),
    )
    if (this.running < this.limit && Number.isFinite(next) && !this.timer) {
      this.timer = setTimeout(
        () => {
          this.timer = undefined
          this.dispatch()
        },
        Math.max(1, next - now),
      )
      ;(this.timer as { unref?: () => void }).unref?.()
    }
  }
}
