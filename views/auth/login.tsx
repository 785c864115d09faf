/** The sign-in form: two labelled fields, one plain message on failure, the e-mail kept. */
import { Field } from '../components/form.tsx'
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
      <p>
        <a href="/password-reset">{t('login.forgot')}</a>
      </p>
    </section>
  )
}
