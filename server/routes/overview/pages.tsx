/** The overview: the signed-in home page of every role, scoped to what the role may see. */
import { Hono } from 'hono'
import { hrcUnitsFor, poolSizeFor } from '../../../db/queries/overview.ts'
import { statusCounts } from '../../../db/queries/requests.ts'
import { none, readTogether } from '../../../db/read.ts'
import { can } from '../../../pool/access/index.ts'
import { HomeView } from '../../../views/overview/home.tsx'
import type { AppEnv } from '../../env.ts'
import { currentUser } from '../../policy.ts'
import { page, viewCtx } from '../../render.tsx'

export const overviewPages = new Hono<AppEnv>().get('/', async (c) => {
  const user = currentUser(c)
  const { db } = c.var.deps
  const [units, poolSize, requests] = await readTogether(db, [
    hrcUnitsFor(db, user),
    poolSizeFor(db, user),
    can(user, 'requests:read') ? statusCounts(db, user) : none(null),
  ])
  const ctx = viewCtx(c)
  return page(c, ctx.t('home.title'), <HomeView ctx={ctx} data={{ units, poolSize, requests }} />)
})
