/** The mails a request's lifecycle sends, as plain text that carries everything needed to act on a weak link. */

import type { Priority } from '../reference/codes.ts'
import { islandName } from '../reference/islands.ts'
import type { NamedActor } from '../shared/actor.ts'
import type { Mail } from '../shared/mail.ts'
import type { Change, Need, NeedInput, RequestRecord } from './types.ts'

/** What mails need beyond the records: where the app lives and the English names of codes. */
export interface MailContext {
  baseUrl: string
  roleNames: Readonly<Record<string, string>> // code → English name, e.g. "Information manager"
  rolePlurals?: Readonly<Record<string, string>> // code → plural, where the simple rule fails
  unitTypeNames?: Readonly<Record<string, string>>
  languageNames?: Readonly<Record<string, string>>
  incidentName?: string | null
}

export interface Recipients {
  coordinators: readonly string[]
  islandContacts: readonly string[]
}

/** Priority first, so that an inbox sorts itself by eye; normal priority carries no prefix and stands back. */
const PREFIX: Record<Priority, string> = { urgent: 'URGENT – ', high: 'HIGH – ', normal: '' }

const UNIT_TYPES: Record<string, string> = {
  reconnaissance: 'reconnaissance',
  light_usar: 'light USAR',
  logistics: 'logistics',
  water_purification: 'water purification',
  communications: 'communications',
  medical: 'medical',
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "Information manager" → "information manager"; an acronym such as "HRC" keeps its capitals. */
function lowerFirst(name: string): string {
  return /^[A-Z][a-z]/.test(name) ? name[0]!.toLowerCase() + name.slice(1) : name
}

/** Plural of an English noun phrase: the head noun is the word before " of ", else the last word. */
export function pluralise(phrase: string): string {
  const of = phrase.indexOf(' of ')
  const head = of >= 0 ? phrase.slice(0, of) : phrase
  const rest = of >= 0 ? phrase.slice(of) : ''
  const match = /(\S+)$/.exec(head)
  if (!match) return phrase
  const word = match[1]!
  let plural = `${word}s`
  if (/[^aeiou]y$/i.test(word)) plural = `${word.slice(0, -1)}ies`
  else if (/(s|x|z|ch|sh)$/i.test(word)) plural = `${word}es`
  return head.slice(0, head.length - word.length) + plural + rest
}

export function roleLabel(code: string, count: number, ctx: MailContext): string {
  const name = lowerFirst(ctx.roleNames[code] ?? code.replaceAll('_', ' '))
  if (count === 1) return name
  const given = ctx.rolePlurals?.[code]
  return given ? lowerFirst(given) : pluralise(name)
}

function unitLabel(code: string, count: number, ctx: MailContext): string {
  const name = ctx.unitTypeNames?.[code] ?? UNIT_TYPES[code] ?? code.replaceAll('_', ' ')
  return `HRC ${name} unit${count === 1 ? '' : 's'}`
}

/** "2 information managers, 1 HRC reconnaissance unit, +1 other": counts summed per role and unit type. */
export function needSummary(needs: readonly (Need | NeedInput)[], ctx: MailContext, max = 3): string {
  const roles = new Map<string, number>()
  const units = new Map<string, number>()
  let others = 0
  for (const need of needs) {
    if (need.kind === 'functionary') roles.set(need.role, (roles.get(need.role) ?? 0) + need.count)
    else if (need.kind === 'capacity') units.set(need.unitType, (units.get(need.unitType) ?? 0) + need.count)
    else others++
  }
  const parts = [
    ...[...roles].map(([code, n]) => `${n} ${roleLabel(code, n, ctx)}`),
    ...[...units].map(([code, n]) => `${n} ${unitLabel(code, n, ctx)}`),
  ]
  if (parts.length > max) return [...parts.slice(0, max), `+${parts.length - max + others} more`].join(', ')
  if (others && parts.length === 0) return `${others} other need${others === 1 ? '' : 's'}`
  if (others) parts.push(`+${others} other`)
  return parts.join(', ')
}

function day(iso: string): { d: number; m: string; y: string } {
  const [y = '', m = '', d = ''] = iso.split('-')
  return { d: Number(d), m: MONTHS[Number(m) - 1] ?? m, y }
}

/** "6–20 Sep 2026", "28 Sep – 4 Oct 2026", "28 Dec 2026 – 4 Jan 2027". */
export function formatPeriod(start: string, end: string): string {
  const a = day(start)
  const b = day(end)
  if (start === end) return `${b.d} ${b.m} ${b.y}`
  if (a.y !== b.y) return `${a.d} ${a.m} ${a.y} – ${b.d} ${b.m} ${b.y}`
  if (a.m !== b.m) return `${a.d} ${a.m} – ${b.d} ${b.m} ${b.y}`
  return `${a.d}–${b.d} ${b.m} ${b.y}`
}

function excerpt(text: string, max = 600): string {
  const flat = text.trim()
  if (flat.length <= max) return flat
  const cut = flat.slice(0, max)
  const space = cut.lastIndexOf(' ')
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`
}

const oneLine = (text: string): string => text.replace(/\s+/g, ' ').trim()
const langs = (codes: readonly string[], ctx: MailContext) =>
  codes.map((c) => ctx.languageNames?.[c] ?? c).join(', ')

/** One line per need, with all a coordinator needs to search the pool. */
export function needLine(need: Need | NeedInput, request: RequestRecord, ctx: MailContext): string {
  if (need.kind === 'other') return `Other: ${oneLine(need.description)}, quantity ${need.quantity}`
  if (need.kind === 'capacity')
    return `${need.count} ${unitLabel(need.unitType, need.count, ctx)}${need.notes ? `. Notes: ${oneLine(need.notes)}` : ''}`
  const parts = [`${need.count} ${roleLabel(need.role, need.count, ctx)}, ${need.minLevel} or above`]
  if (need.languages.length) parts.push(`speaking ${langs(need.languages, ctx)}`)
  if (need.preferredLanguages.length) parts.push(`preferably ${langs(need.preferredLanguages, ctx)}`)
  parts.push(formatPeriod(need.periodStart ?? request.periodStart, need.periodEnd ?? request.periodEnd))
  if (need.remoteOk) parts.push('remote acceptable')
  return `${parts.join('; ')}${need.notes ? `. Notes: ${oneLine(need.notes)}` : ''}`
}

const link = (request: RequestRecord, ctx: MailContext) =>
  `${ctx.baseUrl.replace(/\/+$/, '')}/requests/${request.id}`

function facts(request: RequestRecord, needs: readonly NeedInput[], ctx: MailContext): string[] {
  const lines = [
    `Island:   ${islandName(request.island)} (${request.island})`,
    `Title:    ${oneLine(request.title)}`,
    `Priority: ${request.priority}`,
    `Phase:    ${request.phase === 'warm' ? 'warm (response)' : 'cold (preparation)'}`,
    `Period:   ${formatPeriod(request.periodStart, request.periodEnd)}`,
  ]
  if (ctx.incidentName) lines.push(`Incident: ${oneLine(ctx.incidentName)}`)
  if (request.contact) lines.push(`Contact:  ${oneLine(request.contact)}`)
  lines.push(
    '',
    'Needs:',
    ...(needs.length ? needs.map((n) => `- ${needLine(n, request, ctx)}`) : ['- none']),
  )
  return lines
}

function send(to: readonly string[], subject: string, lines: string[]): Mail[] {
  const text = `${lines.join('\n')}\n`
  const unique = [...new Set(to.map((a) => a.trim()).filter(Boolean))]
  return unique.map((address) => ({ to: address, subject: oneLine(subject), text }))
}

/** To every coordinator: a new request, priority first in the subject. */
export function submittedMails(
  request: RequestRecord,
  needs: readonly Need[],
  actor: NamedActor,
  to: readonly string[],
  ctx: MailContext,
): Mail[] {
  const island = islandName(request.island)
  const summary = needs.length ? needSummary(needs, ctx) : 'assistance'
  const by = request.onBehalf ? `${actor.name} (LOCC-KCR2, on behalf of ${island})` : actor.name
  return send(to, `${PREFIX[request.priority]}${island} requests ${summary}`, [
    `${island} asks for assistance. Submitted by ${by}.`,
    '',
    ...facts(request, needs, ctx),
    '',
    'Situation:',
    excerpt(request.situation),
    '',
    `Acknowledge or reject it: ${link(request, ctx)}`,
  ])
}

/** The mails that follow a transition; `request` is the record after it. */
export function transitionMails(
  request: RequestRecord,
  needs: readonly Need[],
  actor: NamedActor,
  recipients: Recipients,
  ctx: MailContext,
): Mail[] {
  const island = islandName(request.island)
  const title = oneLine(request.title)
  const url = link(request, ctx)
  switch (request.status) {
    case 'submitted':
      return submittedMails(request, needs, actor, recipients.coordinators, ctx)
    case 'acknowledged':
      return send(recipients.islandContacts, `Acknowledged – LOCC-KCR2 has taken on your request: ${title}`, [
        `${actor.name} of LOCC-KCR2 has acknowledged the request of ${island}: "${title}".`,
        'LOCC-KCR2 now looks for people and units. Each offer comes to you to accept or decline.',
        '',
        ...facts(request, needs, ctx),
        '',
        `Follow it: ${url}`,
      ])
    case 'rejected':
      return send(recipients.islandContacts, `Rejected – your request: ${title}`, [
        `${actor.name} of LOCC-KCR2 has rejected the request of ${island}: "${title}".`,
        '',
        'Reason:',
        request.reason ?? '',
        '',
        'Call LOCC-KCR2 if the need remains; a new request can be filed at any time.',
        `The request: ${url}`,
      ])
    case 'withdrawn':
      return send(recipients.coordinators, `Withdrawn – ${island} withdrew its request: ${title}`, [
        `${actor.name} has withdrawn the request of ${island}: "${title}".`,
        '',
        'Reason:',
        request.reason ?? '',
        '',
        'Stop any search or offer for it.',
        `The request: ${url}`,
      ])
    case 'closed': {
      // Closing tells the other side: the island closes for LOCC-KCR2, a coordinator for the island.
      const to = actor.role === 'island' ? recipients.coordinators : recipients.islandContacts
      return send(to, `Closed – the request of ${island}: ${title}`, [
        `${actor.name} has closed the request of ${island}: "${title}".`,
        ...(request.reason ? ['', 'Note:', request.reason] : []),
        '',
        `The request: ${url}`,
      ])
    }
    default:
      return []
  }
}

const FIELD_LABEL: Record<string, string> = {
  title: 'Title',
  situation: 'Situation',
  phase: 'Phase',
  priority: 'Priority',
  periodStart: 'Period start',
  periodEnd: 'Period end',
  incidentId: 'Incident',
  contact: 'Contact',
}

/** One line per change, readable without the page. */
export function changeLines(changes: readonly Change[], request: RequestRecord, ctx: MailContext): string[] {
  return changes.map((c) => {
    if (c.field === 'needs') {
      if (c.change === 'added') return `Added need: ${needLine(c.after!, request, ctx)}`
      if (c.change === 'removed') return `Removed need: ${needLine(c.before!, request, ctx)}`
      return `Changed need: ${needLine(c.before!, request, ctx)} → ${needLine(c.after!, request, ctx)}`
    }
    if (c.field === 'situation') return 'Situation: rewritten (the new text is below)'
    return `${FIELD_LABEL[c.field]}: ${c.before ?? '(none)'} → ${c.after ?? '(none)'}`
  })
}

/** To the coordinators: an island changed a request they already took on. */
export function revisedMails(
  request: RequestRecord,
  needs: readonly NeedInput[],
  changes: readonly Change[],
  actor: NamedActor,
  to: readonly string[],
  ctx: MailContext,
): Mail[] {
  const island = islandName(request.island)
  const title = oneLine(request.title)
  const situation = changes.some((c) => c.field === 'situation')
  return send(to, `Changed – ${island} changed its request (version ${request.revision}): ${title}`, [
    `${actor.name} changed the request of ${island} after LOCC-KCR2 acknowledged it. This is version ${request.revision}.`,
    '',
    'What changed:',
    ...changeLines(changes, request, ctx).map((line) => `- ${line}`),
    '',
    ...facts(request, needs, ctx),
    ...(situation ? ['', 'Situation:', excerpt(request.situation)] : []),
    '',
    `See the request: ${link(request, ctx)}`,
  ])
}
