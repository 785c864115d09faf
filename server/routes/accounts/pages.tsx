/** The admin's pages of accounts: list and search, new (with its invitation), edit, deactivate, a new invitation. */
import { type Context, Hono } from 'hono'
import { auditTrail } from '../../../db/queries/audit.ts'
import { findUserRecord } from '../../../db/queries/users.ts'
import type { UserRecord } from '../../../pool/accounts/index.ts'
import { msg } from '../../../pool/shared/index.ts'
import { inputFromForm, UserForm, type UserValues, valuesFromForm } from '../../../views/accounts/form.tsx'
import { type UserQuery, UsersList } from '../../../views/accounts/list.tsx'
import { UserPage, valuesFromUser } from '../../../views/accounts/show.tsx'
import type { FieldErrors } from '../../../views/components/form.tsx'
import type { AppEnv } from '../../env.ts'
import { Refused } from '../../errors.tsx'
import { formFields } from '../../forms.ts'
import { REFUSAL_STATUS } from '../../json.ts'
import { authorize } from '../../policy.ts'
import { spend } from '../../rate-limit.ts'
import { page, viewCtx } from '../../render.tsx'
import {
  createFromInput,
  editFromInput,
  findUsers,
  type Outcome,
  PAGE_SIZE,
  readUserFilters,
  resendInvitation,
  setActive,
} from '../../services/accounts.ts'

type C = Context<AppEnv>
export const ctxOf = (c: C) => ({
  db: c.get('deps').db,
  now: c.get('deps').now(),
  baseUrl: c.get('deps').config.baseUrl,
})

/** What a finished action says on the page it lands on (`?done=…`). */
const NOTICES = {
  created: 'users.created',
  saved: 'users.saved',
  ended: 'users.savedEnded',
  invited: 'users.invitationSent',
} as const
const notice = (c: C) => {
  const done = c.req.query('done')
  return done && done in NOTICES ? viewCtx(c).t(NOTICES[done as keyof typeof NOTICES]) : undefined
}

async function load(c: C): Promise<UserRecord> {
  const user = await findUserRecord(c.get('deps').db, c.req.param('id') ?? '')
  if (!user) throw new Refused(404, msg('accounts.user.notFound'))
  return user
}

async function show(
  c: C,
  user: UserRecord,
  opts: { values?: UserValues; errors?: FieldErrors; status?: number; conflict?: boolean } = {},
) {
  const history = await auditTrail(c.get('deps').db, 'user', user.id)
  const body = (
    <UserPage
      ctx={viewCtx(c)}
      user={user}
      values={opts.values ?? valuesFromUser(user)}
      errors={opts.errors ?? {}}
      history={history}
      notice={notice(c)}
      conflict={opts.conflict}
    />
  )
  return page(c, user.name, body, opts.status ?? 200)
}

function newForm(c: C, values: UserValues, errors: FieldErrors, status = 200) {
  const ctx = viewCtx(c)
  const body = (
    <section>
      <p>
        <a href="/admin/users">{ctx.t('users.back')}</a>
      </p>
      <h1>{ctx.t('users.newTitle')}</h1>
      <UserForm
        ctx={ctx}
        action="/admin/users"
        values={values}
        errors={errors}
        submit={ctx.t('users.create')}
      />
    </section>
  )
  return page(c, ctx.t('users.newTitle'), body, status)
}

/** The answer to a change: 303 to the account, the form again (422), or the account as it is now (409). */
async function answer(c: C, result: Outcome, values: UserValues, existing?: UserRecord) {
  if (result.ok) {
    const done = existing ? (result.endedSessions ? 'ended' : 'saved') : 'created'
    return c.redirect(`/admin/users/${result.user.id}?done=${done}`, 303)
  }
  if (result.error === 'invalid_input') {
    return existing
      ? show(c, existing, { values, errors: result.errors, status: 422 })
      : newForm(c, values, result.errors, 422)
  }
  if (result.error === 'conflict' && result.current)
    return show(c, result.current, { status: 409, conflict: true })
  throw new Refused(REFUSAL_STATUS[result.error], result.message)
}

export const userPages = new Hono<AppEnv>()
  .get('/', async (c) => {
    const actor = authorize(c, 'accounts:manage')
    const raw = c.req.query()
    const { filters, page: paging } = readUserFilters(raw, PAGE_SIZE)
    const query: UserQuery = { q: raw.q, role: raw.role, active: raw.active, limit: raw.limit }
    const found = await findUsers(c.get('deps').db, actor, filters, paging)
    const ctx = viewCtx(c)
    const body = (
      <UsersList ctx={ctx} items={found?.items ?? []} total={found?.total ?? 0} page={paging} query={query} />
    )
    return page(c, ctx.t('users.title'), body)
  })
  .get('/new', (c) => {
    authorize(c, 'accounts:manage')
    return newForm(c, { role: 'coordinator', locale: viewCtx(c).locale }, {})
  })
  .post('/', async (c) => {
    const actor = authorize(c, 'accounts:manage')
    await spend(c, 'invitationsPerUser', actor.id)
    const fields = await formFields(c)
    return answer(c, await createFromInput(ctxOf(c), actor, inputFromForm(fields)), valuesFromForm(fields))
  })
  .get('/:id', async (c) => {
    authorize(c, 'accounts:manage')
    return show(c, await load(c))
  })
  .post('/:id', async (c) => {
    const actor = authorize(c, 'accounts:manage')
    const current = await load(c)
    const fields = await formFields(c)
    const version = Number(fields.version) || undefined
    const result = await editFromInput(ctxOf(c), actor, current.id, inputFromForm(fields), version)
    return answer(c, result, valuesFromForm(fields), current)
  })
  .post('/:id/status', async (c) => {
    const actor = authorize(c, 'accounts:manage')
    const current = await load(c)
    const fields = await formFields(c)
    if (fields.active !== '0' && fields.active !== '1') throw new Refused(422, msg('accounts.active.invalid'))
    const version = Number(fields.version) || undefined
    const result = await setActive(ctxOf(c), actor, current.id, fields.active === '1', version)
    return answer(c, result, valuesFromUser(current), current)
  })
  .post('/:id/invitation', async (c) => {
    const actor = authorize(c, 'accounts:manage')
    await spend(c, 'invitationsPerUser', actor.id)
    const current = await load(c)
    const result = await resendInvitation(ctxOf(c), actor, current.id)
    if (!result.ok && result.error === 'conflict') return show(c, current, { status: 409, conflict: true })
    if (!result.ok) return answer(c, result, valuesFromUser(current), current)
    return c.redirect(`/admin/users/${current.id}?done=invited`, 303)
  })
