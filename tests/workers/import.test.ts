/**
 * A 1,000-row register import on D1 in workerd, counted with the counting binding: the whole
 * request stays within hosted D1's per-invocation query limit of the free plan (50), staged in
 * chunks and published in one batch; a second import of the same file updates nothing new.
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import worker from '../../server/worker.ts'
import { countingD1 } from './d1-counter.ts'

const ORIGIN = 'http://localhost:8787'
const counted = countingD1(env.DB)
const counting = { ...env, DB: counted.binding }
const BASES = ['AW', 'CW', 'SX', 'BO', 'SE', 'SA', 'NL']

async function send(path: string, init: RequestInit = {}) {
  const ctx = createExecutionContext()
  const res = await worker.fetch(
    new Request(`${ORIGIN}${path}`, { redirect: 'manual', ...init }),
    counting,
    ctx,
  )
  await waitOnExecutionContext(ctx)
  return res
}

const file = (tweak = '') =>
  `name,email,base,roles,languages\r\n${Array.from(
    { length: 1000 },
    (_, k) =>
      `Imported ${k}${tweak},imported.${k}@example.org,${BASES[k % 7]},logistics_coordinator:qualified|information_manager:senior,en:native|nl`,
  ).join('\r\n')}\r\n`

describe('CSV import on D1', () => {
  it('imports 1,000 rows in one request within 50 D1 queries, and a re-import updates them', async () => {
    const login = await send('/login', {
      method: 'POST',
      headers: {
        origin: ORIGIN,
        'content-type': 'application/x-www-form-urlencoded',
        'cf-connecting-ip': '192.0.2.70',
      },
      body: new URLSearchParams({ email: 'coordinator@demo.ccpm', password: 'demo' }),
    })
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!
    const importing = (text: string) =>
      send('/api/v1/functionaries/import', {
        method: 'POST',
        headers: { cookie, 'content-type': 'text/csv; charset=utf-8' },
        body: text,
      })
    counted.reset()
    const first = await importing(file())
    expect(first.status).toBe(200)
    expect(((await first.json()) as { summary: unknown }).summary).toEqual({
      new: 1000,
      updated: 0,
      unchanged: 0,
      error: 0,
    })
    const cost = counted.reset()
    console.log(`1,000-row import on D1: ${cost.trips} round trips, ${cost.queries} queries`)
    expect(cost.queries).toBeLessThanOrEqual(50)
    const n = await env.DB.prepare(
      "select count(*) as n from functionaries where email like 'imported.%'",
    ).first<{ n: number }>()
    expect(n?.n).toBe(1000)
    const roles = await env.DB.prepare(
      "select count(*) as n from functionary_roles r join functionaries f on f.id = r.functionary_id where f.email like 'imported.%'",
    ).first<{ n: number }>()
    expect(roles?.n).toBe(2000)
    expect(await env.DB.prepare('select count(*) as n from functionary_import_rows').first()).toEqual({
      n: 0,
    })

    const again = await importing(file(' II'))
    expect(again.status).toBe(200)
    expect(((await again.json()) as { summary: unknown }).summary).toEqual({
      new: 0,
      updated: 1000,
      unchanged: 0,
      error: 0,
    })
    const update = counted.reset()
    console.log(`1,000-row re-import (updates) on D1: ${update.trips} round trips, ${update.queries} queries`)
    expect(update.queries).toBeLessThanOrEqual(50)
    const renamed = await env.DB.prepare(
      "select name, version from functionaries where email = 'imported.7@example.org'",
    ).first()
    expect(renamed).toEqual({ name: 'Imported 7 II', version: 2 })
  })
})
