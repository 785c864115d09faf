/** The overview and the reference page: read-only pages every signed-in role has. */
import { Hono } from 'hono'
import { hrcUnitsFor, poolSizeFor } from '../../db/queries/overview.ts'
import { listIslands, listRoles, listTravelTimes } from '../../db/queries/reference.ts'
import { countByStatus } from '../../db/queries/requests.ts'
import { can } from '../../pool/policy.ts'
import { HomeView } from '../../views/home.tsx'
import { ReferenceView } from '../../views/reference.tsx'
import type { AppEnv } from '../env.ts'
import { authorize, currentUser } from '../policy.ts'
import { page, viewCtx } from '../render.tsx'

export const pages = new Hono<AppEnv>()
  .get('/', async (c) => {
    const user = currentUser(c)
    const { db } = c.var.deps
    const [units, poolSize, requests] = await Promise.all([
      hrcUnitsFor(db, user),
      poolSizeFor(db, user),
      can(user, 'requests:read') ? countByStatus(db, user) : null,
    ])
    const ctx = viewCtx(c)
    return page(c, ctx.t('home.title'), <HomeView ctx={ctx} data={{ units, poolSize, requests }} />)
  })
  .get('/reference', async (c) => {
    authorize(c, 'reference:read')
    const { db } = c.var.deps
    const [islands, roles, travel] = await Promise.all([listIslands(db), listRoles(db), listTravelTimes(db)])
    const ctx = viewCtx(c)
    return page(c, ctx.t('ref.title'), <ReferenceView ctx={ctx} data={{ islands, roles, travel }} />)
  })
