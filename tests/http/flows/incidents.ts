/** Incidents through the forms: open (island time), edit, close; a stale edit and a second close are 409; islands see their own. */
import { describe, expect, it } from 'vitest'
import { Client, formKey, idOf, type Runtime } from '../target.ts'

export function incidentFlows(rt: Runtime) {
  describe('incidents', () => {
    const c = new Client(rt, '192.0.2.50')

    it('opens, edits and closes an incident; stale steps are 409; another island does not see it', async () => {
      const coordinator = await c.session('coordinator@demo.ccpm')
      const form = await c.page('/incidents/new', coordinator)
      const name = `Hurricane Erin (${rt.name})`
      const opened = await c.post(
        '/incidents',
        {
          _key: formKey(form, '/incidents'),
          name,
          hazard: 'hurricane',
          islands: ['SX', 'SA'],
          phase: 'warm',
          openedAt: '2026-09-05T18:00',
        },
        coordinator,
      )
      expect(opened.status).toBe(303)
      const id = idOf(opened)
      let html = await c.page(`/incidents/${id}`, coordinator)
      expect(html).toContain(name)
      expect(html).toContain('Sint Maarten, Saba')
      const row = await rt.rows<{ opened_at: number }>('select opened_at from incidents where id = ?', id)
      expect(row[0]!.opened_at).toBe(Date.UTC(2026, 8, 5, 22, 0))

      const invalid = await c.post(
        '/incidents',
        { name: '', hazard: 'hurricane', islands: [], phase: 'warm', openedAt: '2026-09-05T18:00' },
        coordinator,
      )
      expect(invalid.status).toBe(422)
      const invalidHtml = await invalid.text()
      expect(invalidHtml).toContain('href="#f-name"')
      expect(invalidHtml).toContain('value="2026-09-05T18:00"')

      const edit = {
        name: `Hurricane Fiona (${rt.name})`,
        hazard: 'hurricane',
        islands: ['SA'],
        phase: 'warm',
        version: '1',
      }
      expect((await c.post(`/incidents/${id}`, edit, coordinator)).status).toBe(303)
      expect((await c.post(`/incidents/${id}`, { ...edit, name: 'Old' }, coordinator)).status).toBe(409)
      html = await c.page(`/incidents/${id}`, coordinator)
      expect(html).toContain(`Hurricane Fiona (${rt.name})`)

      expect(await c.page('/incidents', await c.session('saba@demo.ccpm'))).toContain(
        `Hurricane Fiona (${rt.name})`,
      )
      const aruba = await c.session('aruba@demo.ccpm')
      expect((await c.get(`/incidents/${id}`, aruba)).status).toBe(404)
      expect(await c.page('/incidents', aruba)).not.toContain(`Hurricane Fiona (${rt.name})`)

      expect(
        (await c.post(`/incidents/${id}/status`, { status: 'closed', version: '2' }, coordinator)).status,
      ).toBe(303)
      expect(
        (await c.post(`/incidents/${id}/status`, { status: 'closed', version: '3' }, coordinator)).status,
      ).toBe(409)
      const events = await rt.rows<{ action: string }>(
        "select action from audit_events where entity = 'incident' and entity_id = ? order by rowid",
        id,
      )
      expect(events.map((e) => e.action)).toEqual(['incident.opened', 'incident.edited', 'incident.closed'])
    })
  })
}
