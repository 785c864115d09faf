/** JSON API v1 for unavailability periods: the same service, rules and scope as the pages. */
import { Hono } from 'hono'
import type { PeriodRow } from '../../../db/queries/availability.ts'
import { today } from '../../../pool/availability/index.ts'
import { isIsoDate, msg, refuse } from '../../../pool/shared/index.ts'
import type { AppEnv } from '../../env.ts'
import { invalid, jsonBody, refused } from '../../json.ts'
import { currentUser } from '../../policy.ts'
import { addPeriod, planningOf, removePeriod } from '../../services/availability.ts'

const periodJson = (p: PeriodRow) => ({
  id: p.id,
  functionaryId: p.functionaryId,
  start: p.start,
  end: p.end,
  reason: p.reason,
  note: p.note,
  createdBy: p.createdBy,
  createdByName: p.createdByName,
  createdAt: new Date(p.createdAt).toISOString(),
})

export const apiAvailability = new Hono<AppEnv>()
  .get('/functionaries/:id/unavailability', async (c) => {
    const user = currentUser(c)
    const q = c.req.query('from')
    if (q !== undefined && q !== 'today' && !isIsoDate(q))
      return invalid(c, { from: msg('availability.from') })
    const from = q === 'today' ? today(c.get('deps').now()) : q
    const found = await planningOf(c.get('deps').db, user, c.req.param('id'), from)
    if (!found.ok) return refused(c, found)
    return c.json({ items: found.periods.map(periodJson) })
  })
  .post('/functionaries/:id/unavailability', async (c) => {
    const user = currentUser(c)
    const { db, now } = c.get('deps')
    const id = c.req.param('id')
    const result = await addPeriod({ db, now: now() }, user, id, await jsonBody(c))
    if (result.ok) {
      c.header('Location', `/api/v1/functionaries/${id}/unavailability/${result.period.id}`)
      return c.json(periodJson(result.period), 201)
    }
    if (result.error === 'invalid_input') return invalid(c, result.errors)
    return refused(c, result)
  })
  .get('/functionaries/:id/unavailability/:periodId', async (c) => {
    const found = await planningOf(c.get('deps').db, currentUser(c), c.req.param('id'))
    if (!found.ok) return refused(c, found)
    const period = found.periods.find((p) => p.id === c.req.param('periodId'))
    if (!period) return refused(c, refuse('not_found', msg('availability.periodNotFound')))
    return c.json(periodJson(period))
  })
  .delete('/functionaries/:id/unavailability/:periodId', async (c) => {
    const user = currentUser(c)
    const { db, now } = c.get('deps')
    const result = await removePeriod({ db, now: now() }, user, c.req.param('id'), c.req.param('periodId'))
    if (!result.ok) return refused(c, result)
    return c.body(null, 204)
  })
