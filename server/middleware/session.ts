/**
 * Who is asking: the session cookie becomes `c.get('user')`. Authentication is required everywhere
 * except the routes on the public list below, so a new route is private unless named here.
 */
import type { MiddlewareHandler } from 'hono'
import { msg } from '../../pool/shared/index.ts'
import { readSessionCookie, setSessionCookie, validateSession } from '../auth/session.ts'
import type { AppEnv } from '../env.ts'
import { Refused } from '../refused.ts'

const PUBLIC: RegExp[] = [
  /^\/login$/,
  /^\/healthz$/,
  /^\/assets\//,
  /^\/locale$/,
  /^\/password\/[\w.-]+$/,
  /^\/password-reset$/,
  /^\/answer\/[\w.-]+$/, // the one-click answer link of an availability alert
  /^\/favicon\.ico$/,
]

export const isPublic = (path: string) => PUBLIC.some((re) => re.test(path))

export function session(): MiddlewareHandler<AppEnv> {
  return async function session(c, next) {
    const { db, now, config } = c.get('deps')
    c.set('user', null)
    c.set('sessionId', null)
    c.set('sessionQuietUntil', null)
    const token = readSessionCookie(c)
    if (token) {
      const found = await validateSession(db, token, now())
      if (found) {
        c.set('user', found.user)
        c.set('sessionId', found.sessionId)
        c.set('sessionQuietUntil', found.quietUntil)
        if (found.renewedUntil) setSessionCookie(c, token, found.renewedUntil, config.secureCookies)
      }
    }
    if (!c.get('user') && !isPublic(c.req.path)) {
      if (
        c.req.method === 'GET' &&
        !c.req.path.startsWith('/api/') &&
        c.req.header('hx-request') !== 'true'
      ) {
        const next = c.req.path === '/' ? '' : `?next=${encodeURIComponent(c.req.path)}`
        return c.redirect(`/login${next}`, 303)
      }
      throw new Refused(401, msg('app.signIn'))
    }
    return next()
  }
}
