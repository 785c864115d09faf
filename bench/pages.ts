// What each page costs, in-process on the bench database: the statements it sends (round trips:
// a batch counts once), the values they bring back (each costs the driver ~1–3 µs), and the CPU
// time per request. A tool for finding where a page's time goes, not a target.
//
//   npx tsx bench/pages.ts [--scale] [--n 200] [--sql] [--profile DIR] [--cache] [ROLE:PATH …]   (default: every navigation page)
//
// --cache serves the pages as the server does: reads through db/fast-reads.ts and the page cache on
// (every measured request after the first is a hit; PAGE_CACHE=off keeps the server's reads but renders every
// time); statements are then not counted.
// --profile writes one V8 CPU profile per page (sampled every 100 µs over the measured requests)
// into DIR; `npx tsx bench/profile.ts DIR/FILE.cpuprofile` summarises it.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { Session } from 'node:inspector/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { createClient, type InStatement } from '@libsql/client'
import { drizzle } from 'drizzle-orm/libsql'
import { openDatabase } from '../db/client.ts'
import * as schema from '../db/schema/index.ts'
import type { Db } from '../db/types.ts'
import { navigation } from '../pool/access/index.ts'
import type { Role } from '../pool/shared/index.ts'
import { createApp } from '../server/app.ts'
import { parseConfig } from '../server/config.ts'
import { ACCOUNTS, BENCH_ITERATIONS, buildFixture, ROLES } from './fixture.ts'

const { values: opts, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    scale: { type: 'boolean', default: false },
    n: { type: 'string', default: '200' },
    sql: { type: 'boolean', default: false },
    db: { type: 'string' },
    profile: { type: 'string' },
    cache: { type: 'boolean', default: false },
  },
})
const ORIGIN = 'http://localhost:3000'
const dir = mkdtempSync(join(tmpdir(), 'ccpm-pages-'))
const file = opts.db ?? join(dir, 'bench.db')
const fixture = opts.db ? null : await buildFixture(file)
if (opts.scale && !opts.db) {
  const { grow } = await import('./scale.ts')
  console.log(await grow(file))
}

const client = createClient({ url: `file:${file}`, timeout: 5000 })
await client.execute('PRAGMA journal_mode=WAL')
let trips: string[] | null = null
let values = 0
const textOf = (s: InStatement) => (typeof s === 'string' ? s : s.sql).replace(/\s+/g, ' ')
const execute = client.execute.bind(client)
client.execute = (async (stmt: InStatement) => {
  const r = await execute(stmt)
  if (trips) {
    trips.push(`${r.rows.length} rows × ${r.columns.length}  ${textOf(stmt).slice(0, 160)}`)
    values += r.rows.length * r.columns.length
  }
  return r
}) as typeof client.execute
const batch = client.batch.bind(client)
client.batch = (async (stmts: InStatement[], mode?: 'write' | 'read' | 'deferred') => {
  const r = await batch(stmts, mode)
  if (trips) {
    trips.push(`batch of ${stmts.length}: ${stmts.map((s) => textOf(s).slice(0, 60)).join(' | ')}`)
    for (const x of r) values += x.rows.length * x.columns.length
  }
  return r
}) as typeof client.batch
const served = opts.cache ? await openDatabase(`file:${file}`) : null
const db = served?.db ?? (drizzle(client, { schema }) as unknown as Db)
const app = createApp({
  db,
  dataVersion: served?.reads?.dataVersion,
  config: {
    ...parseConfig({ BASE_URL: ORIGIN, PAGE_CACHE: process.env.PAGE_CACHE }),
    passwordIterations: BENCH_ITERATIONS,
  },
  assets: { css: '/assets/app.css', htmx: '/assets/htmx.js' },
  now: Date.now,
  log: (line) => JSON.stringify(line),
  clientAddress: () => '127.0.0.1',
})
const cookies = {} as Record<Role, string>
for (const role of ROLES) {
  const res = await app.request(`${ORIGIN}/login`, {
    method: 'POST',
    body: new URLSearchParams({ email: ACCOUNTS[role], password: 'demo' }),
    headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
  })
  cookies[role] = res.headers.get('set-cookie')!.split(';')[0]!
}
const pages: [Role | null, string][] = positionals.length
  ? positionals.map((p) => {
      const [role, path] = p.includes(':') ? p.split(':') : [null, p]
      return [
        role as Role | null,
        path!.replace('{need}', fixture?.needId ?? '').replace('{request}', fixture?.requestId ?? ''),
      ]
    })
  : [
      [null, '/healthz'],
      [null, '/login'],
      ...ROLES.flatMap((role) => navigation(role).map((item) => [role, item.href] as [Role, string])),
    ]
const n = Number(opts.n)
let session: Session | null = null
if (opts.profile) {
  mkdirSync(opts.profile, { recursive: true })
  session = new Session()
  session.connect()
  await session.post('Profiler.enable')
  await session.post('Profiler.setSamplingInterval', { interval: 100 })
}
console.log('| page | statements | values read | CPU ms/req | gzip B |')
console.log('|---|---|---|---|---|')
for (const [role, path] of pages) {
  const go = () =>
    app.request(`${ORIGIN}${path}`, {
      headers: { 'accept-encoding': 'gzip', ...(role ? { cookie: cookies[role] } : {}) },
    })
  for (let i = 0; i < Math.min(n, 50); i++) await (await go()).arrayBuffer()
  trips = []
  values = 0
  const res = await go()
  const bytes = (await res.arrayBuffer()).byteLength
  const seen = trips
  const read = values
  trips = null
  if (session) await session.post('Profiler.start')
  const c0 = process.cpuUsage()
  for (let i = 0; i < n; i++) await (await go()).arrayBuffer()
  const used = process.cpuUsage(c0)
  if (session) {
    const { profile } = await session.post('Profiler.stop')
    const name = `${role ?? 'anonymous'}${path.replace(/[^\w]+/g, '_')}.cpuprofile`
    writeFileSync(join(opts.profile!, name), JSON.stringify(profile))
  }
  console.log(
    `| ${role ?? ''} ${path} (${res.status}) | ${seen.length} | ${read} | ${((used.user + used.system) / 1000 / n).toFixed(2)} | ${bytes} |`,
  )
  if (opts.sql) for (const s of seen) console.log(`    ${s}`)
}
client.close()
served?.close()
if (!opts.db) rmSync(dir, { recursive: true, force: true })
