/** Small shared pieces of the request views: status badge, age, period. */
import type { IncidentStatus, RequestStatus } from '../../pool/reference/index.ts'
import { nextStepSide, type RequestRecord } from '../../pool/requests/index.ts'
import type { Role } from '../../pool/shared/index.ts'
import type { ViewCtx } from '../context.ts'
import type { MessageKey } from '../i18n/index.ts'

/** A request's or an incident's status. */
export function StatusBadge({ ctx, status }: { ctx: ViewCtx; status: RequestStatus | IncidentStatus }) {
  return <span class={`badge s-${status}`}>{ctx.t(`status.${status}`)}</span>
}

/** "35 min", "3 h", "2 d": how long ago, at a glance. */
export function age(ctx: ViewCtx, since: number): string {
  const minutes = Math.max(0, Math.floor((ctx.now - since) / 60_000))
  if (minutes < 120) return ctx.t('time.minutes', { n: minutes })
  const hours = Math.floor(minutes / 60)
  if (hours < 48) return ctx.t('time.hours', { n: hours })
  return ctx.t('time.days', { n: Math.floor(hours / 24) })
}

/** "6–20 Sep 2026" from ISO dates, in the reader's language, without time-zone shifts. */
export function period(ctx: ViewCtx, start: string | null, end: string | null): string {
  return start && end ? ctx.f.period(start, end) : '—'
}

/** What comes next for this request, from the reader's side (pool/requests.ts decides the side). */
export function nextLabel(ctx: ViewCtx, r: Pick<RequestRecord, 'status' | 'onBehalf'>, role: Role): string {
  return ctx.t(`next.${r.status}.${nextStepSide(r, role)}` as MessageKey)
}
