/** The needs table of a request page: each kind says what it asks for, for when, and how far it is filled. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { translatorFor } from '../../../views/i18n/index.ts'
import { type TestApp, testApp } from '../../helpers/app.ts'
import { sabaRequest } from '../../helpers/requests.ts'
import { visibleText } from '../../helpers/text.ts'

let t: TestApp
let saba: string
let id: string
beforeAll(async () => {
  t = await testApp()
  saba = await t.login('saba@demo.ccpm')
  const body = sabaRequest({
    needs: [
      { kind: 'functionary', role: 'plotter', count: 2, minLevel: 'qualified', periodStart: '2026-09-08' },
      { kind: 'capacity', unitType: 'light_usar', count: 1 },
      { kind: 'other', description: 'Satellite phones', quantity: 4 },
    ],
  })
  id = (await (await t.postJson('/api/v1/requests', body, saba)).json()).id
})
afterAll(() => t.close())

/** The rows of the needs table (the page's only table) as lists of cell texts. */
async function rows(cookie: string) {
  const html = await (await t.get(`/requests/${id}`, cookie)).text()
  const body = /<tbody>([\s\S]*?)<\/tbody>/.exec(html)?.[1] ?? ''
  return [...body.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((row) =>
    [...row[1]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => visibleText(cell[1]!)),
  )
}

describe('the needs table', () => {
  it('gives the HRC need the request’s period, names its unit type, and fills no "other" need', async () => {
    const [functionary, capacity, other] = await rows(saba)
    expect(functionary).toEqual(['Functionary', 'Plotter (≥ qualified)', '8–20 Sep 2026', '0 of 2'])
    expect(capacity).toEqual(['HRC capacity', 'HRC capacity: Light USAR', '6–20 Sep 2026', '0 of 1'])
    expect(other).toEqual(['Other', '4 × Satellite phones', '—', '—'])
  })

  it('keeps an acronym in a unit type’s name in running text, in every language', () => {
    const need = { kind: 'capacity', unitType: 'light_usar', count: 2, notes: '' } as const
    const line = (locale: 'en' | 'nl' | 'pap') =>
      translatorFor(locale).mail({
        code: 'requests.mail.acknowledged',
        params: {
          island: 'SA',
          title: 'x',
          priority: 'high',
          phase: 'warm',
          periodStart: '2026-09-06',
          periodEnd: '2026-09-20',
          incident: null,
          contact: '',
          needs: [need],
          link: 'http://x',
          actor: 'Carla',
        },
      }).text
    expect(line('en')).toContain('2 HRC light USAR units')
    expect(line('nl')).toContain('2 × HRC-eenheden lichte USAR')
    expect(line('pap')).toContain('2 × unidatnan HRC di USAR lihé')
    for (const locale of ['en', 'nl', 'pap'] as const) expect(line(locale)).not.toMatch(/usar/)
  })
})
