/**
 * HRC over HTTP: the unit register, the readiness ladder (a coordinator's warning rungs, the
 * dispatcher's mobilising, a stale step from the unit page), a dispatch for an island's need
 * through offered → accepted → in transit → arrived → released → returned, a withdrawal that
 * cancels an accepted order, and two simultaneous orders of one unit (one active dispatch wins).
 */
import { describe, expect, it } from 'vitest'
import { acknowledged } from '../fixtures.ts'
import { Client, formKey, type Runtime } from '../target.ts'

const HOUR = 3_600_000

export function hrcFlows(rt: Runtime) {
  describe('HRC', () => {
    const c = new Client(rt, '192.0.2.90')
    const order = (over: Record<string, unknown>) => ({
      island: 'SA',
      etd: new Date(c.now() + 6 * HOUR).toISOString(),
      eta: new Date(c.now() + 14 * HOUR).toISOString(),
      transport: 'military_airlift',
      ...over,
    })
    const unit = async (id: string, who: string) =>
      c.getJson<{ status: string; location: string; version: number }>(`/api/v1/hrc/units/${id}`, who)

    it('lists the units, adds one through the form; the ladder: a coordinator raises the warning rungs, only the dispatcher mobilises; a stale step from the page is 409', async () => {
      const observer = await c.session('observer@demo.ccpm')
      const coordinator = await c.session('coordinator@demo.ccpm')
      const dispatcher = await c.session('dispatcher@demo.ccpm')
      const register = await c.page('/hrc/units', observer)
      for (const code of ['COMMS-1', 'LOG-1', 'LUSAR-1', 'RECCE-1', 'WATER-1'])
        expect(register).toContain(code)
      expect((await c.get('/hrc/units', await c.session('saba@demo.ccpm'))).status).toBe(403)
      const list = await c.getJson<{ total: number }>('/api/v1/hrc/units', observer)
      expect(list.total).toBe(5)

      // the dispatcher adds a unit through the form; a 422 keeps what was typed
      const form = await c.page('/hrc/units/new', dispatcher)
      const unitForm = {
        _key: formKey(form, '/hrc/units'),
        name: 'Medical team 1',
        type: 'medical',
        people: 'many',
        weightKg: '2500',
        volumeM3: '18,5',
        base: 'NL',
        location: 'CW',
        islands: ['CW', 'BO', 'AW'],
        'leader.name': 'Mila Martis',
        'leader.email': 'med1@usar.example',
      }
      const bad = await c.post('/hrc/units', unitForm, dispatcher)
      expect(bad.status).toBe(422)
      expect(await bad.text()).toContain('Give a whole number from 1 to 500.')
      const added = await c.post('/hrc/units', { ...unitForm, people: '12' }, dispatcher)
      expect(added.status).toBe(303)
      const shown = await c.page(added.headers.get('location')!, dispatcher)
      expect(shown).toContain('MED-1 · Medical team 1')
      expect(shown).toContain('2,500 kg, 18.5 m³')
      expect((await c.getJson<{ total: number }>('/api/v1/hrc/units', observer)).total).toBe(6)

      const step = (who: string, body: Record<string, unknown>) =>
        c.postJson('/api/v1/hrc/units/demo-recce-1/status', body, who)
      expect((await step(coordinator, { status: 'pre_alert', version: 1 })).status).toBe(200)
      const alert = await step(coordinator, { status: 'alert' })
      expect(alert.status).toBe(200)
      expect(await alert.json()).toMatchObject({ status: 'alert', version: 3 })
      const forbidden = await step(coordinator, { status: 'mobilising' })
      expect(forbidden.status).toBe(403)
      expect(((await forbidden.json()) as { error: { message: string } }).error.message).toBe(
        'Only the dispatcher (USAR.NL) can move a unit from alert to mobilising.',
      )
      expect(
        (await c.post('/hrc/units/demo-recce-1/status', { status: 'mobilising', version: '3' }, dispatcher))
          .status,
      ).toBe(303)
      const stale = await c.post(
        '/hrc/units/demo-recce-1/status',
        { status: 'standby', version: '3' },
        dispatcher,
      )
      expect(stale.status).toBe(409)
      expect(await stale.text()).toContain('RECCE-1 has changed since you opened it; it is now mobilising.')
      expect((await unit('demo-recce-1', observer)).status).toBe('mobilising')
      const events = await rt.rows<{ action: string }>(
        "select action from audit_events where entity = 'hrc_unit' and entity_id = 'demo-recce-1' order by rowid",
      )
      expect(events).toHaveLength(3)
      const mails = await c.outbox('recce1@usar.demo.ccpm')
      expect(mails.map((m) => m.subject)).toContain('RECCE-1: Alert → Mobilising')
    })

    it('a dispatch for Saba’s need: offered, accepted (the need filled), in transit, arrived, released, returned; a second order of the unit is 409', async () => {
      const saba = await c.session('saba@demo.ccpm')
      const coordinator = await c.session('coordinator@demo.ccpm')
      const dispatcher = await c.session('dispatcher@demo.ccpm')
      const need = await acknowledged(
        c,
        { saba, coordinator },
        {
          title: `HRC light USAR (${rt.name})`,
          from: 1,
          to: 20,
          needs: [{ kind: 'capacity', unitType: 'light_usar', count: 1 }],
        },
      )
      const d = await c.json<{ id: string; status: string }>(
        '/api/v1/hrc/dispatches',
        order({ unitIds: ['demo-lusar-1'], needId: need.needs[0] }),
        dispatcher,
        201,
      )
      expect(d.status).toBe('offered')
      expect((await unit('demo-lusar-1', dispatcher)).status).toBe('standby')
      expect(
        (
          await c.postJson(
            '/api/v1/hrc/dispatches',
            order({ unitIds: ['demo-lusar-1'], island: 'SX' }),
            dispatcher,
          )
        ).status,
      ).toBe(409)
      expect(await c.page(`/hrc/dispatches/${d.id}`, saba)).toContain('LUSAR-1')
      expect((await c.get(`/hrc/dispatches/${d.id}`, await c.session('sintmaarten@demo.ccpm'))).status).toBe(
        404,
      )

      const step = (who: string, body: Record<string, unknown>) =>
        c.postJson(`/api/v1/hrc/dispatches/${d.id}/status`, body, who)
      expect((await step(saba, { status: 'accepted' })).status).toBe(200)
      expect((await unit('demo-lusar-1', dispatcher)).status).toBe('mobilising')
      const r = await c.getJson<{ needs: { filled: number }[] }>(`/api/v1/requests/${need.id}`, saba)
      expect(r.needs[0]!.filled).toBe(1)
      expect((await step(saba, { status: 'in_transit' })).status).toBe(403)
      expect((await step(dispatcher, { status: 'in_transit' })).status).toBe(200)
      expect((await step(saba, { status: 'arrived' })).status).toBe(200)
      expect(await unit('demo-lusar-1', dispatcher)).toMatchObject({ status: 'operational', location: 'SA' })
      expect((await step(saba, { status: 'released', version: 2 })).status).toBe(409) // stale
      expect((await step(saba, { status: 'released', reason: 'Thank you, USAR.NL.' })).status).toBe(200)
      expect((await unit('demo-lusar-1', dispatcher)).status).toBe('demobilising')
      expect(
        (await c.postJson('/api/v1/hrc/units/demo-lusar-1/status', { status: 'returning' }, dispatcher))
          .status,
      ).toBe(200)
      expect((await step(dispatcher, { status: 'returned' })).status).toBe(200)
      expect(await unit('demo-lusar-1', dispatcher)).toMatchObject({ status: 'standby', location: 'NL' })

      const events = await rt.rows<{ action: string }>(
        'select action from audit_events where entity_id = ? order by rowid',
        d.id,
      )
      expect(events.map((e) => e.action)).toEqual([
        'hrc.dispatch.offered',
        'hrc.dispatch.accepted',
        'hrc.dispatch.in_transit',
        'hrc.dispatch.arrived',
        'hrc.dispatch.released',
        'hrc.dispatch.returned',
      ])
      const mails = await rt.rows<{ to: string }>(
        'select "to" from outbox where text like ?',
        `%/hrc/dispatches/${d.id}%`,
      )
      expect(mails.map((m) => m.to)).toContain('lusar1@usar.demo.ccpm')
    })

    it('a withdrawal cancels an accepted order in the request’s batch; the unit stands down', async () => {
      const saba = await c.session('saba@demo.ccpm')
      const coordinator = await c.session('coordinator@demo.ccpm')
      const dispatcher = await c.session('dispatcher@demo.ccpm')
      const need = await acknowledged(
        c,
        { saba, coordinator },
        {
          title: `HRC logistics (${rt.name})`,
          from: 1,
          to: 20,
          needs: [{ kind: 'capacity', unitType: 'logistics', count: 1 }],
        },
      )
      const d = await c.json<{ id: string }>(
        '/api/v1/hrc/dispatches',
        order({ unitIds: ['demo-log-1'], needId: need.needs[0] }),
        dispatcher,
        201,
      )
      await c.json(`/api/v1/hrc/dispatches/${d.id}/status`, { status: 'accepted' }, saba)
      await c.json(`/api/v1/requests/${need.id}/status`, { status: 'withdrawn', reason: 'Managed.' }, saba)
      const got = await c.getJson<{ status: string }>(`/api/v1/hrc/dispatches/${d.id}`, dispatcher)
      expect(got.status).toBe('cancelled')
      expect((await unit('demo-log-1', dispatcher)).status).toBe('alert')
      // the unit is free again: a new order of it is taken
      const next = await c.json<{ id: string }>(
        '/api/v1/hrc/dispatches',
        order({ unitIds: ['demo-log-1'], island: 'CW' }),
        dispatcher,
        201,
      )
      await c.json(
        `/api/v1/hrc/dispatches/${next.id}/status`,
        { status: 'cancelled', reason: 'test' },
        dispatcher,
      )
    })

    it('two simultaneous orders of one unit: one 201, one 409, three rounds', async () => {
      const dispatcher = await c.session('dispatcher@demo.ccpm')
      for (let round = 0; round < 3; round++) {
        const send = () =>
          c.postJson('/api/v1/hrc/dispatches', order({ unitIds: ['demo-comms-1'], island: 'SX' }), dispatcher)
        const answers = await Promise.all([send(), send()])
        expect(answers.map((r) => r.status).sort(), `round ${round}`).toEqual([201, 409])
        const made = (await answers.find((r) => r.status === 201)!.json()) as { id: string }
        await c.json(
          `/api/v1/hrc/dispatches/${made.id}/status`,
          { status: 'cancelled', reason: 'test' },
          dispatcher,
        )
        await c.json('/api/v1/hrc/units/demo-comms-1/status', { status: 'standby' }, dispatcher)
      }
    })
  })
}
