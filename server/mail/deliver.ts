/**
 * The outbox delivery pass, the same on both runtimes: claim a due message (guarded update, so
 * two passes never send one message at once), send it through the runtime's transport, mark it
 * sent; on failure keep it, log, and let the backoff of pool/shared/mail.ts schedule the next try.
 *
 * After an outage the waiting mail goes at once: a failure to reach the server (no SMTP answer at
 * all) marks it down and ends the pass; while it is down a pass still tries the next pending mail
 * every PROBE_MS, due or not; the first success after that makes every waiting mail due and the
 * pass goes on until none is left. A refusal by a server that answers (4xx/5xx) concerns that mail
 * only.
 */
import {
  claimMail,
  dueMail,
  markFailed,
  markSent,
  nextPending,
  releaseWaiting,
} from '../../db/queries/outbox.ts'
import type { Db } from '../../db/types.ts'
import type { Mail } from '../../pool/shared/index.ts'

export interface DeliveryDeps {
  db: Db
  now: () => number
  log: (line: Record<string, unknown>) => void
  /** What the passes of one loop know about the server (kept between passes). */
  state?: DeliveryState
  /** Asked between two mails: true ends the pass (the process is stopping). */
  stopping?: () => boolean
}

export interface DeliveryState {
  down: boolean
  lastAttemptAt: number
}

export const newDeliveryState = (): DeliveryState => ({ down: false, lastAttemptAt: 0 })

/** While the server seems down, one mail is tried this often even if none is due. */
export const PROBE_MS = 30_000
/** At most this many mails per pass (the next pass goes on). */
const PER_PASS = 500

/** Sends one message; throws when the server refuses it or cannot be reached. */
export type Send = (mail: Mail & { id: string }) => Promise<void>

/** True when the server did not answer at all (as opposed to refusing this one mail). */
function unreachable(err: unknown): boolean {
  const e = err as { responseCode?: number; code?: string; message?: string }
  if (typeof e.responseCode === 'number') return false
  if (/^\s*[45]\d\d\b/.test(e.message ?? '')) return false
  return true
}

/** One pass over the due messages; returns how many were sent. */
export async function deliverDue(d: DeliveryDeps, send: Send, limit = 20): Promise<number> {
  const state = d.state ?? newDeliveryState()
  let sent = 0
  let tried = 0
  for (;;) {
    let due = await dueMail(d.db, d.now(), limit)
    if (due.length === 0 && state.down && d.now() - state.lastAttemptAt >= PROBE_MS) {
      const probe = await nextPending(d.db)
      due = probe ? [probe] : []
    }
    if (due.length === 0) return sent
    for (const mail of due) {
      if (d.stopping?.() || tried >= PER_PASS) return sent
      if (!(await claimMail(d.db, mail.id, mail.attempts, d.now()))) continue
      tried++
      state.lastAttemptAt = d.now()
      try {
        await send({
          id: mail.id,
          to: mail.to,
          subject: mail.subject,
          text: mail.text,
          ...(mail.html ? { html: mail.html } : {}),
          ...(mail.attachments?.length ? { attachments: mail.attachments } : {}),
        })
        await markSent(d.db, mail.id, d.now())
        sent++
        d.log({ level: 'info', mail: mail.id, event: 'sent', attempt: mail.attempts + 1 })
        if (state.down) {
          state.down = false
          const waiting = await releaseWaiting(d.db, d.now())
          d.log({ level: 'info', event: 'mail-server-back', waiting })
        }
      } catch (err) {
        await markFailed(d.db, mail.id, (err as Error).message)
        d.log({
          level: 'warn',
          mail: mail.id,
          event: 'failed',
          attempt: mail.attempts + 1,
          error: (err as Error).message,
        })
        if (unreachable(err)) {
          state.down = true
          return sent
        }
      }
    }
  }
}

/** host, port, TLS and credentials from an `smtp://user:pass@host:port` or `smtps://…` URL. */
export function parseSmtpUrl(url: string) {
  const u = new URL(url)
  if (u.protocol !== 'smtp:' && u.protocol !== 'smtps:')
    throw new Error(`SMTP_URL must be smtp:// or smtps://, not ${u.protocol}`)
  const secure = u.protocol === 'smtps:'
  return {
    host: u.hostname,
    port: Number(u.port || (secure ? 465 : 587)),
    secure,
    credentials: u.username
      ? { username: decodeURIComponent(u.username), password: decodeURIComponent(u.password) }
      : undefined,
  }
}

/** `CCPM <noreply@example.org>` → { name, email }; a bare address → { email }. */
export function parseAddress(from: string): { name?: string; email: string } {
  const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from)
  return m ? { ...(m[1] ? { name: m[1] } : {}), email: m[2]! } : { email: from.trim() }
}
