/** Availability alerts: sending them from the candidates page, the answers board, and the public answer link. */
import { type Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { parseMoment } from '../../../pool/incidents/index.ts'
import type { Msg } from '../../../pool/shared/index.ts'
import { AnswerPage, type AnswerState } from '../../../views/alerts/answer.tsx'
import { AnswersBoard } from '../../../views/alerts/need.tsx'
import type { AppEnv } from '../../env.ts'
import { formFields } from '../../forms.ts'
import { authorize } from '../../policy.ts'
import { answerVisit, spend } from '../../rate-limit.ts'
import { Refused } from '../../refused.ts'
import { markup, pageOrFragment, viewCtx } from '../../render.tsx'
import { alertByToken, answer, answerLockedFor, needAnswers, send } from '../../services/alerts.ts'
import { showCandidates } from '../matching/pages.tsx'

type C = Context<AppEnv>
type Found = NonNullable<Awaited<ReturnType<typeof alertByToken>>>

/** A state that is not a form to fill in is still a page; these say why in their status too. */
const STATUS: Record<AnswerState, number> = {
  ask: 200,
  change: 200,
  recorded: 200,
  closed: 200,
  locked: 200,
  expired: 410,
  replaced: 410,
}

const dataOf = (f: Pick<Found, 'alert' | 'name' | 'base' | 'essentials'>) => ({
  ...f.alert,
  name: f.name,
  base: f.base,
  essentials: f.essentials,
})

/** What the link shows now: replaced by a reminder, locked by an offer, past its deadline, or open. */
async function stateOf(c: C, found: Found): Promise<AnswerState> {
  if (found.link === 'replaced') return 'replaced'
  if (await answerLockedFor(c.get('deps').db, found.alert)) return 'locked'
  const { answer, deadline } = found.alert
  if (c.get('deps').now() >= deadline) return answer ? 'closed' : 'expired'
  return answer ? 'change' : 'ask'
}

function answerDoc(
  c: C,
  data: Parameters<typeof AnswerPage>[0]['data'],
  state: AnswerState,
  status = 200,
  chosen?: string,
  error?: Msg,
  note?: string,
) {
  c.header('Cache-Control', 'no-store')
  c.header('X-Robots-Tag', 'noindex')
  const doc = (
    <AnswerPage
      ctx={viewCtx(c)}
      data={data}
      state={state}
      chosen={chosen}
      error={error}
      note={note}
      self={c.req.path}
    />
  )
  return c.html(`<!doctype html>${markup(doc)}`, status as 200)
}

export const alertPages = new Hono<AppEnv>()
  .get('/needs/:id/answers', async (c) => {
    const user = authorize(c, 'pool:manage')
    const data = await needAnswers(c.get('deps').db, user, c.req.param('id'))
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
    const { db, now, config } = c.get('deps')
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
    if (result.ok) {
      const asked = result.written.filter((w) => w.kind === 'first').length
      const q = new URLSearchParams({
        asked: String(asked),
        reminded: String(result.written.length - asked),
        lost: String(result.lost.length),
      })
      return c.redirect(`/needs/${c.req.param('id')}?${q}#round-outcome`, 303)
    }
    if (result.message.code === 'alerts.raced') {
      const errors = { functionaryIds: result.message }
      return showCandidates(c, { status: 409, errors, deadline: typed })
    }
    if (result.error === 'conflict') throw new Refused(409, result.message)
    if (result.error === 'forbidden') throw new Refused(403, result.message)
    const errors = result.fields ?? { functionaryIds: result.message }
    return showCandidates(c, { status: 422, errors, deadline: typed, chosen: ids })
  })
  .get('/answer/:token', async (c) => {
    await answerVisit(c, c.req.param('token'))
    const found = await alertByToken(c.get('deps').db, c.req.param('token'))
    if (!found) throw new HTTPException(404, { message: '' })
    const state = await stateOf(c, found)
    return answerDoc(c, dataOf(found), state, STATUS[state], c.req.query('a'))
  })
  .post('/answer/:token', async (c) => {
    const visit = await answerVisit(c, c.req.param('token'))
    const fields = await formFields(c)
    const { db, now, config } = c.get('deps')
    const result = await answer(
      { db, now: now(), baseUrl: config.baseUrl },
      c.req.param('token'),
      fields.answer,
      fields.note,
    )
    if (!result.ok && result.error === 'not_found') throw new HTTPException(404, { message: '' })
    if (!('found' in result)) throw new HTTPException(404, { message: '' })
    const data = dataOf(result.found)
    if (result.ok) {
      await visit.refund() // the visit that answers counts once: its GET counted it
      return answerDoc(c, data, 'recorded')
    }
    if (result.error === 'invalid' || result.error === 'answered' || result.error === 'changed') {
      // Asked again, keeping what was typed: a choice missing, a note too long, nothing changed.
      const typed = (v: unknown) => (typeof v === 'string' ? v : undefined)
      const state = data.answer ? 'change' : 'ask'
      const status = result.error === 'invalid' ? 422 : 409
      return answerDoc(c, data, state, status, typed(fields.answer), result.message, typed(fields.note))
    }
    // Nothing recorded: past the deadline, locked by an offer, or a link a reminder replaced.
    const state = result.error === 'expired' ? (data.answer ? 'closed' : 'expired') : result.error
    return answerDoc(c, data, state, state === 'expired' || state === 'replaced' ? 410 : 409)
  })
