/**
 * A request id and one structured log line per request: method, path, status, ms, bytes sent, and
 * `cached` when the page cache answered (server/middleware/page-cache.ts).
 * Paths that carry a secret (answer links, set-password links) are logged without it.
 */
import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from '../env.ts'

/** First segments after which the next segment is `id.secret`: the log keeps the id only. */
const SECRET_PATHS = ['answer', 'password']
const SECRET = new RegExp(`^/(${SECRET_PATHS.join('|')})/([^/]+)`)

export function redactPath(path: string): string {
  return path.replace(SECRET, (_all, kind: string, token: string) => {
    const dot = token.indexOf('.')
    return `/${kind}/${dot > 0 ? token.slice(0, dot) : ''}.[redacted]`
  })
}

export function requestLog(): MiddlewareHandler<AppEnv> {
  return async function requestLog(c, next) {
    const started = performance.now()
    const incoming = c.req.header('x-request-id')
    const id = incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : crypto.randomUUID()
    c.set('requestId', id)
    await next()
    c.res.headers.set('X-Request-Id', id)
    const { log } = c.get('deps')
    const line = {
      id,
      method: c.req.method,
      path: redactPath(c.req.path),
      status: c.res.status,
      ...(c.get('cached') ? { cached: true } : {}),
    }
    // A body of known length (server/middleware/respond.ts gives every text one) is logged at once.
    const length = c.res.headers.get('content-length')
    const body = length == null ? c.res.body : null
    if (!body) {
      log({ ...line, ms: Math.round(performance.now() - started), bytes: Number(length ?? 0) })
      return
    }
    // A stream: count the bytes as they leave, and log when the body is done.
    let bytes = 0
    const counter = new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, ctl) {
        bytes += chunk.byteLength
        ctl.enqueue(chunk)
      },
      flush() {
        log({ ...line, ms: Math.round(performance.now() - started), bytes })
      },
    })
    c.res = new Response(body.pipeThrough(counter), c.res)
  }
}
