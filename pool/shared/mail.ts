/** A mail as the domain decides it. Every mail carries a plain-text part with all that is needed to act. */

export interface Mail {
  to: string
  subject: string
  text: string
  html?: string
}

/** Retry schedule of the outbox: 30 s, 1 min, 2 min … capped at 1 h; a mail is never given up on. */
export function nextAttemptDelay(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000)
}
