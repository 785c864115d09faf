/** Fixtures for alert tests: an acknowledged Saba request with an information-manager need. */
import { expect } from 'vitest'
import type { TestApp } from './app.ts'
import { sabaRequest } from './requests.ts'

export async function acknowledgedRequest(
  t: TestApp,
  saba: string,
  coordinator: string,
  over: Record<string, unknown> = {},
) {
  const res = await t.postJson('/api/v1/requests', sabaRequest(over), saba)
  expect(res.status).toBe(201)
  const r = await res.json()
  for (const [who, status] of [
    [saba, 'submitted'],
    [coordinator, 'acknowledged'],
  ] as const) {
    expect((await t.postJson(`/api/v1/requests/${r.id}/status`, { status }, who)).status).toBe(200)
  }
  return { id: r.id as string, needId: r.needs[0].id as string }
}

/** The answer link of the latest mail to `to`: `/answer/id.secret`. */
export function linkIn(text: string): string {
  const m = /https?:\/\/[^/\s]+(\/answer\/[a-z0-9]{16}\.[a-z0-9]{32})\?a=available/.exec(text)
  if (!m) throw new Error(`no answer link in:\n${text}`)
  return m[1]!
}
