/** Dispatch orders as pages: the list (an island's own), the order form, an order, and its steps. */
import { type Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { SessionUser } from '../../../db/queries/sessions.ts'
import { can } from '../../../pool/access/index.ts'
import type { DispatchStatus } from '../../../pool/reference/index.ts'
import type { FieldErrors } from '../../../views/components/form.tsx'
import { pagingOf } from '../../../views/components/pager.tsx'
import type { StepError } from '../../../views/hrc/common.tsx'
import { DispatchPage } from '../../../views/hrc/dispatch.tsx'
import { DispatchForm, DispatchList } from '../../../views/hrc/dispatches.tsx'
import type { FormValues } from '../../../views/hrc/fields.tsx'
import type { AppEnv } from '../../env.ts'
import { formFields } from '../../forms.ts'
import { PAGE_SIZE, pageNumber } from '../../paging.ts'
import { authorize } from '../../policy.ts'
import { spend } from '../../rate-limit.ts'
import { page as htmlPage, pageOrFragment, viewCtx } from '../../render.tsx'
import {
  dispatchChoices,
  dispatchList,
  dispatchPage,
  newDispatch,
  stepDispatch,
} from '../../services/hrc-dispatches.ts'
import { fail, foldErrors, hrcCtx, statusOf, versionOf } from './common.ts'

type C = Context<AppEnv>

async function showDispatch(c: C, user: SessionUser, status = 200, error?: StepError) {
  const data = await dispatchPage(c.get('deps').db, user, c.req.param('id') ?? '')
  if (!data) throw new HTTPException(404, { message: '' })
  const ctx = viewCtx(c)
  const title = ctx.t('hrc.dispatch.title', {
    units: ctx.f.list(data.units.map((u) => u.code)),
    island: ctx.f.name('island', data.dispatch.island),
  })
  return pageOrFragment(c, title, <DispatchPage ctx={ctx} data={data} error={error} />, status)
}

async function orderForm(c: C, user: SessionUser, values: FormValues, errors: FieldErrors, status = 200) {
  const choices = await dispatchChoices(c.get('deps').db, user)
  const ctx = viewCtx(c)
  const body = (
    <DispatchForm ctx={ctx} units={choices.units} needs={choices.needs} values={values} errors={errors} />
  )
  return htmlPage(c, ctx.t('hrc.dispatch.new'), body, status)
}

/** Tomorrow 08:00 and 14:00 island time, as datetime-local values: a starting point, not a guess. */
function defaultTimes(now: number) {
  const day = new Date(now - 4 * 3_600_000 + 86_400_000).toISOString().slice(0, 10)
  return { etd: `${day}T08:00`, eta: `${day}T14:00` }
}

export const dispatchPages = new Hono<AppEnv>()
  .get('/', async (c) => {
    const user = authorize(c, 'hrc:dispatches')
    const ctx = viewCtx(c)
    const pageNo = pageNumber(c.req.query('page'))
    const page = { limit: PAGE_SIZE, offset: (pageNo - 1) * PAGE_SIZE }
    const { orders, units, total } = await dispatchList(c.get('deps').db, user, page)
    const title = user.role === 'island' ? ctx.t('nav.hrcIsland') : ctx.t('hrc.dispatches')
    const body = (
      <DispatchList
        ctx={ctx}
        orders={orders}
        units={units}
        paging={pagingOf(pageNo, total, PAGE_SIZE)}
        canCreate={can(user, 'hrc:manage')}
      />
    )
    return htmlPage(c, title, body)
  })
  .get('/new', async (c) => {
    const user = authorize(c, 'hrc:manage')
    const needId = c.req.query('needId') ?? ''
    return orderForm(
      c,
      user,
      { needId, transport: 'military_airlift', ...defaultTimes(c.get('deps').now()) },
      {},
    )
  })
  .post('/', async (c) => {
    const user = authorize(c, 'hrc:manage')
    await spend(c, 'mailingChangesPerUser', user.id)
    const fields = await formFields(c)
    const result = await newDispatch(hrcCtx(c), user, fields)
    if (result.ok) return c.redirect(`/hrc/dispatches/${result.dispatch.id}`, 303)
    if (result.error === 'forbidden') fail(result)
    const errors = foldErrors(result.fields)
    if (Object.keys(errors).length === 0) errors.unitIds = result.message
    return orderForm(c, user, fields, errors, result.error === 'conflict' ? 409 : 422)
  })
  .get('/:id', async (c) => showDispatch(c, authorize(c, 'hrc:dispatches')))
  .post('/:id/status', async (c) => {
    const user = authorize(c, 'hrc:dispatches')
    await spend(c, 'mailingChangesPerUser', user.id)
    const id = c.req.param('id')
    const fields = await formFields(c)
    const to = String(fields.status ?? '') as DispatchStatus
    const reason = typeof fields.reason === 'string' ? fields.reason : null
    const result = await stepDispatch(hrcCtx(c), user, id, to, { reason, version: versionOf(fields.version) })
    if (result.ok) return c.redirect(`/hrc/dispatches/${id}`, 303)
    if (result.error === 'not_found') fail(result)
    return showDispatch(c, user, statusOf(result), { to, message: result.message, reason: reason ?? '' })
  })
