/** On a pool member's page, for coordinators: whether they have an account, or a button to invite them. */
import { UI_LOCALES } from '../../pool/reference/index.ts'
import { FormKey } from '../components/form.tsx'
import type { ViewCtx } from '../context.ts'
import { LOCALES } from '../i18n/index.ts'

export function InviteBox(props: {
  ctx: ViewCtx
  functionaryId: string
  email: string
  account: { email: string; active: boolean } | null
  notice?: string
}) {
  const { ctx, account } = props
  const { t } = ctx
  return (
    <section aria-labelledby="invite-title">
      <h2 id="invite-title">{t('invite.title')}</h2>
      {props.notice ? (
        <p class="note" role="status">
          {props.notice}
        </p>
      ) : null}
      {account ? (
        <p>{t(account.active ? 'invite.has' : 'invite.hasInactive', { email: account.email })}</p>
      ) : (
        <form method="post" action={`/pool/${props.functionaryId}/invite`}>
          <FormKey ctx={ctx} />
          <p class="muted">
            {t('invite.none')} {t('invite.hint', { email: props.email })}
          </p>
          <div class="field">
            <label for="f-invite-locale">{t('users.locale')}</label>
            <select id="f-invite-locale" name="locale">
              {UI_LOCALES.map((l) => (
                <option value={l} selected={ctx.locale === l} lang={l}>
                  {LOCALES[l]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{t('invite.submit')}</button>
        </form>
      )}
    </section>
  )
}
