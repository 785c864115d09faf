/**
 * The request lifecycle on D1 in workerd: guarded batches (update + audit + mail, and an edit that
 * replaces needs) must run where there are no interactive transactions.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { login, ORIGIN, request } from './helpers.ts'

const json = (cookie: string, path: string, body: unknown) =>
  request(path, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })

describe('requests on D1', () => {
  it('files, submits, acknowledges and revises a request, with audit events and mails', async () => {
    const saba = await login('saba@demo.ccpm')
    const coordinator = await login('coordinator@demo.ccpm')
    const created = await json(saba, '/api/v1/requests', {
      title: 'Back-up EOT',
      situation: 'Roofs gone.',
      phase: 'warm',
      priority: 'urgent',
      periodStart: '2026-09-06',
      periodEnd: '2026-09-20',
      needs: [
        {
          kind: 'functionary',
          role: 'information_manager',
          count: 2,
          minLevel: 'qualified',
          languages: ['en'],
        },
      ],
    })
    expect(created.status).toBe(201)
    const r = (await created.json()) as { id: string; needs: { id: string }[] }
    expect((await json(saba, `/api/v1/requests/${r.id}/status`, { status: 'submitted' })).status).toBe(200)
    expect(
      (await json(coordinator, `/api/v1/requests/${r.id}/status`, { status: 'acknowledged' })).status,
    ).toBe(200)
    // a stale second acknowledgement writes nothing
    expect(
      (await json(coordinator, `/api/v1/requests/${r.id}/status`, { status: 'acknowledged', version: 2 }))
        .status,
    ).toBe(409)

    // an edit after acknowledgement: needs replaced under the guard, a new revision
    const form = new URLSearchParams({
      title: 'Back-up EOT',
      situation: 'Roofs gone.',
      phase: 'warm',
      priority: 'urgent',
      periodStart: '2026-09-06',
      periodEnd: '2026-09-20',
      contact: 'EOC Saba',
      version: '3',
      'needs[0][kind]': 'functionary',
      'needs[0][id]': r.needs[0]!.id,
      'needs[0][role]': 'information_manager',
      'needs[0][count]': '3',
      'needs[0][minLevel]': 'qualified',
      'needs[0][languages]': 'en',
      'needs[1][kind]': 'other',
      'needs[1][description]': 'Satellite phones',
      'needs[1][quantity]': '4',
    })
    const edit = await request(`/requests/${r.id}`, {
      method: 'POST',
      headers: { cookie: saba, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      body: form,
    })
    expect(edit.status).toBe(303)
    const after = (await (
      await request(`/api/v1/requests/${r.id}`, { headers: { cookie: saba } })
    ).json()) as {
      revision: number
      needs: { kind: string; count?: number }[]
    }
    expect(after.revision).toBe(2)
    expect(after.needs.map((n) => n.kind)).toEqual(['functionary', 'other'])
    expect(after.needs[0]!.count).toBe(3)

    const events = await env.DB.prepare('select action from audit_events where entity_id = ? order by rowid')
      .bind(r.id)
      .all<{ action: string }>()
    expect(events.results.map((e) => e.action)).toEqual([
      'request.created',
      'request.submitted',
      'request.acknowledged',
      'request.revised',
    ])
    const mails = await env.DB.prepare('select "to", subject from outbox where text like ?')
      .bind(`%${r.id}%`)
      .all<{ to: string; subject: string }>()
    expect(mails.results.map((m) => m.to)).toEqual([
      'coordinator@demo.ccpm',
      'saba@demo.ccpm',
      'coordinator@demo.ccpm',
    ])
  })
})
