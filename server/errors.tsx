/** The one error handler: HTTPException → its status; anything else → 500, logged, no stack shown. */
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { Message } from '../pool/shared/index.ts'
import { ErrorView } from '../views/error.tsx'
import type { AppEnv } from './env.ts'
import { inEnglish } from './json.ts'
import { pageOrFragment, viewCtx } from './render.tsx'

/**
 * A refusal of pool/ as an HTTP error: the status, and the message (a code) that the page renders
 * in the reader's language and the API in English.
 */
export class Refused extends HTTPException {
  constructor(
    status: ContentfulStatusCode,
    readonly said: Message,
  ) {
    super(status, { message: typeof said === 'string' ? said : said.code })
  }
}

export function onError(err: Error, c: Context<AppEnv>) {
  const status = err instanceof HTTPException ? err.status : 500
  const requestId = c.var.requestId ?? 'none'
  if (status >= 500) {
    c.var.deps?.log({ id: requestId, level: 'error', error: err.message, stack: err.stack })
  }
  const message: Message | undefined =
    status >= 500 ? undefined : err instanceof Refused ? err.said : err.message
  if (status === 429) c.header('Retry-After', '60')
  if (c.req.path.startsWith('/api/')) {
    const english = message === undefined ? 'internal error' : inEnglish(message)
    return c.json({ error: { status, message: english, requestId } }, status as 500)
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
