/**
 * Where a form may send the browser next (`next` after sign-in, `back` after the language switch):
 * only a path on this site. The value is resolved with `URL` against BASE_URL and must keep its
 * origin; control characters and backslashes are refused outright, because browsers drop or turn
 * them into `/` (`/\t/evil.example` and `/\evil.example` both lead off-site). Anything else: `/`.
 */
const unsafe = (s: string) => [...s].some((ch) => ch <= '\u001f' || ch === '\u007f' || ch === '\\')

export function sameOriginPath(target: string | undefined, baseUrl: string): string {
  if (!target?.startsWith('/') || unsafe(target)) return '/'
  let url: URL
  try {
    url = new URL(target, baseUrl)
  } catch {
    return '/'
  }
  if (url.origin !== new URL(baseUrl).origin) return '/'
  return `${url.pathname}${url.search}${url.hash}`
}
