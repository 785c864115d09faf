/**
 * The request operations shared by the HTML routes and the JSON API, so both doors apply the same
 * rules: load what the actor may see, ask pool/ for the decision, write it as one guarded batch.
 */

import type { SQL } from 'drizzle-orm'
import { alertCountsByNeed, alertTrail } from '../../db/queries/alerts.ts'
import { auditTrail } from '../../db/queries/audit.ts'
import { incidentNamed, listIncidentChoices } from '../../db/queries/incidents.ts'
import { listIslands, listLanguages, listRoles } from '../../db/queries/reference.ts'
import { applyEdit, applyTransition, insertRequest } from '../../db/queries/request-writes.ts'
import { filledByNeed, findRequest, recipients } from '../../db/queries/requests.ts'
import type { SessionUser } from '../../db/queries/sessions.ts'
import type { Db } from '../../db/types.ts'
import type { AssignmentMessage } from '../../pool/assignments/index.ts'
import { type RequestStatus, UNIT_TYPES } from '../../pool/reference/index.ts'
import {
  allowedTransitions,
  createRequest,
  type Errors,
  editDecision,
  type MailContext,
  type Need,
  parseRequestInput,
  type RequestMessage,
  type RequestRecord,
  type RequestRef,
  requestTimeline,
  transition,
} from '../../pool/requests/index.ts'
import { msg, newId, type Refusal } from '../../pool/shared/index.ts'
import { isLocale, translatorFor } from '../../views/i18n/index.ts'
import { editEffects, fillOfNeeds, requestEndEffects } from './assignment-effects.ts'
import { cancelDispatchesForRequestEnd } from './hrc-dispatches.ts'
import { renderMails } from './mail.ts'

export interface Ctx {
  db: Db
  now: number
  baseUrl: string
}

export type Found = NonNullable<Awaited<ReturnType<typeof findRequest>>>

/** The codes a request may use now, for validation and for the form's choices. */
export async function requestRefs(db: Db, actor: SessionUser, locale: string = actor.locale) {
  const [islands, roles, languages, incidents] = await Promise.all([
    listIslands(db),
    listRoles(db),
    listLanguages(db),
    listIncidentChoices(db, actor),
  ])
  const caribbean = islands.filter((i) => !i.isBaseOnly)
  const ref: RequestRef = {
    islands: caribbean.map((i) => i.code),
    roles: roles.filter((r) => r.active).map((r) => r.code),
    languages: languages.map((l) => l.code),
    unitTypes: [...UNIT_TYPES],
    incidents: incidents.map((i) => i.id),
  }
  return { ref, view: refsView({ islands: caribbean, roles, languages, incidents }, locale) }
}

/** The choices of the request form, named in the reader's language. */
function refsView(
  data: {
    islands: { code: string }[]
    roles: { code: string; active: boolean }[]
    languages: { code: string }[]
    incidents: { id: string; name: string; status: string }[]
  },
  locale: string,
) {
  const { f, t } = translatorFor(isLocale(locale) ? locale : 'en')
  return {
    islands: data.islands.map((i) => ({ code: i.code, name: f.name('island', i.code) })),
    roles: data.roles.filter((r) => r.active).map((r) => ({ code: r.code, name: f.role(r.code) })),
    languages: data.languages.map((l) => ({ code: l.code, name: f.name('language', l.code) })),
    unitTypes: UNIT_TYPES.map((code) => ({ code, name: f.name('unitType', code) })),
    // An island's own proposal can be chosen before LOCC-KCR2 opens it: it says so.
    incidents: data.incidents.map((i) => ({
      id: i.id,
      name: i.status === 'proposed' ? `${i.name} (${t('status.proposed')})` : i.name,
    })),
  }
}

export function mailContext(baseUrl: string, incidentName: string | null = null): MailContext {
  return { baseUrl, incidentName }
}

const named = (actor: SessionUser) => ({
  ...actor,
  name: actor.name,
  contact: [actor.name, actor.email, actor.phone].filter(Boolean).join(', '),
})

/** Validates and files a new draft. */
export async function fileRequest(
  ctx: Ctx,
  actor: SessionUser,
  raw: unknown,
): Promise<{ ok: true; id: string } | { ok: false; errors: Errors }> {
  const { ref } = await requestRefs(ctx.db, actor)
  const parsed = parseRequestInput(raw, ref, named(actor))
  if (!parsed.ok) return parsed
  const decision = createRequest(parsed.value, named(actor), { now: ctx.now, newId })
  await insertRequest(ctx.db, decision.request, decision.needs, decision.event, ctx.now)
  return { ok: true, id: decision.request.id }
}

export type StatusOutcome =
  | { ok: true; request: RequestRecord }
  | (Refusal<RequestMessage | AssignmentMessage> & { current?: Found })
export type Outcome = StatusOutcome | { ok: false; error: 'invalid_input'; errors: Errors }

