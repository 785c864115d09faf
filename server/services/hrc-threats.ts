/**
 * Threats: record one (typed track, pasted NHC advisory, or per-island estimates), give it a new
 * advisory (the old ones kept), close it, and apply its proposed readiness, each rung audited and
 * mailed, all in guarded batches. The per-island outlook is computed once, when written.
 */
import { auditTrail } from '../../db/queries/audit.ts'
import { hrcRecipients, unitsByIds, writeMoves } from '../../db/queries/hrc.ts'
import { findThreat, insertThreat, writeThreatChange } from '../../db/queries/hrc-threats.ts'
import type { SessionUser } from '../../db/queries/sessions.ts'
import type { Db } from '../../db/types.ts'
import {
  applyProposals,
  assessThreat,
  closeThreat,
  hrcMsg,
  type IslandOutlook,
  type Proposal,
  parseThreat,
  proposeReadiness,
  recordThreat,
  type ThreatRecord,
  type UnitRecord,
  updateThreat,
} from '../../pool/hrc/index.ts'
import { READINESS, type Readiness } from '../../pool/reference/index.ts'
import { isObject, newId, refuse } from '../../pool/shared/index.ts'
import { type HrcCtx, hrcContext, invalidInput, type Outcome, renderMails, standings } from './hrc.ts'

export interface ThreatView {
  threat: ThreatRecord
  outlook: IslandOutlook[]
  proposals: Proposal[]
}

/** The threat as it stands, with what it proposes now for the units the actor sees. */
export async function threatView(db: Db, actor: SessionUser, id: string, now: number) {
  const found = await findThreat(db, actor, id)
  if (!found) return undefined
  const units = await standings(db, actor)
  return {
    threat: found.threat,
    outlook: found.summary.outlook,
    proposals: proposeReadiness(found.threat, units, now),
    units,
  }
}

/** The threat page: the view and its history (advisories are in `threat.advisories`). */
export async function threatPage(db: Db, actor: SessionUser, id: string, now: number) {
  const view = await threatView(db, actor, id, now)
  if (!view) return undefined
  return { ...view, history: await auditTrail(db, 'hrc_threat', id) }
}

export async function newThreat(ctx: HrcCtx, actor: SessionUser, raw: unknown): Promise<Outcome<ThreatView>> {
  const parsed = parseThreat(raw, ctx.now)
  if (!parsed.ok) return invalidInput(parsed.errors)
  const decision = recordThreat(parsed.value, actor, { now: ctx.now, newId })
  if (!decision.ok) return decision
  const outlook = assessThreat(decision.threat)
  await insertThreat(ctx.db, decision.threat, outlook, decision.event, actor.id)
  const units = await standings(ctx.db, actor)
  return {
    ok: true,
    threat: decision.threat,
    outlook,
    proposals: proposeReadiness(decision.threat, units, ctx.now),
  }
}

const stale = (threat: ThreatRecord) =>
  refuse('conflict', hrcMsg('hrc.threat.stale', { threat: threat.name }))

/** A new advisory (or track, or estimates): appended to the history, the outlook recomputed. */
export async function newAdvisory(
  ctx: HrcCtx,
  actor: SessionUser,
  id: string,
  raw: unknown,
  version?: number,
): Promise<Outcome<{ id: string }>> {
  const found = await findThreat(ctx.db, actor, id)
  if (!found) return refuse('not_found', hrcMsg('hrc.threat.notFound'))
  const parsed = parseThreat(raw, ctx.now, found.threat)
  if (!parsed.ok) return invalidInput(parsed.errors)
  const decision = updateThreat(found.threat, parsed.value, actor, { now: ctx.now, newId, version })
  if (!decision.ok) return decision
  const after = { ...found.threat, ...decision.patch } as ThreatRecord
  const outlook = assessThreat(after)
  if (!(await writeThreatChange(ctx.db, found.threat, decision.patch, outlook, decision.event, ctx.now)))
    return stale(found.threat)
  return { ok: true, id }
}

export async function closeThreatBy(
  ctx: HrcCtx,
  actor: SessionUser,
  id: string,
  to: unknown,
  version?: number,
): Promise<Outcome<{ id: string }>> {
  const found = await findThreat(ctx.db, actor, id)
  if (!found) return refuse('not_found', hrcMsg('hrc.threat.notFound'))
  if (to !== 'closed') {
    const m = hrcMsg('hrc.field.unknown', { value: String(to).slice(0, 40) })
    return refuse('invalid', m, { status: m })
  }
  const decision = closeThreat(found.threat, actor, { now: ctx.now, newId, version })
  if (!decision.ok) return decision
  if (!(await writeThreatChange(ctx.db, found.threat, decision.patch, null, decision.event, ctx.now)))
    return stale(found.threat)
  return { ok: true, id }
}

/** `{"proposals": [{unitId, status}]}` from the API, or `apply=unitId:status` checkboxes from the form. */
export function readChoice(raw: unknown): { unitId: string; status: Readiness; version?: number }[] | null {
  if (!isObject(raw)) return null
  const list = Array.isArray(raw.proposals)
    ? raw.proposals
    : [raw.apply ?? []].flat().map((v) => {
        const [unitId, status] = String(v).split(':')
        return { unitId, status }
      })
  const out = list.flatMap((p) =>
    isObject(p) && typeof p.unitId === 'string' && typeof p.status === 'string'
      ? [
          {
            unitId: p.unitId,
            status: p.status as Readiness,
            ...(typeof p.version === 'number' ? { version: p.version } : {}),
          },
        ]
      : [],
  )
  return out.length === list.length ? out : null
}

/** Applies the chosen proposals: each unit climbs, one event per rung; all or nothing. */
export async function applyThreat(
  ctx: HrcCtx,
  actor: SessionUser,
  id: string,
  raw: unknown,
): Promise<Outcome<{ units: UnitRecord[] }>> {
  const found = await findThreat(ctx.db, actor, id)
  if (!found) return refuse('not_found', hrcMsg('hrc.threat.notFound'))
  const chosen = readChoice(raw)
  if (!chosen || chosen.length === 0) {
    const m = hrcMsg('hrc.dispatch.noUnits')
    return refuse('invalid', m, { proposals: m })
  }
  const bad = chosen.findIndex((c) => !(READINESS as readonly string[]).includes(c.status))
  if (bad >= 0) {
    const m = hrcMsg('hrc.ladder.unknown', { value: String(chosen[bad]!.status).slice(0, 40) })
    return refuse('invalid', m, { [`proposals.${bad}`]: m })
  }
  const units = await standings(ctx.db, actor)
  const moving = units.filter((u) => chosen.some((c) => c.unitId === u.unit.id))
  const recipients = await hrcRecipients(
    ctx.db,
    null,
    moving.map((u) => u.unit.leader?.email),
  )
  const decision = applyProposals(found.threat, chosen, units, actor, hrcContext(ctx, recipients))
  if (!decision.ok) return decision
  const moves = decision.units.map((change) => ({ change, dispatch: null }))
  const ok = await writeMoves(ctx.db, moves, decision.events, renderMails(decision.mails), ctx.now, newId())
  if (!ok) {
    const codes = moving.map((u) => u.unit.code)
    return refuse('conflict', hrcMsg('hrc.unit.stale', { unit: codes.join(', ') }))
  }
  return {
    ok: true,
    units: await unitsByIds(
      ctx.db,
      chosen.map((c) => c.unitId),
    ),
  }
}
