/** Self-service: a functionary's unavailability periods and the alerts they received. */
import { type Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { MyAlerts } from '../../views/availability/alerts.tsx'
import type { AppEnv } from '../env.ts'
import { authorize } from '../policy.ts'
import { page, viewCtx } from '../render.tsx'
import { myAlerts } from '../services/availability.ts'
import { postDelete, postPeriod, showPlanning } from './planning.tsx'

/** The signed-in functionary and their pool record; an account without one has no such page. */
function me(c: Context<AppEnv>) {
  const user = authorize(c, 'profile:own')
  if (!user.functionaryId) throw new HTTPException(404, { message: '' })
  return { user, id: user.functionaryId }
}

export const myAvailabilityPages = new Hono<AppEnv>()
  .get('/availability', (c) => {
    const { user, id } = me(c)
    return showPlanning(c, user, 'me', id)
  })
  .post('/availability', (c) => {
    const { user, id } = me(c)
    return postPeriod(c, user, 'me', id)
  })
  .post('/availability/:periodId/delete', (c) => {
    const { user, id } = me(c)
    return postDelete(c, user, 'me', id)
  })
  .get('/alerts', async (c) => {
    const { user } = me(c)
    const ctx = viewCtx(c)
    const items = await myAlerts(c.var.deps.db, user)
    return page(c, ctx.t('nav.myAlerts'), <MyAlerts ctx={ctx} items={items} />)
  })
