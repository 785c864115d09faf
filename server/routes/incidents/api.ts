/** JSON API v1 for incidents: the same services, rules and scopes as the pages. */
import { Hono } from 'hono'
import type { IncidentRow } from '../../../db/queries/incidents.ts'
import { listIncidents } from '../../../db/queries/incidents.ts'
import { msg } from '../../../pool/shared/index.ts'
import type { AppEnv } from '../../env.ts'
import { invalid, iso, jsonBody, refused } from '../../json.ts'
import { authorize } from '../../policy.ts'
import { closeById, openFromInput } from '../../services/incidents.ts'

const incidentJson = (i: IncidentRow) => ({
  id: i.id,
  name: i.name,
  hazard: i.hazard,
  islands: i.islands,
  phase: i.phase,
  status: i.status,
  openedAt: iso(i.openedAt),
  closedAt: iso(i.closedAt),
  version: i.version,
})

export const apiIncidents = new Hono<AppEnv>()
  .get('/incidents', async (c) => {
    const user = authorize(c, 'incidents:read')
    return c.json({ items: (await listIncidents(c.var.deps.db, user)).map(incidentJson) })
  })
  .post('/incidents', async (c) => {
    const user = authorize(c, 'incidents:manage')
    const result = await openFromInput(c.var.deps.db, user, await jsonBody(c), c.var.deps.now())
    if (result.ok) return c.json(incidentJson(result.incident), 201)
    if (result.error === 'invalid_input') return invalid(c, result.errors)
    return refused(c, result)
  })
  .post('/incidents/:id/status', async (c) => {
    const user = authorize(c, 'incidents:read')
    const b = await jsonBody(c)
    if (b.status !== 'closed') return invalid(c, { status: msg('incidents.closeOnly') })
    const version = typeof b.version === 'number' ? b.version : undefined
    const result = await closeById(c.var.deps.db, user, c.req.param('id'), c.var.deps.now(), version)
    if (result.ok) return c.json(incidentJson(result.incident))
    if (result.error === 'invalid_input') return invalid(c, result.errors)
    const now = result.current
    return refused(c, result, now && { status: now.status, version: now.version })
  })
