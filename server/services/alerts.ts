/** Alert operations shared by the need page, the answer link, the functionary's own pages and the JSON API. */

import { HTTPException } from 'hono/http-exception'
import {
  alertsForNeed,
  alertsOfMine,
  answerContext,
  askedFor,
  candidatesByIds,
  findAlert,
  findMyAlert,
  recordAnswer,
  requestIdOfNeed,
  type SendRow,
  writeRound,
} from '../../db/queries/alerts.ts'
import { answerLockGuard, consequenceStmts } from '../../db/queries/assignment-writes.ts'
import { assignmentsOfPersonForNeed, personFacts, requestOfAssignment } from '../../db/queries/assignments.ts'
import { poolForMatching } from '../../db/queries/matching.ts'
import { matchNeedOf, needForMatching } from '../../db/queries/matching-needs.ts'
import { findRequest } from '../../db/queries/requests.ts'
import type { SessionUser } from '../../db/queries/sessions.ts'
import type { Db } from '../../db/types.ts'
import { type AlertMessage, type Answerer, answerAlert, sendAlerts } from '../../pool/alerts/index.ts'
import { answerLocked, answerLockedRefusal, flagOnAnswerChange } from '../../pool/assignments/index.ts'
import { eligibility } from '../../pool/matching/index.ts'
import type { FunctionaryNeed } from '../../pool/requests/index.ts'
import { type Msg, msg, newId, type Refusal, randomToken, refuse } from '../../pool/shared/index.ts'
import { constantTimeEqual, sha256Hex } from '../auth/crypto.ts'
import { mailRecipients, needFacts, requestFacts } from './assignments.ts'
import { renderMails } from './mail.ts'

type Ctx = { db: Db; now: number; baseUrl: string }

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

/** A question the round wrote: a first alert, or a reminder on the person's alert. */
export interface Written {
  id: string
  functionaryId: string
  kind: 'first' | 'reminder'
  reminders: number
  deadline: number
}

/**
 * An alert round: first questions and reminders, each written only if no concurrent round asked
 * the person first (then no mail either; `lost` names them). A round that wrote nobody is a 409.
 */
