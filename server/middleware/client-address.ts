/**
 * The client's address, for per-address limits. Without proxies (TRUST_PROXY=0, the default) the
 * socket's peer, and X-Forwarded-For is ignored: a client could write anything there. With n
 * trusted proxies in front, each appended the address it saw, so the n-th entry from the right is
 * the client as the outermost trusted proxy saw it; entries left of it are the client's own say.
 */
export function clientAddressFrom(
  forwardedFor: string | null | undefined,
  socket: string,
  trustProxy: number,
) {
  if (trustProxy <= 0 || !forwardedFor) return socket
  const hops = forwardedFor
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => hop !== '')
  const hop = hops[Math.max(0, hops.length - trustProxy)]
  return hop && hop.length <= 64 ? hop : socket
}
