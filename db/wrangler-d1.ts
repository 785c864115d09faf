/**
 * A `Db` for command-line tools that reaches a D1 database through `wrangler d1 execute`, so that
 * the admin scripts run the same query code on D1 as on libSQL (docs/workers.md, "First admin").
 * Node-only (the Worker never imports it). drizzle's sqlite-proxy hands over each statement with
 * its parameters; they are written into the SQL as literals (wrangler's --command takes no
 * bindings) and sent with `--json`. A batch is one --command of several statements: wrangler runs
 * them as one D1 batch locally (atomic), and as one query call remotely.
 */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { drizzle } from 'drizzle-orm/sqlite-proxy'
import * as schema from './schema/index.ts'
import type { Db } from './types.ts'

export interface D1Target {
  /** The binding in wrangler.toml. */
  binding: string
  /** --remote: the deployed database; otherwise wrangler's local state. */
  remote: boolean
  /** wrangler's --env (the production section names the production database). */
  env?: string
  /** wrangler's --persist-to for the local state (default .wrangler/state). */
  persistTo?: string
  /** Called with every SQL text sent (for a dry run or a log). */
  onSql?: (sql: string) => void
}

/** A parameter as an SQL literal. */
export function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL'
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cannot write ${value} into SQL`)
    return String(value)
  }
  if (typeof value === 'bigint') return value.toString()
  if (typeof value === 'boolean') return value ? '1' : '0'
  if (value instanceof Uint8Array) return `X'${Buffer.from(value).toString('hex')}'`
  const text = String(value)
  if (text.includes('\0')) throw new Error('cannot write a NUL character into SQL')
  return `'${text.replaceAll("'", "''")}'`
}

/** Replaces each `?` outside quotes and comments with the next parameter as a literal. */
export function inline(sql: string, params: readonly unknown[]): string {
  let out = ''
  let next = 0
  for (let i = 0; i < sql.length; i++) {
    const ch = sql[i]!
    if (ch === "'" || ch === '"' || ch === '`') {
      const end = sql.indexOf(ch, i + 1)
      if (end < 0) throw new Error('unterminated quote in SQL')
      out += sql.slice(i, end + 1)
      i = end
    } else if (ch === '?') {
      if (next >= params.length) throw new Error('more placeholders than parameters')
      out += literal(params[next++])
    } else out += ch
  }
  if (next !== params.length) throw new Error('more parameters than placeholders')
  return out
}

interface Result {
  results?: Record<string, unknown>[]
  success: boolean
  error?: string
}

export function wranglerD1(target: D1Target): Db {
  const run = async (sql: string): Promise<Result[]> => {
    target.onSql?.(sql)
    const args = ['wrangler', 'd1', 'execute', target.binding, target.remote ? '--remote' : '--local']
    if (target.env) args.push('--env', target.env)
    if (target.persistTo) args.push('--persist-to', target.persistTo)
    args.push('--json', '--command', sql)
    try {
      const { stdout } = await promisify(execFile)('npx', args, { maxBuffer: 64 * 1024 * 1024 })
      return JSON.parse(stdout) as Result[]
    } catch (err) {
      // wrangler reports a failed statement as JSON on stdout ({ error: { text, notes } })
      const out = (err as { stdout?: string }).stdout ?? ''
      let message = (err as Error).message
      try {
        const e = JSON.parse(out) as { error?: { text?: string; notes?: { text: string }[] } }
        if (e.error) message = [e.error.text, ...(e.error.notes ?? []).map((n) => n.text)].join(': ')
      } catch {}
      throw new Error(message)
    }
  }
  // sqlite-proxy wants rows as arrays in column order: D1 returns objects in that order
  const rows = (r: Result | undefined, method: string) => {
    const list = (r?.results ?? []).map((row) => Object.values(row))
    return method === 'get' ? list[0] : list
  }
  return drizzle(
    async (sql, params, method) => ({ rows: rows((await run(inline(sql, params)))[0], method) as unknown[] }),
    async (queries) => {
      const results = await run(queries.map((q) => inline(q.sql, q.params)).join(';\n'))
      return queries.map((q, i) => ({ rows: rows(results[i], q.method) as unknown[] }))
    },
    { schema },
  ) as unknown as Db
}
