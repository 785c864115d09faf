/** Creates an admin account with a one-time set-password link (production has no demo accounts). */
import { createAdminWithToken, findUserByEmail } from '../../db/queries/users.ts'
import type { Db } from '../../db/types.ts'
import { newId, randomToken } from '../../pool/shared/index.ts'
import { sha256Hex } from './crypto.ts'

export const LINK_TTL = 72 * 3_600_000

export async function createAdmin(db: Db, email: string, baseUrl: string, now: number): Promise<string> {
  const address = email.trim().toLowerCase()
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(address)) throw new Error(`not an e-mail address: ${email}`)
  if (await findUserByEmail(db, address)) throw new Error(`an account with ${address} exists already`)
  const id = newId()
  const secret = randomToken(32)
  await createAdminWithToken(
    db,
    address,
    { id, secretHash: await sha256Hex(secret), expiresAt: now + LINK_TTL },
    now,
  )
  return `${baseUrl}/password/${id}.${secret}`
}
