/** Sign-in, sign-out, the language switch and the set-password link: the public edge of the app. */
import { Hono } from 'hono'
import { setCookie } from 'hono/cookie'
import { HTTPException } from 'hono/http-exception'
import { deleteSession } from '../../../db/queries/sessions.ts'
import { findUserToken, setPasswordWithToken } from '../../../db/queries/users.ts'
import { LIMITS } from '../../../pool/access/index.ts'
import { LoginView, SetPasswordView } from '../../../views/auth/login.tsx'
import { isLocale } from '../../../views/i18n/index.ts'
import { constantTimeEqual, sha256Hex } from '../../auth/crypto.ts'
import { hashPassword } from '../../auth/password.ts'
import { sameOriginPath } from '../../auth/redirect.ts'
import { clearSessionCookie, createSession, setSessionCookie } from '../../auth/session.ts'
import { checkSignIn } from '../../auth/sign-in.ts'
import type { AppEnv } from '../../env.ts'
import { spend } from '../../rate-limit.ts'
import { LOCALE_COOKIE, page, viewCtx } from '../../render.tsx'

export const authPages = new Hono<AppEnv>()
  .get('/login', (c) => {
    if (c.var.user) return c.redirect('/', 303)
    const { t } = viewCtx(c)
    return page(c, t('login.title'), <LoginView ctx={viewCtx(c)} next={c.req.query('next')} />)
  })
  .post('/login', async (c) => {
    const { db, counters, now, config, clientAddress } = c.var.deps
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
    if (!result.ok && result.reason === 'busy') throw new HTTPException(429, { message: ctx.t('error.429') })
    if (!result.ok && result.reason === 'limited') {
      const minutes = LIMITS.loginFailuresPerAccount.windowMs / 60_000
      throw new HTTPException(429, { message: ctx.t('login.limited', { minutes }) })
    }
    if (!result.ok) {
      const view = (
        <LoginView ctx={ctx} email={email} error={ctx.t('login.failed')} next={c.req.query('next')} />
      )
      return page(c, ctx.t('login.title'), view, 401)
    }
    const { user } = result
    const session = await createSession(db, user.id, now())
    setSessionCookie(c, session.token, session.expiresAt, config.secureCookies)
    return c.redirect(sameOriginPath(c.req.query('next'), config.baseUrl), 303)
  })
  .post('/logout', async (c) => {
    if (c.var.sessionId) await deleteSession(c.var.deps.db, c.var.sessionId)
    clearSessionCookie(c, c.var.deps.config.secureCookies)
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
    return c.redirect(sameOriginPath(back, c.var.deps.config.baseUrl), 303)
  })
  .on(['GET', 'POST'], '/password/:token', async (c) => {
    const { db, now, clientAddress } = c.var.deps
    const ctx = viewCtx(c)
    await spend(c, 'passwordPerAddress', clientAddress(c.req.raw, c.env), ctx.t('error.429'))
    const [id, secret] = c.req.param('token').split('.')
    const token = id && secret ? await findUserToken(db, id, now()) : undefined
    if (!token || !constantTimeEqual(await sha256Hex(secret ?? ''), token.secretHash)) {
      throw new HTTPException(404, { message: ctx.t('password.invalid') })
    }
    if (c.req.method === 'GET') return page(c, ctx.t('password.title'), <SetPasswordView ctx={ctx} />)
    const password = String((await c.req.parseBody()).password ?? '')
    if (password.length < 12 || password.length > 1000) {
      return page(
        c,
        ctx.t('password.title'),
        <SetPasswordView ctx={ctx} error={ctx.t('password.short')} />,
        422,
      )
    }
    if (!(await setPasswordWithToken(db, token, await hashPassword(password), now()))) {
      throw new HTTPException(404, { message: ctx.t('password.invalid') })
    }
    return page(c, ctx.t('password.title'), <SetPasswordView ctx={ctx} done />)
  })
