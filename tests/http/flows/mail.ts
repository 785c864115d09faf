/**
 * The admin outbox and mail retry: a mail the SMTP server refuses stays pending with its error on
 * /admin/outbox, and the next delivery pass after the backoff sends it (the server takes it then).
 */
import { describe, expect, it } from 'vitest'
import { Client, type Runtime } from '../target.ts'

/** The SMTP sink refuses the first attempt for addresses that start like this (tests/workers-node/smtp-sink.ts). */
const REFUSED_ONCE = 'refused-once'

export function mailFlows(rt: Runtime) {
  describe('the admin outbox and mail retry', () => {
    const c = new Client(rt, '192.0.2.70')

    it('lists a queued mail; a refused send stays pending with its error and is sent on the retry', async () => {
      const admin = await c.session('admin@demo.ccpm')
      const to = `${REFUSED_ONCE}-${rt.name}@example.org`
      await c.json('/api/v1/users', { name: 'Rita Retry', email: to, role: 'observer' }, admin, 201)
      const [queued] = await c.outbox(to)
      expect(queued).toMatchObject({ status: 'pending', attempts: 0 })
      let outbox = await c.page('/admin/outbox', admin)
      expect(outbox).toContain(to)
      expect((await c.get('/admin/outbox', await c.session('coordinator@demo.ccpm'))).status).toBe(403)

      await rt.deliver()
      const [refused] = await rt.rows<{ status: string; attempts: number; last_error: string }>(
        'select status, attempts, last_error from outbox where id = ?',
        queued!.id,
      )
      expect(refused).toMatchObject({ status: 'pending', attempts: 1 })
      expect(refused!.last_error).toMatch(/451/)
      outbox = await c.page('/admin/outbox', admin)
      expect(outbox).toMatch(/451/)
      expect((await rt.received()).filter((m) => m.to.includes(to))).toHaveLength(0)

      // not due yet: a pass right away leaves it; a pass after the backoff (30 s) sends it
      await rt.deliver(c.now() + 1_000)
      expect((await c.outbox(to))[0]).toMatchObject({ status: 'pending', attempts: 1 })
      await rt.deliver(c.now() + 10 * 60_000)
      expect((await c.outbox(to))[0]).toMatchObject({ status: 'sent', attempts: 2, text: '' })
      const received = (await rt.received()).filter((m) => m.to.includes(to))
      expect(received).toHaveLength(1)
      expect(received[0]!.text).toMatch(/\/password\/[a-z0-9]{16}\.[a-z0-9]{32}/)
    })
  })
}
