/** Byte arrays put end to end: a request body read in chunks, a kept page's pieces and keys. */
export function concat(chunks: readonly Uint8Array[]): Uint8Array<ArrayBuffer> {
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
