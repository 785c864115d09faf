/** `/account`, for every signed-in role: one's name and language, password, and sessions. */
import { type Context, Hono } from 'hono'
import { setCookie } from 'hono/cookie'
import { msg } from '../../../pool/shared/index.ts'
import { AccountPage } from '../../../views/accounts/account.tsx'
import type { FieldErrors } from '../../../views/components/form.tsx'
import type { AppEnv } from '../../env.ts'
import { Refused } from '../../errors.tsx'
import { formFields } from '../../forms.ts'
import { currentUser } from '../../policy.ts'
import { spend } from '../../rate-limit.ts'
import { LOCALE_COOKIE, page, viewCtx } from '../../render.tsx'
import { changePassword, endSession, ownSessions, saveProfile } from '../../services/own-account.ts'
import { ctxOf } from './pages.tsx'

type C = Context<AppEnv>
const NOTICES = {
  profile: 'account.profileSaved',
  password: 'account.passwordSaved',
  session: 'account.sessionEnded',
} as const

async function show(
  c: C,
  errors: FieldErrors = {},
  typed: { name?: string; locale?: string } = {},
  status = 200,
) {
  const user = currentUser(c)
  const ctx = viewCtx(c)
  const done = c.req.query('done')
  const sessions = await ownSessions(c.get('deps').db, user, c.get('sessionId'), c.get('deps').now())
  const body = (
    <AccountPage
      ctx={ctx}
      name={typed.name ?? user.name}
      email={user.email}
      locale={typed.locale ?? user.locale}
      sessions={sessions}
      errors={errors}
      notice={done && done in NOTICES ? ctx.t(NOTICES[done as keyof typeof NOTICES]) : undefined}
    />
  )
  return page(c, ctx.t('account.title'), body, status)
}

const one = (v: string | string[] | undefined) => [v ?? ''].flat()[0] ?? ''

export const accountPages = new Hono<AppEnv>()
  .get('/', (c) => show(c))
  .post('/', async (c) => {
    const user = currentUser(c)
    const fields = await formFields(c)
    const typed = { name: one(fields.name), locale: one(fields.locale) }
    const result = await saveProfile(ctxOf(c), user, typed)
    if (!result.ok) return show(c, result.errors, typed, 422)
    // The page follows the language chosen here at once (a cookie from the switch would win otherwise).
    setCookie(c, LOCALE_COOKIE, typed.locale, {
      path: '/',
      sameSite: 'Lax',
      maxAge: 365 * 86400,
      httpOnly: true,
    })
    return c.redirect('/account?done=profile', 303)
  })
  .post('/password', async (c) => {
    const user = currentUser(c)
    await spend(c, 'passwordChangesPerUser', user.id)
    const fields = await formFields(c)
    const result = await changePassword(
      ctxOf(c),
      user,
      c.get('sessionId') ?? '',
      one(fields.current),
      one(fields.password),
    )
    if (!result.ok) return show(c, result.errors, {}, 422)
    return c.redirect('/account?done=password', 303)
  })
  .post('/sessions/:id/end', async (c) => {
    const user = currentUser(c)
    if (!(await endSession(ctxOf(c), user, c.req.param('id'))))
      throw new Refused(404, msg('accounts.session.notFound'))
    return c.redirect('/account?done=session', 303)
  })
