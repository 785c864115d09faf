/** The reference page: islands and bases, crisis roles, travel times; every signed-in role reads it. */
import { Hono } from 'hono'
import { listIslands, listRoles, listTravelTimes } from '../../../db/queries/reference.ts'
import { ReferenceView } from '../../../views/reference/reference.tsx'
import type { AppEnv } from '../../env.ts'
import { authorize } from '../../policy.ts'
import { page, viewCtx } from '../../render.tsx'

export const referencePages = new Hono<AppEnv>().get('/reference', async (c) => {
  authorize(c, 'reference:read')
  const { db } = c.get('deps')
  const [islands, roles, travel] = await Promise.all([listIslands(db), listRoles(db), listTravelTimes(db)])
  const ctx = viewCtx(c)
  return page(c, ctx.t('ref.title'), <ReferenceView ctx={ctx} data={{ islands, roles, travel }} />)
})
