/**
 * What the island sees of the search for its request: per need how many were
 * asked and how many said available, alerts and edits in the timeline, no names before an offer;
 * and the coordinators are mailed what changed when the island edits a submitted request.
 */
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { outbox, users } from '../../../db/schema/index.ts'
import { acknowledgedRequest, linkIn } from '../../helpers/alerts.ts'
import { type TestApp, testApp } from '../../helpers/app.ts'
import { sabaRequest } from '../../helpers/requests.ts'
import { visibleText } from '../../helpers/text.ts'

let t: TestApp
let saba: string
let coordinator: string
beforeAll(async () => {
  t = await testApp()
  saba = await t.login('saba@demo.ccpm')
  coordinator = await t.login('coordinator@demo.ccpm')
})
afterAll(() => t.close())

const candidates = async (needId: string) =>
  [
    ...(await (await t.get(`/needs/${needId}`, coordinator)).text()).matchAll(
      /name="functionaryIds" value="([\w-]+)"/g,
    ),
  ].map((m) => m[1]!)

describe('an acknowledged request with alerts out', () => {
  it('shows the island counts per need and folded timeline lines, and nobody’s name', async () => {
    const { id, needId } = await acknowledgedRequest(t, saba, coordinator)
    const chosen = (await candidates(needId)).slice(0, 3)
    expect(chosen).toHaveLength(3)
    const sent = await t.post(
      `/needs/${needId}/alerts`,
      { functionaryIds: chosen, deadline: '2026-09-07T08:00' },
      coordinator,
    )
    expect(sent.status).toBe(303)
    const people = await Promise.all(
      chosen.map((c) => t.db.query.functionaries.findFirst({ where: (f, { eq }) => eq(f.id, c) })),
    )
    const mails = await t.db.select().from(outbox)
    const linkOf = (email: string) => linkIn(mails.filter((m) => m.to === email).at(-1)!.text)
    t.clock.now += 60_000
    expect((await t.post(linkOf(people[0]!.email), { answer: 'available' })).status).toBe(200)
    t.clock.now += 60_000
    expect((await t.post(linkOf(people[1]!.email), { answer: 'unavailable' })).status).toBe(200)

    const html = await (await t.get(`/requests/${id}`, saba)).text()
    const text = visibleText(html)
    expect(text).toContain('0 of 2 3 asked, 1 available')
    expect(text).toContain(
      'Carla Coordinator asked 3 people whether they are available for need 1 (information manager)',
    )
    expect(text).toContain('A person asked for need 1 (information manager) answered: available')
    expect(text).toContain('A person asked for need 1 (information manager) answered: not available')
    for (const p of people) {
      expect(html).not.toContain(p!.name)
      expect(html).not.toContain(p!.email)
      expect(html).not.toContain(p!.phone)
    }
    // In Dutch too, from the same events.
    const nl = visibleText(await (await t.get(`/requests/${id}`, `${saba}; ccpm_lang=nl`)).text())
    expect(nl).toContain('3 gevraagd, 1 beschikbaar')
    expect(nl).toContain(
      'Carla Coordinator heeft 3 personen gevraagd of ze beschikbaar zijn voor behoefte 1 (Informatiemanager)',
    )
  })

  it('keeps the alerts of a need when the island edits the request', async () => {
    const { id, needId } = await acknowledgedRequest(t, saba, coordinator)
    const [one] = await candidates(needId)
    await t.post(
      `/needs/${needId}/alerts`,
      { functionaryIds: [one!], deadline: '2026-09-07T08:00' },
      coordinator,
    )
    const r = await (await t.get(`/api/v1/requests/${id}`, saba)).json()
    const res = await t.post(
      `/requests/${id}`,
      {
        title: `${r.title} (more)`,
        situation: r.situation,
        phase: r.phase,
        priority: r.priority,
        periodStart: r.periodStart,
        periodEnd: r.periodEnd,
        contact: r.contact,
        version: String(r.version),
        ...Object.fromEntries(
          r.needs.flatMap((n: Record<string, unknown>, i: number) =>
            Object.entries(n)
              .filter(([k, v]) => k !== 'filled' && v !== null && v !== '')
              .map(([k, v]) => [`needs[${i}][${k}]`, Array.isArray(v) ? v : String(v)]),
          ),
        ),
        _action: 'save',
      },
      saba,
    )
    expect(res.status).toBe(303)
    const text = visibleText(await (await t.get(`/requests/${id}`, saba)).text())
    expect(text).toContain('1 asked, 0 available')
    expect(text).toContain('asked 1 person whether they are available for need 1')
    expect(text).toMatch(
      /Crisis team Saba changed the request after it was acknowledged \(version 2\): title .* → .*\(more\)/,
    )
  })
})

describe('editing a submitted request', () => {
  it('mails each coordinator what changed, in their own language', async () => {
    await t.db.update(users).set({ locale: 'nl' }).where(eq(users.email, 'coordinator@demo.ccpm'))
    const r = await (await t.postJson('/api/v1/requests', sabaRequest({ title: 'Plotters' }), saba)).json()
    await t.postJson(`/api/v1/requests/${r.id}/status`, { status: 'submitted' }, saba)
    const before = (await t.db.select().from(outbox)).length
    const res = await t.post(
      `/requests/${r.id}`,
      {
        title: 'Plotters',
        situation: r.situation,
        phase: 'warm',
        priority: 'normal', // was urgent
        periodStart: r.periodStart,
        periodEnd: r.periodEnd,
        contact: r.contact,
        version: '2',
        'needs[0][kind]': 'functionary',
        'needs[0][role]': 'plotter',
        'needs[0][count]': '1',
        'needs[0][minLevel]': 'qualified',
        _action: 'save',
      },
      saba,
    )
    expect(res.status).toBe(303)
    const mails = (await t.db.select().from(outbox)).slice(before)
    const dutch = mails.find((m) => m.to === 'coordinator@demo.ccpm')!
    expect(dutch.subject).toBe('Gewijzigd – Saba heeft zijn ingediende verzoek gewijzigd: Plotters')
    expect(dutch.text).toContain('Wat er is gewijzigd:')
    expect(dutch.text).toMatch(/- Prioriteit: urgent → normaal/i)
    expect(dutch.text).toContain('- Vervallen behoefte: 2 × Informatiemanager, gekwalificeerd of hoger')
    expect(dutch.text).toContain('- Nieuwe behoefte: 1 × Plotter')
    // Only the coordinators: the island made the change itself.
    expect(mails.map((m) => m.to)).not.toContain('saba@demo.ccpm')
  })
})
