/** Every message pool/ (and server/) can put on a page has Dutch: found in the source, and produced for real. */
import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { localise, untranslated } from '../../views/i18n/domain.ts'
import { requestMessages } from './domain-scenarios.ts'
import { poolMessages } from './pool-scenarios.ts'
import { type Found, messagesIn } from './source-messages.ts'

const root = new URL('../../', import.meta.url)
const read = (path: string) => readFileSync(new URL(path, root), 'utf8')
const filesIn = (dir: string, keep: (name: string) => boolean) =>
  (readdirSync(new URL(dir, root), { recursive: true }) as string[])
    .filter(keep)
    .map((name) => `${dir}/${name}`)

/** Mail text stays English: the mail files are left out, and mail functions elsewhere (see source-messages.ts). */
const MAIL_FILES = ['pool/requests/mails.ts', 'pool/shared/mail.ts']
const poolFiles = filesIn('pool', (n) => n.endsWith('.ts')).filter((f) => !MAIL_FILES.includes(f))
const serverFiles = [
  ...filesIn('server/services', (n) => n.endsWith('.ts')),
  ...filesIn('server/middleware', (n) => n.endsWith('.ts')),
]
const scan = (files: string[]) => files.map((f) => messagesIn(f, read(f)))
const pool = scan(poolFiles)
const server = scan(serverFiles)

/**
 * What a placeholder stands for when the value matters to the Dutch: a phrase pool/ fills in.
 * Any other placeholder is tried with each of GENERIC (a number, a code, a name).
 */
const SAMPLES: Record<string, string> = {
  noun: 'language',
  'WORDS[to]?.[1] ?? `moved to "${to}"`': 'made a draft again',
  'stateOf(to)': 'acknowledged',
  'stateOf(request.status)': 'still a draft',
  'WORDS[to][1]': 'marked in progress',
  who: 'the island that asked or an LOCC-KCR2 coordinator',
  'WORDS[to][2]': 'mark this request in progress',
  "to === 'rejected' ? 'island' : 'coordinators'": 'coordinators',
  'request.status': 'in_progress',
  "request.status.replace('_', ' ')": 'submitted',
  "alert.answer === 'available' ? 'available' : 'not available'": 'not available',
  "missing.length > 1 ? 's' : ''": 's',
  other: 'roles',
}
/** Phrases of pool/ that no message can contain today; ./words.ts has their Dutch all the same. */
const UNREACHABLE = [
  // WORDS.draft's act: no transition leads back to draft, so "A request cannot be made a draft
  // again." comes first and "Only … can make it a draft again." is never said.
  'make it a draft again',
]
const GENERIC = ['1,000', 'information_manager', 'Anna de Vries']

/** The sample of `found` that translates, or the first one tried (for the failure message). */
function bestSample(found: Found): string {
  const samples = GENERIC.map((generic) => found.sample((expr) => SAMPLES[expr] ?? generic))
  return samples.find((s) => untranslated(s).length === 0) ?? samples[0]!
}

function expectDutch(messages: { where: string; english: string }[]) {
  const missing = messages.filter((m) => untranslated(m.english).length > 0)
  expect(missing.map((m) => `${m.where}: ${m.english}`)).toEqual([])
  for (const { english } of messages) expect(localise('nl', english)).not.toBe(english)
}

