/** A mail as the domain decides it. Every mail carries a plain-text part with all that is needed to act. */

export interface Mail {
  to: string
  subject: string
  text: string
  html?: string
}

/**
 * Retry schedule of the outbox: 30 s, 1 min, 2 min, then every 3 min; a mail is never given up
 * on. Capped low because after an outage every waiting mail should go soon (and the delivery loop
 * sends all waiting mail at once when the server answers again).
 */
export const MAX_RETRY_DELAY = 180_000
export function nextAttemptDelay(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), MAX_RETRY_DELAY)
}
