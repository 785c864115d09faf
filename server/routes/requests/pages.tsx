/** Requests for assistance as pages: list/inbox, new, show, edit, status changes, print. */
import { type Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { listIncidents } from '../../../db/queries/incidents.ts'
import { countRequests, findRequest, listRequests } from '../../../db/queries/requests.ts'
import type { SessionUser } from '../../../db/queries/sessions.ts'
import { can } from '../../../pool/access/index.ts'
import { REQUEST_STATUSES, type RequestStatus } from '../../../pool/reference/index.ts'
import {
  allowedTransitions,
  canEdit,
  formToRequestInput,
  REQUEST_DEFAULTS,
} from '../../../pool/requests/index.ts'
import { type Msg, msg } from '../../../pool/shared/index.ts'
import type { FieldErrors } from '../../../views/components/form.tsx'
import { pagingOf } from '../../../views/components/pager.tsx'
import { RequestForm, type RequestValues } from '../../../views/requests/form.tsx'
import { RequestList } from '../../../views/requests/list.tsx'
import { RequestPrint } from '../../../views/requests/print.tsx'
import { ConflictNotice, RequestPage } from '../../../views/requests/show.tsx'
import type { AppEnv } from '../../env.ts'
import { formFields } from '../../forms.ts'
import { PAGE_SIZE, pageNumber } from '../../paging.ts'
import { authorize } from '../../policy.ts'
import { spend } from '../../rate-limit.ts'
import { Refused } from '../../refused.ts'
import { isPartial, page, pageOrFragment, viewCtx } from '../../render.tsx'
import {
  changeStatus,
  editRequest,
  type Found,
  fileRequest,
  requestPage,
  requestRefs,
} from '../../services/requests.ts'
import { applyRowAction, needRows, needsToValues, recordToValues, valuesFromForm } from './form-values.ts'

type C = Context<AppEnv>
/** Rows per list page: 50 rows with their triage forms stay well inside 14 KB gzip. */
const ctxOf = (c: C) => ({
  db: c.get('deps').db,
  now: c.get('deps').now(),
  baseUrl: c.get('deps').config.baseUrl,
})

async function load(c: C, user: SessionUser): Promise<Found> {
  const found = await findRequest(c.get('deps').db, user, c.req.param('id') ?? '')
  if (!found) throw new HTTPException(404, { message: '' })
  return found
}

async function showPage(
  c: C,
  user: SessionUser,
  found: Found,
  status = 200,
  extra?: { conflict?: Msg; error?: { to: RequestStatus; message: Msg; reason: string } },
) {
  const ctx = viewCtx(c)
  const data = {
    ...found,
    ...(await requestPage(c.get('deps').db, user, found)),
    canEdit: canEdit(found.request, user),
  }
  const body = extra?.conflict ? (
    <ConflictNotice ctx={ctx} message={extra.conflict} data={data} />
  ) : (
    <RequestPage ctx={ctx} data={data} error={extra?.error} />
  )
  return pageOrFragment(c, found.request.title, body, status)
}

/** Renders the form (page or htmx fragment) with the typed values and the errors. */
async function formPage(
  c: C,
  user: SessionUser,
  action: string,
  values: RequestValues,
  errors: FieldErrors,
  status = 200,
  added: number | null = null,
) {
  const ctx = viewCtx(c)
  const { view } = await requestRefs(c.get('deps').db, user, ctx.locale)
  const editing = action !== '/requests'
  const body = (
    <RequestForm
      ctx={ctx}
      action={action}
      values={{ ...values, needs: needRows(values.needs) }}
      added={added}
      errors={errors}
      refs={view}
      chooseIsland={user.role === 'coordinator' && !editing}
      editing={editing}
    />
  )
  const title = editing ? ctx.t('req.edit') : ctx.t('req.new')
  if (isPartial(c)) return pageOrFragment(c, title, body, status)
  return page(
    c,
    title,
    <section>
      <h1>{title}</h1>
      {body}
    </section>,
    status,
  )
}

/**
 * Where a status change lands: the request itself, or the list it was made from (a triage button
 * in the inbox), with `done` naming the request so that the list can say what happened to it.
 */
function afterStatus(back: unknown, id: string): string {
  if (typeof back !== 'string' || !/^\/requests(\?[\w=&%.-]*)?$/.test(back)) return `/requests/${id}`
  return `${back}${back.includes('?') ? '&' : '?'}done=${id}`
}

export const requestPages = new Hono<AppEnv>()
  .get('/', async (c) => {
    const user = authorize(c, 'requests:read')
    const { db } = c.get('deps')
    const q = c.req.query()
    const status = q.status ?? (user.role === 'coordinator' ? 'submitted' : 'all')
    const filters = { island: q.island ?? '', status, phase: q.phase ?? '', incident: q.incident ?? '' }
    const where = {
      island: filters.island || undefined,
      status: (REQUEST_STATUSES as readonly string[]).includes(status) ? status : undefined,
      phase: filters.phase || undefined,
      incidentId: filters.incident || undefined,
    }
    const pageNo = pageNumber(q.page)
    const [rows, total] = await Promise.all([
      listRequests(db, user, where, { limit: PAGE_SIZE, offset: (pageNo - 1) * PAGE_SIZE }),
      countRequests(db, user, where),
    ])
    const ctx = viewCtx(c)
    const list = rows.map((row) => ({
      request: row,
      actions: allowedTransitions(row, user),
    }))
    const incidents = (await listIncidents(db, user)).map((i) => ({ id: i.id, name: i.name }))
    const done = q.done ? (await findRequest(db, user, q.done))?.request : undefined
    const title = user.role === 'island' ? ctx.t('req.our') : ctx.t('req.inbox')
    return page(
      c,
      title,
      <RequestList
        ctx={ctx}
        rows={list}
        filters={filters}
        paging={pagingOf(pageNo, total, PAGE_SIZE)}
        incidents={incidents}
        canCreate={can(user, 'requests:create')}
        done={done}
      />,
    )
  })
  .get('/new', async (c) => {
    const user = authorize(c, 'requests:create')
    const values: RequestValues = {
      ...REQUEST_DEFAULTS,
      contact: [user.name, user.email, user.phone].filter(Boolean).join(', '),
      needs: [
        { kind: 'functionary', count: '1', minLevel: 'qualified', languages: [], preferredLanguages: [] },
      ],
    }
    return formPage(c, user, '/requests', values, {})
  })
  // htmx: add or remove a need row and return the form fragment; nothing is written.
  .post('/form', async (c) => {
    const user = authorize(c, 'requests:create')
    c.set('keyUnused', true)
    const fields = await formFields(c)
    const values = valuesFromForm(fields)
    const row = applyRowAction(values, String(fields._action ?? ''))
    const action = String(fields._form ?? '/requests')
    if (!/^\/requests(\/[a-z0-9]{16})?$/.test(action)) throw new HTTPException(400, { message: '' })
    return formPage(c, user, action, values, {}, 200, row?.added ?? null)
  })
  .post('/', async (c) => {
    const user = authorize(c, 'requests:create')
    const fields = await formFields(c)
    const values = valuesFromForm(fields)
    const row = applyRowAction(values, String(fields._action ?? ''))
    if (row) {
      c.set('keyUnused', true)
      return formPage(c, user, '/requests', values, {}, 200, row.added)
    }
    const result = await fileRequest(ctxOf(c), user, formToRequestInput(fields))
    if (!result.ok) return formPage(c, user, '/requests', values, result.errors, 422)
    return c.redirect(`/requests/${result.id}`, 303)
  })
  .get('/:id', async (c) => {
    const user = authorize(c, 'requests:read')
    return showPage(c, user, await load(c, user))
  })
  .get('/:id/print', async (c) => {
    const user = authorize(c, 'requests:read')
    const found = await load(c, user)
    const ctx = viewCtx(c)
    const data = {
      ...found,
      ...(await requestPage(c.get('deps').db, user, found)),
      canEdit: false,
    }
    return page(c, found.request.title, <RequestPrint ctx={ctx} data={data} />)
  })
  .get('/:id/edit', async (c) => {
    const user = authorize(c, 'requests:create')
    const found = await load(c, user)
    if (!canEdit(found.request, user)) return showPage(c, user, found, 409, { conflict: msg('http.409') })
    const values = { ...recordToValues(found.request), needs: needsToValues(found.needs) }
    return formPage(c, user, `/requests/${found.request.id}`, values, {})
  })
  .post('/:id', async (c) => {
    const user = authorize(c, 'requests:create')
    const id = c.req.param('id')
    const fields = await formFields(c)
    const values = valuesFromForm(fields)
    const row = applyRowAction(values, String(fields._action ?? ''))
    if (row) {
      c.set('keyUnused', true)
      return formPage(c, user, `/requests/${id}`, values, {}, 200, row.added)
    }
    await spend(c, 'mailingChangesPerUser', user.id)
    const result = await editRequest(
      ctxOf(c),
      user,
      id,
      formToRequestInput(fields),
      Number(fields.version) || undefined,
    )
    if (result.ok) return c.redirect(`/requests/${id}`, 303)
    if (result.error === 'invalid_input')
      return formPage(c, user, `/requests/${id}`, values, result.errors, 422)
    if (result.error === 'invalid')
      return formPage(c, user, `/requests/${id}`, values, result.fields ?? { needs: result.message }, 422)
    if (result.error === 'conflict' && result.current)
      return showPage(c, user, result.current, 409, { conflict: result.message })
    if (result.error === 'forbidden') throw new Refused(403, result.message)
    throw new HTTPException(404, { message: '' })
  })
  .post('/:id/status', async (c) => {
    const user = authorize(c, 'requests:read')
    await spend(c, 'mailingChangesPerUser', user.id)
    const fields = await formFields(c)
    const to = String(fields.status ?? '') as RequestStatus
    const reason = typeof fields.reason === 'string' ? fields.reason : null
    const result = await changeStatus(ctxOf(c), user, c.req.param('id'), to, {
      reason,
      version: Number(fields.version) || undefined,
    })
    if (result.ok) return c.redirect(afterStatus(fields.back, c.req.param('id')), 303)
    if (result.error === 'not_found' || !result.current) throw new HTTPException(404, { message: '' })
    if (result.error === 'forbidden') throw new Refused(403, result.message)
    if (result.error === 'invalid')
      return showPage(c, user, result.current, 422, {
        error: { to, message: result.message, reason: reason ?? '' },
      })
    return showPage(c, user, result.current, 409, { conflict: result.message })
  })
