/**
 * A register import within hosted D1's per-invocation query limit (docs/workers.md, "Limits"):
 * the planned rows are staged in chunks (each chunk ONE statement that unpacks a JSON array with
 * json_each, 4 bound parameters), then ONE guarded batch of 10 statements publishes them, set-wise,
 * whatever the number of rows. 1,000 rows cost about a dozen queries instead of ~6,000.
 * Staged rows are invisible (nothing reads them but the publish); the publish aborts, writing
 * nothing, unless every chunk arrived and every updated person still has the planned version;
 * it deletes its staging rows; an import abandoned half-way is purged later (purgeImports). The
 * same code runs on libSQL (Node) and D1.
 */
import { and, eq, inArray, lt, type SQL, sql } from 'drizzle-orm'
import type { FunctionaryRecord } from '../../pool/functionaries/index.ts'
import type { AuditEvent } from '../../pool/shared/index.ts'
import {
  auditEvents,
  functionaries,
  functionaryLanguages,
  functionaryRoles,
  functionaryImportRows as staged,
} from '../schema/index.ts'
import type { Db, Stmt } from '../types.ts'

/** Bytes of JSON per staging statement: far under D1's 2 MB per value and 100 KB of SQL text. */
export const CHUNK_BYTES = 256_000

interface StagedRow {
  k: 'create' | 'update'
  id: string
  v: number | null
  r: FunctionaryRecord
  e: Record<string, unknown> | null
}

/** The event as the audit table stores it: before/after as JSON text (as db/guard.ts auditIf does). */
const eventJson = (e: AuditEvent) => ({
  ...e,
  before: e.before ? JSON.stringify(e.before) : null,
  after: e.after ? JSON.stringify(e.after) : null,
})

/** The rows in order (creates, then updates), cut into chunks of at most `chunkBytes` of JSON. */
export function chunksOf(
  creates: readonly FunctionaryRecord[],
  updates: readonly { before: FunctionaryRecord; after: FunctionaryRecord }[],
  events: readonly AuditEvent[],
  chunkBytes = CHUNK_BYTES,
): string[][] {
  const eventOf = new Map(events.map((e) => [e.entityId, e]))
  const rows: StagedRow[] = [
    ...creates.map((r) => ({ k: 'create' as const, id: r.id, v: null, r })),
    ...updates.map(({ before, after }) => ({
      k: 'update' as const,
      id: before.id,
      v: before.version,
      r: after,
    })),
  ].map((row) => {
    const e = eventOf.get(row.id)
    return { ...row, e: e ? eventJson(e) : null }
  })
  const chunks: string[][] = []
  let chunk: string[] = []
  let size = 0
  const enc = new TextEncoder()
  for (const row of rows) {
    const json = JSON.stringify(row)
    const bytes = enc.encode(json).length + 1
    if (chunk.length > 0 && size + bytes > chunkBytes) {
      chunks.push(chunk)
      chunk = []
      size = 0
    }
    chunk.push(json)
    size += bytes
  }
  if (chunk.length > 0) chunks.push(chunk)
  return chunks
}

/** One chunk as one statement: the JSON array unpacked by json_each into staging rows. */
function stageChunk(db: Db, importId: string, first: number, rows: readonly string[], now: number) {
  const at = (path: string) => sql.raw(`json_extract(value, '$.${path}')`)
  return db.insert(staged).select(
    sql`select ${importId}, key + ${first}, ${at('k')}, ${at('id')}, ${at('v')}, ${at('r')}, ${at('e')}, ${now}
        from json_each(${`[${rows.join(',')}]`})`,
  )
}

/** Writes the chunks (one statement each); returns how many rows were staged. */
export async function stageImport(db: Db, importId: string, chunks: readonly string[][], now: number) {
  let seq = 0
  for (const rows of chunks) {
    await stageChunk(db, importId, seq, rows, now)
    seq += rows.length
  }
  return seq
}

