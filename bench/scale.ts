// The scale of a bad season: the bench database grown to 5,000 functionaries, 2,000
// requests and 50,000 audit events, by copying its own rows (the demo pool, the fixture's requests
// and their history) under new ids, so that every copy is as real as its original: roles,
// languages, leave, needs, and audit events that belong to the copied records.
//
//   npx tsx bench/scale.ts FILE      (or grow(file) from bench/http.ts, bench/run.ts --scale, bench/pages.ts --scale)
import { type Client, createClient } from '@libsql/client'

export const TARGETS = { functionaries: 5000, requests: 2000, audit_events: 50_000 }

async function count(db: Client, table: string): Promise<number> {
  return Number((await db.execute(`select count(*) as n from ${table}`)).rows[0]!.n)
}

/**
 * Copies every row of `table` `copies` times; `changed` gives the SQL for the columns a copy
 * changes (`k` is the copy's number), the others are taken as they are.
 */
async function clone(db: Client, table: string, copies: number, changed: Record<string, string>) {
  if (copies <= 0) return
  const columns = (await db.execute(`pragma table_info(${table})`)).rows.map((r) => String(r.name))
  const list = columns.map((c) => `"${c}"`).join(', ')
  const values = columns.map((c) => changed[c] ?? `"${c}"`).join(', ')
  await db.execute(
    `insert into ${table} (${list})
     with recursive copy(k) as (select 1 union all select k + 1 from copy where k < ${copies})
     select ${values} from ${table}, copy`,
  )
}

const suffixed = (column: string) => `"${column}" || '-s' || k`

/** Grows the database in `file`; returns what it holds afterwards, as a line for the report. */
export async function grow(file: string): Promise<string> {
  const db = createClient({ url: `file:${file}` })
  const started = performance.now()
  await db.execute('pragma foreign_keys = off')
  // Ids of the originals, so that the copies of dependent rows follow their own records only.
  const people = Math.ceil(TARGETS.functionaries / (await count(db, 'functionaries'))) - 1
  await clone(db, 'functionary_roles', people, { functionary_id: suffixed('functionary_id') })
  await clone(db, 'functionary_languages', people, { functionary_id: suffixed('functionary_id') })
  await clone(db, 'unavailability', people, {
    id: suffixed('id'),
    functionary_id: suffixed('functionary_id'),
  })
  await clone(db, 'functionaries', people, {
    id: suffixed('id'),
    email: `'s' || k || '.' || "email"`,
    name: `"name" || ' ' || k`,
  })
  const requests = Math.ceil(TARGETS.requests / (await count(db, 'requests'))) - 1
  await clone(db, 'needs', requests, { id: suffixed('id'), request_id: suffixed('request_id') })
  await clone(db, 'requests', requests, { id: suffixed('id') })
  const events = Math.ceil(TARGETS.audit_events / (await count(db, 'audit_events'))) - 1
  await clone(db, 'audit_events', events, { id: suffixed('id'), entity_id: suffixed('entity_id') })
  await db.execute('pragma foreign_keys = on')
  const line = `scaled in ${((performance.now() - started) / 1000).toFixed(1)} s to ${await count(db, 'functionaries')} functionaries (${await count(db, 'functionary_roles')} roles held), ${await count(db, 'requests')} requests (${await count(db, 'needs')} needs), ${await count(db, 'audit_events')} audit events`
  db.close()
  return line
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await grow(process.argv[2]!))
