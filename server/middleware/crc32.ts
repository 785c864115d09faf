/**
 * CRC-32 (the gzip trailer's) put together from parts: a kept page's pieces are summed once, and
 * each sending only sums its fresh keys and combines (server/middleware/gzip-pieces.ts). Summing
 * a 71 KB page again at each sending took ~70 µs; combining 201 parts takes ~15. `combine` and
 * `lengthOperator` are zlib's crc32_combine_op and crc32_combine_gen (zlib 1.2.12, crc32.c).
 */
// Every value is kept a signed 32-bit integer (the bits are what count): numbers above 2^31 would
// make V8 box them, and the combining loop would allocate.
const POLY = 0xedb88320 | 0

const TABLE = (() => {
  const t = new Int32Array(256)
  for (let n = 0; n < 256; n++) {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ POLY : c >>> 1
    t[n] = c
  }
  return t
})()

/** The CRC-32 of `bytes` (for short parts: a key; Node's zlib.crc32 is faster on long ones). */
export function crc32(bytes: Uint8Array, crc = 0): number {
  let c = ~crc
  for (let i = 0; i < bytes.length; i++) c = (TABLE[(c ^ (bytes[i] as number)) & 0xff] as number) ^ (c >>> 8)
  return ~c
}

/** a(x)·b(x) modulo the CRC's polynomial, bits reflected as the CRC keeps them. */
function multiply(a: number, b: number): number {
  let p = 0
  for (let m = 1 << 31; m !== 0; m >>>= 1) {
    if (a & m) p ^= b
    b = b & 1 ? (b >>> 1) ^ POLY : b >>> 1
  }
  return p
}

/** x^(2^k) modulo the polynomial, for k = 0 … 31. */
const POWERS = (() => {
  const t = new Int32Array(32)
  let p = 1 << 30 // x^1
  t[0] = p
  for (let k = 1; k < 32; k++) t[k] = p = multiply(p, p)
  return t
})()

/** What appending `length` bytes does to a CRC: x^(8·length) modulo the polynomial. */
export function lengthOperator(length: number): number {
  let p = 1 << 31 // x^0
  let k = 3
  for (let n = length; n > 0; n = Math.floor(n / 2), k++) if (n % 2) p = multiply(POWERS[k & 31] as number, p)
  return p
}

/** The CRC-32 of A followed by B, from A's CRC, B's CRC and the operator of B's length. */
export const combine = (crcA: number, crcB: number, operatorB: number): number =>
  multiply(operatorB, crcA) ^ crcB
