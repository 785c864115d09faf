/** The pool register and the functionary's own profile as pages, as a browser without JavaScript uses them. */
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditTrail } from '../../../db/queries/audit.ts'
import { allFunctionaries } from '../../../db/queries/functionaries.ts'
import { functionaries, unavailability } from '../../../db/schema/index.ts'
import type { FunctionaryRecord } from '../../../pool/functionaries/index.ts'
import { ORIGIN, type TestApp, testApp } from '../../helpers/app.ts'

let t: TestApp
let coordinator: string
let everyone: FunctionaryRecord[]
beforeAll(async () => {
  t = await testApp()
  coordinator = await t.login('coordinator@demo.ccpm')
  everyone = await allFunctionaries(t.db)
})
afterAll(() => t.close())

const RANK = { trainee: 0, qualified: 1, senior: 2 }
/** "1–50 of 240" → 240; and the ids linked from the rows. */
const totalOf = (html: string) => Number(/\d+–\d+ of (\d+)/.exec(html)?.[1] ?? 0)
const idsOf = (html: string) => [...html.matchAll(/<td[^>]*><a href="\/pool\/([\w-]+)">/g)].map((m) => m[1])
const list = async (query: string) => {
  const res = await t.get(`/pool${query}`, coordinator)
  expect(res.status).toBe(200)
  return res.text()
}
const person = (over: Record<string, string | string[]> = {}) => ({
  name: 'Ruth Hassell',
  email: 'ruth.hassell@example.sx',
  phone: '+1 721 555 0101',
  base: 'SX',
  organisation: 'Sint Maarten EOC',
  'roles[liaison_officer]': 'qualified',
  'roles[plotter]': '',
  'languages[en]': 'native',
  'languages[nl]': 'working',
  remoteCapable: 'on',
  travelDocumentExpiry: '2030-01-31',
  medicalFitnessExpiry: '',
  notes: 'Knows the harbour master.',
  ...over,
})
/** Every id on the page once: labels point at one field, and the error summary's links land. */
const expectUniqueIds = (html: string) => {
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1])
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([])
  for (const m of html.matchAll(/<label for="([^"]+)"/g)) expect(ids, `label for ${m[1]}`).toContain(m[1])
}
const idOf = (res: Response) => res.headers.get('location')!.split('/').pop()!

describe('the register list', () => {
  it('shows 50 active people a page, and links that page through everyone without JavaScript', async () => {
    const active = everyone.filter((f) => f.active)
    const seen: string[] = []
    let href: string | undefined = '/pool'
    for (let pages = 0; href && pages < 10; pages++) {
      const html = await list(href.replace('/pool', ''))
      expect(totalOf(html)).toBe(active.length)
      const ids = idsOf(html)
      expect(ids.length).toBeLessThanOrEqual(50)
      seen.push(...(ids as string[]))
      href = /<a href="(\/pool\?[^"]*)" rel="next"/.exec(html)?.[1]?.replace(/&amp;/g, '&')
    }
    expect(seen.length).toBe(active.length)
    expect(new Set(seen).size).toBe(active.length)
  })

  it('filters by role and minimum level, language and base, as a GET form', async () => {
    const expected = everyone.filter(
      (f) =>
        f.roles.some((r) => r.role === 'information_manager' && RANK[r.level] >= 1) &&
        f.languages.some((l) => l.language === 'es') &&
        f.base === 'NL',
    )
    const html = await list('?role=information_manager&level=qualified&language=es&base=NL')
    expect(expected.length).toBeGreaterThan(0)
    expect(totalOf(html)).toBe(expected.length)
    expect(idsOf(html).sort()).toEqual(expected.map((f) => f.id).sort())
    expect(html).toContain('<option value="information_manager" selected="">')
    expectUniqueIds(html)
  })

  it('searches name, e-mail and organisation', async () => {
    expect(idsOf(await list('?q=functionary3%40demo'))).toEqual(['demo-f003'])
    const org = everyone[10]!.organisation
    expect(totalOf(await list(`?q=${encodeURIComponent(org)}`))).toBe(
      everyone.filter((f) => f.organisation.includes(org) || f.name.includes(org)).length,
    )
  })

  it('finds who is free in a period: no overlapping unavailability', async () => {
    await t.db.insert(unavailability).values({
      id: 'u-leave-1',
      functionaryId: 'demo-f004',
      start: '2026-09-10',
      end: '2026-09-20',
      reason: 'leave',
      createdAt: t.clock.now,
    })
    const free = async (from: string, to: string) =>
      idsOf(await list(`?q=functionary4%40&free_from=${from}&free_to=${to}`))
    expect(await free('2026-09-01', '2026-09-10')).toEqual([]) // touches the first day
    expect(await free('2026-09-20', '2026-09-30')).toEqual([]) // and the last
    expect(await free('2026-09-01', '2026-09-09')).toEqual(['demo-f004'])
    expect(await free('2026-09-21', '2026-10-01')).toEqual(['demo-f004'])
  })

  it('says what is wrong with a bad date instead of failing', async () => {
    const html = await list('?free_from=2026-13-01')
    expect(html).toContain('Enter a date as YYYY-MM-DD')
    expect(totalOf(html)).toBeGreaterThan(0)
  })
})

