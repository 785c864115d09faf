/** Who hears of a dispatch order and what their mail names: the island what it must decide, the rest each step. */
import { type DispatchStatus, timeZoneOf } from '../reference/index.ts'
import type { NamedActor } from '../shared/index.ts'
import { HRC_PATHS, leaderOf, link, mailTo, unique } from './mails.ts'
import type { HrcMail } from './messages.ts'
import type { DispatchRecord, HrcContext, MailDecision, Recipient, UnitRecord } from './types.ts'

/** The states the island hears of (unless it made the step itself): what comes, when it comes, what is off. */
const ISLAND_TOLD: readonly DispatchStatus[] = ['offered', 'ordered', 'in_transit', 'arrived', 'cancelled']

/** The request and need an offer answers, for the island's decision. */
export interface OfferContext {
  requestTitle: string | null
  unitType: string | null
  needCount: number | null
}

function facts(d: DispatchRecord, units: readonly UnitRecord[]) {
  const own = d.unitIds.flatMap((id) => units.filter((u) => u.id === id))
  return {
    island: d.island,
    units: own.map((u) => u.code),
    etd: d.etd,
    eta: d.eta,
    zone: timeZoneOf(d.island),
    transport: d.transport,
    carrier: d.carrier,
    own,
  }
}

/** The mail to the island that an order was offered (it decides) or ordered (it is informed). */
function islandNotice(
  d: DispatchRecord,
  units: readonly UnitRecord[],
  actor: NamedActor,
  ctx: HrcContext,
  offer: OfferContext | null,
): HrcMail {
  const { own, ...f } = facts(d, units)
  const common = {
    ...f,
    names: own.map((u) => u.name),
    types: own.map((u) => u.type),
    people: d.payload.people,
    weightKg: d.payload.weightKg,
    volumeM3: d.payload.volumeM3,
    by: actor.name,
    url: link(ctx, HRC_PATHS.dispatch(d.id)),
  }
  if (d.status === 'ordered') return { code: 'hrc.mail.dispatch.ordered', params: common }
  return {
    code: 'hrc.mail.dispatch.offered',
    params: {
      ...common,
      request: offer?.requestTitle ?? null,
      unitType: offer?.unitType ?? null,
      needCount: offer?.needCount ?? null,
    },
  }
}

/**
 * The mails of an order entering its present state (`d` as it is after the step). The unit leaders
 * and the coordinators hear of every step; the island of what comes and what is off; the dispatchers
 * of what someone else did (an island's answer, a cancellation because the request ended).
 */
export function dispatchMails(
  d: DispatchRecord,
  units: readonly UnitRecord[],
  actor: NamedActor,
  ctx: HrcContext,
  offer: OfferContext | null = null,
): MailDecision[] {
  const { own, ...f } = facts(d, units)
  const step: HrcMail = {
    code: 'hrc.mail.dispatch.step',
    params: {
      ...f,
      status: d.status,
      by: actor.name,
      at: ctx.now,
      onBehalf: d.onBehalf,
      reason: d.reason,
      cause: d.cause,
      url: link(ctx, HRC_PATHS.dispatch(d.id)),
    },
  }
  const leaders = own.flatMap((u) => leaderOf(u, ctx.recipients) ?? [])
  const islandReaders: readonly Recipient[] =
    ISLAND_TOLD.includes(d.status) && actor.role !== 'island' ? (ctx.recipients.island ?? []) : []
  const notice =
    d.status === 'offered' || d.status === 'ordered' ? islandNotice(d, units, actor, ctx, offer) : step
  return unique([
    ...mailTo(islandReaders, notice),
    ...mailTo(leaders, step),
    ...mailTo(ctx.recipients.coordinators, step),
    ...(actor.role === 'dispatcher' ? [] : mailTo(ctx.recipients.dispatchers ?? [], step)),
  ])
}
