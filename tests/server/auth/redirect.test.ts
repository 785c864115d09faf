/** Redirect targets from the client (`next`, `back`) stay on this site: resolved with URL, no control characters or backslashes. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sameOriginPath } from '../../../server/auth/redirect.ts'
import { ORIGIN, type TestApp, testApp } from '../../helpers/app.ts'

let t: TestApp
beforeAll(async () => {
  t = await testApp()
})
afterAll(() => t.close())

const BASE = 'https://ccpm.example'

describe('sameOriginPath', () => {
  it.each([
    ['/reference', '/reference'],
    ['/requests?status=all#top', '/requests?status=all#top'],
    ['/pool/%5Cx', '/pool/%5Cx'], // an escaped backslash stays an escape: the browser does not turn it into /
    ['/caf\u00e9', '/caf%C3%A9'],
  ])('keeps a path on this site: %j → %j', (target, expected) => {
    expect(sameOriginPath(target, BASE)).toBe(expected)
  })

  it.each([
    [undefined],
    [''],
    ['reference'],
    ['//evil.example'],
    ['/\t/evil.example'],
    ['/\n/evil.example'],
    ['/\r\nSet-Cookie: x=1'],
    ['/\u0000/evil.example'],
    ['/\u007f/evil.example'],
    ['/\\evil.example'],
    ['\\\\evil.example'],
    ['https://evil.example/'],
    ['javascript:alert(1)'],
    ['/%09/evil.example'.replace('%09', '\t')],
  ])('sends anything else home: %j → /', (target) => {
    expect(sameOriginPath(target, BASE)).toBe('/')
  })
})

describe('over HTTP', () => {
  it('/login?next=/%09/evil.example signs in and goes to /, never off-site', async () => {
    const res = await t.post('/login?next=/%09/evil.example', {
      email: 'observer@demo.ccpm',
      password: 'demo',
    })
    expect(res.status).toBe(303)
    expect(res.headers.get('location')).toBe('/')
    const ok = await t.post('/login?next=%2Frequests%3Fstatus%3Dall', {
      email: 'observer@demo.ccpm',
      password: 'demo',
    })
    expect(ok.headers.get('location')).toBe('/requests?status=all')
  })

  it('/locale goes back only to a path on this site', async () => {
    for (const back of [
      '/\t/evil.example',
      '/\\evil.example',
      '//evil.example',
      `${ORIGIN.replace('localhost', 'evil')}/x`,
    ]) {
      const res = await t.post('/locale', { locale: 'nl', back })
      expect(res.status).toBe(303)
      expect(res.headers.get('location')).toBe('/')
    }
    const res = await t.post('/locale', { locale: 'nl', back: '/reference?x=1' })
    expect(res.headers.get('location')).toBe('/reference?x=1')
  })
})
