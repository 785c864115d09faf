/** Sign-in, sign-out and the language switch: the public edge of the app (password links: routes/accounts/password.tsx). */
import { Hono } from 'hono'
import { setCookie } from 'hono/cookie'
import { deleteSession } from '../../../db/queries/sessions.ts'
import { msg } from '../../../pool/shared/index.ts'
import { LoginView } from '../../../views/auth/login.tsx'
import { isLocale } from '../../../views/i18n/index.ts'
import { sameOriginPath } from '../../auth/redirect.ts'
import { clearSessionCookie, createSession, setSessionCookie } from '../../auth/session.ts'
import { checkSignIn } from '../../auth/sign-in.ts'
import type { AppEnv } from '../../env.ts'
import { limited } from '../../rate-limit.ts'
import { Refused } from '../../refused.ts'
import { LOCALE_COOKIE, page, viewCtx } from '../../render.tsx'

export const authPages = new Hono<AppEnv>()
  .get('/login', (c) => {
    if (c.get('user')) return c.redirect('/', 303)
    const { t } = viewCtx(c)
    return page(c, t('login.title'), <LoginView ctx={viewCtx(c)} next={c.req.query('next')} />)
  })
  .post('/login', async (c) => {
    const { db, counters, now, config, clientAddress } = c.get('deps')
    const body = await c.req.parseBody()
    const email = String(body.email ?? '')
      .trim()
      .toLowerCase()
      .slice(0, 254)
    const password = String(body.password ?? '').slice(0, 1000)
    const ctx = viewCtx(c)
    const result = await checkSignIn(
      { db, counters, now, passwordIterations: config.passwordIterations },
      { email, password, address: clientAddress(c.req.raw, c.env) },
    )
    if (!result.ok && result.reason === 'busy') throw new Refused(429, msg('app.signIn.busy'))
    if (!result.ok && result.reason === 'limited') {
      throw limited('loginFailuresPerAccount')
    }
    if (!result.ok) {
      const view = (
        <LoginView ctx={ctx} email={email} error={ctx.t('login.failed')} next={c.req.query('next')} />
      )
      return page(c, ctx.t('login.title'), view, 401)
    }
    const { user } = result
    const session = await createSession(db, user.id, now(), c.req.header('user-agent'))
    setSessionCookie(c, session.token, session.expiresAt, config.secureCookies)
    return c.redirect(sameOriginPath(c.req.query('next'), config.baseUrl), 303)
  })
  .post('/logout', async (c) => {
    const sessionId = c.get('sessionId')
    if (sessionId) await deleteSession(c.get('deps').db, sessionId)
    clearSessionCookie(c, c.get('deps').config.secureCookies)
    return c.redirect('/login', 303)
  })
  .post('/locale', async (c) => {
    const body = await c.req.parseBody()
    if (isLocale(body.locale)) {
      setCookie(c, LOCALE_COOKIE, body.locale, {
        path: '/',
        sameSite: 'Lax',
        maxAge: 365 * 86400,
        httpOnly: true,
      })
    }
    const back = typeof body.back === 'string' ? body.back : undefined
    return c.redirect(sameOriginPath(back, c.get('deps').config.baseUrl), 303)
  })
