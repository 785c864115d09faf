/** Making a dispatch order (input, checks, payload against capacity), and cancelling the orders of a request that ended. */
import { can } from '../access/index.ts'
import {
  type DispatchCause,
  ISLAND_CODES,
  type IslandCode,
  type Readiness,
  type RequestStatus,
  TRANSPORTS,
  type Transport,
} from '../reference/index.ts'
import {
  type AuditEvent,
  auditEvent,
  isObject,
  type NamedActor,
  type Refusal,
  type RefusalKind,
  refuse,
} from '../shared/index.ts'
import { followDecision, isActiveDispatch, REASON_MAX } from './dispatch.ts'
import { dispatchMails } from './dispatch-mails.ts'
import { done, type FieldErrors, Fields, type Parsed } from './fields.ts'
import { UP_LADDER } from './ladder.ts'
import { type HrcMessage, hrcMsg } from './messages.ts'
import type { UnitStanding } from './threats.ts'
import type {
  CarrierCapacity,
  Decision,
  DispatchRecord,
  HrcContext,
  Payload,
  UnitChange,
  UnitRecord,
} from './types.ts'

export const DISPATCH_LIMITS = { units: 20, carrier: 120, weightKg: 500_000, volumeM3: 5_000 } as const

export interface DispatchInput {
  unitIds: string[]
  island: IslandCode
  needId: string | null
  etd: number
  eta: number
  transport: Transport
  carrier: string
  capacity: CarrierCapacity | null
}

/** One validator for an order from the form or the API (`capacity` as an object, or `capacity.weightKg` fields). */
export function parseDispatch(raw: unknown): Parsed<DispatchInput> {
  const errors: FieldErrors = {}
  if (!isObject(raw)) return { ok: false, errors: { '': hrcMsg('hrc.field.object') } }
  const f = new Fields(raw, '', errors)
  const ids = typeof raw.unitIds === 'string' ? [raw.unitIds] : raw.unitIds
  let unitIds: string[] | undefined
  if (!Array.isArray(ids) || ids.length === 0 || !ids.every((id) => typeof id === 'string' && id.trim()))
    f.fail('unitIds', hrcMsg('hrc.dispatch.noUnits'))
  else if (ids.length > DISPATCH_LIMITS.units)
    f.fail('unitIds', hrcMsg('hrc.dispatch.tooManyUnits', { max: DISPATCH_LIMITS.units }))
  else unitIds = [...new Set(ids.map((id: string) => id.trim()))]
  const island = f.code<IslandCode>('island', ISLAND_CODES)
  const needId = f.text('needId', 64, false)
  const etd = f.moment('etd', true)
  const eta = f.moment('eta', true)
  if (etd && eta && eta < etd) f.fail('eta', hrcMsg('hrc.dispatch.etaBeforeEtd'))
  const transport = f.code<Transport>('transport', TRANSPORTS)
  const carrier = f.text('carrier', DISPATCH_LIMITS.carrier, false)
  const c = f.nested('capacity')
  const weightKg = c?.number('weightKg', 0, DISPATCH_LIMITS.weightKg, { required: false })
  const volumeM3 = c?.number('volumeM3', 0, DISPATCH_LIMITS.volumeM3, { required: false })
  return done(errors, () => ({
    unitIds: unitIds!,
    island: island!,
    needId: needId || null,
    etd: etd!,
    eta: eta!,
    transport: transport!,
    carrier: carrier!,
    capacity:
      c && (weightKg != null || volumeM3 != null)
        ? { weightKg: weightKg ?? null, volumeM3: volumeM3 ?? null }
        : null,
  }))
}

/** The capacity need an order answers, with its request, as the service reads them. */
export interface NeedRef {
  id: string
  requestId: string
  island: IslandCode
  unitType: string
  count: number
  requestStatus: RequestStatus
  requestTitle: string
  /** Units already offered or in accepted-or-later orders against it (see needFill). */
  taken: number
}

