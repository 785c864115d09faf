/** A functionary's own pages: /me (profile), /me/availability; and a coordinator entering unavailability for someone. */
import { describe, expect, it } from 'vitest'
import { Client, day, formKey, type Runtime } from '../target.ts'

export function peopleFlows(rt: Runtime) {
  describe('/me', () => {
    const c = new Client(rt, '192.0.2.40')

    it('shows my record with roles read-only, saves contact and languages (a posted role is ignored), and is only for functionaries', async () => {
      const anna = await c.session('functionary1@demo.ccpm')
      const html = await c.page('/me', anna)
      expect(html).toContain('functionary1@demo.ccpm')
      expect(html).not.toContain('name="roles[')
      expect(html).toContain('name="phone"')
      const version = /name="version" value="(\d+)"/.exec(html)![1]!
      const saved = await c.post(
        '/me',
        {
          _key: formKey(html, '/me'),
          version,
          phone: '+599 416 1234',
          'languages[en]': 'fluent',
          'languages[pap]': 'native',
          travelDocumentExpiry: '2031-06-30',
          medicalFitnessExpiry: '',
          'roles[operational_leader]': 'senior',
        },
        anna,
      )
      expect(saved.status).toBe(303)
      const after = await c.page('/me', anna)
      expect(after).toContain('value="+599 416 1234"')
      expect(after).toContain('value="2031-06-30"')
      const stale = await c.post('/me', { version, phone: '+599 416 0000', 'languages[en]': 'fluent' }, anna)
      expect(stale.status).toBe(409)
      const events = await rt.rows<{ action: string }>(
        "select action from audit_events where entity = 'functionary' and entity_id = 'demo-f001' order by rowid",
      )
      expect(events.at(-1)?.action).toBe('functionary.profile_edited')
      expect((await c.get('/me', await c.session('coordinator@demo.ccpm'))).status).toBe(403)
    })
  })

  describe('availability', () => {
    const c = new Client(rt, '192.0.2.41')

    it('a functionary adds a period once per key and deletes it; 422 keeps the input; a coordinator enters one for someone else', async () => {
      const me = await c.session('functionary1@demo.ccpm')
      const page = await c.page('/me/availability', me)
      expect(page).toMatch(/<form method="post" action="\/me\/availability"/)
      const [start, end] = [day(c.now(), 30), day(c.now(), 40)]
      const body = {
        _key: formKey(page, '/me/availability'),
        start,
        end,
        reason: 'leave',
        note: 'Family visit in Bonaire',
      }
      const [a, b] = [await c.post('/me/availability', body, me), await c.post('/me/availability', body, me)]
      expect(a.status).toBe(303)
      expect(a.headers.get('location')).toBe('/me/availability')
      expect(b.status).toBe(303)
      let html = await c.page('/me/availability', me)
      expect(html.split('Family visit in Bonaire').length - 1).toBe(1)
      expect(html).toContain('11 days')

      const bad = await c.post(
        '/me/availability',
        { start: end, end: start, reason: 'leave', note: 'Keep this note' },
        me,
      )
      expect(bad.status).toBe(422)
      const refused = await bad.text()
      expect(refused).toContain('The last day cannot be before the first day.')
      expect(refused).toContain('Keep this note')

      const periodId = /action="\/me\/availability\/([\w-]+)\/delete"/.exec(html)![1]!
      const del = await c.post(
        `/me/availability/${periodId}/delete`,
        { _key: formKey(html, `/me/availability/${periodId}/delete`) },
        me,
      )
      expect(del.status).toBe(303)
      html = await c.page('/me/availability', me)
      expect(html).not.toContain('Family visit in Bonaire')
      expect((await c.post(`/me/availability/${periodId}/delete`, {}, me)).status).toBe(404)
      const events = await rt.rows<{ action: string }>(
        "select action from audit_events where entity = 'functionary' and entity_id = 'demo-f001' and action like 'unavailability.%' order by rowid",
      )
      expect(events.map((e) => e.action)).toEqual(['unavailability.added', 'unavailability.removed'])

      const coordinator = await c.session('coordinator@demo.ccpm')
      const theirs = await c.page('/pool/availability/demo-f005', coordinator)
      const entered = await c.post(
        '/pool/availability/demo-f005',
        {
          _key: formKey(theirs, '/pool/availability/demo-f005'),
          start: day(c.now(), 300),
          end: day(c.now(), 302),
          reason: 'island_duty',
          note: '',
        },
        coordinator,
      )
      expect(entered.status).toBe(303)
      expect(entered.headers.get('location')).toBe('/pool/availability/demo-f005')
      const own = await c.page('/me/availability', await c.session('functionary5@demo.ccpm'))
      expect(own).toContain('Duty on own island')
      expect(own).toContain('Carla Coordinator')
      expect((await c.get('/pool/availability', coordinator)).status).toBe(200)
    })
  })
}
