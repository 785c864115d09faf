/**
 * Assignment operations shared by the pages and the JSON API: propose a person for a need, take a
 * step, read the calendar file. Each loads what the actor may see, asks pool/assignments for the
 * decision, renders its mails in each reader's language, and writes it as one guarded batch.
 */
import { applyStep, insertProposal } from '../../db/queries/assignment-writes.ts'
import {
  assignmentsOfNeed,
  assignmentsOfPerson,
  type Detailed,
  findAssignment,
  latestAnswer,
  personFacts,
  requestOfAssignment,
  travelMinutes,
} from '../../db/queries/assignments.ts'
import { poolForMatching } from '../../db/queries/matching.ts'
import { matchNeedOf, needForMatching } from '../../db/queries/matching-needs.ts'
import { findRequest, recipients } from '../../db/queries/requests.ts'
import type { SessionUser } from '../../db/queries/sessions.ts'
import type { Db } from '../../db/types.ts'
import {
  type Assignment,
  type AssignmentMessage,
  activeOverlap,
  calendarAttachment,
  type NeedFacts,
  OPEN_REQUEST_STATUSES,
  type PersonFacts,
  propose,
  type Recipients,
  type RequestFacts,
  readStep,
  renderCalendar,
  step,
} from '../../pool/assignments/index.ts'
import { eligibility } from '../../pool/matching/index.ts'
import { timeZoneOf } from '../../pool/reference/index.ts'
import type { Need } from '../../pool/requests/index.ts'
import {
  type Addressee,
  type Msg,
  mailLocale,
  msg,
  newId,
  type Refusal,
  refuse,
} from '../../pool/shared/index.ts'
import { translatorFor } from '../../views/i18n/index.ts'
import { renderMails } from './mail.ts'

export interface Ctx {
  db: Db
  now: number
  baseUrl: string
}

export type Named = SessionUser & { name: string }

/** A refusal, with the assignment as it is now (409) or matching's reasons (422) where they apply. */
export type AssignmentRefusal = Refusal<Msg> & { current?: Assignment; reasons?: readonly Msg[] }

const toRecipients = (list: readonly Addressee[]) =>
  list.map((a) => ({ address: a.email, locale: mailLocale(a.locale) }))

export async function mailRecipients(db: Db, island: string): Promise<Recipients> {
  const r = await recipients(db, island)
  return { island: toRecipients(r.islandContacts), coordinators: toRecipients(r.coordinators) }
}

/** The request and need as the decisions read them (the caller has checked the actor's scope). */
export function requestFacts(r: {
  id: string
  island: string
  status: RequestFacts['status']
  title: string
  contact: string
  periodStart: string
  periodEnd: string
}): RequestFacts {
  const { id, island, status, title, contact, periodStart, periodEnd } = r
  return { id, island, status, title, contact, periodStart, periodEnd }
}

export function needFacts(need: Need | undefined, needId: string): NeedFacts {
  if (!need) return { id: needId, kind: 'functionary' }
  if (need.kind !== 'functionary') return { id: need.id, kind: need.kind }
  return {
    id: need.id,
    kind: 'functionary',
    role: need.role,
    count: need.count,
    minLevel: need.minLevel,
    languages: need.languages,
    periodStart: need.periodStart,
    periodEnd: need.periodEnd,
  }
}

/** Everything a step's mails and checks read about an assignment's request, need and person. */
async function mailFacts(ctx: Ctx, a: Assignment) {
  const found = await requestOfAssignment(ctx.db, a.requestId)
  if (!found) throw new Error(`assignment ${a.id}: request ${a.requestId} missing`)
  const need = needFacts(
    found.needs.find((n) => n.id === a.needId),
    a.needId,
  )
  const person = await personFacts(ctx.db, a.functionaryId, need.role ?? null)
  if (!person) throw new Error(`assignment ${a.id}: functionary ${a.functionaryId} missing`)
  return {
    request: requestFacts(found.request),
    need,
    person: person as PersonFacts,
    baseUrl: ctx.baseUrl,
    travelMinutes: await travelMinutes(ctx.db, person.base, a.island),
  }
}

export type ProposeOutcome = { ok: true; assignment: Assignment } | AssignmentRefusal

