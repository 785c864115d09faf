/** The pool register: list, search, create, edit, deactivate, CSV import and export. */
import { type Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { auditTrail } from '../../../db/queries/audit.ts'
import { findFunctionary, listFunctionaries } from '../../../db/queries/functionaries.ts'
import type { SessionUser } from '../../../db/queries/sessions.ts'
import { accountOfFunctionary } from '../../../db/queries/users.ts'
import { can } from '../../../pool/access/index.ts'
import { type FunctionaryRecord, formToInput } from '../../../pool/functionaries/index.ts'
import { msg } from '../../../pool/shared/index.ts'
import { InviteBox } from '../../../views/accounts/invite.tsx'
import type { FieldErrors } from '../../../views/components/form.tsx'
import {
  FunctionaryForm,
  type FunctionaryValues,
  valuesFromForm,
  valuesFromRecord,
} from '../../../views/functionaries/form.tsx'
import { ImportPage, ImportPreview } from '../../../views/functionaries/import.tsx'
import { PoolList, type PoolQuery } from '../../../views/functionaries/list.tsx'
import { FunctionaryPage } from '../../../views/functionaries/show.tsx'
import type { AppEnv } from '../../env.ts'
import { formFields } from '../../forms.ts'
import { authorize } from '../../policy.ts'
import { Refused } from '../../refused.ts'
import { page, viewCtx } from '../../render.tsx'
import {
  changeStatus,
  createFromInput,
  editFromInput,
  exportCsv,
  type Outcome,
  PAGE_SIZE,
  poolRefs,
  previewImport,
  readFilters,
  runImport,
} from '../../services/functionaries.ts'

type C = Context<AppEnv>
const ctxOf = (c: C) => ({ db: c.get('deps').db, now: c.get('deps').now() })
const refsOf = async (c: C) => (await poolRefs(c.get('deps').db, viewCtx(c).locale)).view
const QUERY_KEYS = ['q', 'role', 'level', 'language', 'base', 'free_from', 'free_to', 'active'] as const
/** A CSV of a few thousand people is well under this; more is a mistake, not a pool. */
const MAX_CSV_BYTES = 2_000_000

async function load(c: C, user: SessionUser) {
  const found = await findFunctionary(c.get('deps').db, user, c.req.param('id') ?? '')
  if (!found) throw new HTTPException(404, { message: '' })
  return found
}

async function show(c: C, user: SessionUser, f: FunctionaryRecord, status = 200, conflict = false) {
  const canManage = can(user, 'pool:manage')
  const timeline = canManage ? await auditTrail(c.get('deps').db, 'functionary', f.id) : []
  const account = can(user, 'accounts:invite')
    ? ((await accountOfFunctionary(c.get('deps').db, f.id)) ?? null)
    : undefined
  const invited = c.req.query('invited') ? viewCtx(c).t('invite.sent') : undefined
  const body = (
    <FunctionaryPage
      ctx={viewCtx(c)}
      f={f}
      refs={await refsOf(c)}
      showContact={canManage}
      canManage={canManage}
      timeline={timeline}
      conflict={conflict}
      invite={
        account === undefined ? null : (
          <InviteBox
            ctx={viewCtx(c)}
            functionaryId={f.id}
            email={f.email}
            account={account}
            notice={invited}
          />
        )
      }
    />
  )
  return page(c, f.name, body, status)
}

async function form(c: C, action: string, values: FunctionaryValues, errors: FieldErrors, status = 200) {
  const ctx = viewCtx(c)
  const title = action === '/pool' ? ctx.t('pool.new') : ctx.t('pool.editTitle', { name: values.name ?? '' })
  const body = (
    <section>
      <h1>{title}</h1>
      <FunctionaryForm ctx={ctx} action={action} values={values} errors={errors} refs={await refsOf(c)} />
    </section>
  )
  return page(c, title, body, status)
}

/** The answer to a create or edit: 303 to the person, the form again (422), or the current state (409). */
function answer(c: C, user: SessionUser, result: Outcome, action: string, values: FunctionaryValues) {
  if (result.ok) return c.redirect(`/pool/${result.record.id}`, 303)
  if (result.error === 'invalid_input') return form(c, action, values, result.errors, 422)
  if (result.error === 'conflict' && result.current) return show(c, user, result.current, 409, true)
  if (result.error === 'forbidden') throw new Refused(403, result.message)
  throw new HTTPException(result.error === 'invalid' ? 422 : 404, { message: '' })
}

async function create(c: C) {
  const user = authorize(c, 'pool:manage')
  const fields = await formFields(c)
  const result = await createFromInput(ctxOf(c), user, formToInput(fields))
  return answer(c, user, result, '/pool', valuesFromForm(fields))
}

/** The CSV from the upload (a file wins over the pasted text). */
async function csvText(c: C): Promise<string> {
  if (Number(c.req.header('content-length') ?? 0) > MAX_CSV_BYTES)
    throw new Refused(413, msg('functionaries.csv.tooLarge'))
  const body = await c.req.parseBody()
  const file = body.file
  if (file instanceof File && file.size > 0) return file.text()
  return typeof body.csv === 'string' ? body.csv : ''
}

export const functionaryPages = new Hono<AppEnv>()
  .get('/', async (c) => {
    const user = authorize(c, 'pool:read')
    const raw = c.req.query()
    const { filters, page: paging, errors } = readFilters(raw, PAGE_SIZE)
    const query: PoolQuery = Object.fromEntries(QUERY_KEYS.filter((k) => raw[k]).map((k) => [k, raw[k]]))
    const { items, total } = await listFunctionaries(c.get('deps').db, user, filters, paging)
    const ctx = viewCtx(c)
    const body = (
      <PoolList
        ctx={ctx}
        items={items}
        total={total}
        page={paging}
        query={query}
        errors={errors}
        refs={await refsOf(c)}
        canManage={can(user, 'pool:manage')}
      />
    )
    return page(c, ctx.t('pool.title'), body)
  })
  .get('/export.csv', async (c) => {
    const user = authorize(c, 'pool:manage')
    const { filters } = readFilters(c.req.query())
    const delimiter = c.req.query('delimiter') === 'semicolon' ? ';' : ','
    const csv = await exportCsv(c.get('deps').db, user, filters, delimiter)
    if (csv === null) throw new HTTPException(403, { message: '' })
    const day = new Date(c.get('deps').now()).toISOString().slice(0, 10)
    c.header('Content-Disposition', `attachment; filename="ccpm-pool-${day}.csv"`)
    c.header('Cache-Control', 'private, no-store')
    return c.body(csv, 200, { 'Content-Type': 'text/csv; charset=utf-8' })
  })
  .get('/import', (c) => {
    authorize(c, 'pool:manage')
    const ctx = viewCtx(c)
    const q = c.req.query()
    const done =
      q.new !== undefined
        ? ctx.t('import.done', { new: q.new, updated: q.updated ?? '0', unchanged: q.unchanged ?? '0' })
        : undefined
    return page(c, ctx.t('import.title'), <ImportPage ctx={ctx} done={done} />)
  })
  // The preview: nothing is written, so the one-time key (if any) stays unused.
  .post('/import', async (c) => {
    const user = authorize(c, 'pool:manage')
    c.set('keyUnused', true)
    const text = await csvText(c)
    const plan = await previewImport(ctxOf(c), user, text)
    if ('error' in plan) throw new Refused(403, plan.message)
    const ctx = viewCtx(c)
    return page(c, ctx.t('import.previewTitle'), <ImportPreview ctx={ctx} plan={plan} text={text} />)
  })
  .post('/import/confirm', async (c) => {
    const user = authorize(c, 'pool:manage')
    const text = await csvText(c)
    const result = await runImport(ctxOf(c), user, text)
    if (result.ok) {
      const { new: n, updated, unchanged } = result.plan.summary
      return c.redirect(`/pool/import?new=${n}&updated=${updated}&unchanged=${unchanged}`, 303)
    }
    const ctx = viewCtx(c)
    if (result.error === 'invalid_input')
      return page(
        c,
        ctx.t('import.previewTitle'),
        <ImportPreview ctx={ctx} plan={result.plan} text={text} />,
        422,
      )
    if (result.error !== 'conflict') throw new Refused(403, result.message)
    const plan = await previewImport(ctxOf(c), user, text)
    if ('error' in plan) throw new Refused(403, plan.message)
    const body = <ImportPreview ctx={ctx} plan={plan} text={text} message={result.message} />
    return page(c, ctx.t('import.previewTitle'), body, 409)
  })
  .get('/new', (c) => {
    authorize(c, 'pool:manage')
    return form(c, '/pool', { roles: {}, languages: {}, base: '' }, {})
  })
  .post('/', create)
  .post('/new', create) // the same create, for a form that posts back to where it came from
  .get('/:id', async (c) => {
    const user = authorize(c, 'pool:read')
    return show(c, user, await load(c, user))
  })
  .get('/:id/edit', async (c) => {
    const user = authorize(c, 'pool:manage')
    const f = await load(c, user)
    return form(c, `/pool/${f.id}`, valuesFromRecord(f), {})
  })
  .post('/:id', async (c) => {
    const user = authorize(c, 'pool:manage')
    const id = c.req.param('id')
    const fields = await formFields(c)
    const version = Number(fields.version) || undefined
    const result = await editFromInput(ctxOf(c), user, id, formToInput(fields), version)
    return answer(c, user, result, `/pool/${id}`, valuesFromForm(fields))
  })
  .post('/:id/status', async (c) => {
    const user = authorize(c, 'pool:manage')
    const fields = await formFields(c)
    if (fields.active !== '0' && fields.active !== '1')
      throw new Refused(422, msg('functionaries.activeValue'))
    const version = Number(fields.version) || undefined
    const id = c.req.param('id')
    const result = await changeStatus(ctxOf(c), user, id, fields.active === '1', version)
    return answer(c, user, result, `/pool/${id}`, { roles: {}, languages: {} })
  })
