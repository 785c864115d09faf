/** JSON API v1 for availability alerts: send a round for a need (first alerts and reminders), list its answers. */
import { Hono } from 'hono'
import { alertsForNeed } from '../../../db/queries/alerts.ts'
import { parseMoment } from '../../../pool/incidents/index.ts'
import type { AppEnv } from '../../env.ts'
import { iso, jsonBody, refused } from '../../json.ts'
import { authorize } from '../../policy.ts'
import { spend } from '../../rate-limit.ts'
import { loadNeed, send } from '../../services/alerts.ts'

export const apiAlerts = new Hono<AppEnv>()
  .get('/needs/:id/alerts', async (c) => {
    const user = authorize(c, 'pool:manage')
    const { db } = c.get('deps')
    await loadNeed(db, user, c.req.param('id'))
    const rows = await alertsForNeed(db, c.req.param('id'))
    return c.json({
      items: rows.map((a) => ({
        id: a.id,
        functionaryId: a.functionaryId,
        sentAt: iso(a.sentAt),
        deadline: iso(a.deadline),
        answer: a.answer,
        note: a.note,
        answeredAt: iso(a.answeredAt),
        reminders: a.reminders,
        remindedAt: iso(a.remindedAt),
      })),
    })
  })
  .post('/needs/:id/alerts', async (c) => {
    const user = authorize(c, 'pool:manage')
    await spend(c, 'alertRoundsPerUser', user.id)
    const body = await jsonBody(c)
    const ids = Array.isArray(body.functionaryIds)
      ? body.functionaryIds.filter((x: unknown) => typeof x === 'string')
      : []
    const deadline =
      typeof body.deadline === 'string' ? (parseMoment(body.deadline, 0) ?? Number.NaN) : Number.NaN
    const { db, now, config } = c.get('deps')
    const result = await send(
      { db, now: now(), baseUrl: config.baseUrl },
      user,
      c.req.param('id'),
      ids,
      deadline,
    )
    if (!result.ok) return refused(c, result)
    return c.json(
      {
        items: result.written.map((a) => ({
          id: a.id,
          functionaryId: a.functionaryId,
          kind: a.kind,
          reminders: a.reminders,
          deadline: iso(a.deadline),
        })),
        lost: result.lost,
      },
      201,
    )
  })
