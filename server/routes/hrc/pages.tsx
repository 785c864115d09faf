/**
 * The HRC pages under /hrc: the readiness board, and the unit, threat and dispatch pages. The board
 * is polled by htmx; when nothing it shows has changed the poll is answered 304 from a one-query
 * tag, before anything is loaded or drawn.
 */
import { Hono } from 'hono'
import { Board, BoardPage } from '../../../views/hrc/board.tsx'
import type { AppEnv } from '../../env.ts'
import { matches } from '../../middleware/respond.ts'
import { authorize } from '../../policy.ts'
import { isPartial, pageOrFragment, viewCtx } from '../../render.tsx'
import { boardData, boardTag } from '../../services/hrc-board.ts'
import { dispatchPages } from './dispatches.tsx'
import { threatPages } from './threats.tsx'
import { unitPages } from './units.tsx'

export const hrcPages = new Hono<AppEnv>()
  .get('/', async (c) => {
    const user = authorize(c, 'hrc:read')
    const { db, now } = c.get('deps')
    const ctx = viewCtx(c)
    const partial = isPartial(c)
    const tag = await boardTag(db, user, { now: now(), locale: ctx.locale, partial })
    c.header('ETag', tag)
    c.header('Cache-Control', 'private, no-cache')
    c.header('Vary', 'HX-Request, HX-Request-Type, Cookie')
    if (matches(c.req.header('if-none-match'), tag)) return c.body(null, 304)
    const data = await boardData(db, user)
    const body = partial ? <Board ctx={ctx} data={data} /> : <BoardPage ctx={ctx} data={data} />
    return pageOrFragment(c, ctx.t('hrc.board'), body)
  })
  .route('/units', unitPages)
  .route('/threats', threatPages)
  .route('/dispatches', dispatchPages)