/** A need can still be answered while its request is being worked on. */
const OPEN_REQUEST: readonly RequestStatus[] = ['acknowledged', 'in_progress']

export function payloadOf(units: readonly UnitRecord[]): Payload {
  const sum = (pick: (u: UnitRecord) => number) =>
    Math.round(units.reduce((n, u) => n + pick(u), 0) * 1000) / 1000
  return { people: sum((u) => u.people), weightKg: sum((u) => u.weightKg), volumeM3: sum((u) => u.volumeM3) }
}

/** What the payload exceeds: warnings, not refusals (the dispatcher may split the load or find another aircraft). */
export function payloadWarnings(payload: Payload, capacity: CarrierCapacity | null): HrcMessage[] {
  const out: HrcMessage[] = []
  if (capacity?.weightKg != null && payload.weightKg > capacity.weightKg)
    out.push(hrcMsg('hrc.dispatch.overWeight', { payload: payload.weightKg, capacity: capacity.weightKg }))
  if (capacity?.volumeM3 != null && payload.volumeM3 > capacity.volumeM3)
    out.push(hrcMsg('hrc.dispatch.overVolume', { payload: payload.volumeM3, capacity: capacity.volumeM3 }))
  return out
}

export type CreateDispatchResult =
  | ({ ok: true; dispatch: DispatchRecord; warnings: HrcMessage[] } & Decision)
  | Refusal<HrcMessage>

/** Why a unit cannot go on this order: unknown, busy, off the way up, or (for a need) of another type or island. */
function unitProblem(
  standing: UnitStanding | undefined,
  need: NeedRef | null,
  island: IslandCode,
): { kind: RefusalKind; message: HrcMessage } | null {
  if (!standing) return { kind: 'not_found', message: hrcMsg('hrc.unit.notFound') }
  const { unit, dispatch } = standing
  if (dispatch)
    return {
      kind: 'conflict',
      message: hrcMsg('hrc.dispatch.unitBusy', { unit: unit.code, status: dispatch.status }),
    }
  if (!(UP_LADDER as readonly Readiness[]).includes(unit.readiness))
    return {
      kind: 'conflict',
      message: hrcMsg('hrc.dispatch.unitNotReady', { unit: unit.code, status: unit.readiness }),
    }
  if (need && unit.type !== need.unitType)
    return {
      kind: 'invalid',
      message: hrcMsg('hrc.dispatch.wrongType', { unit: unit.code, type: unit.type, wanted: need.unitType }),
    }
  if (need && !unit.islands.includes(island))
    return { kind: 'invalid', message: hrcMsg('hrc.dispatch.notServing', { unit: unit.code, island }) }
  return null
}

/**
 * A new order: `offered` against a need (the island decides; readiness waits), `ordered` to
 * pre-position (the units start mobilising at once, a rung event each). The unit check here is for
 * a clear answer; the write's unique index on active units decides a race (one 201, one 409).
 */