describe('adding, editing, deactivating', () => {
  let id: string

  it('adds a person (one per form key) and records it', async () => {
    const before = everyone.length
    const body = person({ _key: 'pool-create-key-1' })
    const [a, b] = [await t.post('/pool', body, coordinator), await t.post('/pool', body, coordinator)]
    expect(a.status).toBe(303)
    expect(b.headers.get('location')).toBe(`${a.headers.get('location')}?replayed=${t.clock.now}`) // the page says it was sent before
    id = idOf(a)
    expect((await t.db.select().from(functionaries)).length).toBe(before + 1)
    const html = await (await t.get(`/pool/${id}`, coordinator)).text()
    expect(html).toContain('Ruth Hassell')
    expect(html).toContain('mailto:ruth.hassell@example.sx')
    expect(html).toContain('Knows the harbour master.')
    expectUniqueIds(html)
    const [event] = await auditTrail(t.db, 'functionary', id)
    expect(event).toMatchObject({ action: 'functionary.created', actorLabel: 'Carla Coordinator' })
  })

  it('refuses bad input with 422, a summary, messages at the fields, and the input kept', async () => {
    const res = await t.post(
      '/pool',
      person({ email: 'ruth@', 'roles[liaison_officer]': '', travelDocumentExpiry: '31-01-2030' }),
      coordinator,
    )
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('class="error-summary"')
    for (const field of ['email', 'roles', 'travelDocumentExpiry'])
      expect(html).toContain(`href="#f-${field}"`)
    expect(html).toContain('value="ruth@"')
    expect(html).toContain('Knows the harbour master.')
    expect(html).toMatch(/name="languages\[nl\]">.*?<option value="working" selected=""/)
    expectUniqueIds(html)
  })

  it('refuses a second person with the same e-mail address', async () => {
    const res = await t.post('/pool', person({ email: 'RUTH.HASSELL@example.sx' }), coordinator)
    expect(res.status).toBe(422)
    expect(await res.text()).toContain('already has this e-mail address')
  })

  it('edits against the version shown, and refuses a stale form with 409 and the current record', async () => {
    const form = await (await t.get(`/pool/${id}/edit`, coordinator)).text()
    expect(form).toContain('name="version" value="1"')
    expect(form).toMatch(/name="roles\[liaison_officer\]">.*?<option value="qualified" selected=""/)
    const saved = await t.post(`/pool/${id}`, person({ phone: '+1 721 555 0199', version: '1' }), coordinator)
    expect(saved.status).toBe(303)
    const stale = await t.post(`/pool/${id}`, person({ name: 'Ruth X', version: '1' }), coordinator)
    expect(stale.status).toBe(409)
    const html = await stale.text()
    expect(html).toContain('+1 721 555 0199')
    expect(html).toContain('Someone changed this person')
    const [row] = await t.db.select().from(functionaries).where(eq(functionaries.id, id))
    expect(row).toMatchObject({ name: 'Ruth Hassell', phone: '+1 721 555 0199', version: 2 })
    const events = await auditTrail(t.db, 'functionary', id)
    expect(events.at(-1)).toMatchObject({
      action: 'functionary.edited',
      before: { phone: '+1 721 555 0101', version: 1 },
      after: { phone: '+1 721 555 0199', version: 2 },
    })
  })

  it('deactivates as a resource (the person stays, off the default list) and reactivates', async () => {
    const off = await t.post(`/pool/${id}/status`, { active: '0', version: '2' }, coordinator)
    expect(off.status).toBe(303)
    expect(idsOf(await list('?q=ruth.hassell'))).toEqual([])
    expect(idsOf(await list('?q=ruth.hassell&active=0'))).toEqual([id])
    expect(await (await t.get(`/pool/${id}`, coordinator)).text()).toContain('Inactive')
    expect((await t.post(`/pool/${id}/status`, { active: '1', version: '2' }, coordinator)).status).toBe(409)
    expect((await t.post(`/pool/${id}/status`, { active: '1', version: '3' }, coordinator)).status).toBe(303)
    const actions = (await auditTrail(t.db, 'functionary', id)).map((e) => e.action)
    expect(actions.slice(-2)).toEqual(['functionary.deactivated', 'functionary.reactivated'])
  })
})

