/** Who hears of an HRC decision, in which language, and what the mail names: codes and values, rendered by views/i18n. */
import type { Readiness } from '../reference/index.ts'
import type { NamedActor } from '../shared/index.ts'
import type { HrcMail } from './messages.ts'
import type { HrcContext, HrcRecipients, MailDecision, Recipient, UnitRecord } from './types.ts'

/** Where mails link to; the routes are the integrator's, the paths are named once here. */
export const HRC_PATHS = {
  board: '/hrc',
  unit: (id: string) => `/hrc/units/${id}`,
  dispatch: (id: string) => `/hrc/dispatches/${id}`,
} as const

export const link = (ctx: Pick<HrcContext, 'baseUrl'>, path: string) =>
  `${ctx.baseUrl.replace(/\/+$/, '')}${path}`

/** A unit leader's address with the language the system knows them by; English for a stranger. */
export function leaderOf(unit: UnitRecord, recipients: HrcRecipients): Recipient | null {
  const email = unit.leader?.email?.trim().toLowerCase()
  if (!email) return null
  return { email, locale: recipients.locales?.[email] ?? 'en' }
}

/** One mail per address, the first decision for an address winning (a leader who is also a coordinator gets one). */
export function unique(mails: readonly MailDecision[]): MailDecision[] {
  const seen = new Set<string>()
  return mails.filter((m) => {
    const key = m.to.trim().toLowerCase()
    if (!key || seen.has(key)) return false
    seen.add(key)
    return true
  })
}

export const mailTo = (readers: readonly Recipient[], message: HrcMail): MailDecision[] =>
  readers.map((r) => ({ to: r.email, locale: r.locale, message }))

export interface ReadinessMove {
  unit: UnitRecord
  from: Readiness
  to: Readiness
}

/**
 * Readiness moved by hand or by a threat's proposal: each leader hears of their own units, the
 * coordinators of all, and the dispatchers too when a coordinator made the move (USAR.NL must know).
 */
export function readinessMails(
  moves: readonly ReadinessMove[],
  actor: NamedActor,
  about: { threat: string | null; dispatch: string | null },
  ctx: HrcContext,
): MailDecision[] {
  if (moves.length === 0) return []
  const message = (list: readonly ReadinessMove[]): HrcMail => ({
    code: 'hrc.mail.readiness',
    params: {
      by: actor.name,
      at: ctx.now,
      units: list.map((m) => m.unit.code),
      names: list.map((m) => m.unit.name),
      from: list.map((m) => m.from),
      to: list.map((m) => m.to),
      threat: about.threat,
      url: link(ctx, HRC_PATHS.board),
    },
  })
  const byLeader = new Map<string, { reader: Recipient; list: ReadinessMove[] }>()
  for (const move of moves) {
    const reader = leaderOf(move.unit, ctx.recipients)
    if (!reader) continue
    const entry = byLeader.get(reader.email) ?? { reader, list: [] }
    entry.list.push(move)
    byLeader.set(reader.email, entry)
  }
  const all = message(moves)
  return unique([
    ...[...byLeader.values()].flatMap(({ reader, list }) => mailTo([reader], message(list))),
    ...mailTo(ctx.recipients.coordinators, all),
    ...(actor.role === 'coordinator' ? mailTo(ctx.recipients.dispatchers ?? [], all) : []),
  ])
}
