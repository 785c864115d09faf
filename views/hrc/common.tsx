/** Pieces every HRC page shares: moments on two clocks, state badges, histories, notices and step forms. */
import type { HrcMessage } from '../../pool/hrc/index.ts'
import type { DispatchStatus, Readiness } from '../../pool/reference/index.ts'
import type { AuditEvent, Msg } from '../../pool/shared/index.ts'
import { FieldError, FormKey } from '../components/form.tsx'
import type { ViewCtx } from '../context.ts'

const AMSTERDAM = 'Europe/Amsterdam'
const ISLANDS = 'America/Kralendijk'

/** "Mon 7 Sep 10:34 (islands) · Mon 7 Sep 16:34 (Amsterdam)": both clocks every actor works by. */
export function When({ ctx, at, zone = ISLANDS }: { ctx: ViewCtx; at: number; zone?: string }) {
  return (
    <time datetime={new Date(at).toISOString()}>
      {ctx.t('hrc.when', {
        local: ctx.f.moment(at, zone),
        amsterdam: ctx.f.moment(at, AMSTERDAM),
      })}
    </time>
  )
}

export function ReadinessBadge({ ctx, status }: { ctx: ViewCtx; status: Readiness }) {
  return <span class={`badge r-${status}`}>{ctx.f.name('readiness', status)}</span>
}

export function DispatchBadge({ ctx, status }: { ctx: ViewCtx; status: DispatchStatus }) {
  return <span class={`badge d-${status}`}>{ctx.f.name('dispatch', status)}</span>
}

/** An audit event as its catalogue phrases it ("Dirk Dispatcher raised LUSAR-1 from standby to alert"). */
export function auditSentence(ctx: ViewCtx, e: AuditEvent): string {
  // The audit catalogues are functions of {actor, before, after}; m() hands them the params as given.
  const message = {
    code: `audit.${e.action}`,
    params: { actor: e.actorLabel, before: e.before, after: e.after },
  } as unknown as Msg
  return ctx.m(message)
}

export function History({ ctx, events }: { ctx: ViewCtx; events: readonly AuditEvent[] }) {
  if (events.length === 0) return <p class="muted">{ctx.t('hrc.noHistory')}</p>
  return (
    <ol class="timeline">
      {events.map((e) => (
        <li>
          <When ctx={ctx} at={e.at} /> — {auditSentence(ctx, e)}
        </li>
      ))}
    </ol>
  )
}

/** A refusal or warning shown above a page (409, a lost race, payload over capacity). */
export function Notice({
  ctx,
  messages,
  kind = 'error',
}: {
  ctx: ViewCtx
  messages: readonly HrcMessage[]
  kind?: 'error' | 'warning'
}) {
  if (messages.length === 0) return null
  return (
    <div class={kind === 'error' ? 'error-summary' : 'note'} role={kind === 'error' ? 'alert' : 'status'}>
      {messages.map((m) => (
        <p>{ctx.m(m)}</p>
      ))}
    </div>
  )
}

/** What a failed step says under its own button, and the reason typed, kept. */
export interface StepError {
  to: string
  message: HrcMessage
  reason?: string
}

/**
 * One state change as a plain form: a button, or a <details> with a reason field when the step
 * asks for one. Carries the version seen, so that a stale page gets a 409, and its one-time key.
 */
export function StepForm(props: {
  ctx: ViewCtx
  action: string
  to: string
  label: string
  version: number
  reason?: 'required' | 'optional'
  error?: StepError
  primary?: boolean
}) {
  const { ctx, to, error } = props
  const mine = error?.to === to ? error : undefined
  const fields = (
    <>
      <FormKey ctx={ctx} />
      <input type="hidden" name="status" value={to} />
      <input type="hidden" name="version" value={String(props.version)} />
    </>
  )
  if (!props.reason)
    return (
      <form method="post" action={props.action} class="inline">
        {fields}
        <button type="submit" class={props.primary ? '' : 'secondary'}>
          {props.label}
        </button>
        <FieldError ctx={ctx} message={mine?.message} />
      </form>
    )
  const id = `reason-${to}`
  return (
    <details class="reason" open={mine ? true : undefined}>
      <summary>{props.label}</summary>
      <form method="post" action={props.action}>
        {fields}
        <label for={id}>
          {ctx.t(props.reason === 'required' ? 'hrc.reasonRequired' : 'hrc.reasonOptional')}
        </label>
        <FieldError ctx={ctx} message={mine?.message} id={`${id}-error`} />
        <textarea id={id} name="reason" rows={3} maxlength={2000} required={props.reason === 'required'}>
          {mine?.reason ?? ''}
        </textarea>
        <button type="submit" class="secondary">
          {props.label}
        </button>
      </form>
    </details>
  )
}

/** Hours from now to `at`, whole, for "in 60 h"; negative when it is past. */
export const hoursUntil = (at: number, now: number) => Math.round((at - now) / 3_600_000)
