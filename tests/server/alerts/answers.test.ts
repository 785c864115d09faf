/**
 * Answers over HTTP: an answer can be changed through the link until the
 * deadline (not once an offer locked it); someone who declared time away after being asked shows
 * as "now unavailable" with the period; the answers table has the deadline, and someone based in
 * the Netherlands reads it in Amsterdam time too, in the mail and on the page.
 */
import { eq } from 'drizzle-orm'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { auditTrail } from '../../../db/queries/audit.ts'
import { alerts, functionaries, outbox, unavailability } from '../../../db/schema/index.ts'
import { acknowledgedRequest, linkIn } from '../../helpers/alerts.ts'
import { type TestApp, testApp } from '../../helpers/app.ts'
import { ANNA, answerAlert, propose, stepTo } from '../../helpers/assignments.ts'

let t: TestApp
let saba: string
let coordinator: string
beforeAll(async () => {
  t = await testApp()
  saba = await t.login('saba@demo.ccpm')
  coordinator = await t.login('coordinator@demo.ccpm')
})
afterAll(() => t.close())

const board = async (needId: string) =>
  (
    await t.get(`/needs/${needId}/answers`, coordinator, {
      'hx-request': 'true',
      'hx-request-type': 'partial',
    })
  ).text()

describe('changing an answer through the link', () => {
  it('shows the answer given and the form until the deadline; a change is recorded with its history', async () => {
    const { needId } = await acknowledgedRequest(t, saba, coordinator)
    const link = await answerAlert(t, coordinator, needId, ANNA, 'available')
    const page = await t.get(`${link}?a=unavailable`)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('Your answer: available. You can change it until Mon 7 Sep 08:00 (UTC−4).')
    expect(html).toMatch(/value="unavailable" checked/) // the mail's "not available" link chose it
    expect(html).toContain('>Change my answer</button>')
    const changed = await t.post(link, { answer: 'unavailable', note: 'Fell ill' })
    expect(changed.status).toBe(200)
    const done = await changed.text()
    expect(done).toContain(
      'Recorded: not available. Thank you. You can change it until Mon 7 Sep 08:00 (UTC−4).',
    )
    expect(done).toContain(`<a href="${link}">Change my answer</a>`)
    expect(await board(needId)).toContain('Fell ill')
    const [row] = (await t.db.select().from(alerts)).filter((a) => a.needId === needId)
    expect(row).toMatchObject({ answer: 'unavailable', note: 'Fell ill' })
    const trail = await auditTrail(t.db, 'alert', row!.id)
    expect(trail.map((e) => [e.action, e.before, e.after])).toEqual([
      ['alert.sent', null, expect.anything()],
      ['alert.answered', { answer: null }, { answer: 'available', note: null, via: 'link' }],
      ['alert.answered', { answer: 'available' }, { answer: 'unavailable', note: 'Fell ill', via: 'link' }],
    ])
  })

  it('after the deadline shows the answer and says to contact LOCC-KCR2; records nothing', async () => {
    const { needId } = await acknowledgedRequest(t, saba, coordinator)
    const link = await answerAlert(t, coordinator, needId, ANNA, 'available')
    const start = t.clock.now
    t.clock.now += 2 * 86_400_000
    try {
      const page = await t.get(link)
      expect(page.status).toBe(200)
      const html = await page.text()
      expect(html).toContain(
        'Your answer: available. The deadline has passed: to change it, contact LOCC-KCR2.',
      )
      expect(html).not.toContain('<form method="post"')
      const late = await t.post(link, { answer: 'unavailable' })
      expect(late.status).toBe(409)
      expect((await t.db.select().from(alerts)).find((a) => a.needId === needId)!.answer).toBe('available')
    } finally {
      t.clock.now = start
    }
  })

  it('once offered, shows no form and says to contact LOCC-KCR2 (409 on a post)', async () => {
    const { needId } = await acknowledgedRequest(t, saba, coordinator)
    const link = await answerAlert(t, coordinator, needId, ANNA, 'available')
    const proposed = await propose(t, coordinator, needId, ANNA.id)
    expect(proposed.status).toBe(201)
    expect((await stepTo(t, coordinator, proposed.body.id, { status: 'offered' })).status).toBe(200)
    const html = await (await t.get(link)).text()
    expect(html).toContain('your answer can no longer be changed here. Call LOCC-KCR2')
    expect(html).not.toContain('<form method="post"')
    expect((await t.post(link, { answer: 'unavailable' })).status).toBe(409)
    // free her for the other tests
    const cancelled = await stepTo(t, coordinator, proposed.body.id, {
      status: 'cancelled',
      reason: 'Test over',
    })
    expect(cancelled.status).toBe(200)
  })
})

