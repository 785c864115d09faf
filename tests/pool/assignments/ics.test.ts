/** The .ics against RFC 5545's rules (CRLF, folding at 75 octets, TEXT escaping, structure), read back by a small independent reader. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  type CalendarEvent,
  calendarAttachment,
  escapeText,
  foldLine,
  icsText,
  renderCalendar,
} from '../../../pool/assignments/index.ts'
import { translatorFor } from '../../../views/i18n/index.ts'
import { anna, assignment, imNeed, NOW, sabaRequest, TRAVEL } from './fixtures.ts'

// ---- a reader written from the RFC, sharing nothing with the writer ----

interface Property {
  name: string
  params: Record<string, string>
  value: string
}
interface Component {
  name: string
  props: Property[]
  children: Component[]
}

/** §3.1: lines end in CRLF; a line starting with one space or tab continues the one before. */
function unfold(text: string): string[] {
  expect(text.endsWith('\r\n')).toBe(true)
  const out: string[] = []
  for (const line of text.slice(0, -2).split('\r\n')) {
    if (line.startsWith(' ') || line.startsWith('\t')) out[out.length - 1] += line.slice(1)
    else out.push(line)
  }
  return out
}

function parseLine(line: string): Property {
  const m = /^([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=[^;:]*)*):(.*)$/s.exec(line)
  if (!m) throw new Error(`not a content line: ${JSON.stringify(line)}`)
  const params: Record<string, string> = {}
  for (const p of m[2]!.split(';').slice(1)) {
    const [k, v] = p.split('=') as [string, string]
    params[k.toUpperCase()] = v
  }
  return { name: m[1]!.toUpperCase(), params, value: m[3]! }
}

function read(text: string): Component {
  const stack: Component[] = [{ name: '', props: [], children: [] }]
  for (const line of unfold(text)) {
    const p = parseLine(line)
    if (p.name === 'BEGIN') {
      const c = { name: p.value, props: [], children: [] }
      stack[stack.length - 1]!.children.push(c)
      stack.push(c)
    } else if (p.name === 'END') {
      expect(stack.pop()!.name).toBe(p.value)
    } else stack[stack.length - 1]!.props.push(p)
  }
  expect(stack).toHaveLength(1)
  expect(stack[0]!.children).toHaveLength(1)
  return stack[0]!.children[0]!
}

/** §3.3.11 TEXT: \\ \; \, and \n (or \N). */
const unescapeText = (v: string) =>
  v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === 'n' || c === 'N' ? '\n' : c))

/** What TEXT can carry of any string: line breaks as \n, no controls but tab. */
const clean = (s: string) =>
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the controls TEXT cannot carry
  s.replace(/\r\n|\r/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '')

const prop = (c: Component, name: string) => c.props.find((p) => p.name === name)
const only = (c: Component, name: string) => {
  const found = c.children.filter((k) => k.name === name)
  expect(found).toHaveLength(1)
  return found[0]!
}

// ---- fixtures ----

const event = (extra: Partial<CalendarEvent> = {}): CalendarEvent => ({
  assignmentId: 'asg-anna',
  sequence: 5,
  stamp: NOW,
  island: 'SA',
  role: 'information_manager',
  periodStart: '2026-09-06',
  periodEnd: '2026-09-20',
  travel: null,
  contact: 'EOT Saba, +599 416 3311',
  cancelled: false,
  ...extra,
})
const words = { summary: 'CCPM deployment', location: 'Saba', description: 'Report to EOT Saba' }
const octets = (s: string) => new TextEncoder().encode(s).length

describe('structure', () => {
  it('one VCALENDAR with one VEVENT, the required properties present once', () => {
    const cal = read(icsText(event(), words))
    expect(cal.name).toBe('VCALENDAR')
    expect(prop(cal, 'VERSION')?.value).toBe('2.0')
    expect(prop(cal, 'PRODID')?.value).toBeTruthy()
    const ev = only(cal, 'VEVENT')
    for (const name of ['UID', 'DTSTAMP', 'DTSTART', 'DTEND', 'SUMMARY', 'SEQUENCE'])
      expect(ev.props.filter((p) => p.name === name)).toHaveLength(1)
    expect(prop(ev, 'DTSTAMP')?.value).toBe('20260905T140000Z')
    expect(prop(ev, 'SEQUENCE')?.value).toBe('5')
    expect(prop(ev, 'STATUS')?.value).toBe('CONFIRMED')
  })

  it('keeps one UID per assignment across versions and stamps', () => {
    const uid = (e: CalendarEvent) => prop(only(read(icsText(e, words)), 'VEVENT'), 'UID')?.value
    expect(uid(event())).toBe('assignment-asg-anna@ccpm')
    expect(uid(event({ sequence: 9, stamp: NOW + 86_400_000, travel: TRAVEL, cancelled: true }))).toBe(
      'assignment-asg-anna@ccpm',
    )
    expect(uid(event({ assignmentId: 'asg-bert' }))).not.toBe(uid(event()))
  })

  it('a cancelled deployment says so', () => {
    expect(prop(only(read(icsText(event({ cancelled: true }), words)), 'VEVENT'), 'STATUS')?.value).toBe(
      'CANCELLED',
    )
  })
})

