/**
 * Bounded, fair concurrency for password hashing. A hash is CPU for a few hundred milliseconds;
 * a flood of sign-ins must neither take every core nor make everyone else wait behind it. At most
 * `limit` hashes run at once; waiting work is queued per key (the client's address) and served
 * round robin, so one address's thousand requests wait behind each other, not in front of others.
 * Plain JavaScript: the same on Node and Workers.
 */

export class FairGate {
  private running = 0
  /** Waiters per key, in the order keys are served (a Map keeps insertion order). */
  private readonly queues = new Map<string, (() => void)[]>()

  constructor(private limit: number) {}

  setLimit(limit: number) {
    this.limit = Math.max(1, Math.floor(limit))
  }

  /** How many are waiting (for tests and logs). */
  get waiting(): number {
    let n = 0
    for (const q of this.queues.values()) n += q.length
    return n
  }

  async run<T>(key: string, work: () => Promise<T>): Promise<T> {
    if (this.running < this.limit && this.queues.size === 0) this.running++
    else
      await new Promise<void>((resolve) => {
        const q = this.queues.get(key)
        if (q) q.push(resolve)
        else this.queues.set(key, [resolve])
      })
    try {
      return await work()
    } finally {
      this.next()
    }
  }

  /** Hands the freed slot to the first waiter of the next key; that key goes to the back. */
  private next() {
    const first = this.queues.entries().next()
    if (first.done) {
      this.running--
      return
    }
    const [key, q] = first.value
    const wake = q.shift()!
    this.queues.delete(key)
    if (q.length > 0) this.queues.set(key, q)
    wake()
  }
}
