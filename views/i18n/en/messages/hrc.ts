/** English renderings of the HRC core's messages, mails and audit sentences: the reference every other language follows. */
import type { HrcAuditAction, HrcMail, HrcMessage } from '../../../../pool/hrc/index.ts'
import { isRaise } from '../../../../pool/hrc/index.ts'
import type { AuditCatalogue, AuditParams, Catalogue, MailCatalogue } from '../../catalogue.ts'
import type { Fmt } from '../../format.ts'

const ZONE = 'America/Kralendijk'
const WHO: Record<string, string> = {
  dispatcher: 'the dispatcher (USAR.NL)',
  coordinator: 'a coordinator (LOCC-KCR2)',
  island: 'the island',
}
const who = (codes: readonly string[]) => codes.map((c) => WHO[c] ?? c).join(' or ')
const units = (codes: readonly string[], f: Fmt) => f.list([...codes])
const island = (code: string, f: Fmt) => f.name('island', code)
const when = (at: number, zone: string, f: Fmt) => `${f.moment(at, zone)} (local time)`

const messages: Catalogue<HrcMessage> = {
  'hrc.field.required': 'Fill this in.',
  'hrc.field.text': 'Enter text here.',
  'hrc.field.object': 'This must be a group of fields.',
  'hrc.field.list': 'Give a list of codes.',
  'hrc.field.email': 'Enter an e-mail address such as name@example.org.',
  'hrc.field.phone': 'Enter a phone number: digits, spaces and a leading +.',
  'hrc.field.moment':
    'Enter a date and time, for example 2026-09-06T14:00 (island time) or 2026-09-06T18:00Z.',
  'hrc.field.tooLong': (p, f) => `Keep this to ${f.num(p.max)} characters (now ${f.num(p.length)}).`,
  'hrc.field.number': (p, f) => `Give a number from ${f.num(p.min)} to ${f.num(p.max)}.`,
  'hrc.field.whole': (p, f) => `Give a whole number from ${f.num(p.min)} to ${f.num(p.max)}.`,
  'hrc.field.unknown': 'Unknown code "{value}".',
  'hrc.field.unknownCodes': (p, f) => `Unknown: ${f.list([...p.codes])}.`,
  'hrc.unit.notFound': 'HRC unit not found.',
  'hrc.unit.keeperOnly': 'Only the dispatcher (USAR.NL) keeps the HRC units.',
  'hrc.unit.codeShape':
    'A code is 2 to 20 capital letters, digits and hyphens, starting with a letter, e.g. LUSAR-3.',
  'hrc.unit.codeTaken': 'Another unit has the code {code}.',
  'hrc.unit.stale': '{unit} has changed since you opened it. Reload, then make your change again.',
  'hrc.ladder.readOnly': 'Your account can see readiness but not change it.',
  'hrc.ladder.unknown': 'Unknown readiness "{value}".',
  'hrc.ladder.already': (p, f) => `${p.unit} is already ${f.name('readiness', p.status).toLowerCase()}.`,
  'hrc.ladder.notAllowed': (p, f) =>
    `${p.unit} cannot go from ${f.name('readiness', p.from).toLowerCase()} to ${f.name('readiness', p.to).toLowerCase()}.`,
  'hrc.ladder.notRaise': (p, f) =>
    `${p.unit} is ${f.name('readiness', p.from).toLowerCase()}: a threat can only raise it, not move it to ${f.name('readiness', p.to).toLowerCase()}.`,
  'hrc.ladder.forbidden': (p, f) =>
    `Only ${who(p.roles)} can move a unit from ${f.name('readiness', p.from).toLowerCase()} to ${f.name('readiness', p.to).toLowerCase()}.`,
  'hrc.ladder.inDispatch': (p, f) =>
    `${p.unit} is in a dispatch (${f.name('dispatch', p.dispatch).toLowerCase()}): its readiness follows the dispatch.`,
  'hrc.ladder.stale': (p, f) =>
    `${p.unit} has changed since you opened it; it is now ${f.name('readiness', p.status).toLowerCase()}. Reload to see it.`,
  'hrc.threat.notFound': 'Threat not found.',
  'hrc.threat.keepersOnly': 'Only a dispatcher or a coordinator records and updates threats.',
  'hrc.threat.oneSource':
    'Give one of: a forecast track, the text of an NHC advisory, or estimates per island.',
  'hrc.threat.trackEmpty': 'Give at least one track point.',
  'hrc.threat.trackTwice': 'Two track points have the same time.',
  'hrc.threat.islandsEmpty': 'Give at least one island.',
  'hrc.advisory.noTrack':
    'No position found. Paste the whole forecast/advisory, with the "CENTER LOCATED NEAR" and "FORECAST VALID" lines.',
  'hrc.threat.trackLong': 'A track has at most {max} points.',
  'hrc.threat.islandTwice': (p, f) => `${island(p.island, f)} is given twice.`,
  'hrc.threat.closed': 'The threat {threat} is closed.',
  'hrc.threat.stale': '{threat} has a newer advisory since you opened it. Reload to see it.',
  'hrc.threat.unitTwice': '{unit} is given twice.',
  'hrc.proposal.ts_winds': (p, f) =>
    `${p.unit} to ${f.name('readiness', p.status).toLowerCase()}: tropical-storm-force winds may reach ${island(p.island, f)} in ${f.num(Math.round(p.hours))} h (within ${p.within} h).`,
  'hrc.proposal.closest_approach': (p, f) =>
    `${p.unit} to ${f.name('readiness', p.status).toLowerCase()}: the storm passes closest to ${island(p.island, f)} in ${f.num(Math.round(p.hours))} h (within ${p.within} h).`,
  'hrc.dispatch.notFound': 'Dispatch order not found.',
  'hrc.dispatch.dispatcherOnly': 'Only the dispatcher (USAR.NL) dispatches HRC units.',
  'hrc.dispatch.needNotFound': 'That capacity need was not found.',
  'hrc.dispatch.noUnits': 'Choose at least one unit.',
  'hrc.dispatch.etaBeforeEtd': 'The arrival cannot be before the departure.',
  'hrc.dispatch.reasonRequired': 'Give a reason: the others involved will read it.',
  'hrc.dispatch.tooManyUnits': 'Send at most {max} units in one order.',
  'hrc.dispatch.unknownStep': 'Unknown dispatch step "{value}".',
  'hrc.dispatch.forbidden': (p, f) =>
    `Only ${who(p.movers)} can make this dispatch ${f.name('dispatch', p.to).toLowerCase()}.`,
  'hrc.dispatch.already': (p, f) => `This dispatch is already ${f.name('dispatch', p.status).toLowerCase()}.`,
  'hrc.dispatch.notAllowed': (p, f) =>
    `This dispatch is ${f.name('dispatch', p.from).toLowerCase()}, so it cannot become ${f.name('dispatch', p.to).toLowerCase()}.`,
  'hrc.dispatch.stale': (p, f) =>
    `This dispatch has changed since you opened it; it is now ${f.name('dispatch', p.status).toLowerCase()}. Reload to see it.`,
  'hrc.dispatch.needIsland': (p, f) => `That need is from ${island(p.island, f)}: send the units there.`,
  'hrc.dispatch.requestNotOpen': (p, f) =>
    `The request is ${f.name('status', p.status)}: units can only be sent for an acknowledged request or one in progress.`,
  'hrc.dispatch.unitBusy': (p, f) =>
    `${p.unit} is already in another dispatch (${f.name('dispatch', p.status).toLowerCase()}).`,
  'hrc.dispatch.unitNotReady': (p, f) =>
    `${p.unit} is ${f.name('readiness', p.status).toLowerCase()}: only a unit on standby, pre-alert, alert or mobilising can be sent.`,
  'hrc.dispatch.unitOutOfStep': (p, f) =>
    `${p.unit} is ${f.name('readiness', p.status).toLowerCase()}, out of step with this dispatch. Set its readiness first.`,
  'hrc.dispatch.wrongType': (p, f) =>
    `${p.unit} is of type ${f.name('unitType', p.type)}; the need asks for ${f.name('unitType', p.wanted)}.`,
  'hrc.dispatch.notServing': (p, f) => `${p.unit} does not serve ${island(p.island, f)}.`,
  'hrc.dispatch.overWeight': (p, f) =>
    `The payload, ${f.num(p.payload)} kg, is over the carrier's capacity of ${f.num(p.capacity)} kg.`,
  'hrc.dispatch.overVolume': (p, f) =>
    `The payload, ${f.num(p.payload)} m³, is over the carrier's capacity of ${f.num(p.capacity)} m³.`,
  'hrc.dispatch.overNeed': (p, f) =>
    `The need asks for ${f.num(p.count)}; ${f.num(p.taken)} already offered or sent, and this adds ${f.num(p.adding)}.`,
}

