/** Alert operations shared by the need page, the answer link and the JSON API. */

import { HTTPException } from 'hono/http-exception'
import {
  alertsForNeed,
  alertsOfMine,
  answerContext,
  candidatesByIds,
  findAlert,
  insertAlerts,
  latestAnswered,
  pendingFor,
  recordAnswer,
  requestIdOfNeed,
} from '../../db/queries/alerts.ts'
import { answerLockGuard, consequenceStmts } from '../../db/queries/assignment-writes.ts'
import { assignmentsOfPersonForNeed, personFacts, requestOfAssignment } from '../../db/queries/assignments.ts'
import { matchNeedOf, needForMatching, poolForMatching } from '../../db/queries/matching.ts'
import { findRequest } from '../../db/queries/requests.ts'
import type { SessionUser } from '../../db/queries/sessions.ts'
import type { Db } from '../../db/types.ts'
import { type AlertMessage, answerAlert, sendAlerts } from '../../pool/alerts/index.ts'
import { answerLocked, answerLockedRefusal, flagOnAnswerChange } from '../../pool/assignments/index.ts'
import { eligibility } from '../../pool/matching/index.ts'
import type { FunctionaryNeed } from '../../pool/requests/index.ts'
import { msg, newId, type Refusal, randomToken, refuse } from '../../pool/shared/index.ts'
import { constantTimeEqual, sha256Hex } from '../auth/crypto.ts'
import { mailRecipients, needFacts, requestFacts } from './assignments.ts'
import { renderMails } from './mail.ts'

/** The need (functionary kind) and its request, as the coordinator may see them; 404 otherwise. */
export async function loadNeed(db: Db, actor: SessionUser, needId: string) {
  const requestId = await requestIdOfNeed(db, needId)
  const found = requestId ? await findRequest(db, actor, requestId) : undefined
  const need = found?.needs.find((n) => n.id === needId)
  if (!found || !need || need.kind !== 'functionary') throw new HTTPException(404, { message: '' })
  const period = {
    start: need.periodStart ?? found.request.periodStart,
    end: need.periodEnd ?? found.request.periodEnd,
  }
  return { request: found.request, need: need as FunctionaryNeed, period }
}

/** Only what the polled answers board needs: the need in scope and its alerts (no candidate search). */
export async function needAnswers(db: Db, actor: SessionUser, needId: string) {
  const { need } = await loadNeed(db, actor, needId)
  return { needId: need.id, answers: await alertsForNeed(db, needId) }
}

export async function send(
  ctx: { db: Db; now: number; baseUrl: string },
  actor: SessionUser,
  needId: string,
  functionaryIds: string[],
  deadline: number,
) {
  const { request, need } = await loadNeed(ctx.db, actor, needId)
  const ids = [...new Set(functionaryIds)]
  const [chosen, pending, excluded] = await Promise.all([
    candidatesByIds(ctx.db, ids),
    pendingFor(ctx.db, needId, ctx.now),
    exclusions(ctx.db, actor, needId, ids, ctx.now),
  ])
  if (chosen.length !== ids.length) {
    const unknown = msg('alerts.unknownPerson')
    return refuse('invalid', unknown, { functionaryIds: unknown }) as Refusal<AlertMessage>
  }
  const decision = sendAlerts(actor, request, need, chosen, deadline, {
    now: ctx.now,
    newId,
    newSecret: () => randomToken(32), // 32 symbols × 5 bits = 160 bits
    baseUrl: ctx.baseUrl,
    pending,
    excluded,
  })
  if (!decision.ok) return decision
  const rows = await Promise.all(
    decision.alerts.map(async (a) => ({ ...a, secretHash: await sha256Hex(a.secret) })),
  )
  await insertAlerts(ctx.db, rows, decision.events, renderMails(decision.mails), ctx.now)
  return { ok: true as const, alerts: decision.alerts.map(({ secret: _s, ...a }) => a) }
}

/** Why matching excludes each chosen person from the need (the same rules as the candidates page). */
async function exclusions(db: Db, actor: SessionUser, needId: string, ids: string[], now: number) {
  if (ids.length === 0 || ids.length > 50) return new Map()
  const [row, pool] = await Promise.all([
    needForMatching(db, actor, needId),
    poolForMatching(db, actor, { needs: { needId }, only: ids, now }),
  ])
  if (!row) return new Map()
  const need = matchNeedOf(row)
  return new Map(pool.map((c) => [c.id, eligibility(need, c).reasons]))
}