/** Proposes `functionaryId` for the need: a 409 with `current` when they hold an overlapping active assignment, a 422 with matching's reasons otherwise. */
export async function proposePerson(
  ctx: Ctx,
  actor: Named,
  needId: string,
  functionaryId: string,
): Promise<ProposeOutcome> {
  const row = await needForMatching(ctx.db, actor, needId)
  const found = row ? await findRequest(ctx.db, actor, row.requestId) : undefined
  const need = found?.needs.find((n) => n.id === needId)
  if (!row || !found || !need) return refuse('not_found', msg('assignment.needNotFound'))
  const unknown = msg('assignment.propose.unknownPerson')
  if (typeof functionaryId !== 'string' || !functionaryId)
    return refuse('invalid', unknown, { functionaryId: unknown })
  const [pool, personAssignments] = await Promise.all([
    poolForMatching(ctx.db, actor, { needs: { needId }, only: [functionaryId], now: ctx.now }),
    assignmentsOfPerson(ctx.db, functionaryId),
  ])
  const candidate = pool[0]
  if (!candidate) return refuse('invalid', unknown, { functionaryId: unknown })
  // Overlapping assignments are propose's own 409; matching's other reasons are the 422's.
  const reasons = eligibility(matchNeedOf(row), candidate).reasons.filter(
    (r) => r.code !== 'matching.excluded.deployed' && r.code !== 'matching.excluded.assigned',
  )
  const decision = propose(actor, {
    now: ctx.now,
    newId,
    request: requestFacts(found.request),
    need: needFacts(need, needId),
    person: { id: candidate.id, name: candidate.name },
    personAssignments,
    exclusions: reasons,
  })
  if (!decision.ok) return decision
  if (await insertProposal(ctx.db, decision.assignment, decision.event, decision.guard))
    return { ok: true, assignment: decision.assignment }
  // Lost in the write: someone proposed them first, or the request closed meanwhile.
  const current = activeOverlap(await assignmentsOfPerson(ctx.db, functionaryId), decision.assignment)
  if (current)
    return {
      ...refuse('conflict', {
        code: 'assignment.propose.overlap',
        params: {
          assignmentId: current.id,
          island: current.island,
          status: current.status,
          periodStart: current.periodStart,
          periodEnd: current.periodEnd,
        },
      } satisfies AssignmentMessage),
      current,
    }
  const now = await findRequest(ctx.db, actor, found.request.id)
  const status = now?.request.status ?? found.request.status
  return refuse('conflict', {
    code: 'assignment.propose.requestNotOpen',
    params: { status },
  } satisfies AssignmentMessage)
}

export type StepOutcome = { ok: true; assignment: Assignment } | AssignmentRefusal

/** Takes a posted step (form or JSON); a lost race is a 409 with the assignment as it is now. */
export async function takeStep(ctx: Ctx, actor: Named, id: string, raw: unknown): Promise<StepOutcome> {
  const found = await findAssignment(ctx.db, actor, id)
  if (!found) return refuse('not_found', msg('assignment.notFound'))
  const a = found.assignment
  const read = readStep(raw, timeZoneOf(a.island))
  if (!read.ok) return { ...read, current: a }
  const [facts, answer, needAssignments, recipientsOf] = await Promise.all([
    mailFacts(ctx, a),
    latestAnswer(ctx.db, a.functionaryId, a.needId),
    assignmentsOfNeed(ctx.db, a.needId),
    mailRecipients(ctx.db, a.island),
  ])
  const decision = step(a, read.input, actor, {
    ...facts,
    now: ctx.now,
    newId,
    recipients: recipientsOf,
    answer,
    needAssignments,
  })
  if (!decision.ok) return { ...decision, current: a }
  const written = await applyStep(
    ctx.db,
    {
      change: decision.assignment,
      event: decision.event,
      mails: renderMails(decision.mails),
      requestId: decision.after.status === 'cancelled' ? undefined : forwardGuard(decision.after.status, a),
      capacityOf: decision.capacity?.needId,
      request: decision.request
        ? { id: decision.request.requestId, event: decision.request.event }
        : undefined,
    },
    ctx.now,
  )
  if (written) return { ok: true, assignment: decision.after }
  return lostStep(ctx, actor, found)
}

/** Forward steps hold the request open in the write too (a withdrawal may race them). */
function forwardGuard(to: Assignment['status'], a: Assignment): string | undefined {
  return ['offered', 'accepted', 'travelling', 'on_site'].includes(to) ? a.requestId : undefined
}

/** Why a step's write matched nothing: the assignment moved, the request closed, or the need filled. */
async function lostStep(ctx: Ctx, actor: Named, before: Detailed): Promise<AssignmentRefusal> {
  const now = await findAssignment(ctx.db, actor, before.assignment.id)
  const current = now?.assignment
  if (!current || current.version !== before.assignment.version)
    return {
      ...refuse('conflict', {
        code: 'assignment.step.stale',
        params: { status: current?.status ?? before.assignment.status, version: current?.version ?? 0 },
      } satisfies AssignmentMessage),
      current,
    }
  const request = await requestOfAssignment(ctx.db, current.requestId)
  if (request && !OPEN_REQUEST_STATUSES.includes(request.request.status))
    return {
      ...refuse('conflict', {
        code: 'assignment.step.requestNotOpen',
        params: { status: request.request.status },
      } satisfies AssignmentMessage),
      current,
    }
  return {
    ...refuse('conflict', {
      code: 'assignment.need.filled',
      params: { count: now?.count ?? 0 },
    } satisfies AssignmentMessage),
    current,
  }
}

/** The deployment as an .ics in the reader's language (cancelled ones say so). */
export async function calendarFor(ctx: Ctx, actor: SessionUser, id: string, locale: string) {
  const found = await findAssignment(ctx.db, actor, id)
  if (!found) return undefined
  const facts = await mailFacts(ctx, found.assignment)
  const a = found.assignment
  const att = calendarAttachment(a, facts, ctx.now, a.status === 'cancelled' || a.status === 'declined')
  const tr = translatorFor(locale === 'nl' || locale === 'pap' ? locale : 'en')
  return { filename: att.filename, text: renderCalendar(att, tr.m) }
}
