/**
 * The HTTP suite's view of a runtime: the app on Node over libSQL, or server/worker.ts in workerd
 * over D1. Flows (tests/http/flows/*) are written once against this interface and import nothing
 * runtime-specific; tests/http/node.test.ts and tests/workers/http.test.ts supply the runtimes.
 */
import { expect } from 'vitest'

/** A mail as the SMTP sink received it. */
export interface Received {
  to: string[]
  subject: string
  text: string
  attachments: { filename: string; contentType: string; content: string }[]
}

export interface Runtime {
  name: 'node' | 'workerd'
  origin: string
  /** The app's clock (Node: the test's movable clock; workerd: the real one). */
  now: () => number
  /** One request to the app (redirects are not followed). */
  fetch: (path: string, init: RequestInit) => Promise<Response>
  /** Rows of a read-only query on the app's database (for what HTTP does not show: the outbox). */
  rows: <T>(query: string, ...params: (string | number)[]) => Promise<T[]>
  /** One pass of the runtime's own mail delivery to the SMTP sink, as if run at `at`. */
  deliver: (at?: number) => Promise<void>
  /** What the SMTP sink received so far (every flow of the run). */
  received: () => Promise<Received[]>
  /** A static file as the runtime's front serves it (Node: serveStatic; workerd: the [assets] router). */
  asset: (path: string) => Promise<Response>
}

export type Form = Record<string, string | string[]>

/** Signed-in sessions per runtime and account, shared by the flows that need just "someone signed in as". */
const sessions = new WeakMap<Runtime, Map<string, Promise<string>>>()

/**
 * What flows use: requests with a cookie and a client address, forms as a browser posts them, JSON
 * as the API takes it. Each flow gets its own client address so that rate limits of one flow never
 * touch another.
 */
export class Client {
  constructor(
    readonly rt: Runtime,
    readonly address = '192.0.2.1',
  ) {}

  get origin() {
    return this.rt.origin
  }

  now() {
    return this.rt.now()
  }

  private headers(cookie?: string, extra: Record<string, string> = {}): Record<string, string> {
    return {
      // the test app reads x-test-address, the Worker cf-connecting-ip
      'x-test-address': this.address,
      'cf-connecting-ip': this.address,
      ...(cookie ? { cookie } : {}),
      ...extra,
    }
  }

  get(path: string, cookie?: string, headers?: Record<string, string>) {
    return this.rt.fetch(path, { headers: this.headers(cookie, headers) })
  }

  async page(path: string, cookie?: string): Promise<string> {
    const res = await this.get(path, cookie)
    expect(res.status, `GET ${path}`).toBe(200)
    return res.text()
  }

  post(path: string, form: Form, cookie?: string, headers?: Record<string, string>) {
    const body = new URLSearchParams()
    for (const [k, v] of Object.entries(form)) for (const one of [v].flat()) body.append(k, one)
    return this.rt.fetch(path, {
      method: 'POST',
      body,
      headers: this.headers(cookie, {
        origin: this.origin,
        'content-type': 'application/x-www-form-urlencoded',
        ...headers,
      }),
    })
  }

  upload(path: string, body: FormData, cookie: string) {
    return this.rt.fetch(path, {
      method: 'POST',
      body,
      headers: this.headers(cookie, { origin: this.origin }),
    })
  }

  send(method: string, path: string, body: unknown, cookie?: string, headers?: Record<string, string>) {
    return this.rt.fetch(path, {
      method,
      body: JSON.stringify(body),
      headers: this.headers(cookie, { 'content-type': 'application/json', ...headers }),
    })
  }

  postJson(path: string, body: unknown, cookie?: string, headers?: Record<string, string>) {
    return this.send('POST', path, body, cookie, headers)
  }

  /** POST JSON, expect `status`, return the body. */
  async json<T = Record<string, unknown>>(path: string, body: unknown, cookie: string, status = 200) {
    const res = await this.postJson(path, body, cookie)
    const text = await res.text()
    expect(res.status, `POST ${path}: ${text}`).toBe(status)
    return JSON.parse(text) as T
  }

  async getJson<T = Record<string, unknown>>(path: string, cookie: string): Promise<T> {
    const res = await this.get(path, cookie)
    expect(res.status, `GET ${path}`).toBe(200)
    return (await res.json()) as T
  }

  /** Signs in through the form and returns the Cookie header value. */
  async login(email: string, password = 'demo'): Promise<string> {
    const res = await this.post('/login', { email, password })
    if (res.status !== 303) throw new Error(`login ${email}: ${res.status}`)
    const cookie = res.headers.get('set-cookie')?.split(';')[0]
    if (!cookie) throw new Error('no session cookie')
    return cookie
  }

  /**
   * A session of the demo account `email`, signed in once per runtime and shared (a sign-in costs a
   * full password hash on the Worker). Flows that end sessions or race two of them use `login`.
   */
  session(email: string): Promise<string> {
    const byEmail = sessions.get(this.rt) ?? new Map<string, Promise<string>>()
    sessions.set(this.rt, byEmail)
    const cookie = byEmail.get(email) ?? this.login(email)
    byEmail.set(email, cookie)
    return cookie
  }

  /** The queued mails to `to`, oldest first (the outbox keeps the text until the mail is sent). */
  outbox(to: string) {
    return this.rt.rows<{ id: string; subject: string; text: string; status: string; attempts: number }>(
      'select id, subject, text, status, attempts from outbox where "to" = ? order by created_at, rowid',
      to,
    )
  }

  /** The path of the first link in the newest queued mail to `to` that has one like `pattern`. */
  async linkTo(to: string, pattern: RegExp): Promise<string> {
    const mails = (await this.outbox(to)).filter((m) => pattern.test(m.text))
    const text = mails.at(-1)?.text ?? ''
    const m = pattern.exec(text)
    if (!m) throw new Error(`no link like ${pattern} in a mail to ${to}`)
    return m[1] ?? m[0]
  }
}

/** The one-time key of the form whose action is `action` (or the first form's). */
export function formKey(html: string, action?: string): string {
  const forms = html.split(/<form\b/).slice(1)
  const form = action ? forms.find((f) => f.includes(`action="${action}"`)) : forms[0]
  const key = /name="_key" value="([a-z0-9]+)"/.exec(form ?? '')?.[1]
  if (!key) throw new Error(`no one-time key in the form for ${action ?? 'the page'}`)
  return key
}

/** `YYYY-MM-DD` of the day `days` after `at` (UTC). */
export const day = (at: number, days = 0) => new Date(at + days * 86_400_000).toISOString().slice(0, 10)

/** `YYYY-MM-DDTHH:MM` on the islands (UTC−4, no daylight saving), as datetime-local fields take it. */
export const islandTime = (at: number) => new Date(at - 4 * 3_600_000).toISOString().slice(0, 16)

export const idOf = (res: Response) => res.headers.get('location')!.split('?')[0]!.split('/').pop()!
