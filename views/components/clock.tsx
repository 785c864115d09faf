/** The time on the islands (UTC−4) and in Amsterdam, rendered by the server in the reader's language: no script needed. */
import type { ViewCtx } from '../context.ts'

export const ISLAND_ZONE = 'America/Kralendijk'
const AMSTERDAM = 'Europe/Amsterdam'

/** "6 Sep 14:05 (islands) · 20:05 (Amsterdam)": the two clocks every actor works by. */
export function DualTime({ ctx, at }: { ctx: ViewCtx; at: number }) {
  return (
    <time datetime={new Date(at).toISOString()}>
      {ctx.f.dayTime(at, ISLAND_ZONE)} {ctx.t('time.islands')} · {ctx.f.time(at, AMSTERDAM)}{' '}
      {ctx.t('time.amsterdam')}
    </time>
  )
}

export function Clocks({ ctx }: { ctx: ViewCtx }) {
  return (
    <p class="clocks">
      <span>
        {ctx.t('time.islands')} <b>{ctx.f.time(ctx.now, ISLAND_ZONE)}</b> (UTC−4)
      </span>{' '}
      <span>
        {ctx.t('time.amsterdam')} <b>{ctx.f.time(ctx.now, AMSTERDAM)}</b>
      </span>
    </p>
  )
}
