/**
 * The double-dispatch race: two orders of one unit sent at the same moment, many times over. The
 * rule "a unit is in at most one active dispatch" is enforced by the write (the partial unique index
 * on active dispatch units, and the guarded unit update for pre-positioning), so every round must
 * give exactly one 201 and one 409 — and a second test takes the reads out of it altogether: both
 * orders are decided from the same read and written together, and still only one lands.
 */
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { unitTaken } from '../../../db/queries/hrc.ts'
import { insertDispatch } from '../../../db/queries/hrc-dispatches.ts'
import { hrcDispatchUnits } from '../../../db/schema/index.ts'
import { createDispatch } from '../../../pool/hrc/index.ts'
import { newId } from '../../../pool/shared/index.ts'
import { type TestApp, testApp } from '../../helpers/app.ts'
import { orderBody, sabaCapacityNeed, UNITS } from '../../helpers/hrc.ts'

const ROUNDS = 40
let t: TestApp
const cookies: Record<string, string> = {}
beforeAll(async () => {
  t = await testApp()
  for (const who of ['dispatcher', 'coordinator', 'saba']) cookies[who] = await t.login(`${who}@demo.ccpm`)
})
afterAll(() => t.close())

const MINUTE = 60_000

describe('two simultaneous dispatches of one unit', () => {
  it(`give exactly one 201 and one 409, ${ROUNDS} rounds of each kind (need, pre-positioning)`, async () => {
    const { needId } = await sabaCapacityNeed(t, cookies as never, 1, 'light_usar')
    const tally = { rounds: 0, created: 0, refused: 0, other: 0 }
    for (let round = 0; round < 2 * ROUNDS; round++) {
      // Stay inside the rate limit for mailing changes (120 per 15 min): move the clock on.
      if (round % 30 === 29) t.clock.now += 16 * MINUTE
      const body = round % 2 ? { unitIds: [UNITS.lusar1], needId } : { unitIds: [UNITS.lusar1], island: 'SX' }
      const send = () =>
        t.postJson('/api/v1/hrc/dispatches', orderBody(t.clock.now, body), cookies.dispatcher)
      const answers = await Promise.all([send(), send()])
      const statuses = answers.map((r) => r.status).sort()
      tally.rounds++
      tally.created += statuses.filter((s) => s === 201).length
      tally.refused += statuses.filter((s) => s === 409).length
      tally.other += statuses.filter((s) => s !== 201 && s !== 409).length
      expect(statuses, `round ${round}`).toEqual([201, 409])
      const made = (await answers.find((r) => r.status === 201)!.json()) as { id: string }
      const refusal = (await answers.find((r) => r.status === 409)!.json()) as { error: { message: string } }
      expect(refusal.error.message).toMatch(
        /^LUSAR-1 is already in another dispatch \((offered|ordered)\)\.$/,
      )
      const active = await t.db.select().from(hrcDispatchUnits).where(eq(hrcDispatchUnits.active, true))
      expect(active.map((a) => a.dispatchId)).toEqual([made.id])
      const cancel = await t.postJson(
        `/api/v1/hrc/dispatches/${made.id}/status`,
        { status: 'cancelled', reason: 'race test' },
        cookies.dispatcher,
      )
      expect(cancel.status).toBe(200)
      // A cancelled pre-positioning leaves the unit on alert: bring it back to standby by hand.
      if (round % 2 === 0)
        expect(
          (
            await t.postJson(
              `/api/v1/hrc/units/${UNITS.lusar1}/status`,
              { status: 'standby' },
              cookies.dispatcher,
            )
          ).status,
        ).toBe(200)
    }
    console.log(`double-dispatch race over HTTP: ${JSON.stringify(tally)}`)
    expect(tally).toEqual({ rounds: 2 * ROUNDS, created: 2 * ROUNDS, refused: 2 * ROUNDS, other: 0 })
  })

  it(`the write alone decides: two orders decided from the same read, written at once, ${ROUNDS} times → one lands`, async () => {
    const dispatcher = {
      id: 'demo-u03',
      role: 'dispatcher' as const,
      island: null,
      functionaryId: null,
      name: 'Dirk Dispatcher',
    }
    const tally = { landed: 0, refusedByIndex: 0 }
    for (let round = 0; round < ROUNDS; round++) {
      const free = (await t.db.query.hrcUnits.findMany()).map((unit) => ({
        unit: { ...unit } as never,
        dispatch: null,
      }))
      const input = {
        unitIds: [UNITS.recce1],
        island: 'CW' as const,
        needId: null,
        etd: t.clock.now + 3_600_000,
        eta: t.clock.now + 7_200_000,
        transport: 'charter_flight' as const,
        carrier: '',
        capacity: null,
      }
      const ctx = {
        now: t.clock.now,
        newId,
        recipients: { coordinators: [] },
        baseUrl: 'http://x',
        need: null,
      }
      // Offered-style orders need no unit update, so only the index can tell them apart: use a need-less
      // order decided as "offered" by stripping its readiness moves.
      const decide = () => {
        const d = createDispatch(input, dispatcher, { ...ctx, units: free })
        if (!d.ok) throw new Error(d.error)
        return { ...d, dispatch: { ...d.dispatch, status: 'offered' as const }, units: [] }
      }
      const a = decide()
      const b = decide()
      const results = await Promise.allSettled([
        insertDispatch(t.db, a.dispatch, a.units, a.events, [], t.clock.now),
        insertDispatch(t.db, b.dispatch, b.units, b.events, [], t.clock.now),
      ])
      const ok = results.filter((r) => r.status === 'fulfilled')
      const taken = results.filter((r) => r.status === 'rejected' && unitTaken(r.reason))
      expect(ok, `round ${round}`).toHaveLength(1)
      expect(taken, `round ${round}`).toHaveLength(1)
      tally.landed += ok.length
      tally.refusedByIndex += taken.length
      await t.db
        .update(hrcDispatchUnits)
        .set({ active: false })
        .where(eq(hrcDispatchUnits.unitId, UNITS.recce1))
    }
    console.log(`double-dispatch race in the write: ${JSON.stringify(tally)}`)
    expect(tally).toEqual({ landed: ROUNDS, refusedByIndex: ROUNDS })
  })
})
