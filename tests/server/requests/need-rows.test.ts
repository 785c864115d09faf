/** Blank need rows: four needs of any kinds in one post, typed rows kept and refused rows named. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestApp, testApp } from '../../helpers/app.ts'
import { visibleText } from '../../helpers/text.ts'

let t: TestApp
let saba: string
beforeAll(async () => {
  t = await testApp()
  saba = await t.login('saba@demo.ccpm')
})
afterAll(() => t.close())

const base = {
  title: 'After Hurricane Erin',
  situation: 'Roofs gone.',
  phase: 'warm',
  priority: 'urgent',
  periodStart: '2026-09-06',
  periodEnd: '2026-09-20',
  contact: 'EOC Saba',
}
const kinds = (html: string) =>
  [...html.matchAll(/name="needs\[(\d+)\]\[kind\]" value="(\w+)" checked/g)].map((m) => `${m[1]}:${m[2]}`)

describe('the new request form', () => {
  it('offers four rows: a functionary row, then three blank ones', async () => {
    const html = await (await t.get('/requests/new', saba)).text()
    expect(html.match(/<fieldset class="need"/g)).toHaveLength(4)
    expect(kinds(html)).toEqual(['0:functionary'])
  })

  it('files four needs of three kinds in one post, blank rows skipped', async () => {
    const res = await t.post(
      '/requests',
      {
        ...base,
        'needs[0][kind]': 'functionary',
        'needs[0][role]': 'information_manager',
        'needs[0][count]': '2',
        'needs[0][minLevel]': 'qualified',
        'needs[1][kind]': 'capacity',
        'needs[1][unitType]': 'light_usar',
        'needs[1][count]': '1',
        'needs[1][minLevel]': 'qualified', // the other kinds' fields come along: ignored
        'needs[2][count]': '1', // blank
        'needs[3][kind]': 'other',
        'needs[3][description]': 'Satellite phones',
        'needs[3][quantity]': '4',
        'needs[4][kind]': 'functionary',
        'needs[4][role]': 'plotter',
        'needs[4][count]': '1',
        'needs[4][minLevel]': 'senior',
        'needs[5][quantity]': '1', // blank
        _action: 'save',
      },
      saba,
    )
    expect(res.status).toBe(303)
    const id = res.headers.get('location')!.split('/').pop()!
    const r = await (await t.get(`/api/v1/requests/${id}`, saba)).json()
    expect(
      r.needs.map((n: Record<string, unknown>) => [n.kind, n.role ?? n.unitType ?? n.description]),
    ).toEqual([
      ['functionary', 'information_manager'],
      ['capacity', 'light_usar'],
      ['other', 'Satellite phones'],
      ['functionary', 'plotter'],
    ])
    // Editing it shows the four needs and one blank row more.
    const edit = await (await t.get(`/requests/${id}/edit`, saba)).text()
    expect(kinds(edit)).toEqual(['0:functionary', '1:capacity', '2:other', '3:functionary'])
    expect(edit.match(/<fieldset class="need"/g)).toHaveLength(5)
  })

  it('names a refused row where it is shown again, after the blank rows closed up', async () => {
    const res = await t.post(
      '/requests',
      {
        ...base,
        'needs[0][kind]': 'functionary',
        'needs[0][role]': 'plotter',
        'needs[0][count]': '1',
        'needs[0][minLevel]': 'qualified',
        'needs[1][count]': '1', // blank
        'needs[2][kind]': 'capacity', // two units, but of no unit type
        'needs[2][count]': '2',
        _action: 'save',
      },
      saba,
    )
    expect(res.status).toBe(422)
    const html = await res.text()
    expect(kinds(html)).toEqual(['0:functionary', '1:capacity'])
    expect(html).toContain('<a href="#f-needs.1.unitType">Choose an HRC unit type.</a>')
    expect(html).toMatch(
      /<div class="field if-kind for-capacity invalid"><label for="f-needs\.1\.unitType">Unit type<\/label><p class="field-error">Choose an HRC unit type\.<\/p>/,
    )
  })

  it('skips a row where only a kind was ticked, the rest as preset', async () => {
    const res = await t.post(
      '/requests',
      {
        title: 'Ticked only',
        'needs[0][kind]': 'functionary',
        'needs[0][count]': '1',
        'needs[0][minLevel]': 'qualified',
        _action: 'save',
      },
      saba,
    )
    expect(res.status).toBe(303)
    const r = await (
      await t.get(`/api/v1/requests/${res.headers.get('location')!.split('/').pop()}`, saba)
    ).json()
    expect(r.needs).toEqual([])
  })

  it('adds a row in the first blank place, lands on it and focuses its first field', async () => {
    const res = await t.post(
      '/requests',
      {
        ...base,
        'needs[0][kind]': 'functionary',
        'needs[0][role]': 'plotter',
        'needs[1][count]': '1', // blank
        _action: 'add:capacity',
      },
      saba,
    )
    expect(res.status).toBe(200)
    const html = await res.text()
    expect(kinds(html)).toEqual(['0:functionary', '1:capacity'])
    expect(html).toMatch(/<fieldset class="need" id="need-1"><legend id="new-need">Need 2<\/legend>/)
    expect(html).toMatch(/<select id="f-needs\.1\.unitType" name="needs\[1\]\[unitType\]" autofocus/)
    expect(html.match(/ autofocus/g)).toHaveLength(1)
    expect(visibleText(html)).toContain(
      'Fill in one row per need and choose its kind; rows left empty are skipped.',
    )
  })
})
