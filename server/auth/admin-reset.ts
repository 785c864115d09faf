/** The admin CLI's way back in for someone when mail is down: a set-password link, printed instead of mailed. */
import { insertLink } from '../../db/queries/user-links.ts'
import { findUserByEmail, toRecord } from '../../db/queries/users.ts'
import type { Db } from '../../db/types.ts'
import { readEmail, resetLink } from '../../pool/accounts/index.ts'
import { newId } from '../../pool/shared/index.ts'
import { makeLink } from '../services/accounts.ts'

/**
 * `npm run admin:reset-password -- EMAIL`: a set-password link (72 h) printed for an admin to pass
 * on by phone or chat when mail is down. Older links of the account stop working.
 */
export async function adminResetLink(db: Db, email: string, baseUrl: string, now: number): Promise<string> {
  const address = readEmail(email)
  if (!address) throw new Error(`not an e-mail address: ${email}`)
  const row = await findUserByEmail(db, address)
  if (!row) throw new Error(`no account has the address ${address}`)
  if (!row.active) throw new Error(`the account ${address} is deactivated: reactivate it first`)
  const link = await makeLink(baseUrl)
  const d = resetLink(toRecord(row), link, { now, newId, baseUrl }, 'admin:reset-password')
  await insertLink(db, d.token, d.event, null, now)
  return link.url
}
