/** Random identifiers and secrets from the platform's CSPRNG (WebCrypto: Node and Workers alike). */

const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789' // 32 symbols, no look-alikes

/** A random string of `length` symbols, 5 bits each. */
export function randomToken(length: number): string {
  let out = ''
  for (let i = 0; i < length; i++) out += alphabet[nextByte() & 31]
  return out
}

/**
 * The CSPRNG's bytes drawn 4 KB at a time (filled on first use, never at start: Workers forbid
 * randomness outside a request): a page of 50 rows draws 50 form keys, and one call into the
 * platform per key was a visible share of its CPU. Each byte is used once.
 */
const stock = new Uint8Array(4096)
let used = stock.length
function nextByte(): number {
  if (used === stock.length) {
    crypto.getRandomValues(stock)
    used = 0
  }
  return stock[used++]!
}

/** Record ids: 16 symbols = 80 bits, unguessable enough that ids never confirm existence. */
export const newId = (): string => randomToken(16)
