/**
 * The pool register's operations, shared by the HTML routes and the JSON API so both doors apply
 * the same rules: load what the actor may see, ask pool/ for the decision, write it as one batch.
 */

import {
  allFunctionaries,
  applyImport,
  findFunctionary,
  idByEmail,
  insertFunctionary,
  listFunctionaries,
  type PoolFilters,
  updateFunctionary,
} from '../../db/queries/functionaries.ts'
import { listIslands, listLanguages, listRoles } from '../../db/queries/reference.ts'
import type { SessionUser } from '../../db/queries/sessions.ts'
import { read, readTogether } from '../../db/read.ts'
import type { Db } from '../../db/types.ts'
import { can } from '../../pool/access/index.ts'
import {
  createFunctionary,
  type Decision,
  type Errors,
  editFunctionary,
  editOwnProfile,
  type FunctionaryFieldMessage,
  type FunctionaryMessage,
  type FunctionaryRecord,
  type FunctionaryRef,
  fieldsOf,
  type ImportPlan,
  parseFunctionaryInput,
  planImport,
  setActive,
  toCsv,
} from '../../pool/functionaries/index.ts'
import { LEVELS, type Level } from '../../pool/reference/index.ts'
import { isIsoDate, msg, newId, type Refusal, refuse } from '../../pool/shared/index.ts'
import { isLocale, translatorFor } from '../../views/i18n/index.ts'
import { MAX_LIMIT, readPage } from '../paging.ts'

export interface Ctx {
  db: Db
  now: number
}

type Invalid = { ok: false; error: 'invalid_input'; errors: Errors }
type No = Refusal<FunctionaryMessage>
export type Outcome =
  | { ok: true; record: FunctionaryRecord }
  | Invalid
  | (No & { current?: FunctionaryRecord })

export { PAGE_SIZE } from '../paging.ts'

const TAKEN = msg('functionaries.email.taken')
const forbidden: No = refuse('forbidden', msg('functionaries.coordinatorsOnly'))
const notFound: No = refuse('not_found', msg('functionaries.notFound'))
const invalid = (errors: Errors): Invalid => ({ ok: false, error: 'invalid_input', errors })

/** The codes a person may use, and their names in the reader's language for the forms and pages. */
export async function poolRefs(db: Db, locale = 'en') {
  const [islands, roles, languages] = await readTogether(db, [
    read(listIslands(db)),
    read(listRoles(db)),
    read(listLanguages(db)),
  ])
  const { f } = translatorFor(isLocale(locale) ? locale : 'en')
  const ref: FunctionaryRef = {
    bases: islands.map((i) => i.code),
    roles: roles.map((r) => r.code),
    languages: languages.map((l) => l.code),
  }
  const view = {
    bases: islands.map((i) => ({ code: i.code, name: f.name('island', i.code) })),
    roles: roles.filter((r) => r.active).map((r) => ({ code: r.code, name: f.role(r.code) })),
    languages: languages.map((l) => ({ code: l.code, name: f.name('language', l.code) })),
  }
  return { ref, view }
}
export type PoolView = Awaited<ReturnType<typeof poolRefs>>['view']

/** The list's query string as filters (page and API use the same names); a bad value is a message, not a 500. */
export function readFilters(q: Record<string, string | undefined>, maxLimit = MAX_LIMIT) {
  const errors: Record<string, FunctionaryFieldMessage> = {}
  const text = (k: string) => (q[k] ?? '').trim()
  const level = text('level')
  const active = text('active')
  const filters: PoolFilters = {
    q: text('q').slice(0, 200) || undefined,
    role: text('role') || undefined,
    level: (LEVELS as readonly string[]).includes(level) ? (level as Level) : undefined,
    language: text('language') || undefined,
    base: text('base') || undefined,
    active: active === 'all' ? 'all' : ['0', 'false', 'inactive'].includes(active) ? 'inactive' : 'active',
  }
  if (level && !filters.level) errors.level = msg('functionaries.filter.level')
  for (const [key, field] of [
    ['free_from', 'freeFrom'],
    ['free_to', 'freeTo'],
  ] as const) {
    const v = text(key)
    if (v && !isIsoDate(v)) errors[key] = msg('field.date')
    else if (v) filters[field] = v
  }
  if (filters.freeFrom && filters.freeTo && filters.freeFrom > filters.freeTo)
    errors.free_to = msg('functionaries.filter.period')
  const paged = readPage(q, maxLimit)
  return { filters, page: paged.page, errors: { ...errors, ...paged.errors } }
}

const constraintFailed = (err: unknown): boolean => {
  const text = (e: unknown): string => (e instanceof Error ? `${e.message} ${text(e.cause)}` : '')
  return /constraint/i.test(text(err))
}

