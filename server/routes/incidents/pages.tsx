/** Incidents as pages: list, open, show, edit, close. */
import { type Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { auditTrail } from '../../../db/queries/audit.ts'
import { findIncident, type IncidentRow, listIncidents } from '../../../db/queries/incidents.ts'
import { listRequests } from '../../../db/queries/requests.ts'
import type { SessionUser } from '../../../db/queries/sessions.ts'
import { can } from '../../../pool/access/index.ts'
import type { IncidentMessage } from '../../../pool/incidents/index.ts'
import { msg } from '../../../pool/shared/index.ts'
import type { FieldErrors } from '../../../views/components/form.tsx'
import {
  IncidentForm,
  IncidentList,
  IncidentPage,
  type IncidentValues,
} from '../../../views/incidents/incidents.tsx'
import type { AppEnv } from '../../env.ts'
import { formFields } from '../../forms.ts'
import { authorize } from '../../policy.ts'
import { Refused } from '../../refused.ts'
import { page, viewCtx } from '../../render.tsx'
import { closeById, editFromInput, openFromInput } from '../../services/incidents.ts'

type C = Context<AppEnv>

/** "2026-09-06T14:30" on the islands' clock (UTC−4), for the datetime-local field. */
const localTime = (at: number) => new Date(at - 4 * 3_600_000).toISOString().slice(0, 16)

async function show(
  c: C,
  user: SessionUser,
  incident: IncidentRow,
  status = 200,
  conflict?: IncidentMessage,
) {
  const { db } = c.var.deps
  const [requests, history] = await Promise.all([
    listRequests(db, user, { incidentId: incident.id }),
    auditTrail(db, 'incident', incident.id),
  ])
  const ctx = viewCtx(c)
  return page(
    c,
    incident.name,
    <IncidentPage
      ctx={ctx}
      incident={incident}
      requests={requests}
      history={history}
      canManage={can(user, 'incidents:manage')}
      conflict={conflict}
    />,
    status,
  )
}

function form(c: C, action: string, values: IncidentValues, errors: FieldErrors, status = 200) {
  const ctx = viewCtx(c)
  return page(
    c,
    action === '/incidents' ? ctx.t('inc.new') : ctx.t('inc.edit'),
    <IncidentForm ctx={ctx} action={action} values={values} errors={errors} />,
    status,
  )
}

const valuesOf = (f: Record<string, string | string[]>): IncidentValues => ({
  name: String(f.name ?? ''),
  hazard: String(f.hazard ?? ''),
  islands: [f.islands ?? []].flat(),
  phase: String(f.phase ?? ''),
  openedAt: String(f.openedAt ?? ''),
  version: typeof f.version === 'string' ? f.version : undefined,
})

function fail(
  c: C,
  user: SessionUser,
  result: { error: string; message: IncidentMessage; current?: IncidentRow },
) {
  if (result.error === 'conflict' && result.current) return show(c, user, result.current, 409, result.message)
  if (result.error === 'forbidden') throw new Refused(403, result.message)
  throw new HTTPException(404, { message: '' })
}

export const incidentPages = new Hono<AppEnv>()
  .get('/', async (c) => {
    const user = authorize(c, 'incidents:read')
    const items = await listIncidents(c.var.deps.db, user)
    return page(
      c,
      viewCtx(c).t('inc.title'),
      <IncidentList ctx={viewCtx(c)} items={items} canManage={can(user, 'incidents:manage')} />,
    )
  })
  .get('/new', (c) => {
    authorize(c, 'incidents:manage')
    return form(c, '/incidents', { phase: 'warm', hazard: 'hurricane', islands: [] }, {})
  })
  .post('/', async (c) => {
    const user = authorize(c, 'incidents:manage')
    const fields = await formFields(c)
    const result = await openFromInput(c.var.deps.db, user, valuesOf(fields), c.var.deps.now())
    if (result.ok) return c.redirect(`/incidents/${result.incident.id}`, 303)
    if (result.error === 'invalid_input') return form(c, '/incidents', valuesOf(fields), result.errors, 422)
    return fail(c, user, result)
  })
  .get('/:id', async (c) => {
    const user = authorize(c, 'incidents:read')
    const incident = await findIncident(c.var.deps.db, user, c.req.param('id'))
    if (!incident) throw new HTTPException(404, { message: '' })
    return show(c, user, incident)
  })
  .get('/:id/edit', async (c) => {
    const user = authorize(c, 'incidents:manage')
    const i = await findIncident(c.var.deps.db, user, c.req.param('id'))
    if (!i) throw new HTTPException(404, { message: '' })
    return form(
      c,
      `/incidents/${i.id}`,
      { ...i, openedAt: localTime(i.openedAt), version: String(i.version) },
      {},
    )
  })
  .post('/:id', async (c) => {
    const user = authorize(c, 'incidents:manage')
    const fields = await formFields(c)
    const id = c.req.param('id')
    const result = await editFromInput(
      c.var.deps.db,
      user,
      id,
      valuesOf(fields),
      c.var.deps.now(),
      Number(fields.version) || undefined,
    )
    if (result.ok) return c.redirect(`/incidents/${id}`, 303)
    if (result.error === 'invalid_input')
      return form(c, `/incidents/${id}`, valuesOf(fields), result.errors, 422)
    return fail(c, user, result)
  })
  .post('/:id/status', async (c) => {
    const user = authorize(c, 'incidents:manage')
    const fields = await formFields(c)
    if (fields.status !== 'closed') throw new Refused(422, msg('incidents.closeOnly'))
    const id = c.req.param('id')
    const result = await closeById(
      c.var.deps.db,
      user,
      id,
      c.var.deps.now(),
      Number(fields.version) || undefined,
    )
    if (result.ok) return c.redirect(`/incidents/${id}`, 303)
    if (result.error === 'invalid_input') throw new HTTPException(422, { message: '' })
    return fail(c, user, result)
  })
