/** The overview: the signed-in home page of every role, scoped to what the role may see. */
import { type Context, Hono } from 'hono'
import { hrcUnitsFor, poolSizeFor } from '../../../db/queries/overview.ts'
import { statusCounts } from '../../../db/queries/requests.ts'
import { none, readTogether } from '../../../db/read.ts'
import { can } from '../../../pool/access/index.ts'
import type { MyAnswerError } from '../../../views/alerts/mine.tsx'
import { HomeView } from '../../../views/overview/home.tsx'
import type { AppEnv } from '../../env.ts'
import { currentUser } from '../../policy.ts'
import { page, viewCtx } from '../../render.tsx'
import { functionaryHome } from '../../services/overview.ts'

/** The overview; also what an answer given on it shows when refused (`error`, with its status). */
export async function showHome(c: Context<AppEnv>, status = 200, error?: MyAnswerError) {
  const user = currentUser(c)
  const { db, now } = c.get('deps')
  const answered = c.req.query('answered')
  const [[units, poolSize, requests], mine] = await Promise.all([
    readTogether(db, [
      hrcUnitsFor(db, user),
      poolSizeFor(db, user),
      can(user, 'requests:read') ? statusCounts(db, user) : none(null),
    ]),
    can(user, 'profile:own') ? functionaryHome(db, user, now(), error?.id ?? answered) : null,
  ])
  const ctx = viewCtx(c)
  const body = (
    <HomeView ctx={ctx} data={{ units, poolSize, requests, mine }} answered={answered} error={error} />
  )
  return page(c, ctx.t('home.title'), body, status)
}

export const overviewPages = new Hono<AppEnv>().get('/', (c) => showHome(c))