describe('the Dutch for the messages in the source', () => {
  const sentences = [...pool, ...server].flatMap((f) => f.sentences)

  it('finds the messages (a guard against a scanner that finds nothing)', () => {
    expect(sentences.length).toBeGreaterThan(130)
    expect(sentences.map((s) => s.template)).toContain('Give the request a short title.')
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the template as pool/incidents.ts writes it
    expect(sentences.map((s) => s.template)).toContain('Keep the name to ${NAME_MAX} characters.')
  })

  it('has Dutch for every sentence of pool/ and server/', () => {
    expectDutch(sentences.map((s) => ({ where: `${s.where} ${s.template}`, english: bestSample(s) })))
  })

  it("has Dutch for server/'s own lower-case messages", () => {
    const phrases = server.flatMap((f) => f.phrases)
    expectDutch(phrases.map((p) => ({ where: p.where, english: bestSample(p) })))
  })

  it('has Dutch for the messages of the HTML routes', () => {
    const routes = filesIn('server/routes', (n) => n.endsWith('.tsx'))
    const thrown = routes.flatMap((f) =>
      [...read(f).matchAll(/HTTPException\(\d+, \{ message: '([^']+)' \}\)/g)].map((m) => ({
        where: f,
        english: m[1]!,
      })),
    )
    expect(thrown.length).toBeGreaterThan(2)
    expectDutch(thrown)
  })
})

describe('the Dutch for the messages pool/ produces', () => {
  const produced = [...new Set([...requestMessages(), ...poolMessages()])]

  it('translates every message of every scenario, sentence by sentence', () => {
    expect(produced.length).toBeGreaterThan(100)
    expectDutch(produced.map((english) => ({ where: 'scenario', english })))
  })

  it('puts every phrase of pool/ to the test in some scenario message', () => {
    const phrases = pool.flatMap((f) => f.phrases).filter((p) => !UNREACHABLE.includes(p.template))
    expect(phrases.length).toBeGreaterThan(15)
    const unused = phrases.filter((p) => {
      const parts = p.template.split(/\$\{[^}]*\}/).map((s) => s.replace(/[.*+?^$()|[\]\\]/g, '\\$&'))
      const pattern = new RegExp(parts.join('.+'))
      return !produced.some((m) => pattern.test(m))
    })
    expect(unused.map((p) => `${p.where}: ${p.template}`)).toEqual([])
  })
})

describe('localise', () => {
  it('leaves English as it is', () => {
    expect(localise('en', 'Give the request a short title.')).toBe('Give the request a short title.')
  })

  it.each([
    ['Give the request a short title.', 'Geef het verzoek een korte titel.'],
    ['Keep the name to 200 characters.', 'Gebruik voor de naam hoogstens 200 tekens.'],
    ['Keep this to 1,000 characters (now 1,234).', 'Gebruik hier hoogstens 1.000 tekens (nu 1.234).'],
    ['This request is already acknowledged.', 'Dit verzoek is al in behandeling genomen.'],
    [
      'This request is still a draft, so it cannot be closed.',
      'Dit verzoek is nog een concept en kan daarom niet worden afgesloten.',
    ],
    [
      'Only an LOCC-KCR2 coordinator can acknowledge this request.',
      'Alleen een coördinator van LOCC-KCR2 kan dit verzoek in behandeling nemen.',
    ],
    ['email: Enter the e-mail address.', 'email: Vul het e-mailadres in.'],
  ])('%s', (english, dutch) => {
    expect(localise('nl', english)).toBe(dutch)
  })

  it('translates a message of several sentences one by one, also around a full stop in a name', () => {
    expect(
      localise('nl', 'Anna is not active in the pool. J. R. Smith lacks the required language en.'),
    ).toBe('Anna is niet actief in de pool. J. R. Smith mist de vereiste taal en.')
    expect(localise('nl', 'Give the request a title. Add at least one need before submitting.')).toBe(
      'Geef het verzoek een titel. Voeg minstens één behoefte toe voordat u het verzoek indient.',
    )
  })

  it('keeps an unknown message English, and the known sentences around it Dutch', () => {
    expect(localise('nl', 'Something new happened.')).toBe('Something new happened.')
    expect(localise('nl', 'Something new. Give the request a title.')).toBe(
      'Something new. Geef het verzoek een titel.',
    )
    expect(untranslated('Something new. Give the request a title.')).toEqual(['Something new.'])
    expect(localise('nl', '')).toBe('')
  })

  it('does not take apart a sentence whose phrase it does not know', () => {
    expect(localise('nl', 'Only the mayor can close this request.')).toBe(
      'Only the mayor can close this request.',
    )
  })
})
