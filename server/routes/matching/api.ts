/** JSON API v1 for matching: a need's candidates, proposing a person, plans and applying them. */
import { Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { shortfallMessages } from '../../../pool/allocation/index.ts'
import { msg } from '../../../pool/shared/index.ts'
import type { AppEnv } from '../../env.ts'
import { inEnglish, invalid, jsonBody, REFUSAL_STATUS } from '../../json.ts'
import { authorize } from '../../policy.ts'
import { proposePerson } from '../../services/assignments.ts'
import { applyPlan, candidatesOf, planOf } from '../../services/matching.ts'
import { assignmentJson, refusedAssignment } from '../assignments/json.ts'

/** One apply proposes at most this many lines (each a guarded write). */
const MAX_LINES = 500
const str = (v: unknown) => (typeof v === 'string' ? v : '')

export const apiMatching = new Hono<AppEnv>()
  .get('/needs/:id/candidates', async (c) => {
    const user = authorize(c, 'assignments:propose')
    const { db, now } = c.get('deps')
    const data = await candidatesOf(db, user, c.req.param('id'), now())
    if (!data) throw new HTTPException(404, { message: '' })
    return c.json({
      eligible: data.ranking.eligible.map((e) => ({
        functionaryId: e.id,
        name: e.name,
        score: e.score,
        parts: e.parts,
        alert: e.alert,
      })),
      excluded: data.ranking.excluded.map((x) => ({
        functionaryId: x.id,
        name: x.name,
        reasons: x.reasons.map((r) => ({ code: r.code, message: inEnglish(r) })),
      })),
    })
  })
  .post('/needs/:id/assignments', async (c) => {
    const user = authorize(c, 'assignments:propose')
    const { db, now, config } = c.get('deps')
    const body = await jsonBody(c)
    const result = await proposePerson(
      { db, now: now(), baseUrl: config.baseUrl },
      user,
      c.req.param('id'),
      str(body.functionaryId),
    )
    if (!result.ok) return refusedAssignment(c, result)
    c.header('Location', `/api/v1/assignments/${result.assignment.id}`)
    return c.json(assignmentJson(result.assignment), 201)
  })
  .post('/plans', async (c) => {
    const user = authorize(c, 'assignments:propose')
    const { db, now } = c.get('deps')
    const body = await jsonBody(c)
    const incidentId = str(body.incidentId) || undefined
    const { result } = await planOf(db, user, incidentId, now())
    c.set('keyUnused', true) // nothing is written: the same key may ask again
    return c.json({
      assignments: result.lines,
      shortfall: result.shortfall.map((s) => ({
        needId: s.needId,
        role: s.role,
        missing: s.missing,
        reasons: shortfallMessages(s).map((m, i) => ({
          code: m.code,
          count: s.reasons[i]!.count,
          message: inEnglish(m),
        })),
      })),
      greedy: { filled: result.greedy.filled, score: result.greedy.score },
    })
  })
  .post('/plans/apply', async (c) => {
    const user = authorize(c, 'assignments:propose')
    const { db, now, config } = c.get('deps')
    const body = await jsonBody(c)
    const raw = Array.isArray(body.lines) ? body.lines : null
    const lines = raw?.map((l) => ({ needId: str(l?.needId), functionaryId: str(l?.functionaryId) }))
    if (!lines || lines.length > MAX_LINES || lines.some((l) => !l.needId || !l.functionaryId)) {
      const m = msg('assignment.plan.lines', { max: MAX_LINES })
      return invalid(c, { lines: m })
    }
    const { created, failed } = await applyPlan({ db, now: now(), baseUrl: config.baseUrl }, user, lines)
    return c.json({
      created: created.map(assignmentJson),
      failed: failed.map((f) => ({
        needId: f.needId,
        functionaryId: f.functionaryId,
        error: {
          status: REFUSAL_STATUS[f.refusal.error],
          code: f.refusal.message.code,
          message: inEnglish(f.refusal.message),
        },
      })),
    })
  })