describe('CSV import and export pages', () => {
  const upload = (path: string, csv: string, asFile: boolean) => {
    const body = new FormData()
    if (asFile) body.set('file', new File([csv], 'pool.csv', { type: 'text/csv' }))
    else body.set('csv', csv)
    return t.app.request(`${ORIGIN}${path}`, {
      method: 'POST',
      body,
      headers: { origin: ORIGIN, cookie: coordinator },
    })
  }
  const good =
    '\uFEFFname;email;base;roles\r\nLinda Brown;linda.brown@example.sa;SA;medical_coordinator:senior\r\n'
  const bad = `${good}Kees;kees@;NL;plotter:senior\r\n`

  it('previews an uploaded file with a summary and writes nothing; the confirm writes it once', async () => {
    const count = async () => (await t.db.select().from(functionaries)).length
    const before = await count()
    const preview = await upload('/pool/import', good, true)
    expect(preview.status).toBe(200)
    const html = await preview.text()
    expect(html).toContain('1 new, 0 updated, 0 unchanged, 0 with errors')
    expect(await count()).toBe(before)
    // The confirm form is a plain (urlencoded) form carrying the text and a one-time key.
    expect(html).toContain('action="/pool/import/confirm"')
    const confirm = await t.post(
      '/pool/import/confirm',
      { csv: good, _key: 'import-confirm-key-1' },
      coordinator,
    )
    expect(confirm.status).toBe(303)
    expect(confirm.headers.get('location')).toBe('/pool/import?new=1&updated=0&unchanged=0')
    expect(await (await t.get(confirm.headers.get('location')!, coordinator)).text()).toContain(
      'Imported: 1 new',
    )
    expect(await count()).toBe(before + 1)
    const replay = await t.post(
      '/pool/import/confirm',
      { csv: good, _key: 'import-confirm-key-1' },
      coordinator,
    )
    expect(replay.status).toBe(303)
    expect(await count()).toBe(before + 1)
    const again = await (await upload('/pool/import', good, false)).text()
    expect(again).toContain('0 new, 0 updated, 1 unchanged')
  })

  it('shows row errors with their row numbers and writes nothing of a file with a bad row', async () => {
    const html = await (
      await upload('/pool/import', bad.replace('Linda', 'Lynn').replace('linda', 'lynn'), false)
    ).text()
    expect(html).toMatch(/<td>3<\/td><td>Kees<\/td>.*email: Enter a valid e-mail address/s)
    expect(html).not.toContain('/pool/import/confirm')
    const res = await upload(
      '/pool/import/confirm',
      bad.replace('Linda', 'Lynn').replace('linda', 'lynn'),
      false,
    )
    expect(res.status).toBe(422)
    expect(
      await t.db.select().from(functionaries).where(eq(functionaries.email, 'lynn.brown@example.sa')),
    ).toEqual([])
  })

  it('exports the register as CSV with a BOM; only for coordinators', async () => {
    const res = await t.get('/pool/export.csv?delimiter=semicolon&base=SA', coordinator)
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
    const bytes = new Uint8Array(await res.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const text = new TextDecoder().decode(bytes.slice(3))
    expect(text.split('\r\n')[0]).toBe(
      'name;email;phone;base;organisation;roles;languages;remote_capable;travel_document_expiry;medical_fitness_expiry;notes',
    )
    expect(text).toContain('linda.brown@example.sa')
    expect(text).not.toContain(';NL;')
  })
})

describe('privacy: only coordinators keep or see the register', () => {
  for (const email of [
    'saba@demo.ccpm',
    'dispatcher@demo.ccpm',
    'observer@demo.ccpm',
    'admin@demo.ccpm',
    'functionary1@demo.ccpm',
  ])
    it(`${email} cannot list, open, export or import the pool (403)`, async () => {
      const cookie = await t.login(email)
      for (const path of ['/pool', '/pool/demo-f002', '/pool/export.csv', '/pool/import', '/pool/new'])
        expect((await t.get(path, cookie)).status, path).toBe(403)
      expect((await t.post('/pool', person({ email: 'x@example.nl' }), cookie)).status).toBe(403)
    })
})

describe('my profile', () => {
  let anna: string
  beforeAll(async () => {
    anna = await t.login('functionary1@demo.ccpm')
  })

  it('shows my own record, roles read-only, and a form for contact, languages and documents', async () => {
    const res = await t.get('/me', anna)
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(html).toContain('functionary1@demo.ccpm')
    expect(html).not.toContain('name="roles[')
    expect(html).toContain('name="languages[en]"')
    expect(html).toContain('name="phone"')
    expect(html).toMatch(/name="_key" value="[a-z0-9]{24}"/)
    expectUniqueIds(html)
  })

  it('saves my phone, languages and documents, ignores a posted role, and records it', async () => {
    const [before] = await t.db.select().from(functionaries).where(eq(functionaries.id, 'demo-f001'))
    const res = await t.post(
      '/me',
      {
        version: String(before!.version),
        phone: '+599 416 1234',
        'languages[en]': 'fluent',
        'languages[pap]': 'native',
        travelDocumentExpiry: '2031-06-30',
        medicalFitnessExpiry: '2028-01-31',
        'roles[operational_leader]': 'senior',
        name: 'Somebody Else',
      },
      anna,
    )
    expect(res.status).toBe(303)
    const [after] = await allFunctionaries(t.db).then((all) => all.filter((f) => f.id === 'demo-f001'))
    expect(after).toMatchObject({ phone: '+599 416 1234', name: before!.name, remoteCapable: false })
    expect(after!.languages).toEqual([
      { language: 'en', proficiency: 'fluent' },
      { language: 'pap', proficiency: 'native' },
    ])
    expect(after!.roles.every((r) => r.level !== 'senior' || r.role !== 'operational_leader')).toBe(true)
    const events = await auditTrail(t.db, 'functionary', 'demo-f001')
    expect(events.at(-1)).toMatchObject({
      action: 'functionary.profile_edited',
      actorLabel: expect.any(String),
    })
  })

  it('keeps what I typed on a bad date (422), and speaks Dutch', async () => {
    const res = await t.post(
      '/me',
      { phone: '+599 1', travelDocumentExpiry: '30-06-2031' },
      `${anna}; ccpm_lang=nl`,
    )
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(html).toContain('value="+599 1"')
    expect(html).toContain('Mijn profiel')
  })

  it('is only for functionaries', async () => {
    expect((await t.get('/me', coordinator)).status).toBe(403)
  })
})
