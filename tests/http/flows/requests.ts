/**
 * Requests through the pages, as a browser without JavaScript sends them: a draft with four needs
 * under the page's one-time key (posted twice: one request), submitted, then two coordinators
 * acknowledge at once (one wins, one 409); an edit after it is a new revision. The API's keyed
 * create replays too.
 */
import { describe, expect, it } from 'vitest'
import { Client, day, formKey, idOf, type Runtime } from '../target.ts'

export function requestFlows(rt: Runtime) {
  describe('a request from draft to acknowledgement', () => {
    const c = new Client(rt, '192.0.2.20')
    const count = async (title: string) =>
      (await rt.rows<{ n: number }>('select count(*) as n from requests where title = ?', title))[0]!.n

    it('files four needs in one post, once per one-time key; submits; one of two simultaneous acknowledgements wins; an edit is revision 2', async () => {
      const saba = await c.session('saba@demo.ccpm')
      const coordinator = await c.session('coordinator@demo.ccpm')
      const other = await c.login('coordinator@demo.ccpm')
      const form = await c.page('/requests/new', saba)
      expect(form.match(/<fieldset class="need"/g)).toHaveLength(4)
      const title = `Relief for the EOT (${rt.name})`
      const body = {
        _key: formKey(form, '/requests'),
        title,
        situation: 'Power out island-wide since Tuesday.',
        phase: 'warm',
        priority: 'urgent',
        periodStart: day(c.now(), 1),
        periodEnd: day(c.now(), 14),
        contact: 'EOC Saba, +599 416 3311',
        'needs[0][kind]': 'functionary',
        'needs[0][role]': 'information_manager',
        'needs[0][count]': '2',
        'needs[0][minLevel]': 'qualified',
        'needs[0][languages]': ['en', 'nl'],
        'needs[1][kind]': 'capacity',
        'needs[1][unitType]': 'communications',
        'needs[1][count]': '1',
        'needs[2][kind]': 'other',
        'needs[2][description]': 'Satellite phones',
        'needs[2][quantity]': '4',
        'needs[3][kind]': 'functionary',
        'needs[3][role]': 'plotter',
        'needs[3][count]': '1',
        'needs[3][minLevel]': 'senior',
        _action: 'save',
      }
      const first = await c.post('/requests', body, saba)
      expect(first.status).toBe(303)
      const id = idOf(first)
      expect(first.headers.get('location')).toBe(`/requests/${id}`)
      // the same key again (a double click, a resend after a lost answer): the same request
      const replay = await c.post('/requests', body, saba)
      expect(replay.status).toBe(303)
      expect(replay.headers.get('location')).toMatch(new RegExp(`^/requests/${id}\\?replayed=\\d+$`))
      expect(await count(title)).toBe(1)

      const r = await c.getJson<{ status: string; needs: Record<string, unknown>[] }>(
        `/api/v1/requests/${id}`,
        saba,
      )
      expect(r.status).toBe('draft')
      expect(r.needs.map((n) => [n.kind, n.role ?? n.unitType ?? n.description])).toEqual([
        ['functionary', 'information_manager'],
        ['capacity', 'communications'],
        ['other', 'Satellite phones'],
        ['functionary', 'plotter'],
      ])
      let page = await c.page(`/requests/${id}`, saba)
      expect(page).toContain('0 of 2')
      expect(page).toContain('Information manager')

      const submitKey = formKey(page, `/requests/${id}/status`)
      const submit = { status: 'submitted', version: '1', _key: submitKey }
      expect((await c.post(`/requests/${id}/status`, submit, saba)).status).toBe(303)
      expect((await c.post(`/requests/${id}/status`, submit, saba)).status).toBe(303) // replayed, not redone
      const inbox = await c.page('/requests', coordinator)
      expect(inbox).toContain(`/requests/${id}`)
      expect(inbox).toContain('name="status" value="acknowledged"')

      const ack = (who: string) =>
        c.post(`/requests/${id}/status`, { status: 'acknowledged', version: '2', back: '/requests' }, who)
      const race = await Promise.all([ack(coordinator), ack(other)])
      expect(race.map((r) => r.status).sort()).toEqual([303, 409])
      const lost = race.find((r) => r.status === 409)!
      expect(await lost.text()).toContain('This request is now: acknowledged.')
      expect(race.find((r) => r.status === 303)!.headers.get('location')).toBe(`/requests?done=${id}`)
      page = await c.page(`/requests/${id}`, saba)
      expect(page).toContain('Carla Coordinator')

      const edit = await c.page(`/requests/${id}/edit`, saba)
      const needIds = [...edit.matchAll(/name="needs\[(\d)\]\[id\]" value="([a-z0-9]+)"/g)].map((m) => m[2]!)
      expect(needIds).toHaveLength(4)
      const revised = await c.post(
        `/requests/${id}`,
        {
          ...body,
          _key: formKey(edit, `/requests/${id}`),
          version: '3',
          'needs[0][id]': needIds[0]!,
          'needs[0][count]': '3',
          'needs[1][id]': needIds[1]!,
          'needs[2][id]': needIds[2]!,
          'needs[3][id]': needIds[3]!,
        },
        saba,
      )
      expect(revised.status).toBe(303)
      page = await c.page(`/requests/${id}`, coordinator)
      expect(page).toContain('Version 2')
      expect(page).toContain('0 of 3')

      const events = await rt.rows<{ action: string }>(
        "select action from audit_events where entity = 'request' and entity_id = ? order by rowid",
        id,
      )
      expect(events.map((e) => e.action)).toEqual([
        'request.created',
        'request.submitted',
        'request.acknowledged',
        'request.revised',
      ])
      const mails = await rt.rows<{ to: string }>(
        'select "to" from outbox where text like ? order by created_at, rowid',
        `%${id}%`,
      )
      expect(mails.map((m) => m.to)).toEqual([
        'coordinator@demo.ccpm',
        'saba@demo.ccpm',
        'coordinator@demo.ccpm',
      ])
    })

    it('replays a keyed API create (Idempotency-Key) and files it once', async () => {
      const saba = await c.session('saba@demo.ccpm')
      const title = `Keyed (${rt.name})`
      const body = {
        title,
        situation: 'Roofs gone.',
        phase: 'warm',
        priority: 'urgent',
        periodStart: day(c.now(), 1),
        periodEnd: day(c.now(), 14),
        needs: [{ kind: 'capacity', unitType: 'reconnaissance', count: 1 }],
      }
      const send = () =>
        c.postJson('/api/v1/requests', body, saba, { 'idempotency-key': `k-http-${rt.name}-01` })
      const a = await send()
      const b = await send()
      expect(a.status).toBe(201)
      expect(b.status).toBe(201)
      expect(b.headers.get('idempotent-replay')).toBe('true')
      expect(((await b.json()) as { id: string }).id).toBe(((await a.json()) as { id: string }).id)
      expect(await count(title)).toBe(1)
    })
  })
}
