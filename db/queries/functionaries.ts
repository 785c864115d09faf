/**
 * The pool register, read through the acting user's scope (coordinators see everyone, a functionary
 * only themself, others nobody) and written as one batch per decision of pool/functionaries.ts.
 */
import { and, asc, count, eq, inArray, type SQL, type SQLWrapper, sql } from 'drizzle-orm'
import { can } from '../../pool/access/index.ts'
import type { FunctionaryRecord } from '../../pool/functionaries/index.ts'
import { ACTIVE_ASSIGNMENT_STATUSES, type Level, type Proficiency } from '../../pool/reference/index.ts'
import { type Actor, type AuditEvent, newId } from '../../pool/shared/index.ts'
import { auditIf, stamped } from '../guard.ts'
import { type Read, read, readTogether } from '../read.ts'
import { functionaries, functionaryLanguages, functionaryRoles } from '../schema/index.ts'
import { changes, type Db, type Stmt } from '../types.ts'
import { valuesList } from '../values.ts'
import { recordAudit } from './audit.ts'
import { chunksOf, discardImport, publishImport, stageImport } from './functionary-imports.ts'

export interface PoolFilters {
  q?: string
  role?: string
  /** Minimum level: of `role` when given, else of any role. */
  level?: Level
  language?: string
  base?: string
  /** Free for the whole period: no unavailability and no active assignment overlaps [freeFrom, freeTo] (ISO dates, inclusive). */
  freeFrom?: string
  freeTo?: string
  active?: 'active' | 'inactive' | 'all'
}

function scope(actor: Actor): SQL | undefined | null {
  if (can(actor, 'pool:read')) return undefined
  if (can(actor, 'profile:own') && actor.functionaryId) return eq(functionaries.id, actor.functionaryId)
  return null
}

const rank = (column: SQL | typeof functionaryRoles.level) =>
  sql`(case ${column} when 'senior' then 2 when 'qualified' then 1 else 0 end)`
const LEVEL_RANK = { trainee: 0, qualified: 1, senior: 2 } as const

