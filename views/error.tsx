/** The error page and fragment: a plain sentence, a way back, a reference for support. Never a stack. */
import type { Msg } from '../pool/shared/index.ts'
import type { ViewCtx } from './context.ts'
import type { MessageKey } from './i18n/index.ts'

export function ErrorView({
  ctx,
  status,
  message,
  requestId,
}: {
  ctx: ViewCtx
  status: number
  message?: Msg | undefined
  requestId: string
}) {
  const key = `error.${status}` as MessageKey
  const known = ['400', '401', '403', '404', '409', '422', '429', '500'].includes(String(status))
  return (
    <section class="error" role="alert" aria-labelledby="error-title">
      <h1 id="error-title">{known ? ctx.t(key) : ctx.t('error.title')}</h1>
      {message && status < 500 ? <p>{ctx.m(message)}</p> : null}
      {status === 401 ? (
        <p>
          <a href="/login">{ctx.t('login.title')}</a>
        </p>
      ) : (
        <p>
          <a href="/">{ctx.t('error.back')}</a>
        </p>
      )}
      <p class="muted">
        {ctx.t('error.ref')}: <code>{requestId}</code>
      </p>
    </section>
  )
}
