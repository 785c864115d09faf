/**
 * Password hashing on WebCrypto, the same on Node and Workers. Hosted Workers refuse PBKDF2 above
 * 100,000 iterations per call, so the work (OWASP 2023: 600,000 iterations of PBKDF2-SHA256) is
 * done as a chain of calls of at most 100,000: round 1 derives 32 bytes from the password and
 * the salt, and every later round derives 32 bytes from the previous round's output (as its key
 * material) and the same salt. An attacker must run every round for each guess: the chain costs
 * what one 600,000-iteration call costs. Stored as
 *   `pbkdf2-sha256-chain$<iterations per call>x<rounds>$<salt hex>$<hash hex>`
 * (tests store `…$1000x1$…`: the count travels with the hash).
 * Hashes of the old one-call scheme `pbkdf2-sha256$600000$<salt>$<hash>` still verify: natively
 * where the runtime allows the count (Node), in plain JavaScript (./pbkdf2.ts) where it does not
 * (server/worker.ts caps calls at 100,000); sign-in then rewrites them (server/auth/sign-in.ts).
 */
import { constantTimeEqual, fromHex, toHex } from './crypto.ts'
import { FairGate } from './gate.ts'
import { pbkdf2Sha256 } from './pbkdf2.ts'

/** Total PBKDF2 iterations of a new hash. */
export const ITERATIONS = 600_000
/** The most iterations hosted Workers accept in one PBKDF2 call. */
export const WORKERS_CALL_LIMIT = 100_000
export const SCHEME = 'pbkdf2-sha256-chain'
const LEGACY = 'pbkdf2-sha256'

/** The most iterations this runtime may ask of one WebCrypto call (server/worker.ts lowers it). */
let callLimit = Number.POSITIVE_INFINITY
export function limitPbkdf2Calls(max: number) {
  callLimit = max
}

/**
 * Every hash passes this gate: at most this many at once, fair between callers (server/serve.ts
 * sets the limit from the cores). A sign-in flood then waits in its own queue.
 */
export const hashGate = new FairGate(2)

const enc = new TextEncoder()

async function webPbkdf2(material: Uint8Array, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', material as BufferSource, 'PBKDF2', false, ['deriveBits'])
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    256,
  )
  return new Uint8Array(bits)
}

/** The chain: `rounds` WebCrypto calls of `perCall` iterations, each keyed by the one before. */
async function chain(password: string, salt: Uint8Array, perCall: number, rounds: number): Promise<string> {
  let material: Uint8Array = enc.encode(password)
  for (let i = 0; i < rounds; i++) material = await webPbkdf2(material, salt, perCall)
  return toHex(material)
}

/** One call of the old scheme: native when allowed, else plain JavaScript (a hosted Worker). */
async function legacy(password: string, salt: Uint8Array, iterations: number): Promise<string> {
  if (iterations <= callLimit) {
    try {
      return toHex(await webPbkdf2(enc.encode(password), salt, iterations))
    } catch (err) {
      // A runtime that caps PBKDF2 without being told (hosted Workers say "iteration counts above
      // 100000 are not supported"): fall through to plain JavaScript.
      if (iterations <= WORKERS_CALL_LIMIT) throw err
    }
  }
  return toHex(pbkdf2Sha256(enc.encode(password), salt, iterations, 32))
}

/** How a total work of `iterations` is split: the fewest rounds of at most 100,000. */
export function rounds(iterations: number): { perCall: number; rounds: number } {
  const n = Math.max(1, Math.ceil(iterations / WORKERS_CALL_LIMIT))
  return { perCall: Math.ceil(iterations / n), rounds: n }
}

interface Parsed {
  scheme: typeof SCHEME | typeof LEGACY
  perCall: number
  rounds: number
  salt: Uint8Array
  hash: string
}

function parse(stored: string): Parsed | undefined {
  const [scheme, work, salt, hash] = stored.split('$')
  if (!work || !salt || !hash) return undefined
  if (scheme === SCHEME) {
    const m = /^(\d+)x(\d+)$/.exec(work)
    if (!m) return undefined
    const perCall = Number(m[1])
    const n = Number(m[2])
    if (perCall < 1 || perCall > WORKERS_CALL_LIMIT || n < 1 || n > 100) return undefined
    return { scheme, perCall, rounds: n, salt: fromHex(salt), hash }
  }
  if (scheme === LEGACY && /^\d+$/.test(work) && Number(work) >= 1)
    return { scheme, perCall: Number(work), rounds: 1, salt: fromHex(salt), hash }
  return undefined
}

export async function hashPassword(password: string, iterations = ITERATIONS, queue = ''): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16))
  const work = rounds(iterations)
  const hash = await hashGate.run(queue, () => chain(password, salt, work.perCall, work.rounds))
  return `${SCHEME}$${work.perCall}x${work.rounds}$${toHex(salt)}$${hash}`
}

/** `queue`: who asks (e.g. the client's address), so that the hash gate serves callers fairly. */
export async function verifyPassword(password: string, stored: string, queue = ''): Promise<boolean> {
  const p = parse(stored)
  if (!p) return false
  const derived = await hashGate.run(queue, () =>
    p.scheme === SCHEME ? chain(password, p.salt, p.perCall, p.rounds) : legacy(password, p.salt, p.perCall),
  )
  return constantTimeEqual(derived, p.hash)
}

/** True when a verified hash should be rewritten: the old scheme, or less work than `iterations`. */
export function needsRehash(stored: string, iterations = ITERATIONS): boolean {
  const p = parse(stored)
  return !p || p.scheme !== SCHEME || p.perCall * p.rounds < iterations
}

/** A hash to compare against when the account does not exist, so that timing does not tell. */
export function dummyHash(iterations = ITERATIONS) {
  const work = rounds(iterations)
  return `${SCHEME}$${work.perCall}x${work.rounds}$${'00'.repeat(16)}$${'00'.repeat(32)}`
}
export const DUMMY_HASH = dummyHash()
