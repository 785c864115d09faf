/**
 * Checking a password at sign-in, with the limits of pool/access/limits.ts reserved atomically
 * *before* the hash: a burst cannot get more guesses evaluated than the limits allow.
 * - every attempt counts against the address (300 per 15 minutes);
 * - a guess is reserved as a failure on the account from this address (10) and on the account
 *   from everywhere (50), and refunded when it turns out right;
 * - the hash runs through the fair gate of password.ts, queued by address;
 * - unknown accounts are limited and timed exactly like known ones (a stand-in hash);
 * - a right password stored under an old scheme or with less work is rewritten (password.ts).
 */
import { refundAndClear } from '../../db/queries/rate-limits.ts'
import { findUserByEmail, rehashPassword } from '../../db/queries/users.ts'
import type { Db } from '../../db/types.ts'
import { LIMITS } from '../../pool/access/index.ts'
import { countersOf, reserve } from '../rate-limit.ts'
import { GateBusy } from './gate.ts'
import { dummyHash, hashPassword, needsRehash, verifyPassword } from './password.ts'

export type SignInResult =
  | { ok: true; user: NonNullable<Awaited<ReturnType<typeof findUserByEmail>>> }
  | { ok: false; reason: 'failed' | 'limited' | 'busy' }

export async function checkSignIn(
  d: { db: Db; counters?: Db; now: () => number; passwordIterations: number },
  input: { email: string; password: string; address: string },
): Promise<SignInResult> {
  const { db, now } = d
  const counters = countersOf(d)
  const { email, password, address } = input
  const attempt = await reserve(counters, now(), [['loginAttemptsPerAddress', address]])
  if (!attempt.ok) return { ok: false, reason: 'limited' }
  // the account is read while the guess is counted (two round trips at once on D1)
  const [guess, user] = await Promise.all([
    reserve(counters, now(), [
      ['loginFailuresPerAccountAndAddress', `${email}|${address}`],
      ['loginFailuresPerAccount', email],
    ]),
    email ? findUserByEmail(db, email) : undefined,
  ])
  if (!guess.ok) return { ok: false, reason: 'limited' }
  let ok: boolean
  try {
    ok = await verifyPassword(password, user?.passwordHash ?? dummyHash(d.passwordIterations), address)
  } catch (err) {
    // waited too long at the hash gate (a flood from this address): the guess stays counted
    if (err instanceof GateBusy) return { ok: false, reason: 'busy' }
    throw err
  }
  if (!user || !ok || !user.active || !user.passwordHash) return { ok: false, reason: 'failed' }
  // Right: this guess was no failure, and the owner's earlier slips from here are forgiven (the
  // account-wide count of others' failures stays). One batch: the guess taken back from the
  // account's count, the count of this account from this address dropped.
  await refundAndClear(
    counters,
    [{ key: `loginFailuresPerAccount:${email}`, windowMs: LIMITS.loginFailuresPerAccount.windowMs }],
    guess.at,
    [`loginFailuresPerAccountAndAddress:${email}|${address}`],
  )
  if (needsRehash(user.passwordHash, d.passwordIterations))
    await rehashPassword(
      db,
      user.id,
      user.passwordHash,
      await hashPassword(password, d.passwordIterations, address),
    )
  return { ok: true, user }
}
