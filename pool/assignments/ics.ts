/**
 * The deployment as an iCalendar file (RFC 5545): one VCALENDAR with one VEVENT, stable UID per
 * assignment, the island's time zone, CRLF lines folded at 75 octets, text escaped. Pure: its
 * words come in already rendered in the reader's language (`calendarWords` says which).
 */
import { timeZoneOf } from '../reference/index.ts'
import type { CalendarMessage } from './messages.ts'
import type { CalendarAttachment, CalendarEvent } from './types.ts'

/** The islands keep Atlantic Standard Time (UTC−4) all year, so one STANDARD block describes each. */
const FIXED_ZONES: Readonly<Record<string, { minutes: number; offset: string; name: string }>> = {
  'America/Kralendijk': { minutes: -240, offset: '-0400', name: 'AST' },
  'America/Lower_Princes': { minutes: -240, offset: '-0400', name: 'AST' },
  'America/Curacao': { minutes: -240, offset: '-0400', name: 'AST' },
  'America/Aruba': { minutes: -240, offset: '-0400', name: 'AST' },
}

export interface CalendarWords {
  summary: string
  location: string
  description: string
}

/** The catalogue entries that word the event; render each in the reader's language. */
export function calendarWords(e: CalendarEvent): Record<keyof CalendarWords, CalendarMessage> {
  return {
    summary: { code: 'assignment.ics.summary', params: { role: e.role, island: e.island } },
    location: { code: 'assignment.ics.location', params: { island: e.island } },
    description: {
      code: 'assignment.ics.description',
      params: {
        role: e.role,
        island: e.island,
        periodStart: e.periodStart,
        periodEnd: e.periodEnd,
        contact: e.contact,
        etd: e.travel?.etd ?? null,
        eta: e.travel?.eta ?? null,
        transport: e.travel?.transport ?? null,
        reference: e.travel?.reference || null,
        zone: timeZoneOf(e.island),
        cancelled: e.cancelled,
      },
    },
  }
}

/** Controls TEXT may not hold (all but HTAB; line breaks are escaped before they are stripped). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching these controls is the point
const CONTROLS = /[\u0000-\u0008\u000b-\u001f\u007f]/g

/** TEXT values (RFC 5545 §3.3.11): backslash, semicolon, comma and line breaks escaped; other controls dropped. */
export function escapeText(text: string): string {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(CONTROLS, '')
}

const octets = (cp: number) => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4)

/** One content line folded (§3.1): no physical line longer than 75 octets, never inside a character. */
export function foldLine(line: string): string {
  const out: string[] = []
  let current = ''
  let size = 0
  for (const ch of line) {
    const n = octets(ch.codePointAt(0)!)
    if (size + n > 75) {
      out.push(current)
      current = ' '
      size = 1
    }
    current += ch
    size += n
  }
  out.push(current)
  return out.join('\r\n')
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0')
const dateValue = (d: Date) =>
  `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}`
const timeValue = (d: Date) => `${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`

/** An ISO date `plus` days, as a Date at UTC midnight (DTEND is exclusive: the day after the last). */
function day(iso: string, plus = 0): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number]
  return new Date(Date.UTC(y, m - 1, d + plus))
}

function vtimezone(zone: string): string[] {
  const z = FIXED_ZONES[zone]!
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${zone}`,
    'BEGIN:STANDARD',
    'DTSTART:19700101T000000',
    `TZOFFSETFROM:${z.offset}`,
    `TZOFFSETTO:${z.offset}`,
    `TZNAME:${z.name}`,
    'END:STANDARD',
    'END:VTIMEZONE',
  ]
}

/**
 * When the deployment runs: from departure in the island's time zone when travel is known (and
 * departs before the period ends), else all day from the period's first to its last day.
 */
function when(e: CalendarEvent): { zone: string | null; lines: string[] } {
  const end = day(e.periodEnd, 1)
  const zone = timeZoneOf(e.island)
  const fixed = FIXED_ZONES[zone]
  if (e.travel && fixed) {
    const start = new Date(e.travel.etd + fixed.minutes * 60_000)
    if (start < end)
      return {
        zone,
        lines: [
          `DTSTART;TZID=${zone}:${dateValue(start)}T${timeValue(start)}`,
          `DTEND;TZID=${zone}:${dateValue(end)}T000000`,
        ],
      }
  }
  return {
    zone: null,
    lines: [`DTSTART;VALUE=DATE:${dateValue(day(e.periodStart))}`, `DTEND;VALUE=DATE:${dateValue(end)}`],
  }
}

/** The calendar file: CRLF after every line, the last included. */
export function icsText(e: CalendarEvent, words: CalendarWords): string {
  const stamp = new Date(e.stamp)
  const { zone, lines: times } = when(e)
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//LOCC-KCR2//CCPM//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...(zone ? vtimezone(zone) : []),
    'BEGIN:VEVENT',
    `UID:assignment-${e.assignmentId}@ccpm`,
    `DTSTAMP:${dateValue(stamp)}T${timeValue(stamp)}Z`,
    `SEQUENCE:${e.sequence}`,
    ...times,
    `SUMMARY:${escapeText(words.summary)}`,
    `LOCATION:${escapeText(words.location)}`,
    `DESCRIPTION:${escapeText(words.description)}`,
    `STATUS:${e.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    'TRANSP:OPAQUE',
    'END:VEVENT',
    'END:VCALENDAR',
  ]
  return `${lines.map(foldLine).join('\r\n')}\r\n`
}

/** An attachment's file, its words rendered by `say` (the recipient's catalogue: `translator.m`). */
export function renderCalendar(att: CalendarAttachment, say: (m: CalendarMessage) => string): string {
  const w = calendarWords(att.calendar)
  return icsText(att.calendar, {
    summary: say(w.summary),
    location: say(w.location),
    description: say(w.description),
  })
}