export async function send(
  ctx: Ctx,
  actor: SessionUser,
  needId: string,
  functionaryIds: string[],
  deadline: number,
): Promise<{ ok: true; written: Written[]; lost: string[] } | Refusal<AlertMessage>> {
  const { request, need } = await loadNeed(ctx.db, actor, needId)
  const ids = [...new Set(functionaryIds)]
  const [chosen, asked, excluded] = await Promise.all([
    candidatesByIds(ctx.db, ids),
    askedFor(ctx.db, needId, ids),
    exclusions(ctx.db, actor, needId, ids, ctx.now),
  ])
  if (chosen.length !== ids.length) {
    const unknown = msg('alerts.unknownPerson')
    return refuse('invalid', unknown, { functionaryIds: unknown })
  }
  const decision = sendAlerts(actor, request, need, chosen, deadline, {
    now: ctx.now,
    newId,
    newSecret: () => randomToken(32), // 32 symbols × 5 bits = 160 bits
    baseUrl: ctx.baseUrl,
    asked,
    excluded,
  })
  if (!decision.ok) return decision
  const mails = renderMails(decision.sends.map((s) => s.mail))
  const rows: SendRow[] = await Promise.all(
    decision.sends.map(async (s, i) => {
      const secret = s.kind === 'first' ? s.alert.secret : s.reminder.secret
      return { ...s, secretHash: await sha256Hex(secret), rendered: mails[i]! }
    }),
  )
  const done = await writeRound(ctx.db, rows, ctx.now)
  const written: Written[] = []
  const lost: string[] = []
  decision.sends.forEach((s, i) => {
    const functionaryId = s.kind === 'first' ? s.alert.functionaryId : s.reminder.functionaryId
    if (!done[i]) {
      lost.push(functionaryId)
      return
    }
    written.push(
      s.kind === 'first'
        ? { id: s.alert.id, functionaryId, kind: 'first', reminders: 0, deadline }
        : { id: s.reminder.id, functionaryId, kind: 'reminder', reminders: s.reminder.reminders, deadline },
    )
  })
  if (written.length === 0) {
    const names = chosen.filter((c) => lost.includes(c.id)).map((c) => c.name)
    return refuse('conflict', msg('alerts.raced', { names }))
  }
  return { ok: true, written, lost }
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

/**
 * The alert behind a link `id.secret`, or undefined for a wrong or guessed link. A link replaced
 * by a reminder is still recognised (`link: 'replaced'`), so its page can say so; it records nothing.
 */
export async function alertByToken(db: Db, token: string) {
  const [id, secret] = token.split('.')
  if (!id || !secret) return undefined
  const found = await findAlert(db, id)
  if (!found) return undefined
  const hash = await sha256Hex(secret)
  const current = constantTimeEqual(hash, found.alert.secretHash)
  if (!current && !found.alert.retiredHashes.some((old) => constantTimeEqual(hash, old))) return undefined
  const essentials = await answerContext(db, found.alert.requestId, found.alert.needId)
  if (!essentials) return undefined
  return { ...found, essentials, link: current ? ('current' as const) : ('replaced' as const) }
}

/** Whether an offer has locked the person's answer for the need (the link then says to call LOCC-KCR2). */
export async function answerLockedFor(db: Db, alert: { functionaryId: string; needId: string }) {
  const mine = await assignmentsOfPersonForNeed(db, alert.functionaryId, alert.needId)
  return answerLocked(alert.functionaryId, alert.needId, mine)
}

type Found = NonNullable<Awaited<ReturnType<typeof findAlert>>> & {
  essentials: NonNullable<Awaited<ReturnType<typeof answerContext>>>
}

export type AnswerOutcome =
  | { ok: true; found: Found }
  | { ok: false; error: 'not_found' }
  | {
      ok: false
      error: 'answered' | 'expired' | 'invalid' | 'locked' | 'replaced' | 'changed'
      message?: Msg
      found: Found
    }

/** Records an answer through the link in the mail (never through one a reminder replaced). */
export async function answer(ctx: Ctx, token: string, value: unknown, note: unknown): Promise<AnswerOutcome> {
  const found = await alertByToken(ctx.db, token)
  if (!found) return { ok: false, error: 'not_found' }
  if (found.link === 'replaced') return { ok: false, error: 'replaced', found }
  return record(ctx, found, value, note, { name: found.name })
}

/** Records an answer the signed-in functionary gives on /me or the overview: the same rules as the link. */
export async function answerMine(
  ctx: Ctx,
  actor: SessionUser,
  id: string,
  value: unknown,
  note: unknown,
): Promise<AnswerOutcome> {
  const found = await findMyAlert(ctx.db, actor, id)
  const essentials = found && (await answerContext(ctx.db, found.alert.requestId, found.alert.needId))
  if (!found || !essentials) return { ok: false, error: 'not_found' }
  return record(ctx, { ...found, essentials }, value, note, { name: found.name, userId: actor.id })
}

/**
 * An answer, or a changed one, before the deadline. Once the person has been offered for the need
 * it changes nothing (call LOCC-KCR2): checked here and held in the write. Taking back "available"
 * flags their proposals for the need and mails the coordinators, in the same batch as the answer.
 */
async function record(
  ctx: Ctx,
  found: Found,
  value: unknown,
  note: unknown,
  who: Answerer,
): Promise<AnswerOutcome> {
  const { db, now } = ctx
  const { alert } = found
  const mine = await assignmentsOfPersonForNeed(db, alert.functionaryId, alert.needId)
  if (answerLocked(alert.functionaryId, alert.needId, mine))
    return { ok: false, error: 'locked', message: answerLockedRefusal().message, found }
  const decision = answerAlert(alert, who, value, note, now, newId)
  if (!decision.ok) return { ...decision, found }
  const flags =
    alert.answer === 'available' && decision.patch.answer === 'unavailable'
      ? await flagsFor(ctx, alert, mine, decision.patch.note)
      : []
  const recorded = await recordAnswer(db, alert, decision.patch, decision.event, {
    where: [answerLockGuard(alert.functionaryId, alert.needId)],
    also: (guard) => consequenceStmts(db, flags, guard, now),
  })
  if (recorded) return { ok: true, found: { ...found, alert: { ...alert, ...decision.patch } } }
  // Something came first: an offer, a reminder that replaced the link, the deadline, another answer.
  const fresh = await findAlert(db, alert.id)
  if (!fresh) return { ok: false, error: 'not_found' }
  const again = { ...found, ...fresh }
  if (await answerLockedFor(db, alert))
    return { ok: false, error: 'locked', message: answerLockedRefusal().message, found: again }
  if (!who.userId && fresh.alert.secretHash !== alert.secretHash)
    return { ok: false, error: 'replaced', found: again }
  if (now >= fresh.alert.deadline)
    return { ok: false, error: 'expired', message: msg('alerts.expired'), found: again }
  return { ok: false, error: 'changed', message: msg('alerts.changedMeanwhile'), found: again }
}

/** The proposals of the person for this need, flagged because they took back "available", with the coordinators' mails. */
async function flagsFor(
  ctx: Ctx,
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
