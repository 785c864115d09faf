/** JSON API v1 for the pool register: the same services, rules and scopes as the pages (docs/api-pool.md). */
import { type Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { findFunctionary, listFunctionaries } from '../../../db/queries/functionaries.ts'
import type { SessionUser } from '../../../db/queries/sessions.ts'
import { can } from '../../../pool/access/index.ts'
import type { FunctionaryRecord, ImportPlan } from '../../../pool/functionaries/index.ts'
import type { AppEnv } from '../../env.ts'
import { invalid, jsonBody } from '../../json.ts'
import { authorize, currentUser } from '../../policy.ts'
import {
  createFromInput,
  editFromInput,
  type Outcome,
  previewImport,
  readFilters,
  runImport,
} from '../../services/functionaries.ts'

type C = Context<AppEnv>
const ctxOf = (c: C) => ({ db: c.var.deps.db, now: c.var.deps.now() })
const MAX_CSV_BYTES = 2_000_000

/** One person; contact details (e-mail, phone, notes, document dates) only when `contact`. */
export function functionaryJson(f: FunctionaryRecord, contact: boolean) {
  const json = {
    id: f.id,
    name: f.name,
    email: f.email,
    phone: f.phone,
    base: f.base,
    organisation: f.organisation,
    roles: f.roles.map(({ role, level }) => ({ role, level })),
    languages: f.languages.map((l) => l.language),
    remoteCapable: f.remoteCapable,
    travelDocumentExpiry: f.travelDocumentExpiry,
    medicalFitnessExpiry: f.medicalFitnessExpiry,
    notes: f.notes,
    active: f.active,
    version: f.version,
  }
  if (contact) return json
  const {
    email: _e,
    phone: _p,
    notes: _n,
    travelDocumentExpiry: _t,
    medicalFitnessExpiry: _m,
    ...rest
  } = json
  return rest
}

/** Coordinators see contact details of everyone; a functionary only their own (the only one they can load). */
const seesContact = (user: SessionUser, f: FunctionaryRecord) =>
  can(user, 'pool:manage') || user.functionaryId === f.id

function answer(c: C, user: SessionUser, r: Outcome, created = false) {
  if (r.ok) {
    if (created) c.header('Location', `/api/v1/functionaries/${r.record.id}`)
    return c.json(functionaryJson(r.record, seesContact(user, r.record)), created ? 201 : 200)
  }
  if (r.error === 'invalid_input') return invalid(c, r.errors)
  const status = ({ not_found: 404, forbidden: 403, conflict: 409, invalid: 422 } as const)[r.error]
  const current =
    status === 409 && r.current ? { current: { version: r.current.version, active: r.current.active } } : {}
  return c.json({ error: { status, message: status === 404 ? 'not found' : r.message, ...current } }, status)
}

/** Who may ask for one person at all: coordinators, and a functionary (for themself; others are a 404). */
function mayLook(c: C): SessionUser {
  const user = currentUser(c)
  if (!can(user, 'pool:read') && !can(user, 'profile:own')) throw new HTTPException(403, { message: '' })
  return user
}

const planJson = (plan: ImportPlan) => ({
  summary: plan.summary,
  fileErrors: plan.fileErrors,
  ignoredColumns: plan.ignoredColumns,
  rows: plan.rows.map(({ row, email, outcome, errors, changed }) => ({
    row,
    email,
    outcome,
    errors,
    changed,
  })),
})

async function csvBody(c: C): Promise<string> {
  const type = c.req.header('content-type') ?? ''
  if (!/^text\/(csv|plain)\b/i.test(type))
    throw new HTTPException(415, { message: 'Send the CSV as text/csv (UTF-8).' })
  if (Number(c.req.header('content-length') ?? 0) > MAX_CSV_BYTES)
    throw new HTTPException(413, { message: 'The file is too large.' })
  return c.req.text()
}

export const apiFunctionaries = new Hono<AppEnv>()
  .get('/functionaries', async (c) => {
    const user = authorize(c, 'pool:read')
    const { filters, page, errors } = readFilters(c.req.query())
    if (Object.keys(errors).length) return invalid(c, errors)
    const { items, total } = await listFunctionaries(c.var.deps.db, user, filters, page)
    return c.json({ items: items.map((f) => functionaryJson(f, seesContact(user, f))), total, ...page })
  })
  .post('/functionaries', async (c) => {
    const user = authorize(c, 'pool:manage')
    return answer(c, user, await createFromInput(ctxOf(c), user, await jsonBody(c)), true)
  })
  .post('/functionaries/import', async (c) => {
    const user = authorize(c, 'pool:manage')
    const text = await csvBody(c)
    if (c.req.query('dry_run') === '1' || c.req.query('dry_run') === 'true') {
      const plan = await previewImport(ctxOf(c), user, text)
      if ('error' in plan) throw new HTTPException(403, { message: plan.message })
      return c.json({ dryRun: true, ok: plan.ok, ...planJson(plan) })
    }
    const result = await runImport(ctxOf(c), user, text)
    if (result.ok) return c.json({ dryRun: false, ok: true, ...planJson(result.plan) })
    if (result.error === 'invalid_input') {
      const message = 'Nothing was imported: some rows need attention.'
      return c.json({ error: { status: 422, message, ...planJson(result.plan) } }, 422)
    }
    const status = result.error === 'conflict' ? 409 : 403
    return c.json({ error: { status, message: result.message } }, status)
  })
  .get('/functionaries/:id', async (c) => {
    const user = mayLook(c)
    const f = await findFunctionary(c.var.deps.db, user, c.req.param('id'))
    if (!f) throw new HTTPException(404, { message: 'not found' })
    return c.json(functionaryJson(f, seesContact(user, f)))
  })
  .patch('/functionaries/:id', async (c) => {
    const user = mayLook(c)
    const { version, id: _id, ...fields } = await jsonBody(c)
    if (version !== undefined && typeof version !== 'number') return invalid(c, { version: 'Give a number.' })
    return answer(c, user, await editFromInput(ctxOf(c), user, c.req.param('id'), fields, version))
  })
