/** What the functionary's overview shows: the questions waiting for their answer, their time away ahead, their deployments. */
import { alertsOfMine } from '../../db/queries/alerts.ts'
import { periodsOf } from '../../db/queries/availability.ts'
import type { SessionUser } from '../../db/queries/sessions.ts'
import type { Db } from '../../db/types.ts'
import { today } from '../../pool/availability/index.ts'
import { myDeployments } from './assignment-pages.ts'

/** Deployments still ahead or under way: offered to the island up to on site. */
const UNDER_WAY = ['offered', 'accepted', 'travelling', 'on_site']
const SHOWN = 5

/**
 * Pending alerts: open (before the deadline, not locked by an offer) and not answered, plus the
 * one just answered or refused (`keep`), so its confirmation or error stays in view.
 */
export async function functionaryHome(db: Db, user: SessionUser, now: number, keep?: string) {
  if (!user.functionaryId) return null
  const day = today(now)
  const [alerts, away, deployments] = await Promise.all([
    alertsOfMine(db, user),
    periodsOf(db, user.functionaryId, { endingFrom: day }),
    myDeployments(db, user),
  ])
  return {
    alerts: alerts.filter((a) => a.id === keep || (a.answer === null && !a.locked && a.deadline > now)),
    away: away.slice(0, SHOWN),
    deployments: deployments
      .filter((d) => UNDER_WAY.includes(d.assignment.status) && d.assignment.periodEnd >= day)
      .sort((x, y) => (x.assignment.periodStart < y.assignment.periodStart ? -1 : 1))
      .slice(0, SHOWN),
  }
}

export type FunctionaryHomeData = NonNullable<Awaited<ReturnType<typeof functionaryHome>>>
