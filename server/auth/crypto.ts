/** Hashing and comparison helpers on WebCrypto, so that Node and Workers run the same code. */

const enc = new TextEncoder()

export function toHex(bytes: ArrayBuffer | Uint8Array): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('')
}

export function fromHex(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length / 2)
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16)
  return out
}

/**
 * Node's own hash where the runtime has it (no node:* import: the Worker's graph must not have
 * one): synchronous, a few µs, where WebCrypto's digest hops to the thread pool and back on every
 * request's session check. The same bytes either way.
 */
const nodeCrypto = (
  globalThis as {
    process?: { getBuiltinModule?: (id: string) => unknown }
  }
).process?.getBuiltinModule?.('node:crypto') as
  | {
      createHash: (alg: string) => {
        update: (t: string | Uint8Array) => { digest: (e: 'hex' | 'base64url') => string }
      }
    }
  | undefined

/** 96 bits of the SHA-1 of `bytes`, base64url, where Node's crypto is at hand (a page's ETag); else null. */
export function quickDigest(bytes: Uint8Array): string | null {
  return nodeCrypto ? nodeCrypto.createHash('sha1').update(bytes).digest('base64url').slice(0, 16) : null
}

export async function sha256Hex(text: string): Promise<string> {
  if (nodeCrypto) return nodeCrypto.createHash('sha256').update(text).digest('hex')
  return toHex(await crypto.subtle.digest('SHA-256', enc.encode(text)))
}

/** Compares two equal-length hex strings without stopping at the first difference. */
export function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false
  let diff = 0
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i)
  return diff === 0
}
