/** A draft needs only a title; what submission needs is asked for then. */
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

describe('a draft with a title only', () => {
  it('is saved from the form without dates, and says what submitting still needs', async () => {
    const saved = await t.post('/requests', { title: 'Shelter managers', _action: 'save' }, saba)
    expect(saved.status).toBe(303)
    const id = saved.headers.get('location')!.split('/').pop()!
    const page = visibleText(await (await t.get(`/requests/${id}`, saba)).text())
    expect(page).toContain('Shelter managers')
    expect(page).toContain('Period wanted —')

    const submit = await t.post(`/requests/${id}/status`, { status: 'submitted', version: '1' }, saba)
    expect(submit.status).toBe(422)
    expect(visibleText(await submit.text())).toContain(
      'Describe the situation before submitting. Give the first day help is needed. Give the last day help is needed. Add at least one need before submitting.',
    )
  })

  it('is saved through the API with its period null, and refused at submission with each field named', async () => {
    const res = await t.postJson('/api/v1/requests', { title: 'Generators' }, saba)
    expect(res.status).toBe(201)
    const draft = await res.json()
    expect(draft).toMatchObject({
      status: 'draft',
      situation: '',
      phase: 'warm',
      priority: 'high',
      periodStart: null,
      periodEnd: null,
      needs: [],
    })
    const submit = await t.postJson(`/api/v1/requests/${draft.id}/status`, { status: 'submitted' }, saba)
    expect(submit.status).toBe(422)
    const error = (await submit.json()).error
    expect(error.code).toBe('requests.submit.incomplete')
    expect(Object.keys(error.fields)).toEqual(['situation', 'periodStart', 'periodEnd', 'needs'])
  })

  it('still needs its title', async () => {
    const res = await t.post('/requests', { situation: 'No title', _action: 'save' }, saba)
    expect(res.status).toBe(422)
    expect(visibleText(await res.text())).toContain('Give the request a short title.')
  })

  it('cannot lose its dates once submitted', async () => {
    const body = {
      title: 'Plotters',
      situation: 'Two plotters for the EOC.',
      periodStart: '2026-09-06',
      periodEnd: '2026-09-20',
      needs: [{ kind: 'functionary', role: 'plotter', count: 1, minLevel: 'qualified' }],
    }
    const r = await (await t.postJson('/api/v1/requests', body, saba)).json()
    expect((await t.postJson(`/api/v1/requests/${r.id}/status`, { status: 'submitted' }, saba)).status).toBe(
      200,
    )
    const edit = await t.post(
      `/requests/${r.id}`,
      {
        title: 'Plotters',
        situation: 'Two plotters for the EOC.',
        periodStart: '',
        periodEnd: '2026-09-20',
        version: '2',
        'needs[0][kind]': 'functionary',
        'needs[0][id]': r.needs[0].id,
        'needs[0][role]': 'plotter',
        'needs[0][count]': '1',
        'needs[0][minLevel]': 'qualified',
        _action: 'save',
      },
      saba,
    )
    expect(edit.status).toBe(422)
    expect(visibleText(await edit.text())).toContain('Give the first day help is needed.')
  })
})
