/** Availability alerts: sending them from the candidates page, the answers board, and the public answer link. */
import { type Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { AlertMessage } from '../../../pool/alerts/index.ts'
import { parseMoment } from '../../../pool/incidents/index.ts'
import { AnswerPage, type AnswerState } from '../../../views/alerts/answer.tsx'
import { AnswersBoard } from '../../../views/alerts/need.tsx'
import type { AppEnv } from '../../env.ts'
import { formFields } from '../../forms.ts'
import { authorize } from '../../policy.ts'
import { answerVisit, spend } from '../../rate-limit.ts'
import { Refused } from '../../refused.ts'
import { pageOrFragment, viewCtx } from '../../render.tsx'
import { alertByToken, answer, answerLockedFor, needAnswers, send } from '../../services/alerts.ts'
import { showCandidates } from '../matching/pages.tsx'

type C = Context<AppEnv>

function answerDoc(
  c: C,
  data: Parameters<typeof AnswerPage>[0]['data'],
  state: AnswerState,
  status = 200,
  chosen?: string,
  error?: AlertMessage,
  note?: string,
) {
  c.header('Cache-Control', 'no-store')
  c.header('X-Robots-Tag', 'noindex')
  const doc = (
    <AnswerPage ctx={viewCtx(c)} data={data} state={state} chosen={chosen} error={error} note={note} />
  )
  return c.html(`<!doctype html>${doc}`, status as 200)
}

export const alertPages = new Hono<AppEnv>()
  .get('/needs/:id/answers', async (c) => {
    const user = authorize(c, 'pool:manage')
    const data = await needAnswers(c.var.deps.db, user, c.req.param('id'))
    const ctx = viewCtx(c)
    return pageOrFragment(
      c,
      ctx.t('alert.answers'),
      <AnswersBoard ctx={ctx} needId={data.needId} answers={data.answers} />,
    )
  })
  .post('/needs/:id/alerts', async (c) => {
    const user = authorize(c, 'pool:manage')
    await spend(c, 'alertRoundsPerUser', user.id)
    const { db, now, config } = c.var.deps
    const fields = await formFields(c)
    const ids = [fields.functionaryIds ?? []].flat()
    const typed = String(fields.deadline ?? '')
    const deadline = parseMoment(typed) ?? Number.NaN
    const result = await send(
      { db, now: now(), baseUrl: config.baseUrl },
      user,
      c.req.param('id'),
      ids,
      deadline,
    )
    if (result.ok) return c.redirect(`/needs/${c.req.param('id')}`, 303)
    if (result.error === 'conflict') throw new Refused(409, result.message)
    if (result.error === 'forbidden') throw new Refused(403, result.message)
    const errors = result.fields ?? { functionaryIds: result.message }
    return showCandidates(c, { status: 422, errors, deadline: typed, chosen: ids })
  })
  .get('/answer/:token', async (c) => {
    await answerVisit(c, c.req.param('token'))
    const found = await alertByToken(c.var.deps.db, c.req.param('token'))
    if (!found) throw new HTTPException(404, { message: '' })
    const { alert } = found
    const state: AnswerState = (await answerLockedFor(c.var.deps.db, alert))
      ? 'locked'
      : alert.answer
        ? 'already'
        : c.var.deps.now() >= alert.deadline
          ? 'expired'
          : 'ask'
    return answerDoc(
      c,
      { ...alert, name: found.name, essentials: found.essentials },
      state,
      state === 'expired' ? 410 : 200,
      c.req.query('a'),
    )
  })
  .post('/answer/:token', async (c) => {
    const visit = await answerVisit(c, c.req.param('token'))
    const fields = await formFields(c)
    const { db, now, config } = c.var.deps
    const result = await answer(
      { db, now: now(), baseUrl: config.baseUrl },
      c.req.param('token'),
      fields.answer,
      fields.note,
    )
    if (!result.ok && result.error === 'not_found') throw new HTTPException(404, { message: '' })
    if (!('found' in result) || !result.found) throw new HTTPException(404, { message: '' })
    const f = result.found
    const data = { ...f.alert, name: f.name, essentials: f.essentials }
    if (result.ok) {
      await visit.refund() // the visit that answers counts once: its GET counted it
      return answerDoc(c, data, 'recorded')
    }
    if (result.error === 'locked') return answerDoc(c, data, 'locked', 409)
    if (result.error === 'invalid')
      return answerDoc(
        c,
        data,
        'ask',
        422,
        typeof fields.answer === 'string' ? fields.answer : undefined,
        result.message,
        typeof fields.note === 'string' ? fields.note : undefined,
      )
    return answerDoc(
      c,
      data,
      result.error === 'answered' ? 'already' : 'expired',
      result.error === 'answered' ? 409 : 410,
    )
  })