const readinessLine = (
  p: { units: readonly string[]; names: readonly string[]; from: readonly string[]; to: readonly string[] },
  i: number,
  f: Fmt,
) => `- ${p.units[i]} ${p.names[i]}: ${f.name('readiness', p.from[i]!)} → ${f.name('readiness', p.to[i]!)}`

function orderFacts(
  p: { etd: number; eta: number; zone: string; transport: string; carrier: string },
  f: Fmt,
): string[] {
  return [
    `Departure (ETD): ${when(p.etd, p.zone, f)}`,
    `Arrival (ETA):   ${when(p.eta, p.zone, f)}`,
    `Transport:       ${f.name('transport', p.transport)}${p.carrier ? `, ${p.carrier}` : ''}`,
  ]
}

type NoticeParams = Extract<HrcMail, { code: 'hrc.mail.dispatch.ordered' }>['params']
function noticeBody(p: NoticeParams, f: Fmt): string[] {
  return [
    'Units:',
    ...p.units.map((code, i) => `- ${code} ${p.names[i]} (${f.name('unitType', p.types[i]!)})`),
    `People:          ${f.num(p.people)}`,
    `Equipment:       ${f.num(p.weightKg)} kg, ${f.num(p.volumeM3)} m³`,
    ...orderFacts(p, f),
    `Sent by:         ${p.by}`,
  ]
}

