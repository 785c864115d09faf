/**
 * Assignments as pages: the coordinator's board, one assignment with its steps, the step itself
 * (form post → 303; a refused step re-renders with 409/422), the .ics, and the island's offers.
 */
import { type Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { listAssignments } from '../../../db/queries/assignments.ts'
import type { SessionUser } from '../../../db/queries/sessions.ts'
import { can } from '../../../pool/access/index.ts'
import {
  ACTIVE_ASSIGNMENT_STATUSES,
  ASSIGNMENT_STATUSES,
  type AssignmentStatus,
} from '../../../pool/reference/index.ts'
import { AssignmentsList } from '../../../views/assignments/list.tsx'
import { OffersPage } from '../../../views/assignments/offers.tsx'
import { AssignmentPage } from '../../../views/assignments/show.tsx'
import { stepErrors } from '../../../views/assignments/steps.tsx'
import type { AppEnv } from '../../env.ts'
import { formFields } from '../../forms.ts'
import { authorize } from '../../policy.ts'
import { Refused } from '../../refused.ts'
import { page, viewCtx } from '../../render.tsx'
import { assignmentPage, offersOf } from '../../services/assignment-pages.ts'
import { type AssignmentRefusal, calendarFor, takeStep } from '../../services/assignments.ts'

type C = Context<AppEnv>
const ctxOf = (c: C) => ({
  db: c.get('deps').db,
  now: c.get('deps').now(),
  baseUrl: c.get('deps').config.baseUrl,
})

async function showAssignment(
  c: C,
  user: SessionUser,
  id: string,
  status = 200,
  failed?: { to: AssignmentStatus; values: Record<string, string>; errors: ReturnType<typeof stepErrors> },
) {
  const data = await assignmentPage(ctxOf(c), user, id)
  if (!data) throw new HTTPException(404, { message: '' })
  const ctx = viewCtx(c)
  const { view } = data
  return page(
    c,
    ctx.t('asg.title', {
      name: view.name,
      role: ctx.f.role(view.role),
      island: ctx.f.name('island', view.assignment.island),
    }),
    <AssignmentPage
      ctx={ctx}
      view={{ ...view, person: user.role === 'functionary' ? undefined : (view.person ?? undefined) }}
      steps={data.steps}
      answeredAvailable={data.answeredAvailable}
      timeline={data.timeline}
      canReadRequest={can(user, 'requests:read')}
      failed={failed}
    />,
    status,
  )
}

async function showOffers(
  c: C,
  user: SessionUser,
  status = 200,
  failed?: Parameters<typeof OffersPage>[0]['failed'],
) {
  const ctx = viewCtx(c)
  const data = await offersOf(ctxOf(c), user)
  return page(c, ctx.t('offer.title'), <OffersPage ctx={ctx} data={data} failed={failed} />, status)
}

const text = (v: unknown) => (typeof v === 'string' ? v : '')

/** The status a refused step answers with, as the API would. */
const STATUS = { not_found: 404, forbidden: 403, conflict: 409, invalid: 422 } as const

async function refusedStep(
  c: C,
  user: SessionUser,
  id: string,
  fields: Record<string, unknown>,
  r: AssignmentRefusal,
) {
  if (r.error === 'not_found') throw new HTTPException(404, { message: '' })
  if (r.error === 'forbidden') throw new Refused(403, r.message)
  const to = text(fields.status) as AssignmentStatus
  const status = STATUS[r.error]
  if (fields.back === '/offers') {
    const errors = stepErrors(id, r.fields, r.message)
    if (r.fields?.reason) errors[`${id}-reason`] = r.fields.reason
    return showOffers(c, user, status, { id, errors, reason: text(fields.reason) })
  }
  const values = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, text(v)]))
  return showAssignment(c, user, id, status, { to, values, errors: stepErrors(to, r.fields, r.message) })
}

export const assignmentPages = new Hono<AppEnv>()
  .get('/assignments', async (c) => {
    const user = authorize(c, 'assignments:read')
    const q = c.req.query('status') ?? 'active'
    const status =
      q === 'all'
        ? undefined
        : q === 'active'
          ? [...ACTIVE_ASSIGNMENT_STATUSES]
          : (ASSIGNMENT_STATUSES as readonly string[]).includes(q)
            ? [q as AssignmentStatus]
            : []
    const rows = await listAssignments(c.get('deps').db, user, { status }, 200)
    const ctx = viewCtx(c)
    return page(c, ctx.t('nav.assignments'), <AssignmentsList ctx={ctx} rows={rows} status={q} />)
  })
  .get('/assignments/:id', async (c) => {
    const user = authorize(c, 'assignments:read')
    return showAssignment(c, user, c.req.param('id'))
  })
  .post('/assignments/:id/status', async (c) => {
    const user = authorize(c, 'assignments:read')
    const id = c.req.param('id')
    const fields = await formFields(c)
    const result = await takeStep(ctxOf(c), user, id, fields)
    if (result.ok) return c.redirect(fields.back === '/offers' ? '/offers' : `/assignments/${id}`, 303)
    return refusedStep(c, user, id, fields, result)
  })
  .get('/assignments/:id/calendar.ics', async (c) => {
    const user = authorize(c, 'assignments:read')
    const ics = await calendarFor(ctxOf(c), user, c.req.param('id'), viewCtx(c).locale)
    if (!ics) throw new HTTPException(404, { message: '' })
    c.header('Content-Disposition', `attachment; filename="${ics.filename}"`)
    c.header('Cache-Control', 'private, no-cache')
    return c.body(ics.text, 200, { 'Content-Type': 'text/calendar; charset=utf-8' })
  })
  .get('/offers', async (c) => showOffers(c, authorize(c, 'assignments:decide')))