export function createDispatch(
  input: DispatchInput,
  actor: NamedActor,
  ctx: HrcContext & { units: readonly UnitStanding[]; need: NeedRef | null },
): CreateDispatchResult {
  if (!can(actor, 'hrc:read')) return refuse('not_found', hrcMsg('hrc.dispatch.notFound'))
  if (actor.role !== 'dispatcher') return refuse('forbidden', hrcMsg('hrc.dispatch.dispatcherOnly'))
  const need = input.needId ? ctx.need : null
  if (input.needId && (!need || need.id !== input.needId)) {
    const m = hrcMsg('hrc.dispatch.needNotFound')
    return refuse('not_found', m, { needId: m })
  }
  if (need && need.island !== input.island) {
    const m = hrcMsg('hrc.dispatch.needIsland', { island: need.island })
    return refuse('invalid', m, { island: m })
  }
  if (need && !OPEN_REQUEST.includes(need.requestStatus))
    return refuse('conflict', hrcMsg('hrc.dispatch.requestNotOpen', { status: need.requestStatus }))
  const byId = new Map(ctx.units.map((s) => [s.unit.id, s]))
  for (const [i, id] of input.unitIds.entries()) {
    const problem = unitProblem(byId.get(id), need, input.island)
    if (problem) return refuse(problem.kind, problem.message, { [`unitIds.${i}`]: problem.message })
  }
  const units = input.unitIds.map((id) => byId.get(id)!.unit)
  const payload = payloadOf(units)
  const status = need ? 'offered' : 'ordered'
  const dispatch: DispatchRecord = {
    id: ctx.newId(),
    unitIds: [...input.unitIds],
    island: input.island,
    needId: need?.id ?? null,
    requestId: need?.requestId ?? null,
    status,
    etd: input.etd,
    eta: input.eta,
    transport: input.transport,
    carrier: input.carrier,
    capacity: input.capacity,
    payload,
    reason: null,
    cause: null,
    onBehalf: false,
    statusAt: ctx.now,
    createdAt: ctx.now,
    createdBy: actor.id,
    version: 1,
  }
  const warnings = payloadWarnings(payload, input.capacity)
  if (need && need.taken + units.length > need.count)
    warnings.push(
      hrcMsg('hrc.dispatch.overNeed', { count: need.count, taken: need.taken, adding: units.length }),
    )
  const follow = followDecision(dispatch, status, units, actor, ctx)
  if ('ok' in follow) return follow
  const event = auditEvent(
    { id: actor.id, label: actor.name },
    `hrc.dispatch.${status}`,
    'hrc_dispatch',
    dispatch.id,
    {
      after: {
        status,
        island: dispatch.island,
        units: units.map((u) => u.code),
        needId: dispatch.needId,
        etd: dispatch.etd,
        eta: dispatch.eta,
        transport: dispatch.transport,
      },
    },
    ctx.now,
    ctx.newId(),
  )
  const offer = need
    ? { requestTitle: need.requestTitle, unitType: need.unitType, needCount: need.count }
    : null
  const mails = dispatchMails(dispatch, units, actor, ctx, offer)
  return { ok: true, dispatch, warnings, units: follow.units, events: [event, ...follow.events], mails }
}

/** The orders of a request that was withdrawn or rejected: those not yet arrived are cancelled, with mails. */
export function cancelForRequest(
  dispatches: readonly DispatchRecord[],
  cause: DispatchCause,
  reason: string | null,
  units: readonly UnitRecord[],
  actor: NamedActor,
  ctx: HrcContext,
): {
  dispatches: {
    id: string
    guard: { status: DispatchRecord['status']; version: number }
    patch: Partial<DispatchRecord>
  }[]
  units: UnitChange[]
  events: AuditEvent[]
  mails: Decision['mails']
} {
  const out: ReturnType<typeof cancelForRequest> = { dispatches: [], units: [], events: [], mails: [] }
  const text = reason?.trim().slice(0, REASON_MAX) || null
  for (const d of dispatches) {
    if (!isActiveDispatch(d.status) || !['offered', 'accepted', 'ordered', 'in_transit'].includes(d.status))
      continue
    const followed = followDecision(d, 'cancelled', units, actor, ctx)
    // A unit the service did not pass stays as it is; the order is cancelled all the same.
    const follow = 'ok' in followed ? { units: [], events: [] } : followed
    const patch = {
      status: 'cancelled' as const,
      statusAt: ctx.now,
      version: d.version + 1,
      reason: text,
      cause,
    }
    out.dispatches.push({ id: d.id, guard: { status: d.status, version: d.version }, patch })
    out.units.push(...follow.units)
    out.events.push(
      auditEvent(
        { id: actor.id, label: actor.name },
        'hrc.dispatch.cancelled',
        'hrc_dispatch',
        d.id,
        {
          before: { status: d.status, version: d.version, island: d.island },
          after: { status: 'cancelled', version: patch.version, island: d.island, cause },
        },
        ctx.now,
        ctx.newId(),
      ),
      ...follow.events,
    )
    out.mails.push(...dispatchMails({ ...d, ...patch }, units, actor, ctx))
  }
  return out
}
