/** English messages, mails, calendar words and audit sentences of assignments: the reference the other languages follow. */
import type {
  AssignmentAuditAction,
  AssignmentMail,
  AssignmentMessage,
  CalendarMessage,
  Taker,
} from '../../../../pool/assignments/index.ts'
import type { AssignmentStatus } from '../../../../pool/reference/index.ts'
import type { AuditCatalogue, AuditParams, Catalogue, MailCatalogue } from '../../catalogue.ts'
import type { Fmt } from '../../format.ts'

export type AssignmentsCatalogue = Catalogue<AssignmentMessage | CalendarMessage> &
  MailCatalogue<AssignmentMail> &
  AuditCatalogue<AssignmentAuditAction>

/** A text value of an audit event's before/after record ('' when absent): the sentences read these. */
export function field(record: AuditParams['after'], key: string): string {
  const v = record?.[key]
  return typeof v === 'string' || typeof v === 'number' ? String(v) : ''
}

/** An assignment status as a reader names it (`status.assignment.*` in names.ts). */
export const statusName = (f: Fmt, s: string): string => f.name('status', `assignment.${s}`)

const TAKER: Record<Taker, string> = {
  coordinator: 'an LOCC-KCR2 coordinator',
  island: 'the island that asked',
  coordinator_on_behalf: "a coordinator on the island's behalf",
}
const ACT: Record<AssignmentStatus, string> = {
  proposed: 'propose a person',
  offered: 'offer a person to the island',
  accepted: 'accept an offer',
  declined: 'decline an offer',
  travelling: 'record the travel',
  on_site: 'confirm an arrival',
  released: 'release a person',
  completed: 'complete an assignment',
  cancelled: 'cancel an assignment',
}

const hours = (min: number, f: Fmt) =>
  min < 60
    ? `${f.num(min)} min`
    : `${f.num(Math.floor(min / 60))} h${min % 60 ? ` ${f.num(min % 60)} min` : ''}`

/** A role's name inside an English sentence: "as information manager" (an acronym keeps its capitals). */
const roleIn = (f: Fmt, code: string) => {
  const name = f.role(code)
  return /^[A-Z][a-z]/.test(name) ? name[0]!.toLowerCase() + name.slice(1) : name
}

/** A transport's name; until the catalogues name transports (`transport.*`), its code in words. */
export function transportName(f: Fmt, code: string): string {
  const name = f.name('transport', code)
  return name === code ? code.replaceAll('_', ' ') : name
}

const SIGNATURE = '-- CCPM, LOCC-KCR2'

type Trip = {
  etd: number | null
  eta: number | null
  transport: string | null
  reference: string | null
  zone: string
  departureZone?: string
}
function travelLines(p: Trip, f: Fmt): string[] {
  if (p.etd === null || p.eta === null) return ['Travel:      LOCC-KCR2 will send your travel details.']
  const from = p.departureZone ?? p.zone
  return [
    `Departure:   ${f.moment(p.etd, from)} (${from === p.zone ? 'island time' : 'local time at departure'})`,
    `Arrival:     ${f.moment(p.eta, p.zone)} (island time)`,
    `Transport:   ${p.transport ? transportName(f, p.transport) : ''}`,
    ...(p.reference ? [`Reference:   ${p.reference}`] : []),
  ]
}

const CAUSE = {
  coordinator: 'LOCC-KCR2 has cancelled your deployment',
  request_withdrawn: '{island} has withdrawn its request, so your deployment is cancelled',
  request_rejected: 'LOCC-KCR2 has rejected the request, so your deployment is cancelled',
} as const

