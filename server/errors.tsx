/**
 * The one error handler. Every error a reader sees is a message code: a refusal (`Refused`) carries
 * its own, any other HTTPException gets `http.<status>`; anything else is a 500, logged, no stack
 * shown. Pages say it in the reader's language, the JSON API in English with the code beside it.
 */
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { type Msg, msg } from '../pool/shared/index.ts'
import { ErrorView } from '../views/error.tsx'
import type { AppEnv } from './env.ts'
import { inEnglish } from './json.ts'
import { isHttpStatus } from './messages.ts'
import { Refused } from './refused.ts'
import { pageOrFragment, viewCtx } from './render.tsx'

export { Refused }

/** The code of a plain HTTP error: `http.404`; a status the catalogues do not know reads as its class. */
export const httpCode = (status: number): Msg =>
  msg(`http.${isHttpStatus(status) ? status : status >= 500 ? 500 : 400}`)

export function onError(err: Error, c: Context<AppEnv>) {
  const status = err instanceof HTTPException ? err.status : 500
  const requestId = c.get('requestId') ?? 'none'
  if (status >= 500) {
    c.get('deps')?.log({ id: requestId, level: 'error', error: err.message, stack: err.stack })
  }
  // Only a refusal says more than its status; a 500 never shows what went wrong inside.
  const said = status < 500 && err instanceof Refused ? err.said : undefined
  if (status === 429) c.header('Retry-After', '60')
  if (c.req.path.startsWith('/api/')) {
    const message = said ?? httpCode(status)
    return c.json(
      { error: { status, code: message.code, message: inEnglish(message), requestId } },
      status as 500,
    )
  }
  if (!c.get('deps')) return c.text('error', 500)
  const ctx = viewCtx(c)
  return pageOrFragment(
    c,
    ctx.t('error.title'),
    <ErrorView ctx={ctx} status={status} message={said} requestId={requestId} />,
    status,
  )
}

export function notFound(c: Context<AppEnv>) {
  return onError(new HTTPException(404, { message: '' }), c)
}
