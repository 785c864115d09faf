/** The alerts a functionary received, on their own pages (/me/alerts), answered there when signed in. */
import { type Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { SessionUser } from '../../../db/queries/sessions.ts'
import { MyAlerts, type MyAnswerError } from '../../../views/alerts/mine.tsx'
import type { AppEnv } from '../../env.ts'
import { formFields } from '../../forms.ts'
import { ownFunctionary } from '../../policy.ts'
import { page, viewCtx } from '../../render.tsx'
import { answerMine, myAlerts } from '../../services/alerts.ts'
import { showHome } from '../overview/pages.tsx'

type C = Context<AppEnv>

async function showMine(c: C, user: SessionUser, status = 200, error?: MyAnswerError) {
  const ctx = viewCtx(c)
  const items = await myAlerts(c.get('deps').db, user)
  const body = <MyAlerts ctx={ctx} items={items} answered={c.req.query('answered')} error={error} />
  return page(c, ctx.t('nav.myAlerts'), body, status)
}

/** A refused answer's status: a missing choice or long note 422, nothing changed or locked 409, too late 410. */
const STATUS = {
  invalid: 422,
  answered: 409,
  changed: 409,
  locked: 409,
  replaced: 409,
  expired: 410,
} as const

export const myAlertPages = new Hono<AppEnv>()
  .get('/alerts', (c) => showMine(c, ownFunctionary(c).user))
  .post('/alerts/:id', async (c) => {
    const { user } = ownFunctionary(c)
    const id = c.req.param('id')
    const fields = await formFields(c)
    const back = fields.back === '/' ? '/' : '/me/alerts'
    const { db, now, config } = c.get('deps')
    const result = await answerMine(
      { db, now: now(), baseUrl: config.baseUrl },
      user,
      id,
      fields.answer,
      fields.note,
    )
    if (result.ok) return c.redirect(`${back}?answered=${encodeURIComponent(id)}#alert-${id}`, 303)
    if (result.error === 'not_found') throw new HTTPException(404, { message: '' })
    const typed = (v: unknown) => (typeof v === 'string' ? v : undefined)
    const message = result.message
    if (!message) throw new HTTPException(409, { message: '' })
    const error = { id, message, chosen: typed(fields.answer), note: typed(fields.note) }
    const status = STATUS[result.error]
    return back === '/' ? showHome(c, status, error) : showMine(c, user, status, error)
  })