/** A failing insert (NOT NULL) unless `guard` holds: the whole batch rolls back (libSQL and D1). */
function abortUnless(db: Db, guard: SQL) {
  return db
    .insert(auditEvents)
    .select(sql`select 'abort', 0, null, null, 'abort', 'abort', 'abort', null, null where not (${guard})`)
}

const field = (path: string) => sql.raw(`json_extract("functionary_import_rows"."record", '$.${path}')`)

/**
 * The publish: one batch. Throws (a constraint failed) and writes nothing when a chunk is missing,
 * an updated person's version moved, or an e-mail is taken meanwhile.
 */
export async function publishImport(db: Db, importId: string, rowCount: number, now: number) {
  const mine = eq(staged.importId, importId)
  const updates = and(mine, eq(staged.kind, 'update'))
  const updatedIds = db.select({ id: staged.functionaryId }).from(staged).where(updates)
  const people = (table: typeof functionaryRoles | typeof functionaryLanguages, a: string, b: string) =>
    db.insert(table).select(
      sql`select s.functionary_id, json_extract(j.value, ${`$.${a}`}), json_extract(j.value, ${`$.${b}`})
        from functionary_import_rows s, json_each(s.record, ${table === functionaryRoles ? '$.roles' : '$.languages'}) j
        where s.import_id = ${importId} order by s.seq, j.key`,
    )
  const statements: Stmt[] = [
    abortUnless(
      db,
      sql`(select count(*) from functionary_import_rows where import_id = ${importId}) = ${rowCount}`,
    ),
    abortUnless(
      db,
      sql`not exists (select 1 from functionary_import_rows s left join functionaries f on f.id = s.functionary_id
        where s.import_id = ${importId} and s.kind = 'update' and (f.version is null or f.version <> s.version))`,
    ),
    db.insert(functionaries).select(
      sql`select functionary_id, ${field('name')}, ${field('email')}, ${field('phone')}, ${field('base')},
        ${field('organisation')}, ${field('remoteCapable')}, ${field('travelDocumentExpiry')},
        ${field('medicalFitnessExpiry')}, ${field('notes')}, ${field('active')}, ${field('version')}, ${importId}, ${now}
        from functionary_import_rows where import_id = ${importId} and kind = 'create' order by seq`,
    ),
    db
      .update(functionaries)
      .set({
        name: field('name'),
        email: field('email'),
        phone: field('phone'),
        base: field('base'),
        organisation: field('organisation'),
        remoteCapable: field('remoteCapable'),
        travelDocumentExpiry: field('travelDocumentExpiry'),
        medicalFitnessExpiry: field('medicalFitnessExpiry'),
        notes: field('notes'),
        active: field('active'),
        version: field('version'),
        stamp: importId,
      })
      .from(staged)
      .where(
        and(updates, eq(functionaries.id, staged.functionaryId), eq(functionaries.version, staged.version)),
      ),
    db.delete(functionaryRoles).where(inArray(functionaryRoles.functionaryId, updatedIds)),
    people(functionaryRoles, 'role', 'level'),
    db.delete(functionaryLanguages).where(inArray(functionaryLanguages.functionaryId, updatedIds)),
    people(functionaryLanguages, 'language', 'proficiency'),
    db.insert(auditEvents).select(
      sql`select json_extract(event, '$.id'), json_extract(event, '$.at'), json_extract(event, '$.actorId'),
        json_extract(event, '$.actorLabel'), json_extract(event, '$.action'), json_extract(event, '$.entity'),
        json_extract(event, '$.entityId'), json_extract(event, '$.before'), json_extract(event, '$.after')
        from functionary_import_rows where import_id = ${importId} and event is not null order by seq`,
    ),
    db.delete(staged).where(mine),
  ]
  const [first, ...rest] = statements
  await db.batch([first!, ...rest])
}

/** Drops what an import staged (after a failed publish). */
export async function discardImport(db: Db, importId: string) {
  await db.delete(staged).where(eq(staged.importId, importId))
}

/** Drops imports staged before `before` and never published (abandoned half-way). */
export async function purgeImports(db: Db, before: number) {
  await db.delete(staged).where(lt(staged.createdAt, before))
}
