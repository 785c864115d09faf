/** pool/'s messages on HTML pages in the reader's language; the JSON API keeps them English. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type TestApp, testApp } from '../helpers/app.ts'

let t: TestApp
let saba: string
let coordinator: string
beforeAll(async () => {
  t = await testApp()
  saba = await t.login('saba@demo.ccpm')
  coordinator = await t.login('coordinator@demo.ccpm')
})
afterAll(() => t.close())

const dutch = (cookie: string) => `${cookie}; ccpm_lang=nl`

const form = (over: Record<string, string | string[]> = {}) => ({
  title: 'Relief for the EOT',
  situation: 'Power out island-wide since Tuesday.',
  phase: 'warm',
  priority: 'high',
  periodStart: '2026-09-06',
  periodEnd: '2026-09-20',
  contact: 'EOC Saba, +599 416 3311',
  'needs[0][kind]': 'functionary',
  'needs[0][role]': 'information_manager',
  'needs[0][count]': '2',
  'needs[0][minLevel]': 'qualified',
  ...over,
})
const idOf = (res: Response) => res.headers.get('location')!.split('/').pop()!

/** The text of the error summary's list and of the messages beside the fields. */
function messages(html: string) {
  const summary = /<div class="error-summary"[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1] ?? ''
  const fields = [...html.matchAll(/<p class="field-error"[^>]*>([^<]*)<\/p>/g)].map((m) =>
    m[1]!.replaceAll('&quot;', '"'),
  )
  return { summary, fields }
}

describe('a form sent back with errors', () => {
  it('shows the summary and each field message in Dutch when the reader chose Nederlands', async () => {
    // The language switch, as the layout's form sends it.
    const switched = await t.post('/locale', { locale: 'nl', back: '/requests/new' }, saba)
    const lang = switched.headers.get('set-cookie')!.split(';')[0]!
    expect(lang).toBe('ccpm_lang=nl')
    const res = await t.post(
      '/requests',
      form({ title: '', periodEnd: '2026-09-01', 'needs[0][count]': '0' }),
      `${saba}; ${lang}`,
    )
    expect(res.status).toBe(422)
    const { summary, fields } = messages(await res.text())
    expect(summary).toContain('Enkele velden vragen aandacht.')
    expect(summary).toContain('<a href="#f-title">Geef het verzoek een korte titel.</a>')
    expect(summary).toContain('De laatste dag kan niet vóór de eerste dag liggen.')
    expect(fields).toContain('Geef het verzoek een korte titel.')
    expect(fields).toContain('Geef het aantal personen: een geheel getal van 1 tot en met 500.')
    expect(`${summary}${fields}`).not.toMatch(/Give|Keep|cannot/)
  })

  it('keeps them English for an English reader', async () => {
    const res = await t.post('/requests', form({ title: '' }), saba)
    expect(res.status).toBe(422)
    const { summary, fields } = messages(await res.text())
    expect(summary).toContain('Some fields need attention.')
    expect(fields).toContain('Give the request a short title.')
  })

  it('translates an incident form and a refused status change beside its button', async () => {
    const incident = await t.post(
      '/incidents',
      { name: '', hazard: 'hurricane', phase: 'warm' },
      dutch(coordinator),
    )
    expect(incident.status).toBe(422)
    expect(messages(await incident.text()).fields).toEqual([
      'Geef het incident een naam, bijvoorbeeld "Orkaan Erin".',
      'Kies minstens één getroffen eiland.',
    ])
    const id = idOf(await t.post('/requests', form(), saba))
    await t.post(`/requests/${id}/status`, { status: 'submitted', version: '1' }, saba)
    const res = await t.post(
      `/requests/${id}/status`,
      { status: 'rejected', version: '2', reason: ' ' },
      dutch(coordinator),
    )
    expect(res.status).toBe(422)
    expect(messages(await res.text()).fields).toContain('Geef een reden: het eiland krijgt die te lezen.')
  })
})

describe('a refusal page', () => {
  it('explains a 409 conflict in Dutch', async () => {
    const id = idOf(await t.post('/requests', form(), saba))
    await t.post(`/requests/${id}/status`, { status: 'submitted', version: '1' }, saba)
    await t.post(`/requests/${id}/status`, { status: 'acknowledged', version: '2' }, coordinator)
    const res = await t.post(
      `/requests/${id}/status`,
      { status: 'acknowledged', version: '2' },
      dutch(coordinator),
    )
    expect(res.status).toBe(409)
    const { summary } = messages(await res.text())
    expect(summary).toContain('Iemand anders heeft dit intussen gewijzigd.')
    expect(summary).toContain('<p>Dit verzoek is al in behandeling genomen.</p>')
    expect(summary).toContain('Dit verzoek is nu: in behandeling genomen.')
    expect(summary).not.toContain('already')
  })

  it('explains a stale edit in Dutch', async () => {
    const id = idOf(await t.post('/requests', form(), saba))
    await t.post(`/requests/${id}`, form({ title: 'First change', version: '1' }), saba)
    const res = await t.post(`/requests/${id}`, form({ title: 'Second change', version: '1' }), dutch(saba))
    expect(res.status).toBe(409)
    expect(messages(await res.text()).summary).toContain(
      'Dit verzoek is gewijzigd sinds u het opende. Laad de pagina opnieuw en breng uw wijziging daarna opnieuw aan.',
    )
  })

  it('puts a 403 from pool/ on the error page in Dutch', async () => {
    const id = idOf(await t.post('/requests', form(), saba))
    await t.post(`/requests/${id}/status`, { status: 'submitted', version: '1' }, saba)
    const res = await t.post(`/requests/${id}/status`, { status: 'acknowledged', version: '2' }, dutch(saba))
    expect(res.status).toBe(403)
    const html = await res.text()
    expect(html).toContain(
      '<p>Alleen een coördinator van LOCC-KCR2 kan dit verzoek in behandeling nemen.</p>',
    )
    expect(html).not.toContain('Only an LOCC-KCR2 coordinator')
  })
})

describe('the JSON API', () => {
  it('stays English whatever the language cookie says', async () => {
    const res = await t.postJson('/api/v1/requests', { ...form(), title: '', needs: [] }, dutch(saba), {
      'accept-language': 'nl',
    })
    expect(res.status).toBe(422)
    const body = (await res.json()) as { error: { code: string; fields: Record<string, unknown> } }
    expect(body.error.code).toBe('http.422')
    expect(body.error.fields.title).toEqual({
      code: 'requests.title.required',
      message: 'Give the request a short title.',
    })
  })
})
