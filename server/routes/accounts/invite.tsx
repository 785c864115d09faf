/** `POST /pool/:id/invite`: a coordinator invites a pool member from their page; back to that page. */
import { Hono } from 'hono'
import { msg } from '../../../pool/shared/index.ts'
import type { AppEnv } from '../../env.ts'
import { Refused } from '../../errors.tsx'
import { formFields } from '../../forms.ts'
import { REFUSAL_STATUS } from '../../json.ts'
import { authorize } from '../../policy.ts'
import { spend } from '../../rate-limit.ts'
import { inviteMember } from '../../services/accounts.ts'
import { ctxOf } from './pages.tsx'

export const invitePages = new Hono<AppEnv>().post('/:id/invite', async (c) => {
  const actor = authorize(c, 'accounts:invite')
  await spend(c, 'invitationsPerUser', actor.id)
  const id = c.req.param('id')
  const fields = await formFields(c)
  const result = await inviteMember(ctxOf(c), actor, id, fields.locale)
  if (result.ok) return c.redirect(`/pool/${id}?invited=1`, 303)
  if (result.error === 'invalid_input') throw new Refused(422, msg('accounts.functionary.unknown'))
  throw new Refused(REFUSAL_STATUS[result.error], result.message)
})
