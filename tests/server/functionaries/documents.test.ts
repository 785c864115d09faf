/** Lapsed papers are warned of on entry and flagged on the person's page and in the pool list. */
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { functionaries } from '../../../db/schema/index.ts'
import { expiredDocuments } from '../../../pool/functionaries/index.ts'
import { msg } from '../../../pool/shared/index.ts'
import { type TestApp, testApp } from '../../helpers/app.ts'
import { visibleText } from '../../helpers/text.ts'

let t: TestApp
let coordinator: string
let anna: string // functionary1@demo.ccpm is pool member demo-f001
beforeAll(async () => {
  t = await testApp() // the clock reads 6 Sep 2026
  coordinator = await t.login('coordinator@demo.ccpm')
  anna = await t.login('functionary1@demo.ccpm')
})
afterAll(() => t.close())

const version = async (id: string) =>
  String((await t.db.select().from(functionaries).where(eq(functionaries.id, id)))[0]!.version)

describe('expiredDocuments', () => {
  it.each([
    ['2025-06-30', '2026-09-06', true],
    ['2026-09-05', '2026-09-06', true],
    ['2026-09-06', '2026-09-06', false], // valid through its last day
    ['2030-01-31', '2026-09-06', false],
  ])('a document valid until %s, on %s: expired %s', (date, today, expired) => {
    expect(expiredDocuments({ travelDocumentExpiry: date }, today)).toEqual(
      expired ? [msg('functionaries.document.expired', { document: 'travelDocument', date })] : [],
    )
  })

  it('names both papers, and nothing for dates not given', () => {
    const both = { travelDocumentExpiry: '2025-06-30', medicalFitnessExpiry: '2026-01-01' }
    expect(
      expiredDocuments(both, '2026-09-06').map((m) => (m.params as { document: string }).document),
    ).toEqual(['travelDocument', 'medicalFitness'])
    expect(expiredDocuments({ travelDocumentExpiry: null, medicalFitnessExpiry: '' }, '2026-09-06')).toEqual(
      [],
    )
  })
})

describe('a functionary entering an expired travel document on /me', () => {
  it('is saved as entered, and warned at once, in their language', async () => {
    const res = await t.post(
      '/me',
      { version: await version('demo-f001'), travelDocumentExpiry: '2025-06-30', 'languages[en]': 'fluent' },
      anna,
    )
    expect(res.status).toBe(303)
    const page = visibleText(await (await t.get(res.headers.get('location')!, anna)).text())
    expect(page).toContain('Your profile is saved.')
    expect(page).toContain(
      'Travel document expired 30 Jun 2025. LOCC-KCR2 cannot send anyone on lapsed papers: enter the new expiry date once they are renewed.',
    )
    const nl = visibleText(await (await t.get('/me', `${anna}; ccpm_lang=nl`)).text())
    expect(nl).toContain('Reisdocument verlopen op 30 jun 2025')
  })
})

describe('the coordinator', () => {
  it('sees the flag on the person’s page, in the pool list and in the edit form', async () => {
    const [row] = await t.db.select().from(functionaries).where(eq(functionaries.id, 'demo-f002'))
    await t.db
      .update(functionaries)
      .set({ medicalFitnessExpiry: '2026-08-31' })
      .where(eq(functionaries.id, 'demo-f002'))
    const page = await (await t.get('/pool/demo-f002', coordinator)).text()
    expect(page).toContain('<span class="badge expired">Medical fitness expired 31 Aug 2026</span>')
    const list = await (await t.get(`/pool?q=${encodeURIComponent(row!.email)}`, coordinator)).text()
    expect(list).toMatch(
      /href="\/pool\/demo-f002">[^<]+<\/a>[\s\S]{0,80}<span class="badge expired">Medical fitness expired 31 Aug 2026<\/span>/,
    )
    const form = await (await t.get('/pool/demo-f002/edit', coordinator)).text()
    expect(form).toContain('<span class="badge expired">Medical fitness expired 31 Aug 2026</span>')
    const valid = await (await t.get('/pool/demo-f003', coordinator)).text()
    expect(valid).not.toContain('badge expired')
  })
})
