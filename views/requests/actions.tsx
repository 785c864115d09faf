/**
 * Status changes as plain forms: a button for a change without a reason, and a <details> with a
 * reason field for reject and withdraw. No script needed; each form carries its one-time key.
 */
import type { RequestStatus } from '../../pool/reference/index.ts'
import type { RequestRecord } from '../../pool/requests/index.ts'
import type { Msg } from '../../pool/shared/index.ts'
import { FieldError, FormKey } from '../components/form.tsx'
import type { ViewCtx } from '../context.ts'

const NEEDS_REASON: RequestStatus[] = ['rejected', 'withdrawn']

export interface StatusError {
  to: RequestStatus
  message: Msg
  reason: string
}

export function StatusForm(props: {
  ctx: ViewCtx
  request: Pick<RequestRecord, 'id' | 'version'>
  to: RequestStatus
  back?: string
  error?: StatusError
}) {
  const { ctx, request, to, error } = props
  const { t } = ctx
  const fields = (
    <>
      <FormKey ctx={ctx} />
      <input type="hidden" name="status" value={to} />
      <input type="hidden" name="version" value={String(request.version)} />
      {props.back ? <input type="hidden" name="back" value={props.back} /> : null}
    </>
  )
  const mine = error?.to === to ? error : undefined
  if (!NEEDS_REASON.includes(to)) {
    return (
      <form method="post" action={`/requests/${request.id}/status`} class="inline">
        {fields}
        <button type="submit" class={to === 'acknowledged' || to === 'submitted' ? '' : 'secondary'}>
          {t(`action.${to}`)}
        </button>
        <FieldError ctx={ctx} message={mine?.message} />
      </form>
    )
  }
  const id = `reason-${request.id}-${to}`
  return (
    <details class="reason" open={mine ? true : undefined}>
      <summary>{t(`action.${to}`)}</summary>
      <form method="post" action={`/requests/${request.id}/status`}>
        {fields}
        <label for={id}>{t('req.reasonFor')}</label>
        <FieldError ctx={ctx} message={mine?.message} id={`${id}-error`} />
        <textarea id={id} name="reason" rows={3} maxlength={2000} required>
          {mine?.reason ?? ''}
        </textarea>
        <button type="submit" class="secondary">
          {t(`action.${to}`)}
        </button>
      </form>
    </details>
  )
}

/** The triage buttons a coordinator gets in the inbox rows. */
export function QuickActions(props: {
  ctx: ViewCtx
  request: RequestRecord
  actions: RequestStatus[]
  back: string
}) {
  const quick = props.actions.filter((a) => a === 'acknowledged' || a === 'rejected')
  if (quick.length === 0) return null
  return (
    <div class="actions">
      {quick.map((to) => (
        <StatusForm ctx={props.ctx} request={props.request} to={to} back={props.back} />
      ))}
    </div>
  )
}

export function StatusActions(props: {
  ctx: ViewCtx
  request: RequestRecord
  actions: RequestStatus[]
  error?: StatusError
}) {
  if (props.actions.length === 0) return null
  return (
    <div class="actions" id="status-actions">
      {props.actions.map((to) => (
        <StatusForm ctx={props.ctx} request={props.request} to={to} error={props.error} />
      ))}
    </div>
  )
}