/** A coordinator adds someone. */
export async function createFromInput(ctx: Ctx, actor: SessionUser, raw: unknown): Promise<Outcome> {
  if (!can(actor, 'pool:manage')) return forbidden
  const { ref } = await poolRefs(ctx.db)
  const parsed = parseFunctionaryInput(raw, ref)
  if (!parsed.ok) return invalid(parsed.errors)
  if (await idByEmail(ctx.db, parsed.value.email)) return invalid({ email: TAKEN })
  const d = createFunctionary(parsed.value, actor, { now: ctx.now, newId })
  if (!d.ok) return d
  try {
    await insertFunctionary(ctx.db, d.record, d.event!, ctx.now)
  } catch (err) {
    if (constraintFailed(err)) return invalid({ email: TAKEN }) // taken between the check and the write
    throw err
  }
  return { ok: true, record: d.record }
}

/**
 * An edit from the coordinator's form or an API PATCH: the fields given are laid over the person
 * as stored. A functionary editing themself gets editOwnProfile's limits; `active` (API) is a
 * coordinator's change too.
 */
export async function editFromInput(
  ctx: Ctx,
  actor: SessionUser,
  id: string,
  raw: Record<string, unknown>,
  version?: number,
): Promise<Outcome> {
  const found = await findFunctionary(ctx.db, actor, id)
  if (!found) return notFound
  const { ref } = await poolRefs(ctx.db)
  const { active = found.active, ...rest } = raw
  if (typeof active !== 'boolean') return invalid({ active: msg('field.trueFalse') })
  const parsed = parseFunctionaryInput({ ...fieldsOf(found), ...rest }, ref, found)
  if (!parsed.ok) return invalid(parsed.errors)
  if (parsed.value.email !== found.email && (await idByEmail(ctx.db, parsed.value.email)))
    return invalid({ email: TAKEN })
  const decide = { now: ctx.now, newId, version }
  const d = can(actor, 'pool:manage')
    ? editFunctionary(found, { ...parsed.value, active }, actor, decide)
    : active !== found.active
      ? forbidden
      : editOwnProfile(found, parsed.value, actor, decide)
  return write(ctx, actor, found, d)
}

/** Deactivate (keeps the person and their history) or reactivate. */
export async function changeStatus(
  ctx: Ctx,
  actor: SessionUser,
  id: string,
  active: boolean,
  version?: number,
) {
  const found = await findFunctionary(ctx.db, actor, id)
  if (!found) return notFound
  return write(ctx, actor, found, setActive(found, active, actor, { now: ctx.now, newId, version }))
}

async function write(ctx: Ctx, actor: SessionUser, found: FunctionaryRecord, d: Decision): Promise<Outcome> {
  if (!d.ok) return { ...d, current: found }
  if (!d.event) return { ok: true, record: found }
  try {
    if (await updateFunctionary(ctx.db, found, d.record, d.event)) return { ok: true, record: d.record }
  } catch (err) {
    if (constraintFailed(err)) return invalid({ email: TAKEN })
    throw err
  }
  return {
    ok: false,
    error: 'conflict',
    message: msg('functionaries.lostRace'),
    current: await findFunctionary(ctx.db, actor, found.id),
  }
}

/** What an import would do; writes nothing. */
export async function previewImport(ctx: Ctx, actor: SessionUser, text: string): Promise<ImportPlan | No> {
  if (!can(actor, 'pool:manage')) return forbidden
  const { ref } = await poolRefs(ctx.db)
  return planImport(text, ref, await allFunctionaries(ctx.db), actor, { now: ctx.now, newId })
}

export type ImportOutcome =
  | { ok: true; plan: ImportPlan }
  | { ok: false; error: 'invalid_input'; plan: ImportPlan }
  | No

/** The import, all or nothing: planned again against the register as it is now, then one batch. */
export async function runImport(ctx: Ctx, actor: SessionUser, text: string): Promise<ImportOutcome> {
  const plan = await previewImport(ctx, actor, text)
  if ('error' in plan) return plan
  if (!plan.ok) return { ok: false, error: 'invalid_input', plan }
  try {
    await applyImport(ctx.db, plan.creates, plan.updates, plan.events, ctx.now)
  } catch (err) {
    if (!constraintFailed(err)) throw err
    return refuse('conflict', msg('functionaries.csv.raced'))
  }
  return { ok: true, plan }
}

/** The register as CSV, with a BOM so that spreadsheets read it as UTF-8. */
export async function exportCsv(db: Db, actor: SessionUser, filters: PoolFilters, delimiter: ',' | ';') {
  if (!can(actor, 'pool:manage')) return null
  const { items } = await listFunctionaries(db, actor, filters)
  return `\uFEFF${toCsv(items, delimiter)}`
}
