/** Requests to the Worker under test, and signing in a demo account through the form. */
import { exports } from 'cloudflare:workers'

export const ORIGIN = 'http://localhost:8787'

export const request = (path: string, init: RequestInit = {}) =>
  exports.default.fetch(new Request(`${ORIGIN}${path}`, { redirect: 'manual', ...init }))

/** Signs in with the demo password and returns the Cookie header value. */
export async function login(email: string, address = '192.0.2.9'): Promise<string> {
  const res = await request('/login', {
    method: 'POST',
    headers: {
      origin: ORIGIN,
      'content-type': 'application/x-www-form-urlencoded',
      'cf-connecting-ip': address,
    },
    body: new URLSearchParams({ email, password: 'demo' }),
  })
  if (res.status !== 303) throw new Error(`login ${email}: ${res.status}`)
  return res.headers.get('set-cookie')!.split(';')[0]!
}
