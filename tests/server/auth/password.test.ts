/**
 * The chained password scheme: at most 100,000 PBKDF2 iterations per WebCrypto call (hosted
 * Workers refuse more), the documented chain, old one-call hashes verified natively or in plain
 * JavaScript when calls are capped, and rewritten under the new scheme at the next sign-in.
 */
import { pbkdf2Sync, randomBytes } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { rehashPassword } from '../../../db/queries/users.ts'
import { users } from '../../../db/schema/index.ts'
import {
  dummyHash,
  hashPassword,
  ITERATIONS,
  limitPbkdf2Calls,
  needsRehash,
  rounds,
  verifyPassword,
  WORKERS_CALL_LIMIT,
} from '../../../server/auth/password.ts'
import { TEST_ITERATIONS, type TestApp, testApp } from '../../helpers/app.ts'

/** An old-scheme hash, made the way the old code made it (one call of `iterations`). */
function legacyHash(password: string, iterations: number) {
  const salt = randomBytes(16)
  return `pbkdf2-sha256$${iterations}$${salt.toString('hex')}$${pbkdf2Sync(password, salt, iterations, 32, 'sha256').toString('hex')}`
}

/** Records the iteration count of every WebCrypto PBKDF2 call. */
function spyOnPbkdf2() {
  const counts: number[] = []
  const original = crypto.subtle.deriveBits.bind(crypto.subtle)
  vi.spyOn(crypto.subtle, 'deriveBits').mockImplementation((algorithm, key, length) => {
    counts.push((algorithm as Pbkdf2Params).iterations)
    return original(algorithm as Pbkdf2Params, key, length)
  })
  return counts
}

afterEach(() => {
  vi.restoreAllMocks()
  limitPbkdf2Calls(Number.POSITIVE_INFINITY)
})

describe('the chained scheme', () => {
  it('splits the work into the fewest calls of at most 100,000 iterations', () => {
    expect(rounds(ITERATIONS)).toEqual({ perCall: 100_000, rounds: 6 })
    expect(rounds(TEST_ITERATIONS)).toEqual({ perCall: 1000, rounds: 1 })
    expect(rounds(250_000)).toEqual({ perCall: 83_334, rounds: 3 })
  })

  it('hashes 600,000 iterations as 6 calls of 100,000, never one call above the cap', async () => {
    const counts = spyOnPbkdf2()
    const stored = await hashPassword('correct horse battery')
    expect(stored).toMatch(/^pbkdf2-sha256-chain\$100000x6\$[0-9a-f]{32}\$[0-9a-f]{64}$/)
    expect(counts).toEqual([100_000, 100_000, 100_000, 100_000, 100_000, 100_000])
    expect(await verifyPassword('correct horse battery', stored)).toBe(true)
    expect(Math.max(...counts)).toBeLessThanOrEqual(WORKERS_CALL_LIMIT)
  })

  it('is the documented chain: each round keyed by the one before, the same salt', async () => {
    const stored = await hashPassword('Wind from the east', 30_000)
    const [, work, saltHex, hash] = stored.split('$')
    expect(work).toBe('30000x1')
    const two = await hashPassword('Wind from the east', 150_000)
    const [, work2, salt2, hash2] = two.split('$')
    expect(work2).toBe('75000x2')
    const salt = Buffer.from(salt2!, 'hex')
    const round1 = pbkdf2Sync('Wind from the east', salt, 75_000, 32, 'sha256')
    expect(pbkdf2Sync(round1, salt, 75_000, 32, 'sha256').toString('hex')).toBe(hash2)
    expect(
      pbkdf2Sync('Wind from the east', Buffer.from(saltHex!, 'hex'), 30_000, 32, 'sha256').toString('hex'),
    ).toBe(hash)
  })

  it('refuses a malformed hash or a chain call above the cap', async () => {
    const good = await hashPassword('x', 1000)
    expect(await verifyPassword('x', good.replace('1000x1', '1000'))).toBe(false)
    expect(await verifyPassword('x', good.replace('1000x1', '200000x1'))).toBe(false)
    expect(await verifyPassword('x', good.replace('pbkdf2-sha256-chain', 'bcrypt'))).toBe(false)
    expect(await verifyPassword('x', '')).toBe(false)
  })

  it('times an unknown account with a stand-in of the same scheme and work', () => {
    expect(dummyHash()).toMatch(/^pbkdf2-sha256-chain\$100000x6\$0{32}\$0{64}$/)
    expect(dummyHash(TEST_ITERATIONS)).toMatch(/^pbkdf2-sha256-chain\$1000x1\$/)
  })
})

