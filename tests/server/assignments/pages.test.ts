/**
 * The loop as pages, without JavaScript: the candidates page (ranked with parts, alert states,
 * the excluded behind a disclosure, within 14 KB gzip with ~200 excluded), proposing from it, the
 * assignment's step forms, Saba's offers page, /me with the deployment and its .ics, the plan page,
 * and deployments counted as busy in the register and the availability grid.
 */
import { gzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { assignments } from '../../../db/schema/index.ts'
import { acknowledgedRequest } from '../../helpers/alerts.ts'
import { type TestApp, testApp } from '../../helpers/app.ts'
import { ANNA, answerAlert } from '../../helpers/assignments.ts'

let t: TestApp
let saba: string
let coordinator: string
let anna: string
let requestId: string
let needId: string
let assignmentId: string
beforeAll(async () => {
  t = await testApp()
  saba = await t.login('saba@demo.ccpm')
  coordinator = await t.login('coordinator@demo.ccpm')
  anna = await t.login(ANNA.email)
  ;({ id: requestId, needId } = await acknowledgedRequest(t, saba, coordinator))
})
afterAll(() => t.close())

const key = () => `k-${Math.random().toString(36).slice(2, 12)}`
const html = async (path: string, who: string) => {
  const res = await t.get(path, who)
  expect(res.status, path).toBe(200)
  return res.text()
}
const row = async (id: string) => (await t.db.select().from(assignments)).find((a) => a.id === id)!

describe('the candidates page', () => {
  it('ranks with each score’s parts and alert state, the excluded behind a disclosure, within 14 KB gzip', async () => {
    await answerAlert(t, coordinator, needId, ANNA)
    const page = await html(`/needs/${needId}`, coordinator)
    expect(gzipSync(page).byteLength).toBeLessThanOrEqual(14 * 1024)
    const ranked = /<h2 id="ranked">Ranked candidates \((\d+)\)<\/h2>/.exec(page)
    expect(Number(ranked?.[1])).toBeGreaterThan(3)
    // Anna first: her row names her, her answer and the parts (the answer's 131 among them)
    const table = page.indexOf('<tbody>', page.indexOf('id="ranked"'))
    const first = page.slice(table, page.indexOf('</tr>', table))
    expect(first).toContain(`value="${ANNA.id}"`)
    expect(first).toContain('local: may be needed at home')
    // based on Saba (travel 30, local 20), never deployed (rest 10, fairness 10), said available (131);
    // the parts that are 0 (level, languages: none preferred) are left out
    expect(first).toContain('<b>201</b>')
    expect(first).toContain('travel 30 · local 20 · rest 10 · fairness 10 · answer 131')
    expect(first).toContain('<span class="badge a-available">available</span>')
    expect(page).toContain('<span class="badge a-none">not asked</span>')
    // one form, two actions: alert the ticked, or propose one (a button per row)
    expect(page).toContain(
      `formaction="/needs/${needId}/assignments" name="functionaryId" value="${ANNA.id}"`,
    )
    expect(page).toContain('Alert the ticked people')
    // the excluded: a disclosure, holders of the role with their reasons, the rest counted and linked
    const excluded = /<summary>Excluded \((\d+)\), with their reasons<\/summary>/.exec(page)
    expect(Number(excluded?.[1])).toBeGreaterThan(150)
    expect(page).toMatch(/\d+ others in the pool do not hold the role Information manager\./)
    expect(page).toContain(`href="/needs/${needId}/excluded"`)
    expect(page).toMatch(/<b>[^<]+<\/b>: not enough English/)
    const all = await html(`/needs/${needId}/excluded?page=2`, coordinator)
    expect(all).toContain('Page 2 of')
    expect(all).toContain('lacks the role Information manager')
  })

  it('proposes the top person in one post (303 to the assignment); again is a 409 on the page', async () => {
    const res = await t.post(
      `/needs/${needId}/assignments`,
      { _key: key(), functionaryId: ANNA.id },
      coordinator,
    )
    expect(res.status).toBe(303)
    assignmentId = res.headers.get('location')!.split('/').pop()!
    expect((await row(assignmentId)).status).toBe('proposed')
    // (the same form again within 10 minutes would replay the first outcome: another deadline typed)
    const again = await t.post(
      `/needs/${needId}/assignments`,
      { _key: key(), functionaryId: ANNA.id, deadline: '2026-09-08T08:00' },
      coordinator,
    )
    expect(again.status).toBe(409)
    expect(await again.text()).toContain('This person is already proposed for Saba, 6–20 Sep 2026')
    const page = await html(`/needs/${needId}`, coordinator)
    expect(page).toContain(`<a href="/assignments/${assignmentId}">`)
    expect(page).toMatch(/already proposed or deployed for this need/)
  })
})

describe('the steps as forms', () => {
  it('offers with a recorded phone call, shows "1 offered" on the request', async () => {
    const page = await html(`/assignments/${assignmentId}`, coordinator)
    expect(page).toContain('How did the person confirm?')
    expect(page).toContain('They answered &quot;available&quot; to the alert')
    const res = await t.post(
      `/assignments/${assignmentId}/status`,
      {
        _key: key(),
        status: 'offered',
        version: '1',
        'confirmedBy.channel': 'phone',
        'confirmedBy.note': 'Called 09:10',
      },
      coordinator,
    )
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe(`/assignments/${assignmentId}`)
    expect(await row(assignmentId)).toMatchObject({
      status: 'offered',
      confirmedChannel: 'phone',
      confirmedNote: 'Called 09:10',
    })
    const request = await html(`/requests/${requestId}`, saba)
    expect(request).toContain('0 of 2 filled, 1 offered')
  })

  it('Saba’s offers page: a decline without a reason comes back (422) with what was typed; accept in one post', async () => {
    const page = await html('/offers', saba)
    expect(page).toContain('Waiting for your decision (1)')
    expect(page).toMatch(/Information manager, qualified/)
    const bare = await t.post(
      `/assignments/${assignmentId}/status`,
      { _key: key(), status: 'declined', version: '2', reason: '', back: '/offers' },
      saba,
    )
    expect(bare.status).toBe(422)
    expect(await bare.text()).toContain('Give a reason: LOCC-KCR2 will read it.')
    const accept = await t.post(
      `/assignments/${assignmentId}/status`,
      { _key: key(), status: 'accepted', version: '2', reason: '', back: '/offers' },
      saba,
    )
    expect(accept.status).toBe(303)
    expect(accept.headers.get('location')).toBe('/offers')
    const after = await html('/offers', saba)
    expect(after).toContain('Waiting for your decision (0)')
    expect(after).toContain('On their way or on site (1)')
  })

  it('travel typed on the island clock; an arrival before departure comes back (422)', async () => {
    const wrong = await t.post(
      `/assignments/${assignmentId}/status`,
      {
        _key: key(),
        status: 'travelling',
        version: '3',
        'travel.etd': '2026-09-07T10:00',
        'travel.eta': '2026-09-07T09:00',
        'travel.transport': 'ferry',
        'travel.reference': 'Edge',
      },
      coordinator,
    )
    expect(wrong.status).toBe(422)
    const text = await wrong.text()
    expect(text).toContain('The arrival cannot be before the departure.')
    expect(text).toContain('value="2026-09-07T09:00"')
    const res = await t.post(
      `/assignments/${assignmentId}/status`,
      {
        _key: key(),
        status: 'travelling',
        version: '3',
        'travel.etd': '2026-09-07T10:00',
        'travel.eta': '2026-09-07T11:30',
        'travel.transport': 'ferry',
        'travel.reference': 'Edge',
      },
      coordinator,
    )
    expect(res.status).toBe(303)
    expect(await row(assignmentId)).toMatchObject({
      etd: Date.UTC(2026, 8, 7, 14),
      eta: Date.UTC(2026, 8, 7, 15, 30),
      transport: 'ferry',
      travelReference: 'Edge',
    })
    // Saba confirms the arrival from its offers page
    const arrive = await t.post(
      `/assignments/${assignmentId}/status`,
      { _key: key(), status: 'on_site', version: '4', back: '/offers' },
      saba,
    )
    expect(arrive.status).toBe(303)
    expect((await row(assignmentId)).status).toBe('on_site')
  })

  it('/me lists the deployment with whom to report to, the travel and the .ics', async () => {
    const page = await html('/me', anna)
    expect(page).toContain('My deployments')
    expect(page).toContain('Information manager, Saba')
    expect(page).toContain('Report to')
    expect(page).toContain('Ferry Edge')
    const ics = await t.get(`/assignments/${assignmentId}/calendar.ics`, `${anna}; ccpm_lang=nl`)
    expect(ics.status).toBe(200)
    expect(ics.headers.get('content-disposition')).toBe(
      `attachment; filename="deployment-${assignmentId}.ics"`,
    )
    const text = await ics.text()
    expect(text).toContain('SUMMARY:CCPM-inzet') // in the reader's language
    expect(text).toContain('DTSTART;TZID=America/Kralendijk:20260907T100000')
  })
})

describe('deployments count as busy', () => {
  it('in the register’s free filter and on the availability grid', async () => {
    const free = await html(
      '/pool?role=information_manager&free_from=2026-09-08&free_to=2026-09-09',
      coordinator,
    )
    expect(free).not.toContain(`/pool/${ANNA.id}"`)
    const later = await html(
      '/pool?role=information_manager&free_from=2026-10-08&free_to=2026-10-09',
      coordinator,
    )
    expect(later).toContain(`/pool/${ANNA.id}"`)
    const grid = await html('/pool/availability?role=information_manager&from=2026-09-07', coordinator)
    const annaRow = grid.slice(grid.indexOf(`/pool/availability/${ANNA.id}`))
    expect(annaRow.slice(0, annaRow.indexOf('</tr>'))).toContain('<b>deployed</b>')
  })
})

describe('the coordinator’s board and the plan', () => {
  it('lists active assignments, and proposes the ticked lines of a plan in one post', async () => {
    const board = await html('/assignments', coordinator)
    expect(board).toContain(`/assignments/${assignmentId}`)
    const plan = await html('/plan', coordinator)
    expect(plan).toContain('Plan under scarcity')
    expect(plan).toMatch(/The plan fills \d+ of \d+ open places, total score \d+\./)
    expect(plan).toMatch(/First come, first served would fill \d+/)
    const lines = [...plan.matchAll(/name="lines" value="([\w-]+:[\w-]+)" checked/g)].map((m) => m[1]!)
    expect(lines.length).toBeGreaterThan(0)
    const res = await t.post('/plan', { _key: key(), incident: '', lines: lines.slice(0, 1) }, coordinator)
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/plan?proposed=1')
    expect(await html('/plan?proposed=1', coordinator)).toContain('Proposed: 1.')
    const [need, person] = lines[0]!.split(':')
    expect(
      (await t.db.select().from(assignments)).some((a) => a.needId === need && a.functionaryId === person),
    ).toBe(true)
  })
})
