/** The time on the islands (UTC−4) and in Amsterdam, rendered by the server: no script needed. */
import type { ViewCtx } from '../context.ts'

export function formatTime(at: number, timeZone: string, locale: string, withDate = false): string {
  return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    ...(withDate ? { day: 'numeric', month: 'short' } : {}),
  }).format(at)
}

/** "6 Sep 14:05 (islands) · 20:05 (Amsterdam)": the two clocks every actor works by. */
export function DualTime({ ctx, at }: { ctx: ViewCtx; at: number }) {
  return (
    <time datetime={new Date(at).toISOString()}>
      {formatTime(at, 'America/Kralendijk', ctx.locale, true)} {ctx.t('time.islands')} ·{' '}
      {formatTime(at, 'Europe/Amsterdam', ctx.locale)} {ctx.t('time.amsterdam')}
    </time>
  )
}

export function Clocks({ ctx }: { ctx: ViewCtx }) {
  return (
    <p class="clocks">
      <span>
        {ctx.t('time.islands')} <b>{formatTime(ctx.now, 'America/Kralendijk', ctx.locale)}</b> (UTC−4)
      </span>{' '}
      <span>
        {ctx.t('time.amsterdam')} <b>{formatTime(ctx.now, 'Europe/Amsterdam', ctx.locale)}</b>
      </span>
    </p>
  )
}
