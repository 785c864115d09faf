/**
 * A gzip stream put together from parts deflated once (server/middleware/page-cache.ts): a page is
 * kept as the pieces between its one-time form keys, and each sending splices fresh keys in as
 * stored blocks (RFC 1951 §3.2.4), so that sending it again costs no compression.
 */
import { concat } from '../bytes.ts'
import { combine, crc32, lengthOperator } from './crc32.ts'

export type Zlib = {
  deflateRawSync: (
    b: Uint8Array,
    o: { level: number; windowBits: number; memLevel: number; finishFlush: number; dictionary?: Uint8Array },
  ) => Uint8Array
  gzipSync: (b: Uint8Array, o: { level: number }) => Uint8Array<ArrayBuffer>
  crc32: (b: Uint8Array, value?: number) => number
  constants: { Z_SYNC_FLUSH: number }
}
/** Node's zlib without importing node:* (the Worker's graph must not): undefined where there is none. */
export const zlib = (
  globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }
).process?.getBuiltinModule?.('node:zlib') as Zlib | undefined

const GZIP_HEADER = Uint8Array.of(0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff)
const LAST_BLOCK = Uint8Array.of(1, 0, 0, 0xff, 0xff)

/** A page's pieces as kept: each deflated, with its CRC-32, the operator of its length, its length. */
export interface Pieced {
  zipped: Uint8Array[]
  crcs: Int32Array
  operators: Int32Array
  lengths: Uint32Array
}

/**
 * One gzip stream of the deflated pieces with the keys between them: the pieces end in the header
 * of a stored block (see `deflatePieces`) and each key fills one. The page itself is never put
 * together: its CRC is combined from the pieces' (summed once) and the keys'.
 */
export function gzipOf(pieced: Pieced, keys: Uint8Array[]) {
  const { zipped } = pieced
  let size = GZIP_HEADER.byteLength + LAST_BLOCK.byteLength + 8
  for (let i = 0; i < zipped.length; i++)
    size += (zipped[i] as Uint8Array).byteLength + (keys[i] ? 4 + (keys[i] as Uint8Array).byteLength : 0)
  const out = new Uint8Array(size)
  out.set(GZIP_HEADER)
  let at = GZIP_HEADER.byteLength
  let crc = 0
  let length = 0
  let keyLength = -1
  let keyOperator = 0
  for (let i = 0; i < zipped.length; i++) {
    const piece = zipped[i] as Uint8Array
    out.set(piece, at)
    at += piece.byteLength
    crc = combine(crc, pieced.crcs[i] as number, pieced.operators[i] as number)
    length += pieced.lengths[i] as number
    const key = keys[i]
    if (!key) continue
    const n = key.byteLength
    // LEN and NLEN of the stored block the piece's end opened (RFC 1951 §3.2.4), then the key
    out[at] = n & 0xff
    out[at + 1] = n >> 8
    out[at + 2] = ~n & 0xff
    out[at + 3] = (~n >> 8) & 0xff
    for (let j = 0; j < n; j++) out[at + 4 + j] = key[j] as number
    at += 4 + n
    if (n !== keyLength) {
      keyLength = n
      keyOperator = lengthOperator(n)
    }
    crc = combine(crc, crc32(key), keyOperator)
    length += n
  }
  out.set(LAST_BLOCK, at)
  const view = new DataView(out.buffer, at + LAST_BLOCK.byteLength)
  view.setInt32(0, crc, true)
  view.setUint32(4, length >>> 0, true)
  return out
}

/**
 * The window the pieces are deflated with, and so the most of what precedes a piece that is its
 * dictionary: setting a dictionary costs in its length, and rows repeat within 4 KB (the
 * coordinator's inbox deflates to 5,145 B of pieces with 4 KB, 5,128 B with 32 KB, in 2.7 against
 * 7.2 ms).
 */
const WINDOW_BITS = 12
const WINDOW = 1 << WINDOW_BITS
/**
 * Past this size the pieces are not kept. Each piece is a deflate block of its own, about 17 bytes
 * more than one stream would spend there (the coordinator's inbox, 100 keys: 7.5 KB against 5.9
 * KB), but what a satellite link makes a reader wait for is round trips, and a page within the
 * first one (TCP's initial window of 10 segments) costs one either way.
 */
const FIRST_FLIGHT = 14 * 1024
const SYNC = Uint8Array.of(0, 0, 0xff, 0xff)
const endsInSync = (b: Uint8Array) => b.byteLength >= 4 && SYNC.every((v, i) => b[b.byteLength - 4 + i] === v)

/**
 * Deflates each piece with everything before it as its dictionary, the keys' places held by NUL
 * bytes: the text of a page never holds NUL, so no match can reach into a key, and every distance
 * is the same as in the stream the reader gets, whatever keys stand there. Each piece ends as a
 * sync flush does, with an empty stored block; but for the last, its LEN and NLEN are cut off, so
 * that the key after it fills that block. (A page that holds a NUL, or whose pieces would not fit
 * the first round trip, is left to the response step.)
 */
export function deflatePieces(pieces: Uint8Array[], hole: number, z: Zlib): Pieced | null {
  if (pieces.some((p) => p.includes(0))) return null
  const gap = new Uint8Array(hole)
  let before = new Uint8Array(0)
  let size = GZIP_HEADER.byteLength + LAST_BLOCK.byteLength + 8
  const out: Uint8Array[] = []
  for (const [i, piece] of pieces.entries()) {
    const zipped = z.deflateRawSync(piece, {
      level: 6,
      windowBits: WINDOW_BITS,
      memLevel: 5,
      finishFlush: z.constants.Z_SYNC_FLUSH,
      ...(before.byteLength ? { dictionary: before } : {}),
    })
    const last = i === pieces.length - 1
    if (!last && !endsInSync(zipped)) return null
    out.push(last ? zipped : zipped.subarray(0, zipped.byteLength - SYNC.byteLength))
    size += zipped.byteLength + (last ? 0 : hole)
    if (size > FIRST_FLIGHT) return null
    const next = concat([before, piece, gap])
    before = next.byteLength > WINDOW ? next.subarray(next.byteLength - WINDOW) : next
  }
  // (an empty Uint8Array may have no memory behind it, and zlib's crc32 takes a null buffer as a
  // request for its initial value, 0: so is an empty piece's CRC)
  const crcs = Int32Array.from(pieces, (p) => (p.byteLength ? z.crc32(p) | 0 : 0))
  const operators = Int32Array.from(pieces, (p) => lengthOperator(p.byteLength))
  const lengths = Uint32Array.from(pieces, (p) => p.byteLength)
  return { zipped: out, crcs, operators, lengths }
}