/** Moves a request to `to`; a lost race (someone acted first) is a conflict with the current state. */
export async function changeStatus(
  ctx: Ctx,
  actor: SessionUser,
  id: string,
  to: RequestStatus,
  opts: { reason?: string | null; version?: number },
): Promise<StatusOutcome> {
  const found = await findRequest(ctx.db, actor, id)
  if (!found) return { ok: false, error: 'not_found', message: msg('requests.notFound') }
  const incident = found.request.incidentId
    ? await incidentNamed(ctx.db, found.request.incidentId)
    : undefined
  const decision = transition(found.request, to, named(actor), {
    filled: to === 'in_progress' ? totalFilled((await fillOf(ctx.db, found.needs)).filled) : 0,
    reason: opts.reason,
    version: opts.version,
    now: ctx.now,
    newId,
    needs: found.needs,
    recipients: await recipients(ctx.db, found.request.island),
    mail: mailContext(ctx.baseUrl, incident?.name ?? null),
  })
  if (!decision.ok) return { ...decision, current: found }
  // Assignments follow the request's end: cancelled with it, or in the way of it.
  const effects = await requestEndEffects(
    ctx,
    named(actor),
    found.request,
    found.needs,
    to,
    opts.reason ?? '',
  )
  if (!effects.ok) return { ...effects, current: found }
  const mails = renderMails(decision.mails)
  // Withdrawn or rejected: its HRC orders not yet arrived are cancelled in the same batch.
  const hrc = await cancelDispatchesForRequestEnd(ctx, named(actor), found.request, to, opts.reason ?? null)
  const also = {
    where: effects.also.where,
    stmts: (guard: SQL) => [...(effects.also.stmts?.(guard) ?? []), ...hrc(guard)],
  }
  if (!(await applyTransition(ctx.db, found.request, decision.patch, decision.event, mails, ctx.now, also))) {
    const current = await findRequest(ctx.db, actor, id)
    return { ok: false, error: 'conflict', message: msg('requests.lostRace'), current }
  }
  return { ok: true, request: { ...found.request, ...decision.patch } }
}

/** Validates an edit and writes it (a new revision after acknowledgement, with the changes recorded). */
export async function editRequest(
  ctx: Ctx,
  actor: SessionUser,
  id: string,
  raw: unknown,
  version?: number,
): Promise<Outcome> {
  const found = await findRequest(ctx.db, actor, id)
  if (!found) return { ok: false, error: 'not_found', message: msg('requests.notFound') }
  const { ref } = await requestRefs(ctx.db, actor)
  const input = { ...(raw as Record<string, unknown>), island: found.request.island }
  const parsed = parseRequestInput(input, ref, named(actor))
  if (!parsed.ok) return { ok: false, error: 'invalid_input', errors: parsed.errors }
  const decision = editDecision(
    found,
    { request: { ...found.request, ...parsed.value }, needs: parsed.value.needs },
    named(actor),
    {
      now: ctx.now,
      newId,
      version,
      recipients: await recipients(ctx.db, found.request.island),
      mail: mailContext(ctx.baseUrl),
    },
  )
  if (!decision.ok) return { ...decision, current: found }
  if (!decision.patch || !decision.event) return { ok: true, request: found.request }
  const effects = await editEffects(ctx.db, id, decision.needs)
  if (!effects.ok) return { ...effects, current: found }
  const after = { ...found.request, ...decision.patch }
  if (
    !(await applyEdit(
      ctx.db,
      found.request,
      after,
      decision.needs,
      decision.event,
      renderMails(decision.mails),
      ctx.now,
      effects.also,
    ))
  ) {
    return {
      ok: false,
      error: 'conflict',
      message: msg('requests.lostRace'),
      current: await findRequest(ctx.db, actor, id),
    }
  }
  return { ok: true, request: after }
}

/** Everything the request page shows. */
export async function requestPage(db: Db, actor: SessionUser, found: Found) {
  const [{ filled, offered }, own, alerted, answers, incident] = await Promise.all([
    fillOf(db, found.needs),
    auditTrail(db, 'request', found.request.id),
    alertTrail(db, found.request.id),
    alertCountsByNeed(db, found.request.id),
    found.request.incidentId ? incidentNamed(db, found.request.incidentId) : undefined,
  ])
  return {
    filled,
    offered,
    answers,
    timeline: requestTimeline(own, alerted, found.needs),
    incidentName: incident?.name ?? null,
    incidentStatus: incident?.status ?? null,
    actions: allowedTransitions(found.request, actor, { filled: totalFilled(filled) }),
  }
}

/**
 * How far each need is filled — people accepted or later (assignments), units of accepted or later
 * HRC orders (dispatches) — and how many people are offered and waiting for the island.
 */
export async function fillOf(db: Db, needs: readonly Need[]) {
  const [filled, fill] = await Promise.all([filledByNeed(db, [...needs]), fillOfNeeds(db, [...needs])])
  for (const [id, f] of fill) filled.set(id, f.filled)
  return { filled, offered: new Map([...fill].map(([id, f]) => [id, f.offered])) }
}

/** People and units assigned across a request's needs. */
const totalFilled = (filled: Map<string, number>) => [...filled.values()].reduce((a, b) => a + b, 0)
