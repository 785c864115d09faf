/**
 * A barrier around the real database for race tests: batches that `match` wait until `parties`
 * of them have arrived (or `timeoutMs` passed), then all go on together. So every racer has read
 * before any writes, and only a rule held in the write itself can tell them apart.
 */
import type { Db } from '../../db/types.ts'

/** The SQL of a batch's first statement (drizzle builders can say it). */
export function firstSql(stmts: readonly unknown[]): string {
  const first = stmts[0] as { toSQL?: () => { sql: string } } | undefined
  return first?.toSQL?.().sql ?? ''
}

export function barrier(match: (sql: string) => boolean, parties = 2, timeoutMs = 2000) {
  let waiting: (() => void)[] = []
  let timer: ReturnType<typeof setTimeout> | undefined
  const release = () => {
    clearTimeout(timer)
    const go = waiting
    waiting = []
    for (const f of go) f()
  }
  const arrive = () =>
    new Promise<void>((resolve) => {
      waiting.push(resolve)
      if (waiting.length >= parties) release()
      else if (waiting.length === 1) timer = setTimeout(release, timeoutMs)
    })
  return (db: Db): Db =>
    new Proxy(db, {
      get(target, prop, receiver) {
        if (prop === 'batch')
          return async (stmts: Parameters<Db['batch']>[0]) => {
            if (match(firstSql(stmts))) await arrive()
            return target.batch(stmts)
          }
        const value = Reflect.get(target, prop, receiver)
        return typeof value === 'function' ? value.bind(target) : value
      },
    })
}