describe('the answers table', () => {
  // Anna's time away would exclude her from the needs of the tests that follow.
  afterEach(() => t.db.delete(unavailability).where(eq(unavailability.functionaryId, ANNA.id)))

  it('has a deadline column, and shows someone who declared time away after the question as now unavailable', async () => {
    const { needId } = await acknowledgedRequest(t, saba, coordinator)
    await answerAlert(t, coordinator, needId, ANNA, 'available')
    const before = await board(needId)
    expect(before).toContain('<th scope="col">Answer before</th>')
    expect(before).toContain(
      '<td data-label="Answer before"><time datetime="2026-09-07T12:00:00.000Z">7 Sep 08:00 Islands · 14:00 Amsterdam</time></td>',
    )
    expect(before).toContain('1 available, 0 not available, 0 waiting')
    const anna = await t.login(ANNA.email)
    const away = await t.postJson(
      `/api/v1/functionaries/${ANNA.id}/unavailability`,
      { start: '2026-09-10', end: '2026-09-12', reason: 'leave', note: '' },
      anna,
    )
    expect(away.status).toBe(201)
    const after = await board(needId)
    expect(after).toContain(
      '<span class="badge a-unavailable">now unavailable</span> 10–12 Sep 2026<span class="muted"> (answered: available)</span>',
    )
    expect(after).toContain('0 available, 1 not available, 0 waiting')
    const nl = await (await t.get(`/needs/${needId}/answers`, `${coordinator}; ccpm_lang=nl`)).text()
    expect(nl).toContain('nu niet beschikbaar</span> 10–12 sep 2026')
    // The candidate list drops her (matching's rule), the table says why.
    const page = await (await t.get(`/needs/${needId}`, coordinator)).text()
    expect(page).not.toContain('value="demo-f003"')
  })

  it('shows "now unavailable" instead of "no answer yet" for someone who never answered', async () => {
    const { needId } = await acknowledgedRequest(t, saba, coordinator)
    const sent = await t.postJson(
      `/api/v1/needs/${needId}/alerts`,
      { functionaryIds: [ANNA.id], deadline: '2026-09-07T12:00:00Z' },
      coordinator,
    )
    expect(sent.status).toBe(201)
    expect(await board(needId)).toContain('no answer yet')
    const period = await t.postJson(
      `/api/v1/functionaries/${ANNA.id}/unavailability`,
      { start: '2026-09-19', end: '2026-09-25', reason: 'training', note: '' },
      coordinator,
    )
    expect(period.status).toBe(201)
    const html = await board(needId)
    expect(html).not.toContain('no answer yet')
    expect(html).toContain('now unavailable</span> 19–25 Sep 2026</td>')
  })
})

describe('the deadline for someone based in the Netherlands', () => {
  it('is given in island time and Amsterdam time, in the mail and on the answer page', async () => {
    await t.db.update(functionaries).set({ base: 'NL' }).where(eq(functionaries.id, ANNA.id))
    try {
      const { needId } = await acknowledgedRequest(t, saba, coordinator)
      const sent = await t.postJson(
        `/api/v1/needs/${needId}/alerts`,
        { functionaryIds: [ANNA.id], deadline: '2026-09-07T12:00:00Z' },
        coordinator,
      )
      expect(sent.status).toBe(201)
      const [id] = (await sent.json()).items.map((i: { id: string }) => i.id)
      const mail = (await t.db.select().from(outbox)).find((m) => m.text.includes(`/answer/${id}.`))!
      expect(mail.text).toContain(
        'Please answer before: Mon 7 Sep 08:00 (UTC−4), Mon 7 Sep 14:00 Amsterdam time',
      )
      const html = await (await t.get(linkIn(mail.text))).text()
      expect(html).toContain('<dd>Mon 7 Sep 08:00 (UTC−4), Mon 7 Sep 14:00 Amsterdam time</dd>')
      const nl = await (await t.get(linkIn(mail.text), undefined, { cookie: 'ccpm_lang=nl' })).text()
      expect(nl).toContain('<dd>ma 7 sep 08:00 (UTC−4), ma 7 sep 14:00 Amsterdamse tijd</dd>')
    } finally {
      await t.db.update(functionaries).set({ base: 'SA' }).where(eq(functionaries.id, ANNA.id))
    }
  })

  it('is in island time only for someone on the islands', async () => {
    const { needId } = await acknowledgedRequest(t, saba, coordinator)
    const link = await answerAlert(t, coordinator, needId, ANNA, 'available')
    const html = await (await t.get(link)).text()
    expect(html).toContain('<dd>Mon 7 Sep 08:00 (UTC−4)</dd>')
  })
})
