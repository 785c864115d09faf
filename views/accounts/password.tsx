/**
 * The public pages of passwords: "forgot your password?" and its answer (the same words whether
 * or not the address has an account), a link's form, its success, and what a link that does not
 * work says: plainly why, and where to ask for a new one.
 */
import type { TokenPurpose } from '../../pool/reference/index.ts'
import { ErrorSummary, Field, type FieldErrors, FormKey } from '../components/form.tsx'
import type { ViewCtx } from '../context.ts'

export function ResetForm({ ctx, email, errors }: { ctx: ViewCtx; email?: string; errors: FieldErrors }) {
  const { t } = ctx
  return (
    <section class="narrow">
      <h1>{t('reset.title')}</h1>
      <p>{t('reset.intro')}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post" action="/password-reset">
        <FormKey ctx={ctx} />
        <Field ctx={ctx} name="email" label={t('login.email')} error={errors.email}>
          <input
            id="f-email"
            name="email"
            type="email"
            autocomplete="username"
            required
            value={email ?? ''}
          />
        </Field>
        <button type="submit">{t('reset.submit')}</button>
      </form>
    </section>
  )
}

export function ResetSent({ ctx }: { ctx: ViewCtx }) {
  const { t } = ctx
  return (
    <section class="narrow">
      <h1>{t('reset.sentTitle')}</h1>
      <p role="status">{t('reset.sent')}</p>
      <p>{t('reset.noMail')}</p>
      <p>
        <a href="/login">{t('link.signIn')}</a>
      </p>
    </section>
  )
}

export function SetPasswordForm(props: {
  ctx: ViewCtx
  purpose: TokenPurpose
  email: string
  errors: FieldErrors
}) {
  const { ctx, errors } = props
  const { t } = ctx
  return (
    <section class="narrow">
      <h1>{t(`link.${props.purpose}`)}</h1>
      <p>{t('link.for', { email: props.email })}</p>
      <ErrorSummary ctx={ctx} errors={errors} />
      <form method="post">
        <FormKey ctx={ctx} />
        {/* Lets a password manager store the new password under the right account. */}
        <input type="hidden" name="username" autocomplete="username" value={props.email} />
        <Field ctx={ctx} name="password" label={t('link.new')} error={errors.password}>
          <p class="muted" id="h-password">
            {t('link.hint')}
          </p>
          <input
            id="f-password"
            name="password"
            type="password"
            autocomplete="new-password"
            minlength={12}
            maxlength={1000}
            required
            aria-describedby="h-password"
          />
        </Field>
        <button type="submit">{t('link.submit')}</button>
      </form>
    </section>
  )
}

export function PasswordSet({ ctx, email }: { ctx: ViewCtx; email: string }) {
  const { t } = ctx
  return (
    <section class="narrow">
      <h1>{t('link.signIn')}</h1>
      <p role="status">{t('link.done', { email })}</p>
      <p>
        <a class="button" href="/login">
          {t('link.signIn')}
        </a>
      </p>
    </section>
  )
}

/** A link that does not work: unknown, expired or used, said plainly, with the way to a new one. */
export function LinkProblem(props: {
  ctx: ViewCtx
  state: 'invalid' | 'expired' | 'used'
  purpose?: TokenPurpose
}) {
  const { ctx, state, purpose } = props
  const { t } = ctx
  const title = t(
    state === 'invalid' ? 'link.invalidTitle' : state === 'expired' ? 'link.expiredTitle' : 'link.usedTitle',
  )
  const why =
    state === 'invalid' || !purpose
      ? t('link.invalid')
      : ctx.m({ code: `accounts.link.${state}`, params: { purpose } })
  return (
    <section class="narrow" aria-labelledby="link-title">
      <h1 id="link-title">{title}</h1>
      <p>{why}</p>
      <p>
        <a class="button" href="/password-reset">
          {t('link.askNew')}
        </a>{' '}
        <a href="/login">{t('link.signIn')}</a>
      </p>
    </section>
  )
}
