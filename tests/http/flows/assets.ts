/**
 * Static files as each runtime's front serves them (Node: serveStatic in server/serve.ts; workerd:
 * wrangler's [assets] router before the Worker): the versioned paths the pages link, a year of
 * immutable caching, and 404 for a file that is not there.
 */
import { describe, expect, it } from 'vitest'
import { Client, type Runtime } from '../target.ts'

const YEAR = 'public, max-age=31536000, immutable'

export function assetFlows(rt: Runtime) {
  describe('static files', () => {
    it('serves the CSS and htmx the pages link, versioned and cached for a year; an unknown file is 404', async () => {
      const page = await new Client(rt, '192.0.2.99').page('/login')
      const css = /<link rel="stylesheet" href="(\/assets\/app-[0-9a-f]{10}\.css)"/.exec(page)?.[1]
      const htmx = /<script src="(\/assets\/htmx-[\d.]+-[0-9a-f]{10}\.min\.js)"/.exec(page)?.[1]
      expect(css).toBeDefined()
      expect(htmx).toBeDefined()
      for (const [path, type] of [
        [css!, /^text\/css/],
        [htmx!, /javascript/],
      ] as const) {
        const res = await rt.asset(path)
        expect(res.status, path).toBe(200)
        expect(res.headers.get('cache-control')).toBe(YEAR)
        expect(res.headers.get('content-type')).toMatch(type)
        expect((await res.arrayBuffer()).byteLength).toBeGreaterThan(1000)
      }
      const missing = await rt.asset('/assets/app-0000000000.css')
      expect(missing.status).toBe(404)
      expect(missing.headers.get('cache-control')).not.toBe(YEAR)
      await missing.arrayBuffer()
    })
  })
}
