/** The sign-in form: two labelled fields, one plain message on failure, the e-mail kept. */
import type { Msg } from '../../pool/shared/index.ts'
import { ErrorSummary, Field } from '../components/form.tsx'
import type { ViewCtx } from '../context.ts'

export function LoginView({
  ctx,
  email,
  error,
  next,
}: {
  ctx: ViewCtx
  email?: string
  error?: string
  next?: string
}) {
  const { t } = ctx
  return (
    <section class="narrow">
      <h1>{t('login.title')}</h1>
      <p>{t('login.intro')}</p>
      {error ? (
        <div class="error-summary" role="alert" id="error-summary">
          <p>{error}</p>
        </div>
      ) : null}
      <form method="post" action={next ? `/login?next=${encodeURIComponent(next)}` : '/login'}>
        <Field ctx={ctx} name="email" label={t('login.email')}>
          <input
            id="f-email"
            name="email"
            type="email"
            autocomplete="username"
            required
            value={email ?? ''}
          />
        </Field>
        <Field ctx={ctx} name="password" label={t('login.password')}>
          <input id="f-password" name="password" type="password" autocomplete="current-password" required />
        </Field>
        <button type="submit">{t('login.submit')}</button>
      </form>
    </section>
  )
}

export function SetPasswordView({ ctx, error, done }: { ctx: ViewCtx; error?: Msg; done?: boolean }) {
  const { t } = ctx
  if (done) {
    return (
      <section class="narrow">
        <h1>{t('password.title')}</h1>
        <p role="status">{t('password.done')}</p>
        <p>
          <a href="/login">{t('login.title')}</a>
        </p>
      </section>
    )
  }
  return (
    <section class="narrow">
      <h1>{t('password.title')}</h1>
      <ErrorSummary ctx={ctx} errors={error ? { password: error } : {}} />
      <form method="post">
        <Field ctx={ctx} name="password" label={t('password.new')} error={error}>
          <input
            id="f-password"
            name="password"
            type="password"
            autocomplete="new-password"
            minlength={12}
            required
          />
        </Field>
        <button type="submit">{t('password.submit')}</button>
      </form>
    </section>
  )
}
