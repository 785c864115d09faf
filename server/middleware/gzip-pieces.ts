/**
 * A gzip stream put together from parts deflated once (server/middleware/page-cache.ts): a page is
 * kept as the pieces between its one-time form keys, and each sending splices fresh keys in as
 * stored blocks (RFC 1951 §3.2.4), so that sending it again costs no compression.
 */
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

export function concat(chunks: Uint8Array[]): Uint8Array<ArrayBuffer> {
  let n = 0
  for (const c of chunks) n += c.byteLength
  const out = new Uint8Array(n)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.byteLength
  }
  return out
}

/** What makes a deflate stream stored bytes next: LEN and its complement (RFC 1951 §3.2.4). */
function storedLength(n: number): Uint8Array {
  return Uint8Array.of(n & 0xff, n >> 8, ~n & 0xff, (~n >> 8) & 0xff)
}

/**
 * One gzip stream of the deflated pieces with the keys between them: the pieces end in the header
 * of a stored block (see `deflatePieces`) and each key fills one. The page itself is never put
 * together: its CRC runs over the pieces and keys in turn.
 */
export function gzipOf(zipped: Uint8Array[], keys: Uint8Array[], pieces: Uint8Array[], z: Zlib) {
  const chunks: Uint8Array[] = [GZIP_HEADER]
  let crc = 0
  let length = 0
  // (an empty Uint8Array may have no memory behind it, and zlib's crc32 takes a null buffer as a
  // request for its initial value, 0: an empty part is skipped, not summed)
  const sum = (bytes: Uint8Array) => {
    if (bytes.byteLength) crc = z.crc32(bytes, crc)
    length += bytes.byteLength
  }
  zipped.forEach((piece, i) => {
    chunks.push(piece)
    sum(pieces[i] as Uint8Array)
    const key = keys[i]
    if (key) {
      chunks.push(storedLength(key.byteLength), key)
      sum(key)
    }
  })
  const trailer = new Uint8Array(8)
  const view = new DataView(trailer.buffer)
  view.setUint32(0, crc, true)
  view.setUint32(4, length >>> 0, true)
  chunks.push(LAST_BLOCK, trailer)
  return concat(chunks)
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
export function deflatePieces(pieces: Uint8Array[], hole: number, z: Zlib): Uint8Array[] | null {
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
  return out
}