describe('dates', () => {
  it('without travel: all day, from the first day to the day after the last (DTEND is exclusive)', () => {
    const cal = read(icsText(event(), words))
    const ev = only(cal, 'VEVENT')
    expect(prop(ev, 'DTSTART')).toEqual({ name: 'DTSTART', params: { VALUE: 'DATE' }, value: '20260906' })
    expect(prop(ev, 'DTEND')).toEqual({ name: 'DTEND', params: { VALUE: 'DATE' }, value: '20260921' })
    expect(cal.children.map((c) => c.name)).toEqual(['VEVENT'])
  })

  it('across a month and a year end', () => {
    const ev = only(
      read(icsText(event({ periodStart: '2026-12-20', periodEnd: '2026-12-31' }), words)),
      'VEVENT',
    )
    expect([prop(ev, 'DTSTART')?.value, prop(ev, 'DTEND')?.value]).toEqual(['20261220', '20270101'])
  })

  it.each([
    ['SA', 'America/Kralendijk'],
    ['SE', 'America/Kralendijk'],
    ['BO', 'America/Kralendijk'],
    ['SX', 'America/Lower_Princes'],
    ['CW', 'America/Curacao'],
    ['AW', 'America/Aruba'],
  ])('with travel to %s: from departure on the clock of %s, with its VTIMEZONE', (island, zone) => {
    const cal = read(icsText(event({ island, travel: TRAVEL }), words))
    const tz = only(cal, 'VTIMEZONE')
    expect(prop(tz, 'TZID')?.value).toBe(zone)
    const std = only(tz, 'STANDARD')
    expect([prop(std, 'TZOFFSETFROM')?.value, prop(std, 'TZOFFSETTO')?.value]).toEqual(['-0400', '-0400'])
    expect(prop(std, 'DTSTART')?.value).toMatch(/^\d{8}T\d{6}$/)
    expect(tz.children.filter((c) => c.name === 'DAYLIGHT')).toEqual([])
    const ev = only(cal, 'VEVENT')
    // 10:30 UTC is 06:30 on the islands (UTC−4).
    expect(prop(ev, 'DTSTART')).toEqual({ name: 'DTSTART', params: { TZID: zone }, value: '20260906T063000' })
    expect(prop(ev, 'DTEND')).toEqual({ name: 'DTEND', params: { TZID: zone }, value: '20260921T000000' })
  })

  it('departure after the period ends falls back to all day (DTEND must follow DTSTART)', () => {
    const late = { ...TRAVEL, etd: Date.UTC(2026, 8, 21, 10), eta: Date.UTC(2026, 8, 21, 18) }
    const ev = only(read(icsText(event({ travel: late }), words)), 'VEVENT')
    expect(prop(ev, 'DTSTART')?.params).toEqual({ VALUE: 'DATE' })
  })
})

describe('text', () => {
  it.each([
    ['backslash', 'C:\\ccpm', 'C:\\\\ccpm'],
    ['semicolon', 'a;b', 'a\\;b'],
    ['comma', 'Saba, The Bottom', 'Saba\\, The Bottom'],
    ['newline', 'one\ntwo', 'one\\ntwo'],
    ['CRLF and CR', 'one\r\ntwo\rthree', 'one\\ntwo\\nthree'],
    ['colon and quote stay', 'ETA: "14:30"', 'ETA: "14:30"'],
    ['controls dropped, tab kept', 'a\u0000b\u0007c\td', 'abc\td'],
  ])('%s', (_, raw, escaped) => {
    expect(escapeText(raw)).toBe(escaped)
    const ev = only(read(icsText(event(), { ...words, description: raw })), 'VEVENT')
    expect(prop(ev, 'DESCRIPTION')?.value).toBe(escaped)
  })
})

