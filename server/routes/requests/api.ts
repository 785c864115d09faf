/** JSON API v1 for requests: the same services, rules and scopes as the pages. */
import { type Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { countRequests, findRequest, listRequests, needsOf } from '../../../db/queries/requests.ts'
import type { RequestStatus } from '../../../pool/reference/index.ts'
import type { Need, RequestRecord } from '../../../pool/requests/index.ts'
import type { AppEnv } from '../../env.ts'
import { invalid, iso, jsonBody, refused } from '../../json.ts'
import { readPage } from '../../paging.ts'
import { authorize } from '../../policy.ts'
import { spend } from '../../rate-limit.ts'
import { changeStatus, fileRequest, fillOf } from '../../services/requests.ts'

type C = Context<AppEnv>
/** Per need: people or units filled, and people offered to the island and waiting for its decision. */
function requestJson(
  r: RequestRecord,
  needs: Need[],
  { filled, offered }: { filled: Map<string, number>; offered: Map<string, number> },
) {
  return {
    id: r.id,
    island: r.island,
    status: r.status,
    phase: r.phase,
    priority: r.priority,
    title: r.title,
    situation: r.situation,
    periodStart: r.periodStart || null, // a draft may not have its period yet
    periodEnd: r.periodEnd || null,
    incidentId: r.incidentId,
    contact: r.contact,
    onBehalf: r.onBehalf,
    version: r.version,
    revision: r.revision,
    submittedAt: iso(r.submittedAt),
    acknowledgedAt: iso(r.acknowledgedAt),
    closedAt: iso(r.closedAt),
    reason: r.reason,
    needs: needs.map((n) => ({ ...n, filled: filled.get(n.id) ?? 0, offered: offered.get(n.id) ?? 0 })),
  }
}

async function oneRequest(c: C, id: string) {
  const user = authorize(c, 'requests:read')
  const found = await findRequest(c.get('deps').db, user, id)
  if (!found) throw new HTTPException(404, { message: '' })
  return requestJson(found.request, found.needs, await fillOf(c.get('deps').db, found.needs))
}

export const apiRequests = new Hono<AppEnv>()
  .get('/requests', async (c) => {
    const user = authorize(c, 'requests:read')
    const { db } = c.get('deps')
    const q = c.req.query()
    const { page, errors } = readPage(q)
    if (Object.keys(errors).length) return invalid(c, errors)
    const where = { island: q.island, status: q.status, phase: q.phase, incidentId: q.incident }
    const [rows, total] = await Promise.all([
      listRequests(db, user, where, page),
      countRequests(db, user, where),
    ])
    const needs = await needsOf(
      db,
      rows.map((r) => r.id),
    )
    // the fill of every listed need in one go, not a read per request
    const fill = await fillOf(
      db,
      rows.flatMap((r) => needs.get(r.id) ?? []),
    )
    const items = rows.map((r) => requestJson(r, needs.get(r.id) ?? [], fill))
    return c.json({ items, total, ...page })
  })
  .get('/requests/:id', async (c) => c.json(await oneRequest(c, c.req.param('id'))))
  .post('/requests', async (c) => {
    const user = authorize(c, 'requests:create')
    const { db, now, config } = c.get('deps')
    const result = await fileRequest({ db, now: now(), baseUrl: config.baseUrl }, user, await jsonBody(c))
    if (!result.ok) return invalid(c, result.errors)
    c.header('Location', `/api/v1/requests/${result.id}`)
    return c.json(await oneRequest(c, result.id), 201)
  })
  .post('/requests/:id/status', async (c) => {
    const user = authorize(c, 'requests:read')
    await spend(c, 'mailingChangesPerUser', user.id)
    const { db, now, config } = c.get('deps')
    const b = await jsonBody(c)
    const version = typeof b.version === 'number' ? b.version : undefined
    const reason = typeof b.reason === 'string' ? b.reason : null
    const result = await changeStatus(
      { db, now: now(), baseUrl: config.baseUrl },
      user,
      c.req.param('id'),
      String(b.status) as RequestStatus,
      { reason, version },
    )
    if (!result.ok) {
      const now = result.current?.request
      return refused(c, result, now && { status: now.status, version: now.version })
    }
    return c.json(await oneRequest(c, c.req.param('id')))
  })
