/**
 * Who is told what when an assignment moves: decisions (recipient, language, catalogue code and
 * values, an `.ics` where the person's calendar should change). The catalogue renders them later.
 */
import { timeZoneOf } from '../reference/index.ts'
import type { AssignmentMail, CancelCause } from './messages.ts'
import type {
  Assignment,
  CalendarAttachment,
  MailDecision,
  NeedFacts,
  PersonFacts,
  Recipient,
  RequestFacts,
} from './types.ts'

/** What the mails read beyond the assignment. */
export interface MailFacts {
  request: RequestFacts
  need: NeedFacts
  person: PersonFacts
  baseUrl: string
  /** Door-to-door minutes from the person's base to the island (the travel-time table), if known. */
  travelMinutes?: number | null
}

/** The one page of an assignment; the island, the coordinator and the person each see it in their scope. */
export const assignmentUrl = (baseUrl: string, id: string): string =>
  `${baseUrl.replace(/\/+$/, '')}/assignments/${id}`

function about(a: Assignment, f: MailFacts) {
  return {
    name: f.person.name,
    island: a.island,
    role: f.need.role ?? '',
    periodStart: a.periodStart,
    periodEnd: a.periodEnd,
    requestTitle: f.request.title,
    url: assignmentUrl(f.baseUrl, a.id),
  }
}

function deployment(a: Assignment, f: MailFacts) {
  return {
    ...about(a, f),
    contact: f.request.contact,
    etd: a.travel?.etd ?? null,
    eta: a.travel?.eta ?? null,
    transport: a.travel?.transport ?? null,
    reference: a.travel?.reference || null,
    zone: timeZoneOf(a.island),
    departureZone: timeZoneOf(f.person.base),
  }
}

/** One mail per distinct address, each in its reader's language. */
function send(to: readonly Recipient[], message: AssignmentMail): MailDecision[] {
  const seen = new Set<string>()
  const out: MailDecision[] = []
  for (const r of to) {
    const address = r.address.trim()
    if (!address || seen.has(address.toLowerCase())) continue
    seen.add(address.toLowerCase())
    out.push({ to: address, locale: r.locale, message })
  }
  return out
}

const toPerson = (f: MailFacts): Recipient => ({ address: f.person.email, locale: f.person.locale })

/** The person's calendar entry for the deployment; `a` is the assignment after the step. */
export function calendarAttachment(
  a: Assignment,
  f: MailFacts,
  now: number,
  cancelled = false,
): CalendarAttachment {
  return {
    filename: `deployment-${a.id}.ics`,
    contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
    calendar: {
      assignmentId: a.id,
      sequence: a.version,
      stamp: now,
      island: a.island,
      role: f.need.role ?? '',
      periodStart: a.periodStart,
      periodEnd: a.periodEnd,
      travel: a.travel,
      contact: f.request.contact,
      cancelled,
    },
  }
}

/** To the island: a person offered, with what it needs to decide. */
export function offeredMails(a: Assignment, f: MailFacts, island: readonly Recipient[]): MailDecision[] {
  return send(island, {
    code: 'assignment.mail.offered',
    params: {
      ...about(a, f),
      level: f.person.level,
      minLevel: f.need.minLevel ?? null,
      languages: f.person.languages,
      organisation: f.person.organisation,
      base: f.person.base,
      travelMinutes: f.travelMinutes ?? null,
    },
  })
}

/** To the person: accepted (with what is known of the travel) or on the way; both carry the `.ics`. */
export function deploymentMails(
  a: Assignment,
  f: MailFacts,
  code: 'assignment.mail.accepted' | 'assignment.mail.travelling',
  now: number,
): MailDecision[] {
  return send([toPerson(f)], { code, params: deployment(a, f) }).map((m) => ({
    ...m,
    attachments: [calendarAttachment(a, f, now)],
  }))
}

/** To the coordinators: the island declined, and why. */
export function declinedMails(
  a: Assignment,
  f: MailFacts,
  coordinators: readonly Recipient[],
): MailDecision[] {
  return send(coordinators, {
    code: 'assignment.mail.declined',
    params: { ...about(a, f), reason: a.reason ?? '' },
  })
}

/** To the coordinators: the person took back "available" while proposed. */
export function flaggedMails(
  a: Assignment,
  f: MailFacts,
  note: string | null,
  coordinators: readonly Recipient[],
): MailDecision[] {
  return send(coordinators, { code: 'assignment.mail.flagged', params: { ...about(a, f), note } })
}

/**
 * A cancellation tells those who already knew: the island once it had the offer, the person once
 * the island accepted (with a cancelled `.ics`). The island is not told of the end of its own request.
 */
export function cancelledMails(
  before: Assignment,
  after: Assignment,
  f: MailFacts,
  cause: CancelCause,
  island: readonly Recipient[],
  now: number,
): MailDecision[] {
  const reason = after.reason ?? ''
  const mails: MailDecision[] = []
  if (cause === 'coordinator' && ['offered', 'accepted', 'travelling'].includes(before.status))
    mails.push(
      ...send(island, { code: 'assignment.mail.offerCancelled', params: { ...about(after, f), reason } }),
    )
  if (['accepted', 'travelling'].includes(before.status))
    mails.push(
      ...send([toPerson(f)], {
        code: 'assignment.mail.cancelled',
        params: { ...about(after, f), reason, cause },
      }).map((m) => ({ ...m, attachments: [calendarAttachment(after, f, now, true)] })),
    )
  return mails
}
