/**
 * A request's history as its page shows it: the request's own events, with the alerts sent for its
 * needs folded in. A round of alerts is one line, an answer one line, and nobody is named:
 * the island reads this before anyone is offered to it. The coordinator sees the names on the need.
 */
import type { AuditEvent } from '../shared/audit.ts'
import type { Need } from './types.ts'

/** An event of one of the request's alerts, with the need it asked for. */
export type AlertTrailEvent = AuditEvent & { needId: string }

/** What a folded line names of the need: its place on the request (1, 2 …) and, for people, the role. */
function needOf(needs: readonly Need[], id: string): { need: number | null; role: string | null } {
  const i = needs.findIndex((n) => n.id === id)
  const need = needs[i]
  return { need: i < 0 ? null : i + 1, role: need?.kind === 'functionary' ? need.role : null }
}

/** The alert events as request lines: `request.alerted` per round (who asked, how many), `request.answered` per answer. */
export function foldAlerts(events: readonly AlertTrailEvent[], needs: readonly Need[]): AuditEvent[] {
  const out: AuditEvent[] = []
  const rounds = new Map<string, { count: number }>()
  for (const e of events) {
    const answer = (e.after as { answer?: unknown } | null)?.answer
    if (e.action === 'alert.sent') {
      // One round: the alerts one coordinator sent for one need at one moment.
      const key = `${e.at}|${e.actorId}|${e.needId}`
      const round = rounds.get(key)
      if (round) {
        round.count++
        continue
      }
      const after = { ...needOf(needs, e.needId), count: 1 }
      rounds.set(key, after)
      out.push({ ...e, action: 'request.alerted', entity: 'request', before: null, after })
    } else if (answer === 'available' || answer === 'unavailable') {
      // The person answered through their link: the line says that someone did, not who.
      out.push({
        ...e,
        action: 'request.answered',
        entity: 'request',
        actorId: null,
        actorLabel: '',
        before: null,
        after: { ...needOf(needs, e.needId), answer },
      })
    }
  }
  return out
}

/** The request's own events and its folded alert lines, oldest first (own events first at the same moment). */
export function requestTimeline(
  own: readonly AuditEvent[],
  alertEvents: readonly AlertTrailEvent[],
  needs: readonly Need[],
): AuditEvent[] {
  const folded = foldAlerts(alertEvents, needs)
  const out: AuditEvent[] = []
  let i = 0
  for (const line of folded) {
    while (i < own.length && own[i]!.at <= line.at) out.push(own[i++]!)
    out.push(line)
  }
  return [...out, ...own.slice(i)]
}
