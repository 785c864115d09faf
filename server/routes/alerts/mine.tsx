/** The alerts a functionary received, on their own pages (/me/alerts). */
import { Hono } from 'hono'
import { MyAlerts } from '../../../views/alerts/mine.tsx'
import type { AppEnv } from '../../env.ts'
import { ownFunctionary } from '../../policy.ts'
import { page, viewCtx } from '../../render.tsx'
import { myAlerts } from '../../services/alerts.ts'

export const myAlertPages = new Hono<AppEnv>().get('/alerts', async (c) => {
  const { user } = ownFunctionary(c)
  const ctx = viewCtx(c)
  const items = await myAlerts(c.var.deps.db, user)
  return page(c, ctx.t('nav.myAlerts'), <MyAlerts ctx={ctx} items={items} />)
})
