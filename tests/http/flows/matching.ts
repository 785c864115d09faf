/**
 * Matching and the assignment loop through the pages: the candidates page ranks the person who
 * answered "available" first with the parts of the score; a proposal in one post; offered (with how
 * the person confirmed), accepted on the island's offers page, travelling, on site (the request
 * follows), released, completed; the .ics mails reach the SMTP server. Two proposals of one person
 * at once for overlapping needs: one wins.
 */
import { describe, expect, it } from 'vitest'
import { ANNA, ANSWER_LINK, acknowledged, imNeed } from '../fixtures.ts'
import { Client, formKey, islandTime, type Runtime } from '../target.ts'

const DAY = 86_400_000

export function matchingFlows(rt: Runtime) {
  describe('matching and assignments', () => {
    const c = new Client(rt, '192.0.2.80')

    it('ranks, proposes, offers, and the island accepts; travel, arrival, release and completion follow', async () => {
      const saba = await c.session('saba@demo.ccpm')
      const coordinator = await c.session('coordinator@demo.ccpm')
      const { id: requestId, needs } = await acknowledged(
        c,
        { saba, coordinator },
        { title: `Matching (${rt.name})`, from: 100, to: 114, needs: [imNeed, imNeed] },
      )
      const needId = needs[0]!
      // Anna is alerted and answers "available" through her link
      const deadline = islandTime(c.now() + DAY)
      expect(
        (await c.post(`/needs/${needId}/alerts`, { functionaryIds: [ANNA.id], deadline }, coordinator))
          .status,
      ).toBe(303)
      const link = await c.linkTo(ANNA.email, ANSWER_LINK)
      expect((await new Client(rt, '192.0.2.81').post(link, { answer: 'available' })).status).toBe(200)

      const page = await c.page(`/needs/${needId}`, coordinator)
      expect(Number(/<h2 id="ranked">Ranked candidates \((\d+)\)<\/h2>/.exec(page)?.[1])).toBeGreaterThan(3)
      const table = page.indexOf('<tbody>', page.indexOf('id="ranked"'))
      const first = page.slice(table, page.indexOf('</tr>', table))
      expect(first).toContain(`value="${ANNA.id}"`)
      expect(first).toContain('answer 131')
      expect(first).toContain('<span class="badge a-available">available</span>')
      expect(page).toContain(
        `formaction="/needs/${needId}/assignments" name="functionaryId" value="${ANNA.id}"`,
      )
      const api = await c.getJson<{
        eligible: { functionaryId: string; alert: string; parts: { answer: number } }[]
      }>(`/api/v1/needs/${needId}/candidates`, coordinator)
      expect(api.eligible[0]).toMatchObject({
        functionaryId: ANNA.id,
        alert: 'available',
        parts: { answer: 131 },
      })

      const proposed = await c.post(
        `/needs/${needId}/assignments`,
        { _key: formKey(page, `/needs/${needId}/alerts`), functionaryId: ANNA.id },
        coordinator,
      )
      expect(proposed.status).toBe(303)
      const a = proposed.headers.get('location')!.split('/').pop()!
      const again = await c.post(
        `/needs/${needId}/assignments`,
        { functionaryId: ANNA.id, deadline },
        coordinator,
      )
      expect(again.status).toBe(409)
      expect(await again.text()).toContain('This person is already proposed for Saba')

      const step = async (who: string, form: Record<string, string>) => {
        const at = await c.page(`/assignments/${a}`, who)
        return c.post(
          `/assignments/${a}/status`,
          { _key: formKey(at, `/assignments/${a}/status`), ...form },
          who,
        )
      }
      const status = async () =>
        (await rt.rows<{ status: string }>('select status from assignments where id = ?', a))[0]!.status
      expect(await status()).toBe('proposed')
      const offered = await step(coordinator, {
        status: 'offered',
        version: '1',
        'confirmedBy.channel': 'phone',
        'confirmedBy.note': 'Called 09:10',
      })
      expect(offered.status).toBe(303)
      expect(offered.headers.get('location')).toBe(`/assignments/${a}`)
      expect(await c.page(`/requests/${requestId}`, saba)).toContain('0 of 1 filled, 1 offered')

      const offers = await c.page('/offers', saba)
      expect(offers).toContain('Waiting for your decision (1)')
      const accept = { status: 'accepted', version: '2', reason: '', back: '/offers' }
      const accepted = await c.post(
        `/assignments/${a}/status`,
        { _key: formKey(offers, `/assignments/${a}/status`), ...accept },
        saba,
      )
      expect(accepted.status).toBe(303)
      expect(accepted.headers.get('location')).toBe('/offers')
      expect((await c.post(`/assignments/${a}/status`, accept, saba)).status).toBe(409) // stale: writes nothing
      expect(await c.page('/offers', saba)).toContain('On their way or on site (1)')

      const etd = c.now() + 99 * DAY
      const travel = {
        status: 'travelling',
        version: '3',
        'travel.etd': islandTime(etd),
        'travel.eta': islandTime(etd - 3_600_000),
        'travel.transport': 'ferry',
        'travel.reference': 'Edge',
      }
      const wrong = await step(coordinator, travel)
      expect(wrong.status).toBe(422)
      expect(await wrong.text()).toContain('The arrival cannot be before the departure.')
      expect((await step(coordinator, { ...travel, 'travel.eta': islandTime(etd + 5_400_000) })).status).toBe(
        303,
      )
      expect(await c.page('/me', await c.session(ANNA.email))).toContain('Ferry Edge')

      expect((await step(saba, { status: 'on_site', version: '4', back: '/offers' })).status).toBe(303)
      const request = await c.getJson<{ status: string; needs: { filled: number; offered: number }[] }>(
        `/api/v1/requests/${requestId}`,
        saba,
      )
      expect(request.status).toBe('in_progress')
      expect(request.needs[0]).toMatchObject({ filled: 1, offered: 0 })
      expect((await step(saba, { status: 'released', version: '5' })).status).toBe(303)
      expect((await step(coordinator, { status: 'completed', version: '6' })).status).toBe(303)
      expect(await status()).toBe('completed')

      const events = await rt.rows<{ action: string }>(
        "select action from audit_events where entity = 'assignment' and entity_id = ? order by rowid",
        a,
      )
      expect(events.map((e) => e.action)).toEqual([
        'assignment.proposed',
        'assignment.offered',
        'assignment.accepted',
        'assignment.travelling',
        'assignment.on_site',
        'assignment.released',
        'assignment.completed',
      ])

      // the confirmation carries the calendar file to the SMTP server
      await rt.deliver()
      const confirmed = (await rt.received()).find(
        (m) =>
          m.to.includes(ANNA.email) && m.subject.startsWith('Deployment confirmed') && m.text.includes(a),
      )
      expect(confirmed?.attachments).toHaveLength(1)
      expect(confirmed!.attachments[0]).toMatchObject({
        filename: `deployment-${a}.ics`,
        contentType: 'text/calendar',
      })
      expect(confirmed!.attachments[0]!.content).toContain(`UID:assignment-${a}@ccpm`)
    })

    it('two proposals of one person at once for overlapping needs: one 201, one 409, three rounds', async () => {
      const saba = await c.session('saba@demo.ccpm')
      const coordinator = await c.session('coordinator@demo.ccpm')
      const other = await c.login('coordinator@demo.ccpm')
      const { needs } = await acknowledged(
        c,
        { saba, coordinator },
        { title: `Proposal race (${rt.name})`, from: 130, to: 140, needs: [imNeed, imNeed] },
      )
      for (let round = 0; round < 3; round++) {
        const results = await Promise.all([
          c.postJson(`/api/v1/needs/${needs[0]}/assignments`, { functionaryId: ANNA.id }, coordinator),
          c.postJson(`/api/v1/needs/${needs[1]}/assignments`, { functionaryId: ANNA.id }, other),
        ])
        expect(results.map((r) => r.status).sort(), `round ${round}`).toEqual([201, 409])
        const won = (await results.find((r) => r.status === 201)!.json()) as { id: string }
        await c.json(
          `/api/v1/assignments/${won.id}/status`,
          { status: 'cancelled', reason: 'Next round' },
          coordinator,
        )
      }
    })
  })
}
