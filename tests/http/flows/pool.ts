/** The pool register through its pages: paging, filters, the free-in-a-period filter, CSV export and import. */
import { describe, expect, it } from 'vitest'
import { Client, day, formKey, type Runtime } from '../target.ts'

/** "1–50 of 240" → 240; and the ids linked from the rows. */
const totalOf = (html: string) => Number(/\d+–\d+ of (\d+)/.exec(html)?.[1] ?? 0)
const idsOf = (html: string) => [...html.matchAll(/<td[^>]*><a href="\/pool\/([\w-]+)">/g)].map((m) => m[1]!)

export function poolFlows(rt: Runtime) {
  describe('the pool list', () => {
    const c = new Client(rt, '192.0.2.30')

    it('pages through every active person 50 at a time, following the next links', async () => {
      const coordinator = await c.session('coordinator@demo.ccpm')
      const seen: string[] = []
      let total = 0
      let href: string | undefined = '/pool'
      for (let pages = 0; href && pages < 12; pages++) {
        const html = await c.page(href, coordinator)
        total ||= totalOf(html)
        expect(totalOf(html)).toBe(total)
        const ids = idsOf(html)
        expect(ids.length).toBeLessThanOrEqual(50)
        seen.push(...ids)
        href = /<a href="(\/pool\?[^"]*)" rel="next"/.exec(html)?.[1]?.replace(/&amp;/g, '&')
      }
      expect(total).toBeGreaterThan(50)
      expect(seen.length).toBe(total)
      expect(new Set(seen).size).toBe(total)
    })

    it('filters by role, level and base, searches, and finds who is free in a period', async () => {
      const coordinator = await c.session('coordinator@demo.ccpm')
      const all = totalOf(await c.page('/pool', coordinator))
      const filtered = await c.page('/pool?role=information_manager&level=qualified&base=SA', coordinator)
      expect(filtered).toContain('<option value="information_manager" selected="">')
      expect(totalOf(filtered)).toBeGreaterThan(0)
      expect(totalOf(filtered)).toBeLessThan(all)
      expect(idsOf(filtered)).toContain('demo-f003')
      expect(idsOf(await c.page('/pool?q=functionary3%40demo', coordinator))).toEqual(['demo-f003'])
      expect(await c.page('/pool?free_from=2026-13-01', coordinator)).toContain('Enter a date as YYYY-MM-DD')

      // functionary2 enters leave; the free filter leaves them out of periods that touch it
      const bob = await c.session('functionary2@demo.ccpm')
      const form = await c.page('/me/availability', bob)
      const [from, to] = [day(c.now(), 200), day(c.now(), 210)]
      const added = await c.post(
        '/me/availability',
        { _key: formKey(form, '/me/availability'), start: from, end: to, reason: 'leave', note: '' },
        bob,
      )
      expect(added.status).toBe(303)
      const free = async (a: string, b: string) =>
        idsOf(await c.page(`/pool?q=functionary2%40&free_from=${a}&free_to=${b}`, coordinator))
      expect(await free(day(c.now(), 190), from)).toEqual([])
      expect(await free(to, day(c.now(), 220))).toEqual([])
      expect(await free(day(c.now(), 190), day(c.now(), 199))).toEqual(['demo-f002'])
    })
  })

  describe('pool CSV', () => {
    const c = new Client(rt, '192.0.2.31')
    const good =
      '\uFEFFname;email;base;roles\r\nLinda Brown;linda.brown@example.sa;SA;medical_coordinator:senior\r\n'

    it('previews an upload without writing, imports it once per key, then exports it', async () => {
      const coordinator = await c.session('coordinator@demo.ccpm')
      const search = async () => totalOf(await c.page('/pool?q=linda.brown%40example.sa', coordinator))
      expect(await search()).toBe(0)
      const upload = new FormData()
      upload.set('file', new File([good], 'pool.csv', { type: 'text/csv' }))
      const preview = await c.upload('/pool/import', upload, coordinator)
      expect(preview.status).toBe(200)
      const html = await preview.text()
      expect(html).toContain('1 new, 0 updated, 0 unchanged, 0 with errors')
      expect(await search()).toBe(0)

      const confirm = { csv: good, _key: formKey(html, '/pool/import/confirm') }
      const done = await c.post('/pool/import/confirm', confirm, coordinator)
      expect(done.status).toBe(303)
      expect(await c.page(done.headers.get('location')!, coordinator)).toContain('Imported: 1 new')
      expect(await search()).toBe(1)
      expect((await c.post('/pool/import/confirm', confirm, coordinator)).status).toBe(303)
      expect(await search()).toBe(1)

      const bad = new FormData()
      bad.set('csv', `${good.replace(/linda/gi, 'Lynn')}Kees;kees@;NL;plotter:senior\r\n`)
      const refused = await c.upload('/pool/import/confirm', bad, coordinator)
      expect(refused.status).toBe(422)
      expect(totalOf(await c.page('/pool?q=lynn.brown', coordinator))).toBe(0)

      const res = await c.get('/pool/export.csv?delimiter=semicolon&base=SA', coordinator)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/)
      const bytes = new Uint8Array(await res.arrayBuffer())
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
      const text = new TextDecoder().decode(bytes.slice(3))
      expect(text.split('\r\n')[0]).toBe(
        'name;email;phone;base;organisation;roles;languages;remote_capable;travel_document_expiry;medical_fitness_expiry;notes',
      )
      expect(text).toContain('Linda Brown;linda.brown@example.sa;;SA;')
      expect(text).not.toContain(';NL;')
      expect((await c.get('/pool/export.csv', await c.session('saba@demo.ccpm'))).status).toBe(403)
    })
  })
}
