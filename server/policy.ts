/** The route-side face of pool/policy.ts: refuse with 403, or 404 when the record is out of scope. */
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { SessionUser } from '../db/queries/sessions.ts'
import { type Action, can, inScope, type Scoped } from '../pool/policy.ts'
import type { AppEnv } from './env.ts'

export function currentUser(c: Context<AppEnv>): SessionUser {
  const user = c.var.user
  if (!user) throw new HTTPException(401, { message: 'sign in first' })
  return user
}

/** Returns the user when they may do `action` (to `record`); a record outside their scope is a 404. */
export function authorize(c: Context<AppEnv>, action: Action, record?: Scoped): SessionUser {
  const user = currentUser(c)
  if (record && !inScope(user, record)) throw new HTTPException(404, { message: '' })
  if (!can(user, action)) throw new HTTPException(403, { message: '' })
  return user
}
