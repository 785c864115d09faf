/** Storms that threaten the islands: recording and updating them, what they mean per island, and the readiness they call for. */
import type { IslandCode, ProposalReason, Readiness, Role, StormCategory } from '../reference/index.ts'
import { type AuditEvent, auditEvent, type NamedActor, type Refusal, refuse } from '../shared/index.ts'
import { assessTrack } from './geo.ts'
import { type ActiveDispatchRef, climb, isRaise, moveDecision, raisePath, UP_LADDER } from './ladder.ts'
import { type HrcMessage, hrcMsg } from './messages.ts'
import type { ThreatInput } from './threat-input.ts'
import type { Advisory, Decision, HrcContext, ThreatRecord, UnitRecord } from './types.ts'

/**
 * When the winds' arrival (or, without winds, the closest approach) calls for which readiness: the
 * first row whose hours it falls within. Mobilising at 48 h leaves time before the airports close.
 */
export const THRESHOLDS = {
  steps: [
    { status: 'mobilising', withinHours: 48 },
    { status: 'alert', withinHours: 72 },
    { status: 'pre_alert', withinHours: 96 },
  ] as const satisfies readonly { status: Readiness; withinHours: number }[],
  /** An island whose winds came longer ago than this no longer drives proposals: the response is by dispatch. */
  pastHours: 24,
} as const

/** LOCC-KCR2 and USAR.NL both follow storms: either records, updates and closes a threat. */
export const THREAT_KEEPERS: readonly Role[] = ['dispatcher', 'coordinator']

const HOUR = 3_600_000
type ThreatRefusal = Refusal<HrcMessage>

function keeperRefusal(actor: NamedActor): ThreatRefusal | null {
  if (THREAT_KEEPERS.includes(actor.role)) return null
  if (actor.role === 'observer') return refuse('forbidden', hrcMsg('hrc.threat.keepersOnly'))
  return refuse('not_found', hrcMsg('hrc.threat.notFound'))
}

function threatEvent(
  action: string,
  threat: ThreatRecord,
  change: { before?: Record<string, unknown>; after: Record<string, unknown> },
  actor: NamedActor,
  ctx: Pick<HrcContext, 'now' | 'newId'>,
): AuditEvent {
  return auditEvent(
    { id: actor.id, label: actor.name },
    action,
    'hrc_threat',
    threat.id,
    change,
    ctx.now,
    ctx.newId(),
  )
}

const summary = (a: Advisory) => ({ source: a.source, number: a.number, points: a.track.length })

export function recordThreat(
  input: ThreatInput,
  actor: NamedActor,
  ctx: Pick<HrcContext, 'now' | 'newId'>,
): { ok: true; threat: ThreatRecord; event: AuditEvent } | ThreatRefusal {
  const denied = keeperRefusal(actor)
  if (denied) return denied
  const advisory: Advisory = { ...input.advisory, recordedAt: ctx.now }
  const threat: ThreatRecord = {
    id: ctx.newId(),
    name: input.name!,
    category: input.category!,
    status: 'open',
    advisories: [advisory],
    createdAt: ctx.now,
    closedAt: null,
    version: 1,
  }
  const after = { name: threat.name, category: threat.category, ...summary(advisory) }
  return { ok: true, threat, event: threatEvent('hrc.threat.recorded', threat, { after }, actor, ctx) }
}

function stateRefusal(threat: ThreatRecord, actor: NamedActor, version?: number): ThreatRefusal | null {
  const denied = keeperRefusal(actor)
  if (denied) return denied
  if (threat.status === 'closed')
    return refuse('conflict', hrcMsg('hrc.threat.closed', { threat: threat.name }))
  if (version !== undefined && version !== threat.version)
    return refuse('conflict', hrcMsg('hrc.threat.stale', { threat: threat.name }))
  return null
}

export interface ThreatPatch {
  name?: string
  category?: StormCategory
  advisories?: Advisory[]
  status?: 'closed'
  closedAt?: number
  version: number
}

