/**
 * Cross-origin request protection for every unsafe method, as Go's CrossOriginProtection does it:
 * a browser says where a request comes from in Sec-Fetch-Site (or at least Origin). A request
 * that says "cross-site" or names another origin is refused; one that says nothing at all comes
 * from a non-browser client (curl, scripts), which cannot ride on a victim's cookie, except a
 * form post, which old browsers send without either header: that is refused too.
 */
import type { MiddlewareHandler } from 'hono'
import { msg } from '../../pool/shared/index.ts'
import type { AppEnv } from '../env.ts'
import { Refused } from '../refused.ts'

const safe = new Set(['GET', 'HEAD', 'OPTIONS'])
const formTypes = /^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)/i

export function crossOriginProtection(): MiddlewareHandler<AppEnv> {
  return async function crossOriginProtection(c, next) {
    if (safe.has(c.req.method)) return next()
    const site = c.req.header('sec-fetch-site')
    const origin = c.req.header('origin')
    const own = [new URL(c.req.url).origin, new URL(c.get('deps').config.baseUrl).origin]
    let allowed: boolean
    if (site) allowed = site === 'same-origin' || site === 'none'
    else if (origin) allowed = own.includes(origin)
    else allowed = !formTypes.test(c.req.header('content-type') ?? 'text/plain')
    if (!allowed) throw new Refused(403, msg('app.crossOrigin'))
    return next()
  }
}
