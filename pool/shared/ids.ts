/** Random identifiers and secrets from the platform's CSPRNG (WebCrypto: Node and Workers alike). */

const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789' // 32 symbols, no look-alikes

/** A random string of `length` symbols, 5 bits each. */
export function randomToken(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length))
  let out = ''
  for (const b of bytes) out += alphabet[b & 31]
  return out
}

/** Record ids: 16 symbols = 80 bits, unguessable enough that ids never confirm existence. */
export const newId = (): string => randomToken(16)
