/** JSON API v1 for the pool register: the same services, rules and scopes as the pages (docs/api-pool.md). */
import { type Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { findFunctionary, listFunctionaries } from '../../../db/queries/functionaries.ts'
import type { SessionUser } from '../../../db/queries/sessions.ts'
import { can } from '../../../pool/access/index.ts'
import type { FunctionaryRecord, ImportPlan } from '../../../pool/functionaries/index.ts'
import { msg } from '../../../pool/shared/index.ts'
import type { AppEnv } from '../../env.ts'
import { inEnglish, invalid, jsonBody, refused } from '../../json.ts'
import { authorize, currentUser } from '../../policy.ts'
import { Refused } from '../../refused.ts'
import {
  createFromInput,
  editFromInput,
  type Outcome,
  previewImport,
  readFilters,
  runImport,
} from '../../services/functionaries.ts'

type C = Context<AppEnv>
const ctxOf = (c: C) => ({ db: c.get('deps').db, now: c.get('deps').now() })
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
  return refused(c, r, r.current && { version: r.current.version, active: r.current.active })
}

/** Who may ask for one person at all: coordinators, and a functionary (for themself; others are a 404). */
function mayLook(c: C): SessionUser {
  const user = currentUser(c)
  if (!can(user, 'pool:read') && !can(user, 'profile:own')) throw new HTTPException(403, { message: '' })
  return user
}

/** A row's problems as codes with their English, each naming the column at fault (or none). */
const planJson = (plan: ImportPlan) => ({
  summary: plan.summary,
  fileErrors: plan.fileErrors.map((m) => ({ code: m.code, message: inEnglish(m) })),
  ignoredColumns: plan.ignoredColumns,
  rows: plan.rows.map(({ row, email, outcome, errors, changed }) => ({
    row,
    email,
    outcome,
    errors: errors.map((e) => ({ column: e.column, code: e.message.code, message: inEnglish(e.message) })),
    changed,
  })),
})

async function csvBody(c: C): Promise<string> {
  const type = c.req.header('content-type') ?? ''
  if (!/^text\/(csv|plain)\b/i.test(type)) throw new Refused(415, msg('functionaries.csv.type'))
  if (Number(c.req.header('content-length') ?? 0) > MAX_CSV_BYTES)
    throw new Refused(413, msg('functionaries.csv.tooLarge'))
  return c.req.text()
}

export const apiFunctionaries = new Hono<AppEnv>()
  .get('/functionaries', async (c) => {
    const user = authorize(c, 'pool:read')
    const { filters, page, errors } = readFilters(c.req.query())
    if (Object.keys(errors).length) return invalid(c, errors)
    const { items, total } = await listFunctionaries(c.get('deps').db, user, filters, page)
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
      if ('error' in plan) throw new Refused(403, plan.message)
      return c.json({ dryRun: true, ok: plan.ok, ...planJson(plan) })
    }
    const result = await runImport(ctxOf(c), user, text)
    if (result.ok) return c.json({ dryRun: false, ok: true, ...planJson(result.plan) })
    if (result.error === 'invalid_input') {
      const message = msg('functionaries.csv.rowsRefused')
      const error = { status: 422, code: message.code, message: inEnglish(message), ...planJson(result.plan) }
      return c.json({ error }, 422)
    }
    return refused(c, result)
  })
  .get('/functionaries/:id', async (c) => {
    const user = mayLook(c)
    const f = await findFunctionary(c.get('deps').db, user, c.req.param('id'))
    if (!f) throw new HTTPException(404, { message: '' })
    return c.json(functionaryJson(f, seesContact(user, f)))
  })
  .patch('/functionaries/:id', async (c) => {
    const user = mayLook(c)
    const { version, id: _id, ...fields } = await jsonBody(c)
    if (version !== undefined && typeof version !== 'number')
      return invalid(c, { version: msg('field.number') })
    return answer(c, user, await editFromInput(ctxOf(c), user, c.req.param('id'), fields, version))
  })
