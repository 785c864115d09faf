/** Secrets are never written: the request log keeps only the id of answer and set-password links. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { redactPath } from '../../server/middleware/request-log.ts'
import { type TestApp, testApp } from '../helpers/app.ts'

let t: TestApp
beforeAll(async () => {
  t = await testApp()
})
afterAll(() => t.close())

const ID = 'abcdefgh12345678'
const SECRET = 's3cr3t'.repeat(5).slice(0, 32)

describe('the request log', () => {
  it('redacts the secret of /answer/… and /password/… links, GET and POST, found or not', async () => {
    // (a line is written when its body has left: read each)
    await (await t.get(`/answer/${ID}.${SECRET}?a=available`)).text()
    await (await t.post(`/answer/${ID}.${SECRET}`, { answer: 'available' })).text()
    await (await t.get(`/password/${ID}.${SECRET}`)).text()
    await (await t.post(`/password/${ID}.${SECRET}`, { password: 'long enough password' })).text()
    const lines = t.logs.filter((l) => typeof l.path === 'string' && /^\/(answer|password)\//.test(l.path))
    expect(lines.map((l) => l.path)).toEqual([
      `/answer/${ID}.[redacted]`,
      `/answer/${ID}.[redacted]`,
      `/password/${ID}.[redacted]`,
      `/password/${ID}.[redacted]`,
    ])
    expect(JSON.stringify(t.logs)).not.toContain(SECRET)
  })

  it('redacts a token without an id whole, and leaves other paths alone', () => {
    expect(redactPath(`/answer/${SECRET}`)).toBe('/answer/.[redacted]')
    expect(redactPath(`/password/${ID}.${SECRET}/x`)).toBe(`/password/${ID}.[redacted]/x`)
    expect(redactPath('/requests/abc.def')).toBe('/requests/abc.def')
    expect(redactPath('/needs/x/answers')).toBe('/needs/x/answers')
  })
})