export const assignments: AssignmentsCatalogue = {
  'assignment.notFound': 'Assignment not found.',
  'assignment.needNotFound': 'Need not found.',
  'assignment.step.unknown': (p) =>
    p.status ? `"${p.status}" is not a step an assignment can take.` : 'Choose the step to take.',
  'assignment.step.forbidden': (p) =>
    `Only ${p.takers.map((t) => TAKER[t as Taker] ?? t).join(' or ')} can ${ACT[p.status]}.`,
  'assignment.step.already': (p, f) => `This assignment is already ${statusName(f, p.status)}.`,
  'assignment.step.notFrom': (p, f) =>
    `This assignment is ${statusName(f, p.from)}: it cannot become ${statusName(f, p.to)} from there.`,
  'assignment.step.stale': (p, f) =>
    `This assignment has changed since you opened it; it is now ${statusName(f, p.status)}. Reload to see the changes.`,
  'assignment.step.requestNotOpen': (p, f) =>
    `The request is ${f.name('status', p.status)}: assignments move forward only while it is acknowledged or in progress.`,
  'assignment.step.invalid': 'Check the fields marked below.',
  'assignment.reason.required': (p) =>
    p.status === 'declined'
      ? 'Give a reason: LOCC-KCR2 will read it.'
      : 'Give a reason: the island and the person will read it.',
  'assignment.reason.tooLong': (p, f) => `Keep the reason to ${f.num(p.max)} characters.`,
  'assignment.travel.required': 'Give the travel details: departure, arrival and transport.',
  'assignment.travel.time': 'Enter a date and time, for example 2026-09-06T14:30.',
  'assignment.travel.order': 'The arrival cannot be before the departure.',
  'assignment.travel.transport': (p) =>
    p.transport ? `Unknown transport "${p.transport}".` : 'Choose the transport.',
  'assignment.travel.referenceTooLong': (p, f) => `Keep the reference to ${f.num(p.max)} characters.`,
  'assignment.confirm.required':
    '{name} has not answered "available" to the alert: record how they confirmed (phone, radio, in person) before offering them.',
  'assignment.confirm.channel': (p) =>
    p.channel ? `Unknown channel "${p.channel}".` : 'Choose how the person confirmed.',
  'assignment.confirm.noteTooLong': (p, f) => `Keep the note to ${f.num(p.max)} characters.`,
  'assignment.version.invalid': 'The version must be a whole number.',
  'assignment.need.filled': (p, f) =>
    `This need is already filled: ${f.plural(p.count, '# person has', '# people have')} been accepted.`,
  'assignment.need.belowFilled': (p, f) =>
    `${f.plural(p.filled, '# person has', '# people have')} already been accepted for this need, so its count cannot go below ${f.num(p.filled)}.`,
  'assignment.need.removeActive': (p, f) =>
    `${f.plural(p.count, '# person is', '# people are')} proposed or assigned for this need: cancel ${p.count === 1 ? 'that assignment' : 'those assignments'} before removing it.`,
  'assignment.propose.forbidden': 'Only LOCC-KCR2 coordinators propose people.',
  'assignment.propose.notFunctionaryNeed': 'Only a need for functionaries takes people.',
  'assignment.propose.unknownPerson': 'Choose a person from the pool.',
  'assignment.propose.requestNotOpen': (p, f) =>
    `The request is ${f.name('status', p.status)}: people are proposed only while it is acknowledged or in progress.`,
  'assignment.propose.overlap': (p, f) =>
    `This person is already ${statusName(f, p.status)} for ${f.name('island', p.island)}, ${f.period(p.periodStart, p.periodEnd)}, which overlaps this period.`,
  'assignment.propose.excluded': (p, f) =>
    `This person does not meet this need (${f.plural(p.count, '# reason', '# reasons')} below).`,
  'assignment.request.onSite': (p, f) =>
    `${f.plural(p.count, '# person is', '# people are')} on site for this request: it cannot be ${p.to === 'withdrawn' ? 'withdrawn' : 'rejected'} until they are released.`,
  'assignment.request.active': (p, f) =>
    `${f.plural(p.count, '# assignment is', '# assignments are')} still active for this request: release, complete or cancel them before closing it.`,
  'assignment.answer.locked':
    'You have been offered to the island for this need, so your answer can no longer be changed here. Call LOCC-KCR2 if anything has changed.',

  'assignment.plan.lines': (p, f) =>
    `Give the lines to propose as a list of {"needId", "functionaryId"}, at most ${f.num(p.max)}.`,

  'assignment.ics.summary': (p, f) => `CCPM deployment: ${f.role(p.role)}, ${f.name('island', p.island)}`,
  'assignment.ics.location': (p, f) => f.name('island', p.island),
  'assignment.ics.description': (p, f) =>
    [
      ...(p.cancelled ? ['CANCELLED.'] : []),
      `${f.role(p.role)} for ${f.name('island', p.island)}, ${f.period(p.periodStart, p.periodEnd)}.`,
      `Report to: ${p.contact}`,
      ...travelLines(p, f),
    ].join('\n'),

  'assignment.mail.offered': (p, f) => {
    const period = f.period(p.periodStart, p.periodEnd)
    const island = f.name('island', p.island)
    const role = f.role(p.role)
    return {
      subject: `Offer: ${p.name}, ${roleIn(f, p.role)} for ${island}, ${period}: accept or decline`,
      text: [
        `LOCC-KCR2 offers ${p.name} as ${roleIn(f, p.role)} for ${island}, ${period}.`,
        `Accept or decline the offer: ${p.url}`,
        '',
        `Name:          ${p.name}`,
        `Role:          ${role}${p.level ? `, ${f.name('level', p.level)}` : ''}${p.minLevel ? ` (the need asks ${f.name('level', p.minLevel)} or above)` : ''}`,
        `Languages:     ${f.list(p.languages.map((l) => f.name('language', l)))}`,
        `Organisation:  ${p.organisation}`,
        `Based on:      ${f.name('island', p.base)}`,
        `Travel time:   ${p.travelMinutes === null ? 'not known' : `about ${hours(p.travelMinutes, f)} from base`}`,
        `Period:        ${period}`,
        `Request:       ${p.requestTitle}`,
        '',
        SIGNATURE,
      ].join('\n'),
    }
  },
  'assignment.mail.accepted': (p, f) => {
    const island = f.name('island', p.island)
    const period = f.period(p.periodStart, p.periodEnd)
    return {
      subject: `Deployment confirmed: ${f.role(p.role)} for ${island}, ${period}`,
      text: [
        `${p.name},`,
        '',
        `${island} has accepted you as ${roleIn(f, p.role)}, ${period}. Thank you.`,
        '',
        `Report to:   ${p.contact}`,
        `Period:      ${period}`,
        ...travelLines(p, f),
        '',
        'The attached calendar file (.ics) holds the deployment.',
        `Your deployment: ${p.url}`,
        '',
        SIGNATURE,
      ].join('\n'),
    }
  },
  'assignment.mail.travelling': (p, f) => {
    const island = f.name('island', p.island)
    return {
      subject: `Travel details: ${island}${p.etd === null ? '' : `, departure ${f.moment(p.etd, p.departureZone)}`}`,
      text: [
        `${p.name},`,
        '',
        `Your travel to ${island} as ${roleIn(f, p.role)} is booked.`,
        '',
        ...travelLines(p, f),
        `Report to:   ${p.contact}`,
        `Period:      ${f.period(p.periodStart, p.periodEnd)}`,
        '',
        'The attached calendar file (.ics) replaces the earlier one.',
        `Your deployment: ${p.url}`,
        '',
        SIGNATURE,
      ].join('\n'),
    }
  },
  'assignment.mail.declined': (p, f) => {
    const island = f.name('island', p.island)
    return {
      subject: `Declined: ${island} declined ${p.name} as ${roleIn(f, p.role)}`,
      text: [
        `${island} has declined ${p.name} as ${roleIn(f, p.role)}, ${f.period(p.periodStart, p.periodEnd)}.`,
        '',
        'Reason:',
        p.reason,
        '',
        `Request: ${p.requestTitle}`,
        `Propose someone else: ${p.url}`,
        '',
        SIGNATURE,
      ].join('\n'),
    }
  },
  'assignment.mail.flagged': (p, f) => {
    const island = f.name('island', p.island)
    return {
      subject: `Check: ${p.name} is no longer available for ${island}, ${f.period(p.periodStart, p.periodEnd)}`,
      text: [
        `${p.name} changed their answer from available to not available while proposed as ${roleIn(f, p.role)} for ${island}.`,
        ...(p.note ? ['', 'Their note:', p.note] : []),
        '',
        'Look at the proposal before offering it to the island; cancel it or record how they confirmed.',
        `The proposal: ${p.url}`,
        '',
        SIGNATURE,
      ].join('\n'),
    }
  },
  'assignment.mail.cancelled': (p, f) => {
    const island = f.name('island', p.island)
    const period = f.period(p.periodStart, p.periodEnd)
    return {
      subject: `Cancelled: your deployment to ${island}, ${period}`,
      text: [
        `${p.name},`,
        '',
        `${CAUSE[p.cause].replace('{island}', island)}: ${f.role(p.role)} for ${island}, ${period}.`,
        ...(p.reason ? ['', 'Reason:', p.reason] : []),
        '',
        'The attached calendar file (.ics) removes it from your calendar. Call LOCC-KCR2 with any question.',
        '',
        SIGNATURE,
      ].join('\n'),
    }
  },
  'assignment.mail.offerCancelled': (p, f) => ({
    subject: `Offer withdrawn: ${p.name}, ${roleIn(f, p.role)}`,
    text: [
      `LOCC-KCR2 has withdrawn the offer of ${p.name} as ${roleIn(f, p.role)} for ${f.name('island', p.island)}, ${f.period(p.periodStart, p.periodEnd)}.`,
      '',
      'Reason:',
      p.reason,
      '',
      `Request: ${p.requestTitle}`,
      `The assignment: ${p.url}`,
      '',
      SIGNATURE,
    ].join('\n'),
  }),

  'audit.assignment.proposed': (p, f) =>
    `${p.actor} proposed ${field(p.after, 'name')} for ${f.name('island', field(p.after, 'island'))}`,
  'audit.assignment.offered': (p, f) => {
    const channel = (p.after?.confirmedBy as { channel?: string } | undefined)?.channel
    return `${p.actor} offered ${field(p.after, 'name')} to ${f.name('island', field(p.after, 'island'))}${channel ? ` (confirmed: ${f.name('confirmChannel', channel)})` : ''}`
  },
  'audit.assignment.accepted': (p) => `${p.actor} accepted ${field(p.after, 'name')}`,
  'audit.assignment.declined': (p) =>
    `${p.actor} declined ${field(p.after, 'name')}: ${field(p.after, 'reason')}`,
  'audit.assignment.travelling': (p) => `${p.actor} recorded the travel of ${field(p.after, 'name')}`,
  'audit.assignment.on_site': (p, f) =>
    `${p.actor} confirmed ${field(p.after, 'name')} on site${p.after?.onBehalf ? ` on behalf of ${f.name('island', field(p.after, 'island'))}` : ''}`,
  'audit.assignment.released': (p) => `${p.actor} released ${field(p.after, 'name')}`,
  'audit.assignment.completed': (p) => `${p.actor} completed the assignment of ${field(p.after, 'name')}`,
  'audit.assignment.cancelled': (p) => {
    const cause = field(p.after, 'cause')
    const why =
      cause === 'request_withdrawn'
        ? ' (request withdrawn)'
        : cause === 'request_rejected'
          ? ' (request rejected)'
          : ''
    return `${p.actor} cancelled the assignment of ${field(p.after, 'name')}${why}: ${field(p.after, 'reason')}`
  },
  'audit.assignment.flagged': (p) => `${p.actor} changed their answer to not available while proposed`,
  'audit.request.in_progress_on_arrival': (p) =>
    `The request moved to in progress: ${field(p.after, 'name')} arrived on site`,
}
