/**
 * What requests do to their assignments and assignments to their requests, for the request
 * service's own batches: a request's end, an edit of its needs, the fill its needs show.
 */

import {
  activeAsRead,
  consequenceStmts,
  filledAtMost,
  noActiveOn,
} from '../../db/queries/assignment-writes.ts'
import { assignmentsOfRequest, fillByNeed, personFacts } from '../../db/queries/assignments.ts'
import type { AlsoWrite } from '../../db/queries/request-writes.ts'
import type { Db } from '../../db/types.ts'
import {
  type AssignmentMessage,
  cancelForRequestEnd,
  closeRefusal,
  countRefusal,
  isActive,
} from '../../pool/assignments/index.ts'
import type { RequestStatus } from '../../pool/reference/index.ts'
import type { Need, RequestRecord } from '../../pool/requests/index.ts'
import { newId, type Refusal, refuse } from '../../pool/shared/index.ts'
import { type Ctx, type Named, needFacts, requestFacts } from './assignments.ts'
import { renderMails } from './mail.ts'

/**
 * What a request's end does to its assignments, for the request's own batch: withdrawing or
 * rejecting cancels those not yet on site (with their events and mails) and is refused while
 * anyone is on site; closing is refused while any is active. Either way the request's update also
 * holds "its active assignments are still those read", so an arrival or a proposal racing the
 * change makes the change lose (409), never the person.
 */
export async function requestEndEffects(
  ctx: Ctx,
  actor: Named,
  request: RequestRecord,
  needs: readonly Need[],
  to: RequestStatus,
  reason: string,
): Promise<{ ok: true; also: AlsoWrite } | Refusal<AssignmentMessage>> {
  if (to !== 'withdrawn' && to !== 'rejected' && to !== 'closed') return { ok: true, also: {} }
  const list = await assignmentsOfRequest(ctx.db, request.id)
  const where = [activeAsRead(request.id, list)]
  if (to === 'closed') {
    const refusal = closeRefusal(list)
    return refusal ?? { ok: true, also: { where } }
  }
  const roles = new Map(needs.map((n) => [n.id, n.kind === 'functionary' ? n.role : null]))
  const people = await Promise.all(
    [...new Map(list.map((a) => [a.functionaryId, a])).values()].map((a) =>
      personFacts(ctx.db, a.functionaryId, roles.get(a.needId) ?? null),
    ),
  )
  const decision = cancelForRequestEnd(to, list, actor, {
    now: ctx.now,
    newId,
    baseUrl: ctx.baseUrl,
    request: requestFacts(request),
    reason,
    needs: needs.map((n) => needFacts(n, n.id)),
    people: people.flatMap((p) => (p ? [p] : [])),
  })
  if (!decision.ok) return decision
  const items = decision.cancellations.map((c) => ({
    change: c.assignment,
    event: c.event,
    mails: renderMails(c.mails),
  }))
  return {
    ok: true,
    also: { where, stmts: (guard) => consequenceStmts(ctx.db, items, guard, ctx.now) },
  }
}

/**
 * An edit's checks on the needs that people fill: a count may not go below the people accepted,
 * and a need with active assignments may not be removed. Held in the write as well.
 */
export async function editEffects(
  db: Db,
  requestId: string,
  needs: { all: readonly Need[]; remove: readonly string[] },
): Promise<{ ok: true; also: AlsoWrite } | Refusal<AssignmentMessage>> {
  const list = await assignmentsOfRequest(db, requestId)
  if (list.length === 0) return { ok: true, also: {} }
  const where = []
  for (const need of needs.all) {
    if (need.kind !== 'functionary') continue
    const refusal = countRefusal(need.id, need.count, list)
    if (refusal) return refusal
    where.push(filledAtMost(need.id, need.count))
  }
  for (const id of needs.remove) {
    const active = list.filter((a) => a.needId === id && isActive(a.status)).length
    if (active) return refuse('conflict', { code: 'assignment.need.removeActive', params: { count: active } })
    where.push(noActiveOn(id), filledAtMost(id, 0))
  }
  return { ok: true, also: { where } }
}

/** "2 of 3 filled, 1 offered": the people of a request's functionary needs, by need. */
export function fillOfNeeds(db: Db, needs: readonly Need[]) {
  return fillByNeed(
    db,
    needs.filter((n) => n.kind === 'functionary').map((n) => n.id),
  )
}
