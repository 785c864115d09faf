/** JSON API v1 for incidents: the same services, rules and scopes as the pages. */
import { Hono } from 'hono'
import type { IncidentRow } from '../../../db/queries/incidents.ts'
import { listIncidents } from '../../../db/queries/incidents.ts'
import { can } from '../../../pool/access/index.ts'
import { msg } from '../../../pool/shared/index.ts'
import type { AppEnv } from '../../env.ts'
import { invalid, iso, jsonBody, refused } from '../../json.ts'
import { authorize, currentUser } from '../../policy.ts'
import { closeById, decideById, openFromInput } from '../../services/incidents.ts'

const incidentJson = (i: IncidentRow) => ({
  id: i.id,
  name: i.name,
  hazard: i.hazard,
  islands: i.islands,
  phase: i.phase,
  status: i.status,
  proposedBy: i.proposedBy,
  reason: i.reason,
  openedAt: iso(i.openedAt),
  closedAt: iso(i.closedAt),
  version: i.version,
})

export const apiIncidents = new Hono<AppEnv>()
  .get('/incidents', async (c) => {
    const user = authorize(c, 'incidents:read')
    return c.json({ items: (await listIncidents(c.get('deps').db, user)).map(incidentJson) })
  })
  .post('/incidents', async (c) => {
    // A coordinator opens it; an island proposes it (status "proposed") for a coordinator to decide.
    const user = authorize(
      c,
      can(currentUser(c), 'incidents:manage') ? 'incidents:manage' : 'incidents:propose',
    )
    const { db, now, config } = c.get('deps')
    const result = await openFromInput(db, user, await jsonBody(c), now(), config.baseUrl)
    if (result.ok) return c.json(incidentJson(result.incident), 201)
    if (result.error === 'invalid_input') return invalid(c, result.errors)
    return refused(c, result)
  })
  .post('/incidents/:id/status', async (c) => {
    const user = authorize(c, 'incidents:read')
    const b = await jsonBody(c)
    const to = b.status
    if (to !== 'closed' && to !== 'open' && to !== 'rejected')
      return invalid(c, { status: msg('incidents.status.choose') })
    const version = typeof b.version === 'number' ? b.version : undefined
    const { db, now, config } = c.get('deps')
    const id = c.req.param('id')
    const reason = typeof b.reason === 'string' ? b.reason : null
    const result =
      to === 'closed'
        ? await closeById(db, user, id, now(), version)
        : await decideById(db, user, id, to, { reason, now: now(), version, baseUrl: config.baseUrl })
    if (result.ok) return c.json(incidentJson(result.incident))
    if (result.error === 'invalid_input') return invalid(c, result.errors)
    const current = result.current
    return refused(c, result, current && { status: current.status, version: current.version })
  })
