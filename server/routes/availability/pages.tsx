/** Who is free when: the 8-week overview per role, and a coordinator's planning of one functionary. */
import { Hono } from 'hono'
import { msg } from '../../../pool/shared/index.ts'
import { RoleOverview } from '../../../views/availability/overview.tsx'
import type { AppEnv } from '../../env.ts'
import { authorize } from '../../policy.ts'
import { Refused } from '../../refused.ts'
import { page, viewCtx } from '../../render.tsx'
import { roleOverview } from '../../services/availability.ts'
import { postDelete, postPeriod, showPlanning } from './planning.tsx'

export const availabilityPages = new Hono<AppEnv>()
  .get('/', async (c) => {
    const user = authorize(c, 'pool:read')
    const data = await roleOverview(c.get('deps').db, user, c.req.query(), c.get('deps').now())
    if (!data) throw new Refused(404, msg('availability.noSuchRole'))
    const ctx = viewCtx(c)
    return page(c, ctx.t('avail.title'), <RoleOverview ctx={ctx} data={data} />)
  })
  .get('/:functionaryId', (c) =>
    showPlanning(c, authorize(c, 'pool:manage'), 'pool', c.req.param('functionaryId')),
  )
  .post('/:functionaryId', (c) =>
    postPeriod(c, authorize(c, 'pool:manage'), 'pool', c.req.param('functionaryId')),
  )
  .post('/:functionaryId/:periodId/delete', (c) =>
    postDelete(c, authorize(c, 'pool:manage'), 'pool', c.req.param('functionaryId')),
  )