describe('lines', () => {
  const long =
    'Vertrek: zo 6 sep 06:30 (plaatselijke tijd), aankomst Saba 14:30; vervoer: lijnvlucht KL785, ' +
    'daarna WM312 — melden bij EOT Saba, Kelbeystraat, The Bottom 🌀 ü é ñ '.repeat(4)

  it('end in CRLF, with no bare CR or LF', () => {
    const text = icsText(event({ travel: TRAVEL }), { ...words, description: long })
    expect(text.endsWith('\r\n')).toBe(true)
    expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/)
  })

  it('are folded at 75 octets, continuations starting with one space, never inside a character', () => {
    const text = icsText(event({ travel: TRAVEL }), { ...words, description: long })
    const physical = text.slice(0, -2).split('\r\n')
    expect(physical.some((l) => l.startsWith(' '))).toBe(true)
    for (const line of physical) {
      expect(octets(line)).toBeLessThanOrEqual(75)
      expect(line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/)
    }
    const ev = only(read(text), 'VEVENT')
    expect(unescapeText(prop(ev, 'DESCRIPTION')!.value)).toBe(long)
  })

  it.each([
    ['exactly 75 octets stays one line', 'X'.repeat(75), 1],
    ['76 octets fold once', 'X'.repeat(76), 2],
    ['a 3-octet character at the edge moves whole', `${'X'.repeat(74)}€`, 2],
  ])('%s', (_, line, count) => {
    const folded = foldLine(line)
    expect(folded.split('\r\n')).toHaveLength(count)
    expect(folded.replaceAll('\r\n ', '')).toBe(line)
  })

  /** Any Unicode, or text dense in what TEXT must escape, fold or drop. */
  const anyText = (maxLength: number) =>
    fc.oneof(
      fc.string({ unit: 'binary', maxLength }),
      fc.string({
        unit: fc.constantFrom('\\', ';', ',', '\n', '\r', ' ', 'a', 'é', '€', '🌀', '\t', '\u0001'),
        maxLength,
      }),
    )

  it('any text survives writing and reading back', () => {
    fc.assert(
      fc.property(anyText(300), anyText(80), (desc, summary) => {
        const text = icsText(event({ travel: TRAVEL }), { summary, location: 'Saba', description: desc })
        for (const line of text.slice(0, -2).split('\r\n')) expect(octets(line)).toBeLessThanOrEqual(75)
        expect(text.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/)
        const ev = only(read(text), 'VEVENT')
        // Outside an escape pair, TEXT holds no backslash, semicolon or comma.
        for (const name of ['DESCRIPTION', 'SUMMARY'])
          expect(prop(ev, name)!.value.replace(/\\[\\;,nN]/g, '')).not.toMatch(/[\\;,]/)
        expect(unescapeText(prop(ev, 'DESCRIPTION')!.value)).toBe(clean(desc))
        expect(unescapeText(prop(ev, 'SUMMARY')!.value)).toBe(clean(summary))
      }),
      { numRuns: 300 },
    )
  })
})

describe('in the reader’s language', () => {
  const after = assignment({ status: 'travelling', travel: TRAVEL, version: 7 })
  const att = calendarAttachment(
    after,
    { request: sabaRequest, need: imNeed, person: anna, baseUrl: 'https://ccpm.example' },
    NOW,
  )
  it.each([
    ['en', 'CCPM deployment: Information manager, Saba', 'Report to: EOT Saba'],
    ['nl', 'CCPM-inzet: Informatiemanager, Saba', 'Melden bij: EOT Saba'],
    ['pap', 'Asignashon CCPM: Gerente di informashon, Saba', 'Reportá na: EOT Saba'],
  ] as const)('%s', (locale, summary, report) => {
    const ev = only(read(renderCalendar(att, translatorFor(locale).m)), 'VEVENT')
    expect(unescapeText(prop(ev, 'SUMMARY')!.value)).toBe(summary)
    expect(unescapeText(prop(ev, 'LOCATION')!.value)).toBe('Saba')
    const description = unescapeText(prop(ev, 'DESCRIPTION')!.value)
    expect(description).toContain(report)
    expect(description).toContain('KL785 / WM312')
    expect(description).toContain('14:30') // arrival, island time
    expect(prop(ev, 'SEQUENCE')?.value).toBe('7')
  })
})
