/** JSON API v1 for assignments: list and read (scoped), take a step, the calendar file. */
import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { findAssignment, listAssignments } from '../../../db/queries/assignments.ts'
import { ASSIGNMENT_STATUSES, type AssignmentStatus } from '../../../pool/reference/index.ts'
import type { AppEnv } from '../../env.ts'
import { jsonBody } from '../../json.ts'
import { authorize } from '../../policy.ts'
import { calendarFor, takeStep } from '../../services/assignments.ts'
import { assignmentJson, refusedAssignment } from './json.ts'

export const apiAssignments = new Hono<AppEnv>()
  .get('/assignments', async (c) => {
    const user = authorize(c, 'assignments:read')
    const q = c.req.query()
    const status = q.status
      ? q.status
          .split(',')
          .filter((s): s is AssignmentStatus => (ASSIGNMENT_STATUSES as readonly string[]).includes(s))
      : undefined
    const rows = await listAssignments(c.get('deps').db, user, {
      status,
      needId: q.need,
      requestId: q.request,
      functionaryId: q.functionary,
    })
    return c.json({ items: rows.map((r) => assignmentJson(r.assignment)) })
  })
  .get('/assignments/:id', async (c) => {
    const user = authorize(c, 'assignments:read')
    const found = await findAssignment(c.get('deps').db, user, c.req.param('id'))
    if (!found) throw new HTTPException(404, { message: '' })
    return c.json(assignmentJson(found.assignment))
  })
  .post('/assignments/:id/status', async (c) => {
    const user = authorize(c, 'assignments:read')
    const { db, now, config } = c.get('deps')
    const result = await takeStep(
      { db, now: now(), baseUrl: config.baseUrl },
      user,
      c.req.param('id'),
      await jsonBody(c),
    )
    if (!result.ok) return refusedAssignment(c, result)
    return c.json(assignmentJson(result.assignment))
  })
  .get('/assignments/:id/calendar.ics', async (c) => {
    const user = authorize(c, 'assignments:read')
    const { db, now, config } = c.get('deps')
    const ics = await calendarFor({ db, now: now(), baseUrl: config.baseUrl }, user, c.req.param('id'), 'en')
    if (!ics) throw new HTTPException(404, { message: '' })
    c.header('Content-Disposition', `attachment; filename="${ics.filename}"`)
    return c.body(ics.text, 200, { 'Content-Type': 'text/calendar; charset=utf-8' })
  })
