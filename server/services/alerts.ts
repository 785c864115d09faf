/** Alert operations shared by the need page, the answer link and the JSON API. */

import { HTTPException } from 'hono/http-exception'
import {
  alertsForNeed,
  alertsOfMine,
  answerContext,
  candidatesByIds,
  candidatesFor,
  findAlert,
  insertAlerts,
  pendingFor,
  recordAnswer,
  requestIdOfNeed,
} from '../../db/queries/alerts.ts'
import { findRequest } from '../../db/queries/requests.ts'
import type { SessionUser } from '../../db/queries/sessions.ts'
import type { Db } from '../../db/types.ts'
import { type AlertMessage, answerAlert, sendAlerts } from '../../pool/alerts/index.ts'
import type { FunctionaryNeed } from '../../pool/requests/index.ts'
import { msg, newId, type Refusal, randomToken, refuse } from '../../pool/shared/index.ts'
import { constantTimeEqual, sha256Hex } from '../auth/crypto.ts'
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

export async function needPage(db: Db, actor: SessionUser, needId: string, now: number) {
  const loaded = await loadNeed(db, actor, needId)
  const [candidates, answers, pending] = await Promise.all([
    candidatesFor(db, loaded.need, loaded.period),
    alertsForNeed(db, needId),
    pendingFor(db, needId, now),
  ])
  return { ...loaded, candidates, answers, pending }
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
  const [chosen, pending] = await Promise.all([
    candidatesByIds(ctx.db, [...new Set(functionaryIds)]),
    pendingFor(ctx.db, needId, ctx.now),
  ])
  if (chosen.length !== new Set(functionaryIds).size) {
    const unknown = msg('alerts.unknownPerson')
    return refuse('invalid', unknown, { functionaryIds: unknown }) as Refusal<AlertMessage>
  }
  const decision = sendAlerts(actor, request, need, chosen, deadline, {
    now: ctx.now,
    newId,
    newSecret: () => randomToken(32), // 32 symbols × 5 bits = 160 bits
    baseUrl: ctx.baseUrl,
    pending,
  })
  if (!decision.ok) return decision
  const rows = await Promise.all(
    decision.alerts.map(async (a) => ({ ...a, secretHash: await sha256Hex(a.secret) })),
  )
  await insertAlerts(ctx.db, rows, decision.events, renderMails(decision.mails), ctx.now)
  return { ok: true as const, alerts: decision.alerts.map(({ secret: _s, ...a }) => a) }
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

export async function answer(db: Db, token: string, value: unknown, note: unknown, now: number) {
  const found = await alertByToken(db, token)
  if (!found) return { ok: false as const, error: 'not_found' as const }
  const decision = answerAlert(found.alert, { name: found.name }, value, note, now, newId)
  if (!decision.ok) return { ...decision, found }
  if (!(await recordAnswer(db, found.alert.id, decision.patch, decision.event))) {
    const again = (await alertByToken(db, token))!
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
  return { ok: true as const, found: { ...found, alert: { ...found.alert, ...decision.patch } } }
}

/** The alerts the signed-in functionary received. */
export const myAlerts = (db: Db, actor: SessionUser) => alertsOfMine(db, actor)