const STEP: Record<
  string,
  (p: Extract<HrcMail, { code: 'hrc.mail.dispatch.step' }>['params'], f: Fmt) => string
> = {
  offered: (p, f) =>
    `${p.by} offered ${units(p.units, f)} to ${island(p.island, f)}. The island accepts or declines.`,
  ordered: (p, f) =>
    `${p.by} ordered ${units(p.units, f)} to ${island(p.island, f)} (pre-positioning). The units mobilise now.`,
  accepted: (p, f) => `${island(p.island, f)} accepted ${units(p.units, f)}. The units mobilise now.`,
  declined: (p, f) => `${island(p.island, f)} declined ${units(p.units, f)}.`,
  in_transit: (p, f) => `${units(p.units, f)} are on their way to ${island(p.island, f)}.`,
  arrived: (p, f) =>
    `${units(p.units, f)} arrived on ${island(p.island, f)}${p.onBehalf ? ` (recorded by ${p.by} on the island's behalf)` : ' (confirmed by the island)'}.`,
  released: (p, f) => `${island(p.island, f)} released ${units(p.units, f)}. They demobilise and return.`,
  returned: (p, f) => `${units(p.units, f)} are back from ${island(p.island, f)} and on standby.`,
  cancelled: (p, f) =>
    `The dispatch of ${units(p.units, f)} to ${island(p.island, f)} is cancelled${
      p.cause === 'request_withdrawn'
        ? ' because the island withdrew its request'
        : p.cause === 'request_rejected'
          ? ' because LOCC-KCR2 rejected the request'
          : ''
    }.`,
}

const mails: MailCatalogue<HrcMail> = {
  'hrc.mail.readiness': (p, f) => ({
    subject:
      p.units.length === 1
        ? `${p.units[0]}: ${f.name('readiness', p.from[0]!)} → ${f.name('readiness', p.to[0]!)}`
        : `Readiness of ${f.num(p.units.length)} HRC units changed${p.threat ? ` (${p.threat})` : ''}`,
    text: [
      `${p.by} changed the readiness of HRC units${p.threat ? ` because of ${p.threat}` : ''}, ${when(p.at, ZONE, f)}.`,
      '',
      ...p.units.map((_, i) => readinessLine(p, i, f)),
      '',
      `The readiness board: ${p.url}`,
      '',
    ].join('\n'),
  }),
  'hrc.mail.dispatch.offered': (p, f) => ({
    subject: `Offer: ${f.plural(p.units.length, '# HRC unit', '# HRC units')} for ${island(p.island, f)} – accept or decline`,
    text: [
      `USAR.NL offers ${island(p.island, f)} HRC units${p.request ? ` for your request "${p.request}"` : ''}${
        p.unitType && p.needCount ? ` (${f.num(p.needCount)} × ${f.name('unitType', p.unitType)})` : ''
      }.`,
      `Accept or decline the offer: ${p.url}`,
      '',
      ...noticeBody(p, f),
      '',
    ].join('\n'),
  }),
  'hrc.mail.dispatch.ordered': (p, f) => ({
    subject: `HRC units are coming to ${island(p.island, f)} (pre-positioning)`,
    text: [
      `USAR.NL is pre-positioning HRC units on ${island(p.island, f)}. This is for your information; no decision is needed.`,
      '',
      ...noticeBody(p, f),
      '',
      `The dispatch: ${p.url}`,
      '',
    ].join('\n'),
  }),
  'hrc.mail.dispatch.step': (p, f) => ({
    subject: `${f.name('dispatch', p.status)}: ${units(p.units, f)} – ${island(p.island, f)}`,
    text: [
      STEP[p.status]?.(p, f) ?? '',
      ...(p.reason ? ['', p.status === 'released' ? 'Note:' : 'Reason:', p.reason] : []),
      '',
      ...orderFacts(p, f),
      `By:              ${p.by}, ${when(p.at, p.zone, f)}`,
      '',
      `The dispatch: ${p.url}`,
      '',
    ].join('\n'),
  }),
}

const s = (v: unknown) => (v === undefined || v === null ? '' : String(v))
const field = (p: AuditParams, key: string) => s(p.after?.[key] ?? p.before?.[key])
const list = (v: unknown, f: Fmt) => (Array.isArray(v) ? f.list(v.map(String)) : s(v))

function readinessSentence(p: AuditParams, f: Fmt): string {
  const from = s(p.before?.readiness) as never
  const to = s(p.after?.readiness) as never
  const code = field(p, 'code')
  const a = f.name('readiness', from).toLowerCase()
  const b = f.name('readiness', to).toLowerCase()
  if (isRaise(from, to)) return `${p.actor} raised ${code} from ${a} to ${b}`
  if (isRaise(to, from)) return `${p.actor} lowered ${code} from ${a} to ${b}`
  return `${p.actor} moved ${code} from ${a} to ${b}`
}

const audit: AuditCatalogue<HrcAuditAction> = {
  'audit.hrc.unit.created': (p) => `${p.actor} added HRC unit ${field(p, 'code')}`,
  'audit.hrc.unit.updated': (p) => `${p.actor} changed HRC unit ${field(p, 'code')}`,
  'audit.hrc.unit.readiness': readinessSentence,
  'audit.hrc.threat.recorded': (p, f) =>
    `${p.actor} recorded the threat ${field(p, 'name')} (${f.name('storm', field(p, 'category')).toLowerCase()})`,
  'audit.hrc.threat.updated': (p) =>
    `${p.actor} entered a new advisory for ${field(p, 'name')}${p.after?.number ? ` (number ${s(p.after.number)})` : ''}`,
  'audit.hrc.threat.closed': (p) => `${p.actor} closed the threat ${field(p, 'name')}`,
  'audit.hrc.dispatch.offered': (p, f) =>
    `${p.actor} offered ${list(p.after?.units, f)} to ${island(field(p, 'island'), f)}`,
  'audit.hrc.dispatch.ordered': (p, f) =>
    `${p.actor} ordered ${list(p.after?.units, f)} to ${island(field(p, 'island'), f)} (pre-positioning)`,
  'audit.hrc.dispatch.accepted': (p) => `${p.actor} accepted the HRC units offered`,
  'audit.hrc.dispatch.declined': (p) => `${p.actor} declined the HRC units offered: ${s(p.after?.reason)}`,
  'audit.hrc.dispatch.in_transit': (p, f) =>
    `${p.actor} sent the HRC units on their way to ${island(field(p, 'island'), f)}`,
  'audit.hrc.dispatch.arrived': (p, f) =>
    p.after?.onBehalf
      ? `${p.actor} recorded the arrival on ${island(field(p, 'island'), f)} on the island's behalf`
      : `${p.actor} confirmed the arrival of the HRC units`,
  'audit.hrc.dispatch.released': (p) => `${p.actor} released the HRC units`,
  'audit.hrc.dispatch.returned': (p, f) =>
    `${p.actor} recorded the HRC units back from ${island(field(p, 'island'), f)}`,
  'audit.hrc.dispatch.cancelled': (p, f) =>
    `${p.actor} cancelled the HRC dispatch to ${island(field(p, 'island'), f)}${
      p.after?.cause === 'request_withdrawn'
        ? ' (request withdrawn)'
        : p.after?.cause === 'request_rejected'
          ? ' (request rejected)'
          : ''
    }`,
}

export const hrc = { ...messages, ...mails, ...audit }
