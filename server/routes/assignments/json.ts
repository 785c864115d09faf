/** An assignment as the JSON API gives it (docs/api.md, "Assignments"), and a refusal of one. */
import type { Context } from 'hono'
import type { Assignment } from '../../../pool/assignments/index.ts'
import { inEnglish, iso, refused } from '../../json.ts'
import type { AssignmentRefusal } from '../../services/assignments.ts'

export function assignmentJson(a: Assignment) {
  return {
    id: a.id,
    needId: a.needId,
    requestId: a.requestId,
    island: a.island,
    functionaryId: a.functionaryId,
    status: a.status,
    periodStart: a.periodStart,
    periodEnd: a.periodEnd,
    travel: a.travel
      ? {
          etd: iso(a.travel.etd),
          eta: iso(a.travel.eta),
          transport: a.travel.transport,
          reference: a.travel.reference,
        }
      : null,
    reason: a.reason,
    version: a.version,
  }
}

/** The error envelope, with the assignment as it is now (409) or matching's reasons (422). */
export async function refusedAssignment(c: Context, r: AssignmentRefusal) {
  const res = refused(c, r, r.current ? assignmentJson(r.current) : undefined)
  if (!r.reasons?.length) return res
  const body = (await res.json()) as { error: Record<string, unknown> }
  body.error.reasons = r.reasons.map((m) => ({ code: m.code, message: inEnglish(m) }))
  return c.json(body, res.status as 422)
}
