/** The route-side face of pool/policy.ts: refuse with 403, or 404 when the record is out of scope. */
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { SessionUser } from '../db/queries/sessions.ts'
import { type Action, can, inScope } from '../pool/access/index.ts'
import { msg, type Scoped } from '../pool/shared/index.ts'
import type { AppEnv } from './env.ts'
import { Refused } from './refused.ts'

export function currentUser(c: Context<AppEnv>): SessionUser {
  const user = c.get('user')
  if (!user) throw new Refused(401, msg('app.signIn'))
  return user
}

/** Returns the user when they may do `action` (to `record`); a record outside their scope is a 404. */
export function authorize(c: Context<AppEnv>, action: Action, record?: Scoped): SessionUser {
  const user = currentUser(c)
  if (record && !inScope(user, record)) throw new HTTPException(404, { message: '' })
  if (!can(user, action)) throw new HTTPException(403, { message: '' })
  return user
}

/** The signed-in functionary and their own pool record; an account without one has no such pages (404). */
export function ownFunctionary(c: Context<AppEnv>): { user: SessionUser; id: string } {
  const user = authorize(c, 'profile:own')
  if (!user.functionaryId) throw new HTTPException(404, { message: '' })
  return { user, id: user.functionaryId }
}
