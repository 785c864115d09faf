/**
 * HRC units and their readiness, shared by the pages and the JSON API: load what the actor may
 * see, ask pool/hrc for the decision, render its mails in each reader's language, and write it as
 * one guarded batch. Threats and dispatch orders follow the same path (hrc-threats.ts, hrc-dispatches.ts).
 */
import { auditTrail } from '../../db/queries/audit.ts'
import {
  activeDispatches,
  codeTaken,
  findUnit,
  hrcRecipients,
  insertUnit,
  listUnits,
  unitCodes,
  updateUnit,
  writeMoves,
} from '../../db/queries/hrc.ts'
import type { SessionUser } from '../../db/queries/sessions.ts'
import type { Db } from '../../db/types.ts'
import {
  allowedSteps,
  createUnit,
  editUnit,
  type HrcContext,
  type HrcMessage,
  type HrcRecipients,
  hrcMsg,
  ladderStep,
  type MailDecision,
  parseUnit,
  step,
  type UnitRecord,
  type UnitStanding,
} from '../../pool/hrc/index.ts'
import type { Readiness } from '../../pool/reference/index.ts'
import { type Mail, newId, type Refusal, refuse } from '../../pool/shared/index.ts'
import { translatorFor } from '../../views/i18n/index.ts'

export interface HrcCtx {
  db: Db
  now: number
  baseUrl: string
}

export type HrcRefusal = Refusal<HrcMessage>
/** A decision's outcome: the value, a refusal (its kind is the HTTP status), or field errors (422). */
export type Outcome<T> = ({ ok: true } & T) | HrcRefusal

/** Each mail in its reader's language: subject and complete plain text, as the outbox keeps them. */
export const renderMails = (mails: readonly MailDecision[]): Mail[] =>
  mails.map((m) => ({ to: m.to, ...translatorFor(m.locale).mail(m.message) }))

/** Field errors as a refusal (422): the first error speaks for the summary, each field keeps its own. */
export const invalidInput = (errors: Record<string, HrcMessage>): HrcRefusal =>
  refuse('invalid', Object.values(errors)[0] ?? hrcMsg('hrc.field.object'), errors)

export const hrcContext = (ctx: HrcCtx, recipients: HrcRecipients): HrcContext => ({
  now: ctx.now,
  newId,
  recipients,
  baseUrl: ctx.baseUrl,
})

/** Every unit with the active dispatch it is in (if any): what threats and orders decide from. */
export async function standings(db: Db, actor: SessionUser): Promise<UnitStanding[]> {
  const [units, active] = await Promise.all([listUnits(db, actor), activeDispatches(db)])
  return units.map((unit) => ({ unit, dispatch: active.get(unit.id) ?? null }))
}

export async function newUnit(
  ctx: HrcCtx,
  actor: SessionUser,
  raw: unknown,
): Promise<Outcome<{ unit: UnitRecord }>> {
  const parsed = parseUnit(raw)
  if (!parsed.ok) return invalidInput(parsed.errors)
  const decision = createUnit(parsed.value, actor, {
    now: ctx.now,
    newId,
    existingCodes: await unitCodes(ctx.db),
  })
  if (!decision.ok) return decision
  try {
    await insertUnit(ctx.db, decision.unit, decision.event)
  } catch (err) {
    if (!codeTaken(err)) throw err
    const taken = { code: hrcMsg('hrc.unit.codeTaken', { code: decision.unit.code }) }
    return refuse('invalid', taken.code, taken)
  }
  return { ok: true, unit: decision.unit }
}

export async function changeUnit(
  ctx: HrcCtx,
  actor: SessionUser,
  id: string,
  raw: unknown,
  version?: number,
): Promise<Outcome<{ unit: UnitRecord }>> {
  const unit = await findUnit(ctx.db, actor, id)
  if (!unit) return refuse('not_found', hrcMsg('hrc.unit.notFound'))
  const parsed = parseUnit(raw, unit)
  if (!parsed.ok) return invalidInput(parsed.errors)
  const decision = editUnit(unit, parsed.value, actor, {
    now: ctx.now,
    newId,
    version,
    existingCodes: await unitCodes(ctx.db),
  })
  if (!decision.ok) return decision
  if (!decision.patch || !decision.event) return { ok: true, unit }
  const { leader, ...rest } = decision.patch
  const patch = { ...rest, ...(leader !== undefined ? { leader } : {}) }
  try {
    if (!(await updateUnit(ctx.db, unit, patch, decision.event, newId())))
      return refuse('conflict', hrcMsg('hrc.unit.stale', { unit: unit.code }))
  } catch (err) {
    if (!codeTaken(err)) throw err
    const taken = { code: hrcMsg('hrc.unit.codeTaken', { code: String(patch.code) }) }
    return refuse('invalid', taken.code, taken)
  }
  return { ok: true, unit: { ...unit, ...patch } as UnitRecord }
}

/** One step of the ladder by hand; a unit moved meanwhile is a conflict that says where it is now. */
export async function stepUnit(
  ctx: HrcCtx,
  actor: SessionUser,
  id: string,
  to: Readiness,
  version?: number,
): Promise<Outcome<{ unit: UnitRecord }>> {
  const unit = await findUnit(ctx.db, actor, id)
  if (!unit) return refuse('not_found', hrcMsg('hrc.unit.notFound'))
  const [active, recipients] = await Promise.all([
    activeDispatches(ctx.db, [id]),
    hrcRecipients(ctx.db, null, [unit.leader?.email]),
  ])
  const dispatch = active.get(id) ?? null
  const decision = step(unit, to, actor, { ...hrcContext(ctx, recipients), dispatch, version })
  if (!decision.ok) return decision
  // In no dispatch: still in none when written. Under one: still in the state the step allows.
  const where = dispatch ? (ladderStep(unit.readiness, to)?.inDispatch ?? []) : null
  const moves = decision.units.map((change) => ({ change, dispatch: where }))
  const stamp = newId()
  if (!(await writeMoves(ctx.db, moves, decision.events, renderMails(decision.mails), ctx.now, stamp))) {
    const now = await findUnit(ctx.db, actor, id)
    return refuse(
      'conflict',
      hrcMsg('hrc.ladder.stale', { unit: unit.code, status: now?.readiness ?? unit.readiness }),
    )
  }
  return { ok: true, unit: { ...unit, ...decision.units[0]!.patch } }
}

/** Everything a unit's page shows: the unit, the dispatch holding it, the steps the actor may take, its history. */
export async function unitPage(db: Db, actor: SessionUser, id: string) {
  const unit = await findUnit(db, actor, id)
  if (!unit) return undefined
  const [active, history] = await Promise.all([activeDispatches(db, [id]), auditTrail(db, 'hrc_unit', id)])
  const dispatch = active.get(id) ?? null
  return { unit, dispatch, steps: allowedSteps(unit, actor, dispatch), history }
}