/** A new advisory: appended to the history (the last one counts); name and category change when given. */
export function updateThreat(
  threat: ThreatRecord,
  input: ThreatInput,
  actor: NamedActor,
  ctx: Pick<HrcContext, 'now' | 'newId'> & { version?: number },
): { ok: true; patch: ThreatPatch; event: AuditEvent } | ThreatRefusal {
  const refusal = stateRefusal(threat, actor, ctx.version)
  if (refusal) return refusal
  const advisory: Advisory = { ...input.advisory, recordedAt: ctx.now }
  const patch: ThreatPatch = { advisories: [...threat.advisories, advisory], version: threat.version + 1 }
  if (input.name && input.name !== threat.name) patch.name = input.name
  if (input.category && input.category !== threat.category) patch.category = input.category
  const last = threat.advisories[threat.advisories.length - 1]!
  const event = threatEvent(
    'hrc.threat.updated',
    threat,
    {
      before: { name: threat.name, category: threat.category, ...summary(last) },
      after: {
        name: patch.name ?? threat.name,
        category: patch.category ?? threat.category,
        ...summary(advisory),
      },
    },
    actor,
    ctx,
  )
  return { ok: true, patch, event }
}

/** The storm has passed: the threat is closed and no longer proposes anything. */
export function closeThreat(
  threat: ThreatRecord,
  actor: NamedActor,
  ctx: Pick<HrcContext, 'now' | 'newId'> & { version?: number },
): { ok: true; patch: ThreatPatch; event: AuditEvent } | ThreatRefusal {
  const refusal = stateRefusal(threat, actor, ctx.version)
  if (refusal) return refusal
  const patch: ThreatPatch = { status: 'closed', closedAt: ctx.now, version: threat.version + 1 }
  const event = threatEvent(
    'hrc.threat.closed',
    threat,
    { before: { name: threat.name, status: 'open' }, after: { name: threat.name, status: 'closed' } },
    actor,
    ctx,
  )
  return { ok: true, patch, event }
}

/** What a threat means for one island; km is null when only estimates were given. */
export interface IslandOutlook {
  island: IslandCode
  closestApproachKm: number | null
  closestApproachAt: number
  tropicalStormWindsAt: number | null
}

export const currentAdvisory = (threat: ThreatRecord): Advisory =>
  threat.advisories[threat.advisories.length - 1]!

/** Per island, from the last advisory: computed from the track, or as the estimates were given. */
export function assessThreat(threat: ThreatRecord): IslandOutlook[] {
  const advisory = currentAdvisory(threat)
  if (advisory.source !== 'islands') return assessTrack(advisory.track)
  return advisory.islands.map((e) => ({
    island: e.island,
    closestApproachKm: null,
    closestApproachAt: e.closestApproach,
    tropicalStormWindsAt: e.tropicalStormWindsAt,
  }))
}

export interface Proposal {
  unitId: string
  unitCode: string
  from: Readiness
  status: Readiness
  reason: ProposalReason
  /** The island that calls for the step, and the moment that drives it. */
  island: IslandCode
  at: number
  hours: number
  withinHours: number
}

export interface UnitStanding {
  unit: UnitRecord
  dispatch: ActiveDispatchRef | null
}

/** The moment that drives an island's need: the winds' arrival; without a track's winds, the estimated closest approach. */
function basis(o: IslandOutlook, threat: ThreatRecord): { at: number; reason: ProposalReason } | null {
  if (o.tropicalStormWindsAt !== null) return { at: o.tropicalStormWindsAt, reason: 'ts_winds' }
  if (currentAdvisory(threat).source === 'islands')
    return { at: o.closestApproachAt, reason: 'closest_approach' }
  return null
}

