/**
 * HRC mails reach a real SMTP server: Saba accepts an offer, and the unit's leader, the coordinator
 * (who reads Dutch) and the dispatcher get their mail, each in their own language, with the link.
 */
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { users } from '../../../db/schema/index.ts'
import { deliverDue } from '../../../server/mail/transport.ts'
import { type TestApp, testApp } from '../../helpers/app.ts'
import { orderBody, sabaCapacityNeed, UNITS } from '../../helpers/hrc.ts'
import { startSmtp } from '../../helpers/smtp.ts'

let t: TestApp
let smtp: Awaited<ReturnType<typeof startSmtp>>
const cookies: Record<string, string> = {}
beforeAll(async () => {
  t = await testApp()
  smtp = await startSmtp()
  for (const who of ['dispatcher', 'coordinator', 'saba']) cookies[who] = await t.login(`${who}@demo.ccpm`)
  await t.db.update(users).set({ locale: 'nl' }).where(eq(users.email, 'coordinator@demo.ccpm'))
})
afterAll(async () => {
  t.close()
  await smtp.close()
})

const deliver = () =>
  deliverDue({
    db: t.db,
    smtpUrl: smtp.url,
    from: 'CCPM <noreply@ccpm.test>',
    now: () => t.clock.now,
    log: () => {},
  })

describe('HRC mail over SMTP', () => {
  it('an island’s acceptance reaches the leader, the coordinator in Dutch and the dispatcher', async () => {
    const need = await sabaCapacityNeed(t, cookies as never, 1, 'light_usar')
    const res = await t.postJson(
      '/api/v1/hrc/dispatches',
      orderBody(t.clock.now, { unitIds: [UNITS.lusar1], needId: need.needId }),
      cookies.dispatcher,
    )
    const d = (await res.json()) as { id: string }
    while ((await deliver()) > 0) {}
    smtp.received.length = 0

    expect(
      (await t.postJson(`/api/v1/hrc/dispatches/${d.id}/status`, { status: 'accepted' }, cookies.saba))
        .status,
    ).toBe(200)
    expect(await deliver()).toBe(3)
    const by = (to: string) => smtp.received.find((m) => m.to.includes(to))!
    const leader = by('lusar1@usar.demo.ccpm')
    expect(leader.subject).toBe('Accepted: LUSAR-1 – Saba')
    expect(leader.text).toContain('Saba accepted LUSAR-1. The units mobilise now.')
    expect(leader.text).toContain(`http://localhost:3000/hrc/dispatches/${d.id}`)
    const coordinator = by('coordinator@demo.ccpm')
    expect(coordinator.subject).toBe('Geaccepteerd: LUSAR-1 – Saba')
    expect(coordinator.text).toContain('Saba heeft LUSAR-1 geaccepteerd. De eenheden mobiliseren nu.')
    expect(by('dispatcher@demo.ccpm').subject).toBe('Accepted: LUSAR-1 – Saba')
    expect(smtp.received.some((m) => m.to.includes('saba@demo.ccpm'))).toBe(false)
  })
})
