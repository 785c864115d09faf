/** Sign-in, sign-out, the language switch and the set-password link: the public edge of the app. */
import { Hono } from 'hono'
import { setCookie } from 'hono/cookie'
import { deleteSession } from '../../../db/queries/sessions.ts'
import { findUserByEmail, findUserToken, setPasswordWithToken } from '../../../db/queries/users.ts'
import { msg } from '../../../pool/shared/index.ts'
import { LoginView, SetPasswordView } from '../../../views/auth/login.tsx'
import { isLocale } from '../../../views/i18n/index.ts'
import { constantTimeEqual, sha256Hex } from '../../auth/crypto.ts'
import { DUMMY_HASH, hashPassword, verifyPassword } from '../../auth/password.ts'
import { clearSessionCookie, createSession, setSessionCookie } from '../../auth/session.ts'
import type { AppEnv } from '../../env.ts'
import { check, reset, spend } from '../../rate-limit.ts'
import { Refused } from '../../refused.ts'
import { LOCALE_COOKIE, page, viewCtx } from '../../render.tsx'

/** Only same-site paths: `next` must not send anyone elsewhere. */
const safeNext = (next: string | undefined) => (next && /^\/(?![/\\])/.test(next) ? next : '/')

export const authPages = new Hono<AppEnv>()
  .get('/login', (c) => {
    if (c.var.user) return c.redirect('/', 303)
    const { t } = viewCtx(c)
    return page(c, t('login.title'), <LoginView ctx={viewCtx(c)} next={c.req.query('next')} />)
  })
  .post('/login', async (c) => {
    const { db, now, config, clientAddress } = c.var.deps
    const body = await c.req.parseBody()
    const email = String(body.email ?? '')
      .trim()
      .toLowerCase()
      .slice(0, 254)
    const password = String(body.password ?? '').slice(0, 1000)
    const ctx = viewCtx(c)
    await spend(c, 'loginPerAddress', clientAddress(c.req.raw, c.env))
    await check(c, 'loginPerAccount', email)
    const user = email ? await findUserByEmail(db, email) : undefined
    const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_HASH)
    if (!user || !ok || !user.active || !user.passwordHash) {
      await spend(c, 'loginPerAccount', email)
      const view = (
        <LoginView ctx={ctx} email={email} error={ctx.t('login.failed')} next={c.req.query('next')} />
      )
      return page(c, ctx.t('login.title'), view, 401)
    }
    await reset(c, 'loginPerAccount', email)
    const session = await createSession(db, user.id, now())
    setSessionCookie(c, session.token, session.expiresAt, config.secureCookies)
    return c.redirect(safeNext(c.req.query('next')), 303)
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
    return c.redirect(safeNext(typeof body.back === 'string' ? body.back : undefined), 303)
  })
  .on(['GET', 'POST'], '/password/:token', async (c) => {
    const { db, now, clientAddress } = c.var.deps
    const ctx = viewCtx(c)
    await spend(c, 'passwordPerAddress', clientAddress(c.req.raw, c.env))
    const [id, secret] = c.req.param('token').split('.')
    const token = id && secret ? await findUserToken(db, id, now()) : undefined
    if (!token || !constantTimeEqual(await sha256Hex(secret ?? ''), token.secretHash)) {
      throw new Refused(404, msg('app.password.invalid'))
    }
    if (c.req.method === 'GET') return page(c, ctx.t('password.title'), <SetPasswordView ctx={ctx} />)
    const password = String((await c.req.parseBody()).password ?? '')
    if (password.length < 12 || password.length > 1000) {
      return page(
        c,
        ctx.t('password.title'),
        <SetPasswordView ctx={ctx} error={msg('app.password.short', { min: 12 })} />,
        422,
      )
    }
    if (!(await setPasswordWithToken(db, token, await hashPassword(password), now()))) {
      throw new Refused(404, msg('app.password.invalid'))
    }
    return page(c, ctx.t('password.title'), <SetPasswordView ctx={ctx} done />)
  })
