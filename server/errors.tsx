/** The one error handler: HTTPException → its status; anything else → 500, logged, no stack shown. */
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { ErrorView } from '../views/error.tsx'
import type { AppEnv } from './env.ts'
import { pageOrFragment, viewCtx } from './render.tsx'

export function onError(err: Error, c: Context<AppEnv>) {
  const status = err instanceof HTTPException ? err.status : 500
  const requestId = c.var.requestId ?? 'none'
  if (status >= 500) {
    c.var.deps?.log({ id: requestId, level: 'error', error: err.message, stack: err.stack })
  }
  const message = status < 500 ? err.message : undefined
  if (status === 429) c.header('Retry-After', '60')
  if (c.req.path.startsWith('/api/')) {
    return c.json({ error: { status, message: message ?? 'internal error', requestId } }, status as 500)
  }
  if (!c.var.deps) return c.text('error', 500)
  const ctx = viewCtx(c)
  return pageOrFragment(
    c,
    ctx.t('error.title'),
    <ErrorView ctx={ctx} status={status} message={message} requestId={requestId} />,
    status,
  )
}

export function notFound(c: Context<AppEnv>) {
  return onError(new HTTPException(404, { message: '' }), c)
}
