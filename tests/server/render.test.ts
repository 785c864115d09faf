/**
 * Pages render in one synchronous pass, never inside an AsyncLocalStorage (server/render.tsx
 * `markup`, views/components/head.tsx): on Node 20 the first such run turns on promise hooks for
 * every promise the process makes afterwards, and every request pays for them.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { type TestApp, testApp } from '../helpers/app.ts'

let t: TestApp
let coordinator: string
const runs: string[] = []
beforeAll(async () => {
  t = await testApp()
  coordinator = await t.login('coordinator@demo.ccpm')
  for (const method of ['run', 'enterWith'] as const) {
    const original = AsyncLocalStorage.prototype[method] as (...args: unknown[]) => unknown
    vi.spyOn(AsyncLocalStorage.prototype, method).mockImplementation(function (
      this: unknown,
      ...args: unknown[]
    ) {
      const stack = new Error().stack ?? ''
      if (stack.includes('/hono/')) runs.push(stack)
      return original.apply(this, args)
    })
  }
})
afterAll(() => {
  vi.restoreAllMocks()
  return t.close()
})

describe('rendering', () => {
  it('renders pages, fragments and errors without an AsyncLocalStorage run', async () => {
    const partial = { 'hx-request': 'true', 'hx-request-type': 'partial' }
    const pages: [string, string | undefined, Record<string, string>?][] = [
      ['/login', undefined],
      ['/requests', coordinator],
      ['/requests', coordinator, partial],
      ['/pool', coordinator],
      ['/hrc', coordinator],
      ['/no-such-page', coordinator],
    ]
    for (const [path, cookie, headers] of pages) {
      const res = await t.get(path, cookie, headers)
      const html = await res.text()
      expect(res.status, path).toBe(path === '/no-such-page' ? 404 : 200)
      expect(html.length, path).toBeGreaterThan(200)
      if (!headers)
        expect(html, path).toMatch(/^<!doctype html><html lang="en"><head><meta charset="utf-8"\/>/)
    }
    expect(runs).toEqual([])
  })
})