/** The alert behind a link `id.secret`, or undefined for a wrong or guessed link. */
export async function alertByToken(db: Db, token: string) {
  const [id, secret] = token.split('.')
  if (!id || !secret) return undefined
  const found = await findAlert(db, id)
  if (!found || !constantTimeEqual(await sha256Hex(secret), found.alert.secretHash)) return undefined
  const essentials = await answerContext(db, found.alert.requestId, found.alert.needId)
  if (!essentials) return undefined
  return { ...found, essentials }
}

/** Whether an offer has locked the person's answer for the need (the link then says to call LOCC-KCR2). */
export async function answerLockedFor(db: Db, alert: { functionaryId: string; needId: string }) {
  const mine = await assignmentsOfPersonForNeed(db, alert.functionaryId, alert.needId)
  return answerLocked(alert.functionaryId, alert.needId, mine)
}

export type AnswerOutcome = Awaited<ReturnType<typeof answer>>

/**
 * Records an answer through the link, or a changed one before the deadline. Once the person has
 * been offered for the need the link changes nothing (call LOCC-KCR2): checked here and held in
 * the write. Taking back "available" flags their proposals for the need and mails the
 * coordinators, in the same batch as the answer.
 */
export async function answer(
  ctx: { db: Db; now: number; baseUrl: string },
  token: string,
  value: unknown,
  note: unknown,
) {
  const { db, now } = ctx
  const found = await alertByToken(db, token)
  if (!found) return { ok: false as const, error: 'not_found' as const }
  const { alert } = found
  const mine = await assignmentsOfPersonForNeed(db, alert.functionaryId, alert.needId)
  if (answerLocked(alert.functionaryId, alert.needId, mine))
    return { ok: false as const, error: 'locked' as const, message: answerLockedRefusal().message, found }
  const decision = answerAlert(alert, { name: found.name }, value, note, now, newId)
  if (!decision.ok) return { ...decision, found }
  const before = await latestAnswered(db, alert.functionaryId, alert.needId)
  const flags =
    before === 'available' && decision.patch.answer === 'unavailable'
      ? await flagsFor(ctx, alert, mine, decision.patch.note)
      : []
  const recorded = await recordAnswer(db, alert.id, alert.answer, decision.patch, decision.event, {
    where: [answerLockGuard(alert.functionaryId, alert.needId)],
    also: (guard) => consequenceStmts(db, flags, guard, now),
  })
  if (!recorded) {
    const again = (await alertByToken(db, token))!
    const locked = answerLocked(
      alert.functionaryId,
      alert.needId,
      await assignmentsOfPersonForNeed(db, alert.functionaryId, alert.needId),
    )
    if (locked)
      return {
        ok: false as const,
        error: 'locked' as const,
        message: answerLockedRefusal().message,
        found: again,
      }
    const message: AlertMessage = again.alert.answer
      ? msg('alerts.answered', { answer: again.alert.answer })
      : msg('alerts.expired')
    return {
      ok: false as const,
      error: again.alert.answer ? ('answered' as const) : ('expired' as const),
      message,
      found: again,
    }
  }
  return { ok: true as const, found: { ...found, alert: { ...alert, ...decision.patch } } }
}

/** The proposals of the person for this need, flagged because they took back "available", with the coordinators' mails. */
async function flagsFor(
  ctx: { db: Db; now: number; baseUrl: string },
  alert: { functionaryId: string; needId: string; requestId: string },
  mine: Parameters<typeof flagOnAnswerChange>[2],
  note: string | null,
) {
  if (!mine.some((a) => a.status === 'proposed')) return []
  const found = await requestOfAssignment(ctx.db, alert.requestId)
  if (!found) return []
  const need = needFacts(
    found.needs.find((n) => n.id === alert.needId),
    alert.needId,
  )
  const [person, recipientsOf] = await Promise.all([
    personFacts(ctx.db, alert.functionaryId, need.role ?? null),
    mailRecipients(ctx.db, found.request.island),
  ])
  if (!person) return []
  return flagOnAnswerChange('available', 'unavailable', mine, {
    request: requestFacts(found.request),
    need,
    person,
    baseUrl: ctx.baseUrl,
    now: ctx.now,
    newId,
    note,
    coordinators: recipientsOf.coordinators,
  }).map((c) => ({ change: c.assignment, event: c.event, mails: renderMails(c.mails) }))
}

/** The alerts the signed-in functionary received. */
export const myAlerts = (db: Db, actor: SessionUser) => alertsOfMine(db, actor)
