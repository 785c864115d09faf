/**
 * Password hashing: PBKDF2-SHA256 on WebCrypto (OWASP 2023: 600,000 iterations), stored as
 * `pbkdf2-sha256$iterations$salt$hash` so that the count can rise without breaking old hashes.
 * Runs the same on Node and in workerd (measured here: ~300 ms on Node, ~120 ms in workerd).
 */
import { constantTimeEqual, fromHex, toHex } from './crypto.ts'
import { FairGate } from './gate.ts'

export const ITERATIONS = 600_000

/**
 * Every hash passes this gate: at most this many at once, fair between callers (server/serve.ts
 * sets the limit from the cores). A sign-in flood then waits in its own queue.
 */
export const hashGate = new FairGate(2)

function derive(password: string, salt: Uint8Array, iterations: number, queue = ''): Promise<string> {
  return hashGate.run(queue, () => deriveNow(password, salt, iterations))
}

async function deriveNow(password: string, salt: Uint8Array, iterations: number): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, [
    'deriveBits',
  ])
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    256,
  )
  return toHex(bits)
}

export async function hashPassword(password: string, iterations = ITERATIONS): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16))
  return `pbkdf2-sha256$${iterations}$${toHex(salt)}$${await derive(password, salt, iterations)}`
}

/** `queue`: who asks (e.g. the client's address), so that the hash gate serves callers fairly. */
export async function verifyPassword(password: string, stored: string, queue?: string): Promise<boolean> {
  const [scheme, iter, salt, hash] = stored.split('$')
  if (scheme !== 'pbkdf2-sha256' || !iter || !salt || !hash) return false
  return constantTimeEqual(await derive(password, fromHex(salt), Number(iter), queue), hash)
}

/** A hash to compare against when the account does not exist, so that timing does not tell. */
export const dummyHash = (iterations = ITERATIONS) =>
  `pbkdf2-sha256$${iterations}$${'00'.repeat(16)}$${'00'.repeat(32)}`
export const DUMMY_HASH = dummyHash()
