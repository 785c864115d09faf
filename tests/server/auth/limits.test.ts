/**
 * Sign-in limits (per 15 minutes): 10 failures per account and address, 50 per account from all
 * addresses, 300 attempts per address; reserved before the hash, so a burst gets no more guesses
 * evaluated. The fair hash gate, and the client address behind TRUST_PROXY proxies.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { peek } from '../../../db/queries/rate-limits.ts'
import { LIMITS } from '../../../pool/access/index.ts'
import { FairGate, GateBusy } from '../../../server/auth/gate.ts'
import { hashGate } from '../../../server/auth/password.ts'
import { checkSignIn } from '../../../server/auth/sign-in.ts'
import { clientAddressFrom } from '../../../server/middleware/client-address.ts'
import { type TestApp, testApp } from '../../helpers/app.ts'

let t: TestApp
beforeAll(async () => {
  t = await testApp()
})
afterAll(() => t.close())

const signIn = (email: string, password: string, address = '10.0.0.1') =>
  t.post('/login', { email, password }, undefined, { 'x-test-address': address })

describe('sign-in limits', () => {
  it('are those of the issue: 10 per account and address, 50 per account, 300 per address, 15 minutes', () => {
    expect(LIMITS.loginFailuresPerAccountAndAddress).toEqual({ max: 10, windowMs: 900_000 })
    expect(LIMITS.loginFailuresPerAccount).toEqual({ max: 50, windowMs: 900_000 })
    expect(LIMITS.loginAttemptsPerAddress).toEqual({ max: 300, windowMs: 900_000 })
  })

  it('10 failures from one address lock the account there only: its owner signs in from elsewhere', async () => {
    for (let i = 0; i < 10; i++)
      expect((await signIn('aruba@demo.ccpm', 'wrong', '10.0.0.66')).status).toBe(401)
    expect((await signIn('aruba@demo.ccpm', 'demo', '10.0.0.66')).status).toBe(429)
    expect((await signIn('aruba@demo.ccpm', 'demo', '10.0.0.7')).status).toBe(303)
  })

  it('50 failures from all addresses lock the account everywhere until the window ends', async () => {
    for (let a = 0; a < 5; a++)
      for (let i = 0; i < 10; i++)
        expect((await signIn('bonaire@demo.ccpm', 'wrong', `10.1.0.${a}`)).status).toBe(401)
    expect((await signIn('bonaire@demo.ccpm', 'demo', '10.1.0.99')).status).toBe(429)
    t.clock.now += LIMITS.loginFailuresPerAccount.windowMs
    expect((await signIn('bonaire@demo.ccpm', 'demo', '10.1.0.99')).status).toBe(303)
  })

  it('a right password is no failure, and forgives the slips before it from that address', async () => {
    for (let i = 0; i < 9; i++) expect((await signIn('saba@demo.ccpm', 'wrong')).status).toBe(401)
    expect((await signIn('saba@demo.ccpm', 'demo')).status).toBe(303)
    const now = t.clock.now
    expect(await peek(t.db, 'loginFailuresPerAccountAndAddress:saba@demo.ccpm|10.0.0.1', 900_000, now)).toBe(
      0,
    )
    expect(await peek(t.db, 'loginFailuresPerAccount:saba@demo.ccpm', 900_000, now)).toBe(9)
    for (let i = 0; i < 10; i++) expect((await signIn('saba@demo.ccpm', 'wrong')).status).toBe(401)
    expect((await signIn('saba@demo.ccpm', 'demo')).status).toBe(429)
  })

  it('300 attempts from one address, on any accounts, known or not, then 429', async () => {
    // 299 straight through the check the route runs (fast), the 300th and 301st over HTTP
    const accounts = ['observer@demo.ccpm', 'statia@demo.ccpm', 'dispatcher@demo.ccpm']
    const d = { db: t.db, now: () => t.clock.now, passwordIterations: t.config.passwordIterations }
    for (let i = 0; i < 299; i++) {
      const email = i % 2 ? accounts[i % 3]! : `nobody${i}@example.org`
      const result = await checkSignIn(d, {
        email,
        password: i % 7 === 0 ? 'demo' : 'wrong',
        address: '10.2.0.1',
      })
      expect(result.ok || result.reason === 'failed').toBe(true)
    }
    expect((await signIn('nobody@example.org', 'x', '10.2.0.1')).status).toBe(401)
    expect((await signIn('functionary1@demo.ccpm', 'demo', '10.2.0.1')).status).toBe(429)
    expect((await signIn('functionary1@demo.ccpm', 'demo', '10.2.0.2')).status).toBe(303)
  })

  it('a concurrent burst of 40 guesses gets at most 10 evaluated, the right password included', async () => {
    const burst = Array.from({ length: 40 }, (_, i) =>
      signIn('curacao@demo.ccpm', i === 39 ? 'demo' : 'wrong'),
    )
    const statuses = (await Promise.all(burst)).map((r) => r.status)
    const evaluated = statuses.filter((s) => s !== 429)
    expect(evaluated.length).toBeLessThanOrEqual(10)
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(30)
    expect(statuses.every((s) => s === 401 || s === 429 || s === 303)).toBe(true)
    // and never more than 10 failures counted for the pair, whatever the order
    const n = await peek(
      t.db,
      'loginFailuresPerAccountAndAddress:curacao@demo.ccpm|10.0.0.1',
      900_000,
      t.clock.now,
    )
    expect(n).toBeLessThanOrEqual(10)
  })
})

describe('the hash gate', () => {
  const tick = (ms: number) => new Promise((r) => setTimeout(r, ms))

  it('runs at most `limit` at once, one per caller, and serves waiting callers round robin', async () => {
    const gate = new FairGate(2)
    const order: string[] = []
    const running = new Map<string, number>()
    let most = 0
    let mostPerCaller = 0
    const task = (who: string) => {
      const caller = who.split('-')[0]!
      return gate.run(caller, async () => {
        running.set(caller, (running.get(caller) ?? 0) + 1)
        most = Math.max(
          most,
          [...running.values()].reduce((a, b) => a + b, 0),
        )
        mostPerCaller = Math.max(mostPerCaller, ...running.values())
        await new Promise((r) => setImmediate(r))
        order.push(who)
        running.set(caller, running.get(caller)! - 1)
      })
    }
    const flood = Array.from({ length: 20 }, (_, i) => task(`flood-${i}`))
    const others = [task('a-0'), task('b-0'), task('c-0')]
    await Promise.all([...flood, ...others])
    expect(most).toBe(2)
    expect(mostPerCaller).toBe(1)
    // the others do not wait behind the flood's queue: each is served within the first few
    for (const who of ['a-0', 'b-0', 'c-0']) expect(order.indexOf(who)).toBeLessThanOrEqual(4)
  })

  it('leaves a slot free for another caller while one caller floods it', async () => {
    const gate = new FairGate(2)
    const flood = Array.from({ length: 5 }, () => gate.run('flood', () => tick(50)))
    await tick(5)
    const t0 = performance.now()
    const waited = await gate.run('other', async () => performance.now() - t0)
    expect(waited).toBeLessThan(40) // not behind a 50 ms flood hash, let alone five
    await Promise.all(flood)
  })

  it('refuses work that waited too long (its client has gone)', async () => {
    const gate = new FairGate(1, 30)
    const slow = gate.run('a', () => tick(80))
    const late = gate.run('b', async () => 'ran')
    await slow
    await expect(late).rejects.toBeInstanceOf(GateBusy)
  })

  it('every password hash passes it', () => {
    expect(hashGate).toBeInstanceOf(FairGate)
  })
})

describe('the client address', () => {
  it('is the socket address without proxies, whatever X-Forwarded-For says', () => {
    expect(clientAddressFrom('1.2.3.4', '10.0.0.9', 0)).toBe('10.0.0.9')
    expect(clientAddressFrom(null, '10.0.0.9', 1)).toBe('10.0.0.9')
  })

  it('behind n proxies is the n-th X-Forwarded-For entry from the right, never what the client wrote', () => {
    expect(clientAddressFrom('6.6.6.6, 203.0.113.7', '10.0.0.9', 1)).toBe('203.0.113.7')
    expect(clientAddressFrom('6.6.6.6, 203.0.113.7, 10.0.0.2', '10.0.0.9', 2)).toBe('203.0.113.7')
    expect(clientAddressFrom('203.0.113.7', '10.0.0.9', 2)).toBe('203.0.113.7')
  })
})