function conditions(f: PoolFilters): (SQL | undefined)[] {
  const like = f.q ? `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null
  const roleWhere = [
    f.role ? sql`r.role = ${f.role}` : undefined,
    f.level ? sql`${rank(sql`r.level`)} >= ${LEVEL_RANK[f.level]}` : undefined,
  ].filter(Boolean) as SQL[]
  const from = f.freeFrom ?? f.freeTo
  const to = f.freeTo ?? f.freeFrom
  return [
    like
      ? sql`(${functionaries.name} like ${like} escape '\\' or ${functionaries.email} like ${like} escape '\\'
          or ${functionaries.organisation} like ${like} escape '\\')`
      : undefined,
    roleWhere.length
      ? sql`exists (select 1 from functionary_roles r where r.functionary_id = ${functionaries.id}
          and ${sql.join(roleWhere, sql` and `)})`
      : undefined,
    f.language
      ? sql`exists (select 1 from functionary_languages l where l.functionary_id = ${functionaries.id}
          and l.language = ${f.language})`
      : undefined,
    f.base ? eq(functionaries.base, f.base) : undefined,
    from && to
      ? sql`not exists (select 1 from unavailability u where u.functionary_id = ${functionaries.id}
          and u.start <= ${to} and u."end" >= ${from})`
      : undefined,
    // Deployed is busy too: an active assignment (proposed to on site) overlapping the period.
    from && to
      ? sql`not exists (select 1 from assignments a where a.functionary_id = ${functionaries.id}
          and a.status in (${valuesList(ACTIVE_ASSIGNMENT_STATUSES)})
          and a.period_start <= ${to} and a.period_end >= ${from})`
      : undefined,
    f.active === 'all' ? undefined : eq(functionaries.active, f.active !== 'inactive'),
  ]
}

/**
 * A page of the register (all matching people when `page` is omitted: the export) and the total,
 * in one round trip: the people, the roles and languages of the same page (selected by a
 * subquery of the page's ids) and the count go in one batch (db/read.ts).
 */
export async function listFunctionaries(
  db: Db,
  actor: Actor,
  filters: PoolFilters = {},
  page?: { limit: number; offset: number },
): Promise<{ items: FunctionaryRecord[]; total: number }> {
  const visible = scope(actor)
  if (visible === null) return { items: [], total: 0 }
  const where = and(visible, ...conditions(filters))
  const order = [asc(sql`${functionaries.name} collate nocase`), asc(functionaries.id)]
  const people = db
    .select()
    .from(functionaries)
    .where(where)
    .orderBy(...order)
  const ids = db
    .select({ id: functionaries.id })
    .from(functionaries)
    .where(where)
    .orderBy(...order)
  const [rows, roles, languages, total] = await readTogether(db, [
    read(page ? people.limit(page.limit).offset(page.offset) : people),
    ...detailsOf(db, page ? ids.limit(page.limit).offset(page.offset) : ids),
    read(db.select({ n: count() }).from(functionaries).where(where), ([row]) => row?.n ?? 0),
  ])
  return { items: assemble(rows, roles, languages), total }
}

export async function findFunctionary(db: Db, actor: Actor, id: string) {
  const visible = scope(actor)
  if (visible === null) return undefined
  const where = and(eq(functionaries.id, id), visible)
  const [rows, roles, languages] = await readTogether(db, [
    read(db.select().from(functionaries).where(where)),
    ...detailsOf(db, db.select({ id: functionaries.id }).from(functionaries).where(where)),
  ])
  return assemble(rows, roles, languages)[0]
}

/** Everyone, unscoped: for the import, which matches rows to people by e-mail. Callers check `pool:manage`. */
export async function allFunctionaries(db: Db): Promise<FunctionaryRecord[]> {
  const [rows, roles, languages] = await readTogether(db, [
    read(db.select().from(functionaries)),
    ...detailsOf(db, null),
  ])
  return assemble(rows, roles, languages)
}

/** The id of whoever has this e-mail address (any case), if anyone. */
export async function idByEmail(db: Db, email: string): Promise<string | undefined> {
  const [row] = await db
    .select({ id: functionaries.id })
    .from(functionaries)
    .where(sql`lower(${functionaries.email}) = ${email.toLowerCase()}`)
  return row?.id
}

type Row = typeof functionaries.$inferSelect
type RoleRow = typeof functionaryRoles.$inferSelect
type LanguageRow = typeof functionaryLanguages.$inferSelect

/** The roles and languages of the people `ids` selects (a subquery; null: everyone's), as two reads. */
function detailsOf(db: Db, ids: SQLWrapper | null): [Read<RoleRow[]>, Read<LanguageRow[]>] {
  const roles = db.select().from(functionaryRoles)
  const languages = db.select().from(functionaryLanguages)
  return [
    read(ids ? roles.where(inArray(functionaryRoles.functionaryId, ids)) : roles),
    read(ids ? languages.where(inArray(functionaryLanguages.functionaryId, ids)) : languages),
  ]
}

function assemble(rows: Row[], roleRows: RoleRow[], languageRows: LanguageRow[]): FunctionaryRecord[] {
  const roles = new Map<string, FunctionaryRecord['roles']>()
  const langs = new Map<string, FunctionaryRecord['languages']>()
  for (const r of roleRows) roles.set(r.functionaryId, [...(roles.get(r.functionaryId) ?? []), r])
  for (const l of languageRows) langs.set(l.functionaryId, [...(langs.get(l.functionaryId) ?? []), l])
  return rows.map((r) => ({
    id: r.id,
    ...columns(r),
    roles: (roles.get(r.id) ?? [])
      .map(({ role, level }) => ({ role, level }))
      .sort((a, b) => a.role.localeCompare(b.role)),
    languages: (langs.get(r.id) ?? [])
      .map(({ language, proficiency }) => ({ language, proficiency: proficiency as Proficiency }))
      .sort((a, b) => a.language.localeCompare(b.language)),
  }))
}

/** The functionaries row's own columns (no id, roles or languages), for reads and writes alike. */
const columns = (r: Omit<FunctionaryRecord, 'id' | 'roles' | 'languages'>) => ({
  name: r.name,
  email: r.email,
  phone: r.phone,
  base: r.base,
  organisation: r.organisation,
  remoteCapable: r.remoteCapable,
  travelDocumentExpiry: r.travelDocumentExpiry,
  medicalFitnessExpiry: r.medicalFitnessExpiry,
  notes: r.notes,
  active: r.active,
  version: r.version,
})

function insertStatements(db: Db, r: FunctionaryRecord, event: AuditEvent | null, now: number): Stmt[] {
  return [
    db.insert(functionaries).values({ id: r.id, ...columns(r), createdAt: now }),
    ...r.roles.map((x) => db.insert(functionaryRoles).values({ functionaryId: r.id, ...x }) as Stmt),
    ...r.languages.map((x) => db.insert(functionaryLanguages).values({ functionaryId: r.id, ...x }) as Stmt),
    ...(event ? [recordAudit(db, event)] : []),
  ]
}

/**
 * (Guarded inserts are `insert(table).select(sql)`, never `db.run`: see db/guard.ts.)
 * The guarded update (the version as read), then roles and languages replaced and the event
 * written only if it matched (`stamp`, db/guard.ts).
 */
function updateStatements(
  db: Db,
  before: FunctionaryRecord,
  after: FunctionaryRecord,
  event: AuditEvent | null,
) {
  const stamp = newId()
  const guard = stamped('functionaries', before.id, stamp)
  const id = before.id
  const statements: Stmt[] = [
    db
      .update(functionaries)
      .set({ ...columns(after), stamp })
      .where(and(eq(functionaries.id, id), eq(functionaries.version, before.version))),
    db.delete(functionaryRoles).where(and(eq(functionaryRoles.functionaryId, id), guard)),
    ...after.roles.map((x) =>
      db.insert(functionaryRoles).select(sql`select ${id}, ${x.role}, ${x.level} where ${guard}`),
    ),
    db.delete(functionaryLanguages).where(and(eq(functionaryLanguages.functionaryId, id), guard)),
    ...after.languages.map((x) =>
      db
        .insert(functionaryLanguages)
        .select(sql`select ${id}, ${x.language}, ${x.proficiency} where ${guard}`),
    ),
    ...(event ? [auditIf(db, event, guard)] : []),
  ]
  return { statements, guard }
}

/** A new person with roles, languages and the audit event, in one batch. */
export async function insertFunctionary(db: Db, record: FunctionaryRecord, event: AuditEvent, now: number) {
  const [first, ...rest] = insertStatements(db, record, event, now)
  await db.batch([first!, ...rest])
}

/** A change of a person in one guarded batch; false when someone else changed them first. */
export async function updateFunctionary(
  db: Db,
  before: FunctionaryRecord,
  after: FunctionaryRecord,
  event: AuditEvent,
): Promise<boolean> {
  const [update, ...rest] = updateStatements(db, before, after, event).statements
  const [result] = await db.batch([update!, ...rest])
  return changes(result) === 1
}

/**
 * A whole import, all or nothing: staged in chunks, then published by one guarded batch
 * (./functionary-imports.ts), so that it stays within hosted D1's queries per request however
 * many rows it has. Every new person, every update (each on the version as planned), every event.
 * Throws when the publish was refused (a lost race, or an e-mail taken meanwhile); what was staged
 * is then dropped.
 */
export async function applyImport(
  db: Db,
  creates: readonly FunctionaryRecord[],
  updates: readonly { before: FunctionaryRecord; after: FunctionaryRecord }[],
  events: readonly AuditEvent[],
  now: number,
  chunkBytes?: number,
) {
  const chunks = chunksOf(creates, updates, events, chunkBytes)
  if (chunks.length === 0) return
  const importId = newId()
  try {
    const rows = await stageImport(db, importId, chunks, now)
    await publishImport(db, importId, rows, now)
  } catch (err) {
    await discardImport(db, importId).catch(() => {})
    throw err
  }
}
