/** Named fixtures of the HTTP suite: an acknowledged Saba request through the API, and the demo people flows use. */
import { expect } from 'vitest'
import { type Client, day } from './target.ts'

/** functionary3@demo.ccpm: an information manager based on Saba, working English; has an account. */
export const ANNA = { id: 'demo-f003', email: 'functionary3@demo.ccpm' }

export const imNeed = {
  kind: 'functionary',
  role: 'information_manager',
  count: 1,
  minLevel: 'qualified',
  languages: ['en'],
}

/**
 * A Saba request filed, submitted and acknowledged, for `from`…`to` days after now (flows that
 * assign people use periods of their own, so that one person's assignments never overlap across flows).
 */
export async function acknowledged(
  c: Client,
  who: { saba: string; coordinator: string },
  o: { title: string; from: number; to: number; needs: Record<string, unknown>[] },
) {
  const r = await c.json<{ id: string; needs: { id: string }[] }>(
    '/api/v1/requests',
    {
      title: o.title,
      situation: 'Our EOT has worked 40 hours without relief.',
      phase: 'warm',
      priority: 'urgent',
      periodStart: day(c.now(), o.from),
      periodEnd: day(c.now(), o.to),
      contact: 'EOC Saba, +599 416 3311',
      needs: o.needs,
    },
    who.saba,
    201,
  )
  expect(
    (await c.postJson(`/api/v1/requests/${r.id}/status`, { status: 'submitted' }, who.saba)).status,
  ).toBe(200)
  expect(
    (await c.postJson(`/api/v1/requests/${r.id}/status`, { status: 'acknowledged' }, who.coordinator)).status,
  ).toBe(200)
  return { id: r.id, needs: r.needs.map((n) => n.id) }
}

export const ANSWER_LINK = /(\/answer\/[a-z0-9]{16}\.[a-z0-9]{32})/
