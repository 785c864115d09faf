/** JSON API v1 for accounts (admins only) and a coordinator's invitation of a pool member (docs/api.md "Users"). */
import { type Context, Hono } from 'hono'
import { findUserRecord } from '../../../db/queries/users.ts'
import type { UserRecord } from '../../../pool/accounts/index.ts'
import { msg } from '../../../pool/shared/index.ts'
import type { AppEnv } from '../../env.ts'
import { Refused } from '../../errors.tsx'
import { inEnglish, invalid, jsonBody, REFUSAL_STATUS } from '../../json.ts'
import { authorize } from '../../policy.ts'
import { spend } from '../../rate-limit.ts'
import {
  createFromInput,
  editFromInput,
  findUsers,
  inviteMember,
  type Outcome,
  readUserFilters,
} from '../../services/accounts.ts'
import { ctxOf } from './pages.tsx'

type C = Context<AppEnv>

/** An account as the API shows it: island and pool member only where the role has one. */
export function userJson(u: UserRecord) {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    ...(u.island ? { island: u.island } : {}),
    ...(u.functionaryId ? { functionaryId: u.functionaryId } : {}),
    active: u.active,
  }
}

function answer(c: C, r: Outcome, created = false) {
  if (r.ok) {
    if (created) c.header('Location', `/api/v1/users/${r.user.id}`)
    return c.json(userJson(r.user), created ? 201 : 200)
  }
  if (r.error === 'invalid_input') return invalid(c, r.errors)
  const status = REFUSAL_STATUS[r.error]
  return c.json({ error: { status, message: status === 404 ? 'not found' : inEnglish(r.message) } }, status)
}

const limitInvitations = (c: C, actorId: string) => spend(c, 'invitationsPerUser', actorId)

export const apiAccounts = new Hono<AppEnv>()
  .get('/users', async (c) => {
    const actor = authorize(c, 'accounts:manage')
    const { filters, page } = readUserFilters(c.req.query())
    const found = await findUsers(c.get('deps').db, actor, filters, page)
    return c.json({ items: (found?.items ?? []).map(userJson), total: found?.total ?? 0, ...page })
  })
  .post('/users', async (c) => {
    const actor = authorize(c, 'accounts:manage')
    await limitInvitations(c, actor.id)
    return answer(c, await createFromInput(ctxOf(c), actor, await jsonBody(c)), true)
  })
  .get('/users/:id', async (c) => {
    authorize(c, 'accounts:manage')
    const user = await findUserRecord(c.get('deps').db, c.req.param('id'))
    if (!user) throw new Refused(404, msg('accounts.user.notFound'))
    return c.json(userJson(user))
  })
  .patch('/users/:id', async (c) => {
    const actor = authorize(c, 'accounts:manage')
    const { id: _id, ...fields } = await jsonBody(c)
    return answer(c, await editFromInput(ctxOf(c), actor, c.req.param('id'), fields))
  })
  .post('/functionaries/:id/invite', async (c) => {
    const actor = authorize(c, 'accounts:invite')
    await limitInvitations(c, actor.id)
    const body = c.req.header('content-type')?.includes('json') ? await jsonBody(c) : {}
    return answer(c, await inviteMember(ctxOf(c), actor, c.req.param('id'), body.locale), true)
  })
