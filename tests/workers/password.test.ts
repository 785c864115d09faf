/**
 * Passwords in workerd under hosted Workers' PBKDF2 cap: no WebCrypto call above 100,000
 * iterations, whether signing in with a new hash or with an old one-call 600,000 hash (verified in
 * plain JavaScript, then rewritten under the chained scheme). Local workerd does not enforce the
 * cap itself, so the test counts every call.
 */
import { env } from 'cloudflare:workers'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { toHex } from '../../server/auth/crypto.ts'
import { login } from './helpers.ts'

/** An old-scheme hash, made as the old code made it: one WebCrypto call of 600,000 iterations. */
async function legacyHash(password: string) {
  const salt = crypto.getRandomValues(new Uint8Array(16))
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, [
    'deriveBits',
  ])
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 600_000 },
    key,
    256,
  )
  return `pbkdf2-sha256$600000$${toHex(salt)}$${toHex(bits)}`
}

function spyOnPbkdf2() {
  const counts: number[] = []
  const original = crypto.subtle.deriveBits.bind(crypto.subtle)
  vi.spyOn(crypto.subtle, 'deriveBits').mockImplementation((algorithm, key, length) => {
    counts.push((algorithm as SubtleCryptoDeriveKeyAlgorithm).iterations!)
    return original(algorithm, key, length)
  })
  return counts
}

const stored = async (email: string) =>
  (await env.DB.prepare('select password_hash as h from users where email = ?')
    .bind(email)
    .first<{ h: string }>())!.h

afterEach(() => {
  vi.restoreAllMocks()
})

describe('passwords on Workers', () => {
  it('seeds the demo accounts under the chained scheme and signs in with 6 calls of 100,000', async () => {
    await login('dispatcher@demo.ccpm', '192.0.2.41') // the first request seeds
    expect(await stored('dispatcher@demo.ccpm')).toMatch(/^pbkdf2-sha256-chain\$100000x6\$/)
    const counts = spyOnPbkdf2()
    await login('dispatcher@demo.ccpm', '192.0.2.41')
    expect(counts).toEqual([100_000, 100_000, 100_000, 100_000, 100_000, 100_000])
  })

  it('verifies an old 600,000-iteration hash without a WebCrypto call above 100,000, then rewrites it', async () => {
    await login('observer@demo.ccpm', '192.0.2.42')
    const old = await legacyHash('demo')
    await env.DB.prepare('update users set password_hash = ? where email = ?')
      .bind(old, 'observer@demo.ccpm')
      .run()

    const counts = spyOnPbkdf2()
    await login('observer@demo.ccpm', '192.0.2.42')
    // the old hash in plain JavaScript (no WebCrypto call), the new one as the chain
    expect(counts).toEqual([100_000, 100_000, 100_000, 100_000, 100_000, 100_000])
    const now = await stored('observer@demo.ccpm')
    expect(now).toMatch(/^pbkdf2-sha256-chain\$100000x6\$[0-9a-f]{32}\$[0-9a-f]{64}$/)

    counts.length = 0
    await login('observer@demo.ccpm', '192.0.2.42')
    expect(Math.max(...counts)).toBe(100_000)
    expect(await stored('observer@demo.ccpm')).toBe(now)
  })
})
