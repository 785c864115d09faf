/** What the HRC pages share: the service context, refusals as errors, and field errors folded onto their form field. */
import type { Context } from 'hono'
import type { HrcMessage } from '../../../pool/hrc/index.ts'
import { msg } from '../../../pool/shared/index.ts'
import type { AppEnv } from '../../env.ts'
import { Refused } from '../../errors.tsx'
import { REFUSAL_STATUS } from '../../json.ts'
import type { HrcCtx, HrcRefusal } from '../../services/hrc.ts'

type C = Context<AppEnv>

export const hrcCtx = (c: C): HrcCtx => ({
  db: c.get('deps').db,
  now: c.get('deps').now(),
  baseUrl: c.get('deps').config.baseUrl,
})

export const statusOf = (r: HrcRefusal) => REFUSAL_STATUS[r.error]

/** A refusal a page does not answer in place: 404, 403, or whatever it is, rendered as the error page. */
export function fail(r: HrcRefusal): never {
  throw new Refused(statusOf(r), r.error === 'not_found' ? msg('http.404') : r.message)
}

/**
 * Errors of list items (`unitIds.2`, `track.0.lat`, `proposals.1`) shown at the list's field, which
 * is what the form has: the first message of each list wins.
 */
export function foldErrors(errors: Record<string, HrcMessage> | undefined): Record<string, HrcMessage> {
  const out: Record<string, HrcMessage> = {}
  for (const [key, message] of Object.entries(errors ?? {})) {
    const m = /^(unitIds|track|islands|proposals)\.\d+/.exec(key)
    out[m ? m[1]! : key] ??= message
  }
  return out
}

/** The version a form or a JSON body says the actor saw, if any. */
export function versionOf(v: unknown): number | undefined {
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\d{1,9}$/.test(v) ? Number(v) : Number.NaN
  return Number.isInteger(n) && n > 0 ? n : undefined
}
