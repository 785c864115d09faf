/**
 * Rendering: a full page inside the layout, or only the fragment when htmx asks for a partial.
 * One component serves both (contact.app); `Vary` tells caches that the answer depends on it.
 */
import type { Context } from 'hono'
import { getCookie } from 'hono/cookie'
import type { Child } from 'hono/jsx'
import { randomToken } from '../pool/shared/index.ts'
import type { ViewCtx } from '../views/context.ts'
import { fromAcceptLanguage, isLocale, type Locale, translatorFor } from '../views/i18n/index.ts'
import { Layout } from '../views/layout.tsx'
import type { AppEnv } from './env.ts'
import { handOver } from './middleware/respond.ts'

export const LOCALE_COOKIE = 'ccpm_lang'

function localeOf(c: Context<AppEnv>): Locale {
  const chosen = getCookie(c, LOCALE_COOKIE)
  if (isLocale(chosen)) return chosen
  const user = c.get('user')
  if (user && isLocale(user.locale)) return user.locale
  return fromAcceptLanguage(c.req.header('accept-language'))
}

/**
 * The one-time form keys a render drew (its text is never the same twice: no ETag; the page
 * cache puts fresh keys in their places when it serves the page again).
 */
const drawn = new WeakMap<Context, string[]>()
export const drawnKeys = (c: Context): readonly string[] => drawn.get(c) ?? []
/** One view context per request: the route's and the layout's are the same. */
const contexts = new WeakMap<Context, ViewCtx>()

export function viewCtx(c: Context<AppEnv>): ViewCtx {
  let ctx = contexts.get(c)
  if (!ctx) {
    ctx = makeViewCtx(c)
    contexts.set(c, ctx)
  }
  return ctx
}

function makeViewCtx(c: Context<AppEnv>): ViewCtx {
  const locale = localeOf(c)
  const user = c.get('user')
  const tr = translatorFor(locale)
  return {
    t: tr.t,
    m: tr.m,
    f: tr.f,
    locale,
    user: user ? { name: user.name, email: user.email, role: user.role, island: user.island } : null,
    assets: c.get('deps').assets,
    path: c.req.path,
    now: c.get('deps').now(),
    pollSeconds: c.get('deps').config.pollSeconds,
    formKey: () => {
      const key = randomToken(24)
      const keys = drawn.get(c)
      if (keys) keys.push(key)
      else drawn.set(c, [key])
      return key
    },
    replayedAt: replayedAt(c.req.query('replayed')),
  }
}

/** The first sending time a replayed form redirect names (server/middleware/idempotency.ts); null otherwise. */
function replayedAt(value: string | undefined): number | null {
  const at = value && /^\d{10,15}$/.test(value) ? Number(value) : null
  return at !== null && Number.isSafeInteger(at) ? at : null
}

/** True when htmx asks for a fragment (not a boosted or history navigation). */
export function isPartial(c: Context): boolean {
  return c.req.header('hx-request') === 'true' && c.req.header('hx-request-type') === 'partial'
}

export function page(c: Context<AppEnv>, title: string, body: Child, status = 200) {
  const ctx = viewCtx(c)
  c.header('Cache-Control', 'private, no-cache')
  c.header('Vary', 'HX-Request, HX-Request-Type, Cookie')
  const doc = (
    <Layout ctx={ctx} title={title}>
      {body}
    </Layout>
  )
  return htmlAnswer(c, `<!doctype html>${markup(doc)}`, status)
}

/**
 * A view tree as text, rendered in one synchronous pass. Hono's `toString()` runs every render
 * inside an AsyncLocalStorage (for `useContext` after an `await`). Our views use neither context
 * nor async components, and on Node 20 the first such run turns on promise hooks for every promise
 * the process makes from then on, /healthz's too (69–76 against 94–106 µs of CPU a request over
 * HTTP: docs/bench.md, "Third round").
 */
export function markup(node: Child): string {
  const tree = node as { toStringToBuffer?: (buffer: string[]) => void } | null
  if (typeof tree?.toStringToBuffer !== 'function') return `${node ?? ''}`
  const buffer = ['']
  tree.toStringToBuffer(buffer)
  if (buffer.length !== 1 || 'callbacks' in buffer) throw new Error('a view rendered asynchronously')
  return buffer[0] as string
}

const encoder = new TextEncoder()
const HTML = { 'Content-Type': 'text/html; charset=UTF-8' }

/**
 * The rendered text as bytes, encoded once: a Response built from a string has every character
 * checked again (USVString), and middleware/respond.ts gets the bytes and the text without
 * reading the Response back.
 */
function htmlAnswer(c: Context<AppEnv>, html: string, status: number) {
  const bytes = encoder.encode(html) as Uint8Array<ArrayBuffer>
  // biome-ignore lint/suspicious/noExplicitAny: status codes are checked by the callers
  return handOver(c, c.body(bytes, status as any, HTML), html, bytes, drawn.has(c))
}

/** The page, or only `body` for an htmx partial request. */
export function pageOrFragment(c: Context<AppEnv>, title: string, body: Child, status = 200) {
  if (!isPartial(c)) return page(c, title, body, status)
  c.header('Vary', 'HX-Request, HX-Request-Type, Cookie')
  return htmlAnswer(c, markup(body), status)
}
