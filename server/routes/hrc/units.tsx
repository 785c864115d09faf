/** HRC units as pages: the register, one unit, the unit form, and a readiness step by hand. */
import { type Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { SessionUser } from '../../../db/queries/sessions.ts'
import { can } from '../../../pool/access/index.ts'
import type { Readiness } from '../../../pool/reference/index.ts'
import type { FieldErrors } from '../../../views/components/form.tsx'
import type { StepError } from '../../../views/hrc/common.tsx'
import type { FormValues } from '../../../views/hrc/fields.tsx'
import { UnitForm, UnitList, UnitPage, unitValues } from '../../../views/hrc/units.tsx'
import type { AppEnv } from '../../env.ts'
import { formFields } from '../../forms.ts'
import { authorize } from '../../policy.ts'
import { spend } from '../../rate-limit.ts'
import { page, pageOrFragment, viewCtx } from '../../render.tsx'
import { changeUnit, newUnit, standings, stepUnit, unitPage } from '../../services/hrc.ts'
import { fail, foldErrors, hrcCtx, statusOf, versionOf } from './common.ts'

type C = Context<AppEnv>

async function showUnit(c: C, user: SessionUser, status = 200, error?: StepError) {
  const data = await unitPage(c.get('deps').db, user, c.req.param('id') ?? '')
  if (!data) throw new HTTPException(404, { message: '' })
  const ctx = viewCtx(c)
  const body = <UnitPage ctx={ctx} data={data} canManage={can(user, 'hrc:manage')} error={error} />
  return pageOrFragment(c, `${data.unit.code} · ${data.unit.name}`, body, status)
}

function form(c: C, action: string, values: FormValues, errors: FieldErrors, status = 200) {
  const ctx = viewCtx(c)
  const title = action === '/hrc/units' ? ctx.t('hrc.unit.add') : ctx.t('hrc.unit.edit')
  return page(c, title, <UnitForm ctx={ctx} action={action} values={values} errors={errors} />, status)
}

export const unitPages = new Hono<AppEnv>()
  .get('/', async (c) => {
    const user = authorize(c, 'hrc:read')
    const ctx = viewCtx(c)
    const units = await standings(c.get('deps').db, user)
    return page(
      c,
      ctx.t('hrc.units'),
      <UnitList ctx={ctx} units={units} canManage={can(user, 'hrc:manage')} />,
    )
  })
  .get('/new', (c) => {
    authorize(c, 'hrc:manage')
    return form(c, '/hrc/units', { base: 'NL', location: 'NL', islands: [] }, {})
  })
  .post('/', async (c) => {
    const user = authorize(c, 'hrc:manage')
    const fields = await formFields(c)
    const result = await newUnit(hrcCtx(c), user, fields)
    if (result.ok) return c.redirect(`/hrc/units/${result.unit.id}`, 303)
    if (result.error !== 'invalid') fail(result)
    return form(c, '/hrc/units', fields, foldErrors(result.fields), 422)
  })
  .get('/:id', async (c) => showUnit(c, authorize(c, 'hrc:read')))
  .get('/:id/edit', async (c) => {
    const user = authorize(c, 'hrc:manage')
    const data = await unitPage(c.get('deps').db, user, c.req.param('id'))
    if (!data) throw new HTTPException(404, { message: '' })
    return form(c, `/hrc/units/${data.unit.id}`, unitValues(data.unit), {})
  })
  .post('/:id', async (c) => {
    const user = authorize(c, 'hrc:manage')
    const id = c.req.param('id')
    const fields = await formFields(c)
    const result = await changeUnit(hrcCtx(c), user, id, fields, versionOf(fields.version))
    if (result.ok) return c.redirect(`/hrc/units/${id}`, 303)
    if (result.error === 'invalid') return form(c, `/hrc/units/${id}`, fields, foldErrors(result.fields), 422)
    if (result.error === 'conflict') return showUnit(c, user, 409, { to: '', message: result.message })
    fail(result)
  })
  .post('/:id/status', async (c) => {
    const user = authorize(c, 'hrc:read')
    await spend(c, 'mailingChangesPerUser', user.id)
    const id = c.req.param('id')
    const fields = await formFields(c)
    const to = String(fields.status ?? '') as Readiness
    const result = await stepUnit(hrcCtx(c), user, id, to, versionOf(fields.version))
    if (result.ok) return c.redirect(`/hrc/units/${id}`, 303)
    if (result.error === 'not_found') fail(result)
    return showUnit(c, user, statusOf(result), { to, message: result.message })
  })
