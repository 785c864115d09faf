/** The notice on a page reached by a form sent again: it was done once, the first time, and this is its outcome. */
import type { ViewCtx } from '../context.ts'
import { ISLAND_ZONE } from './clock.tsx'

export function Replayed({ ctx, at }: { ctx: ViewCtx; at: number }) {
  const when = `${ctx.f.dayTime(at, ISLAND_ZONE)} (${ctx.t('time.islands')})`
  return (
    <p class="note" role="status" id="replayed">
      {ctx.t('app.replayed', { at: when })} <a href={ctx.path}>{ctx.t('app.replayedLink')}</a>
    </p>
  )
}