/** The readiness an arrival this many hours away calls for, and the threshold it fell within. */
export function readinessFor(hours: number): { status: Readiness; withinHours: number } | null {
  if (hours < -THRESHOLDS.pastHours) return null
  return THRESHOLDS.steps.find((s) => hours <= s.withinHours) ?? null
}

/**
 * Steps up for the units that serve the threatened islands: never down, never for a unit in an
 * active dispatch, never for one off the way up (unavailable, or already deployed). A unit that
 * serves several threatened islands is raised for the most urgent.
 */
export function proposeReadiness(
  threat: ThreatRecord,
  units: readonly UnitStanding[],
  now: number,
): Proposal[] {
  if (threat.status !== 'open') return []
  const drivers = assessThreat(threat).flatMap((o) => {
    const b = basis(o, threat)
    const hours = b ? (b.at - now) / HOUR : Number.NaN
    const level = b ? readinessFor(hours) : null
    return b && level ? [{ island: o.island, ...b, hours, ...level }] : []
  })
  const rank = (s: Readiness) => (UP_LADDER as readonly Readiness[]).indexOf(s)
  return units.flatMap(({ unit, dispatch }) => {
    if (dispatch) return []
    const best = drivers
      .filter((d) => unit.islands.includes(d.island))
      .sort((a, b) => rank(b.status) - rank(a.status) || a.at - b.at)[0]
    if (!best || !isRaise(unit.readiness, best.status)) return []
    return [
      {
        unitId: unit.id,
        unitCode: unit.code,
        from: unit.readiness,
        status: best.status,
        reason: best.reason,
        island: best.island,
        at: best.at,
        hours: Math.round(best.hours * 10) / 10,
        withinHours: best.withinHours,
      },
    ]
  })
}

export type ApplyResult = ({ ok: true } & Decision) | Refusal<HrcMessage>

/**
 * Applying proposals (or the actor's choice of them): each unit climbs to its status, one event per
 * rung, one write per unit, mails grouped per reader. All or nothing: the first refusal names its
 * row (`proposals.2`). A unit already at the status is left alone.
 */
export function applyProposals(
  threat: ThreatRecord,
  chosen: readonly { unitId: string; status: Readiness; version?: number }[],
  units: readonly UnitStanding[],
  actor: NamedActor,
  ctx: HrcContext,
): ApplyResult {
  const denied = stateRefusal(threat, actor)
  if (denied) return denied
  const byId = new Map(units.map((u) => [u.unit.id, u]))
  const moves: { unit: UnitRecord; rungs: Readiness[] }[] = []
  for (const [i, pick] of chosen.entries()) {
    const standing = byId.get(pick.unitId)
    const fail = (r: Refusal<HrcMessage>) => refuse(r.error, r.message, { [`proposals.${i}`]: r.message })
    if (!standing) return fail(refuse('not_found', hrcMsg('hrc.unit.notFound')))
    if (moves.some((m) => m.unit.id === pick.unitId))
      return fail(refuse('invalid', hrcMsg('hrc.threat.unitTwice', { unit: standing.unit.code })))
    if (standing.unit.readiness === pick.status) continue
    const ok = climb(
      standing.unit,
      pick.status,
      actor,
      {},
      { ...ctx, dispatch: standing.dispatch, version: pick.version },
    )
    if (!ok.ok) return fail(ok)
    moves.push({ unit: standing.unit, rungs: raisePath(standing.unit.readiness, pick.status) })
  }
  return { ok: true, ...moveDecision(moves, actor, { threat: threat.id, threatName: threat.name }, ctx) }
}

/** A proposal's reason as a message for readers: which island, in how many hours, within which threshold. */
export function proposalMessage(p: Proposal): HrcMessage {
  const params = {
    unit: p.unitCode,
    status: p.status,
    island: p.island,
    hours: p.hours,
    within: p.withinHours,
  }
  return p.reason === 'ts_winds'
    ? hrcMsg('hrc.proposal.ts_winds', params)
    : hrcMsg('hrc.proposal.closest_approach', params)
}
