/** Threats as pages: the list, recording one, a new advisory, closing it, and applying its proposals. */
import { type Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { listThreats } from '../../../db/queries/hrc-threats.ts'
import type { SessionUser } from '../../../db/queries/sessions.ts'
import { can } from '../../../pool/access/index.ts'
import type { FieldErrors } from '../../../views/components/form.tsx'
import type { StepError } from '../../../views/hrc/common.tsx'
import type { FormValues } from '../../../views/hrc/fields.tsx'
import { ThreatForm, ThreatList, ThreatPage } from '../../../views/hrc/threats.tsx'
import type { AppEnv } from '../../env.ts'
import { formFields } from '../../forms.ts'
import { authorize } from '../../policy.ts'
import { spend } from '../../rate-limit.ts'
import { page, pageOrFragment, viewCtx } from '../../render.tsx'
import { applyThreat, closeThreatBy, newAdvisory, newThreat, threatPage } from '../../services/hrc-threats.ts'
import { fail, foldErrors, hrcCtx, statusOf, versionOf } from './common.ts'

type C = Context<AppEnv>

async function showThreat(
  c: C,
  user: SessionUser,
  status = 200,
  extra: { errors?: FieldErrors; values?: FormValues; error?: StepError } = {},
) {
  const { db, now } = c.get('deps')
  const data = await threatPage(db, user, c.req.param('id') ?? '', now())
  if (!data) throw new HTTPException(404, { message: '' })
  const ctx = viewCtx(c)
  const body = <ThreatPage ctx={ctx} data={data} canKeep={can(user, 'hrc:threats')} {...extra} />
  return pageOrFragment(c, data.threat.name, body, status)
}

export const threatPages = new Hono<AppEnv>()
  .get('/', async (c) => {
    const user = authorize(c, 'hrc:read')
    const ctx = viewCtx(c)
    const threats = await listThreats(c.get('deps').db, user)
    return page(
      c,
      ctx.t('hrc.threats'),
      <ThreatList ctx={ctx} threats={threats} canKeep={can(user, 'hrc:threats')} />,
    )
  })
  .get('/new', (c) => {
    authorize(c, 'hrc:threats')
    const ctx = viewCtx(c)
    return page(c, ctx.t('hrc.threat.record'), <ThreatForm ctx={ctx} values={{}} errors={{}} />)
  })
  .post('/', async (c) => {
    const user = authorize(c, 'hrc:threats')
    const fields = await formFields(c)
    const result = await newThreat(hrcCtx(c), user, fields)
    if (result.ok) return c.redirect(`/hrc/threats/${result.threat.id}`, 303)
    if (result.error !== 'invalid') fail(result)
    const ctx = viewCtx(c)
    const body = <ThreatForm ctx={ctx} values={fields} errors={foldErrors(result.fields)} />
    return page(c, ctx.t('hrc.threat.record'), body, 422)
  })
  .get('/:id', async (c) => showThreat(c, authorize(c, 'hrc:read')))
  .post('/:id', async (c) => {
    const user = authorize(c, 'hrc:threats')
    const id = c.req.param('id')
    const fields = await formFields(c)
    const result = await newAdvisory(hrcCtx(c), user, id, fields, versionOf(fields.version))
    if (result.ok) return c.redirect(`/hrc/threats/${id}`, 303)
    if (result.error === 'invalid')
      return showThreat(c, user, 422, { values: fields, errors: foldErrors(result.fields) })
    if (result.error === 'conflict')
      return showThreat(c, user, 409, { error: { to: '', message: result.message } })
    fail(result)
  })
  .post('/:id/status', async (c) => {
    const user = authorize(c, 'hrc:threats')
    const id = c.req.param('id')
    const fields = await formFields(c)
    const result = await closeThreatBy(hrcCtx(c), user, id, fields.status, versionOf(fields.version))
    if (result.ok) return c.redirect(`/hrc/threats/${id}`, 303)
    if (result.error === 'not_found' || result.error === 'forbidden') fail(result)
    return showThreat(c, user, statusOf(result), { error: { to: '', message: result.message } })
  })
  .post('/:id/apply', async (c) => {
    const user = authorize(c, 'hrc:threats')
    await spend(c, 'mailingChangesPerUser', user.id)
    const id = c.req.param('id')
    const result = await applyThreat(hrcCtx(c), user, id, await formFields(c))
    if (result.ok) return c.redirect(`/hrc/threats/${id}`, 303)
    if (result.error === 'not_found') fail(result)
    const errors = foldErrors(result.fields)
    return showThreat(c, user, statusOf(result), {
      errors: { proposals: errors.proposals ?? result.message },
    })
  })
