/**
 * A D1 binding that counts what reaches the database: round trips (one per statement run alone,
 * one per batch) and queries (every statement, batched or not: what hosted D1's per-invocation
 * limit counts). Handed to the Worker through its env, so the app runs unchanged.
 */
export interface D1Count {
  trips: number
  queries: number
  /** The SQL of each round trip (a batch's statements joined by " ;; "). */
  sql?: string[]
}

export function countingD1(db: D1Database): { binding: D1Database; count: D1Count; reset: () => D1Count } {
  const count: D1Count = { trips: 0, queries: 0, sql: [] }
  const real = new WeakMap<object, D1PreparedStatement>()
  const text = new WeakMap<object, string>()
  const wrap = (stmt: D1PreparedStatement, query: string): D1PreparedStatement => {
    const proxy = new Proxy(stmt, {
      get(target, prop) {
        if (prop === 'bind') return (...values: unknown[]) => wrap(target.bind(...values), query)
        if (prop === 'run' || prop === 'all' || prop === 'first' || prop === 'raw') {
          return (...args: unknown[]) => {
            count.trips++
            count.queries++
            count.sql!.push(query)
            return (target[prop] as (...a: unknown[]) => unknown).apply(target, args)
          }
        }
        const value = Reflect.get(target, prop, target)
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
    real.set(proxy, stmt)
    text.set(proxy, query)
    return proxy
  }
  const binding = new Proxy(db, {
    get(target, prop) {
      if (prop === 'prepare') return (query: string) => wrap(target.prepare(query), query)
      if (prop === 'batch')
        return (statements: D1PreparedStatement[]) => {
          count.trips++
          count.queries += statements.length
          count.sql!.push(statements.map((s) => text.get(s) ?? '?').join(' ;; '))
          return target.batch(statements.map((s) => real.get(s) ?? s))
        }
      if (prop === 'exec')
        return (query: string) => {
          count.trips++
          count.queries++
          return target.exec(query)
        }
      const value = Reflect.get(target, prop, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
  return {
    binding,
    count,
    reset: () => {
      const was = { trips: count.trips, queries: count.queries, sql: count.sql }
      count.trips = 0
      count.queries = 0
      count.sql = []
      return was
    },
  }
}
