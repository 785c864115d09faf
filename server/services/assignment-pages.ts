/** What the assignment pages show: one assignment with its steps and history, the island's offers, my deployments. */

import {
  findAssignment,
  latestAnswer,
  listAssignments,
  personFacts,
  travelMinutes,
} from '../../db/queries/assignments.ts'
import { auditTrail } from '../../db/queries/audit.ts'
import type { SessionUser } from '../../db/queries/sessions.ts'
import type { Db } from '../../db/types.ts'
import { type Assignment, allowedSteps } from '../../pool/assignments/index.ts'
import type { Ctx } from './assignments.ts'

/** Everything the assignment page shows: the assignment, the person as the island sees them, the steps, the history. */
export async function assignmentPage(ctx: Ctx, actor: SessionUser, id: string) {
  const found = await findAssignment(ctx.db, actor, id)
  if (!found) return undefined
  const a = found.assignment
  const [person, minutes, answer, timeline] = await Promise.all([
    personFacts(ctx.db, a.functionaryId, found.role),
    travelMinutes(ctx.db, found.base, a.island),
    latestAnswer(ctx.db, a.functionaryId, a.needId),
    auditTrail(ctx.db, 'assignment', id),
  ])
  return {
    view: {
      ...found,
      person: person && {
        level: person.level,
        languages: person.languages,
        organisation: person.organisation,
      },
      travelMinutes: minutes,
    },
    steps: allowedSteps(a, actor),
    answeredAvailable: answer === 'available',
    timeline,
  }
}

/** The island's offers page: offers waiting for its decision, and the people on their way or present. */
export async function offersOf(ctx: Ctx, actor: SessionUser) {
  const [offered, present] = await Promise.all([
    listAssignments(ctx.db, actor, { status: ['offered'] }),
    listAssignments(ctx.db, actor, { status: ['accepted', 'travelling', 'on_site'] }),
  ])
  const offers = await Promise.all(
    offered.map(async (o) => {
      const a = o.assignment
      const [person, minutes] = await Promise.all([
        personFacts(ctx.db, a.functionaryId, o.role),
        travelMinutes(ctx.db, o.base, a.island),
      ])
      return {
        ...o,
        person: {
          level: person?.level ?? null,
          languages: person?.languages ?? [],
          organisation: person?.organisation ?? '',
        },
        travelMinutes: minutes,
      }
    }),
  )
  const byStart = (x: { assignment: Assignment }, y: { assignment: Assignment }) =>
    x.assignment.periodStart < y.assignment.periodStart
      ? -1
      : x.assignment.periodStart > y.assignment.periodStart
        ? 1
        : 0
  return { offers: offers.sort(byStart), present: [...present].sort(byStart) }
}

/** The signed-in functionary's deployments: from the offer on, declined and cancelled ones left out. */
export async function myDeployments(db: Db, actor: SessionUser) {
  if (!actor.functionaryId) return []
  const rows = await listAssignments(db, actor, {
    status: ['offered', 'accepted', 'travelling', 'on_site', 'released', 'completed'],
  })
  return rows.sort((x, y) => (x.assignment.periodStart < y.assignment.periodStart ? 1 : -1))
}
