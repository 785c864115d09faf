/**
 * Public pages of passwords: "forgot your password?" (`/password-reset`) and the single-use links
 * (`/password/<id>.<secret>`) of invitations, resets and the admin CLI. The reset answers alike for
 * known and unknown addresses: same status, same page, same work (server/services/password-links.ts).
 */
import { type Context, Hono } from 'hono'
import { readEmail } from '../../../pool/accounts/index.ts'
import { msg } from '../../../pool/shared/index.ts'
import {
  LinkProblem,
  PasswordSet,
  ResetForm,
  ResetSent,
  SetPasswordForm,
} from '../../../views/accounts/password.tsx'
import type { AppEnv } from '../../env.ts'
import { spend } from '../../rate-limit.ts'
import { page, viewCtx } from '../../render.tsx'
import { readLink, requestReset, setPasswordWithLink } from '../../services/password-links.ts'
import { ctxOf } from './pages.tsx'

type C = Context<AppEnv>

function problem(
  c: C,
  state: 'invalid' | 'expired' | 'used',
  purpose?: Parameters<typeof LinkProblem>[0]['purpose'],
) {
  const ctx = viewCtx(c)
  const title = ctx.t(
    state === 'invalid' ? 'link.invalidTitle' : state === 'expired' ? 'link.expiredTitle' : 'link.usedTitle',
  )
  // 404: no such link; 410: it existed and is gone (expired or used).
  return page(
    c,
    title,
    <LinkProblem ctx={ctx} state={state} purpose={purpose} />,
    state === 'invalid' ? 404 : 410,
  )
}

export const passwordPages = new Hono<AppEnv>()
  // A page whose address holds a secret is kept by no cache, the browser's included.
  .use('/password/*', async function noStore(c, next) {
    await next()
    c.res.headers.set('Cache-Control', 'no-store')
  })
  .get('/password-reset', (c) => {
    const ctx = viewCtx(c)
    if (c.req.query('sent') !== undefined) return page(c, ctx.t('reset.sentTitle'), <ResetSent ctx={ctx} />)
    return page(c, ctx.t('reset.title'), <ResetForm ctx={ctx} errors={{}} />)
  })
  .post('/password-reset', async (c) => {
    const started = performance.now()
    const { clientAddress } = c.get('deps')
    const ctx = viewCtx(c)
    await spend(c, 'resetPerAddress', clientAddress(c.req.raw, c.env))
    const typed = String((await c.req.parseBody()).email ?? '').slice(0, 254)
    const email = readEmail(typed)
    if (!email) {
      const errors = { email: msg('accounts.email.invalid') }
      return page(c, ctx.t('reset.title'), <ResetForm ctx={ctx} email={typed} errors={errors} />, 422)
    }
    // Keyed by the address typed, known or not: the limit itself tells nothing.
    await spend(c, 'resetPerAccount', email)
    await requestReset(ctxOf(c), email, started)
    return c.redirect('/password-reset?sent', 303)
  })
  .on(['GET', 'POST'], '/password/:token', async (c) => {
    const { db, now, clientAddress } = c.get('deps')
    const ctx = viewCtx(c)
    await spend(c, 'passwordPerAddress', clientAddress(c.req.raw, c.env))
    const token = c.req.param('token')
    if (c.req.method === 'GET') {
      const link = await readLink(db, token, now())
      if (link.state !== 'valid')
        return problem(c, link.state, link.state === 'invalid' ? undefined : link.purpose)
      const form = <SetPasswordForm ctx={ctx} purpose={link.purpose} email={link.user.email} errors={{}} />
      return page(c, ctx.t(`link.${link.purpose}`), form)
    }
    const password = String((await c.req.parseBody()).password ?? '')
    const result = await setPasswordWithLink(ctxOf(c), token, password)
    if (result.ok) return page(c, ctx.t('link.signIn'), <PasswordSet ctx={ctx} email={result.email} />)
    if (result.state !== 'valid') return problem(c, result.state, result.purpose)
    const errors = result.error.fields ?? { password: result.error.message }
    const form = <SetPasswordForm ctx={ctx} purpose={result.purpose} email={result.email} errors={errors} />
    return page(c, ctx.t(`link.${result.purpose}`), form, 422)
  })