describe('old one-call hashes', () => {
  it('verify natively where the runtime allows the count (Node)', async () => {
    const counts = spyOnPbkdf2()
    const old = legacyHash('tide', 150_000)
    expect(await verifyPassword('tide', old)).toBe(true)
    expect(await verifyPassword('tidE', old)).toBe(false)
    expect(counts).toEqual([150_000, 150_000])
  })

  it('verify in plain JavaScript when calls are capped (a Worker), with no WebCrypto call above 100,000', async () => {
    limitPbkdf2Calls(WORKERS_CALL_LIMIT)
    const counts = spyOnPbkdf2()
    const old = legacyHash('tide', 150_000)
    expect(await verifyPassword('tide', old)).toBe(true)
    expect(await verifyPassword('tidE', old)).toBe(false)
    expect(counts).toEqual([])
    // within the cap the old scheme still uses WebCrypto
    expect(await verifyPassword('tide', legacyHash('tide', 2000))).toBe(true)
    expect(counts).toEqual([2000])
  })

  it('need rewriting; chained hashes with less work than asked need it too', async () => {
    expect(needsRehash(legacyHash('x', 1000), 1000)).toBe(true)
    expect(needsRehash(await hashPassword('x', 1000), 1000)).toBe(false)
    expect(needsRehash(await hashPassword('x', 1000), 2000)).toBe(true)
    expect(needsRehash('garbage', 1000)).toBe(true)
  })
})

describe('rewriting at sign-in', () => {
  let t: TestApp
  beforeAll(async () => {
    t = await testApp()
  })
  afterAll(() => t.close())
  const stored = async (email: string) =>
    (await t.db.select({ h: users.passwordHash }).from(users).where(eq(users.email, email)))[0]!.h!

  it('rewrites an old hash under the new scheme after a right password, not after a wrong one', async () => {
    const old = legacyHash('monsoon season', 2000)
    await t.db.update(users).set({ passwordHash: old }).where(eq(users.email, 'observer@demo.ccpm'))
    expect((await t.post('/login', { email: 'observer@demo.ccpm', password: 'wrong' })).status).toBe(401)
    expect(await stored('observer@demo.ccpm')).toBe(old)
    expect((await t.post('/login', { email: 'observer@demo.ccpm', password: 'monsoon season' })).status).toBe(
      303,
    )
    const now = await stored('observer@demo.ccpm')
    expect(now).toMatch(/^pbkdf2-sha256-chain\$1000x1\$/)
    expect(await verifyPassword('monsoon season', now)).toBe(true)
    // the next sign-in verifies the new hash and writes nothing
    expect((await t.post('/login', { email: 'observer@demo.ccpm', password: 'monsoon season' })).status).toBe(
      303,
    )
    expect(await stored('observer@demo.ccpm')).toBe(now)
  })

  it('never overwrites a password changed since the hash was verified (guarded write)', async () => {
    const [user] = await t.db.select().from(users).where(eq(users.email, 'aruba@demo.ccpm'))
    const verified = legacyHash('old password', 1000)
    expect(await rehashPassword(t.db, user!.id, verified, await hashPassword('old password', 1000))).toBe(
      false,
    )
    expect(await stored('aruba@demo.ccpm')).toBe(user!.passwordHash)
  })
})
