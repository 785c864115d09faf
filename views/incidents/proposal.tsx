/** A coordinator's answer to an island's proposed incident: open it, or reject it with a reason. */
import type { Msg } from '../../pool/shared/index.ts'
import { FieldError, FormKey } from '../components/form.tsx'
import type { ViewCtx } from '../context.ts'

/** A refused reject: its message and the reason as typed. */
export interface ProposalError {
  message: Msg
  reason: string
}

export function ProposalActions(props: {
  ctx: ViewCtx
  incident: { id: string; version: number }
  error?: ProposalError | undefined
}) {
  const { ctx, incident: i, error } = props
  const { t } = ctx
  const fields = (to: 'open' | 'rejected') => (
    <>
      <FormKey ctx={ctx} />
      <input type="hidden" name="status" value={to} />
      <input type="hidden" name="version" value={String(i.version)} />
    </>
  )
  const reasonId = `reason-${i.id}`
  return (
    <div id="proposal">
      <p class="note">{t('inc.decide')}</p>
      <div class="actions">
        <a href={`/incidents/${i.id}/edit`}>{t('inc.edit')}</a>{' '}
        <form method="post" action={`/incidents/${i.id}/status`} class="inline">
          {fields('open')}
          <button type="submit">{t('inc.open')}</button>
        </form>
        <details class="reason" open={error ? true : undefined}>
          <summary>{t('inc.reject')}</summary>
          <form method="post" action={`/incidents/${i.id}/status`}>
            {fields('rejected')}
            <label for={reasonId}>{t('req.reasonFor')}</label>
            <FieldError ctx={ctx} message={error?.message} id={`${reasonId}-error`} />
            <textarea id={reasonId} name="reason" rows={3} maxlength={2000} required>
              {error?.reason ?? ''}
            </textarea>
            <button type="submit" class="secondary">
              {t('inc.reject')}
            </button>
          </form>
        </details>
      </div>
    </div>
  )
}
