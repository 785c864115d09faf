/** Incidents as pages: list, open (or propose, for an island), show, edit, close, and open or reject a proposal. */
import { type Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { auditTrail } from '../../../db/queries/audit.ts'
import { findIncident, type IncidentRow, listIncidents } from '../../../db/queries/incidents.ts'
import { countRequests, listRequests } from '../../../db/queries/requests.ts'
import type { SessionUser } from '../../../db/queries/sessions.ts'
import { can } from '../../../pool/access/index.ts'
import type { IncidentMessage } from '../../../pool/incidents/index.ts'
import { msg } from '../../../pool/shared/index.ts'
import type { FieldErrors } from '../../../views/components/form.tsx'
import { pagingOf } from '../../../views/components/pager.tsx'
import {
  IncidentForm,
  IncidentList,
  IncidentPage,
  type IncidentValues,
  incidentFormTitle,
} from '../../../views/incidents/incidents.tsx'
import type { ProposalError } from '../../../views/incidents/proposal.tsx'
import type { AppEnv } from '../../env.ts'
import { formFields } from '../../forms.ts'
import { PAGE_SIZE, pageNumber } from '../../paging.ts'
import { authorize, currentUser } from '../../policy.ts'
import { Refused } from '../../refused.ts'
import { page, viewCtx } from '../../render.tsx'
import { closeById, decideById, editFromInput, openFromInput } from '../../services/incidents.ts'

type C = Context<AppEnv>

/** "2026-09-06T14:30" on the islands' clock (UTC−4), for the datetime-local field. */
const localTime = (at: number) => new Date(at - 4 * 3_600_000).toISOString().slice(0, 16)

async function show(
  c: C,
  user: SessionUser,
  incident: IncidentRow,
  status = 200,
  conflict?: IncidentMessage,
  decideError?: ProposalError,
) {
  const { db } = c.get('deps')
  const pageNo = pageNumber(c.req.query('page'))
  const filters = { incidentId: incident.id }
  const [requests, total, history] = await Promise.all([
    listRequests(db, user, filters, { limit: PAGE_SIZE, offset: (pageNo - 1) * PAGE_SIZE }),
    countRequests(db, user, filters),
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
      paging={pagingOf(pageNo, total, PAGE_SIZE)}
      history={history}
      canManage={can(user, 'incidents:manage')}
      conflict={conflict}
      decideError={decideError}
    />,
    status,
  )
}

function form(c: C, action: string, values: IncidentValues, errors: FieldErrors, status = 200) {
  const ctx = viewCtx(c)
  const proposing = action === '/incidents' && !can(currentUser(c), 'incidents:manage')
  return page(
    c,
    incidentFormTitle(ctx, action, proposing),
    <IncidentForm ctx={ctx} action={action} values={values} errors={errors} proposing={proposing} />,
    status,
  )
}

/** A coordinator opens an incident, an island proposes one; nobody else may. */
function opener(c: C): SessionUser {
  const user = authorize(c, 'incidents:read')
  if (!can(user, 'incidents:manage') && !can(user, 'incidents:propose'))
    throw new HTTPException(403, { message: '' })
  return user
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
    const items = await listIncidents(c.get('deps').db, user)
    return page(
      c,
      viewCtx(c).t('inc.title'),
      <IncidentList
        ctx={viewCtx(c)}
        items={items}
        canManage={can(user, 'incidents:manage')}
        canPropose={can(user, 'incidents:propose')}
      />,
    )
  })
  .get('/new', (c) => {
    const user = opener(c)
    const islands = user.role === 'island' && user.island ? [user.island] : []
    return form(c, '/incidents', { phase: 'warm', hazard: 'hurricane', islands }, {})
  })
  .post('/', async (c) => {
    const user = opener(c)
    const fields = await formFields(c)
    const { db, now, config } = c.get('deps')
    const result = await openFromInput(db, user, valuesOf(fields), now(), config.baseUrl)
    if (result.ok) return c.redirect(`/incidents/${result.incident.id}`, 303)
    if (result.error === 'invalid_input') return form(c, '/incidents', valuesOf(fields), result.errors, 422)
    return fail(c, user, result)
  })
  .get('/:id', async (c) => {
    const user = authorize(c, 'incidents:read')
    const incident = await findIncident(c.get('deps').db, user, c.req.param('id'))
    if (!incident) throw new HTTPException(404, { message: '' })
    return show(c, user, incident)
  })
  .get('/:id/edit', async (c) => {
    const user = authorize(c, 'incidents:manage')
    const i = await findIncident(c.get('deps').db, user, c.req.param('id'))
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
      c.get('deps').db,
      user,
      id,
      valuesOf(fields),
      c.get('deps').now(),
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
    const id = c.req.param('id')
    const { db, now, config } = c.get('deps')
    const version = Number(fields.version) || undefined
    const to = fields.status
    if (to !== 'closed' && to !== 'open' && to !== 'rejected')
      throw new Refused(422, msg('incidents.status.choose'))
    const reason = typeof fields.reason === 'string' ? fields.reason : ''
    const result =
      to === 'closed'
        ? await closeById(db, user, id, now(), version)
        : await decideById(db, user, id, to, { reason, now: now(), version, baseUrl: config.baseUrl })
    if (result.ok) return c.redirect(`/incidents/${id}`, 303)
    if (result.error === 'invalid_input') {
      const found = await findIncident(db, user, id)
      if (!found) throw new HTTPException(404, { message: '' })
      const message = Object.values(result.errors)[0] ?? msg('incidents.reason.required')
      return show(c, user, found, 422, undefined, { message, reason })
    }
    return fail(c, user, result)
  })
