/**
 * The loop of issue 8 on D1 in workerd: alert, answer, candidates, propose, offer, accept, travel,
 * arrive (the request follows), release, complete — every write a guarded batch without
 * interactive transactions; the .ics reaches a real SMTP server through worker-mailer; two
 * proposals of one person at once give one 201 and one 409.
 */
import { createScheduledController } from 'cloudflare:test'
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import worker from '../../server/worker.ts'
import { login, ORIGIN, request } from './helpers.ts'

const ANNA = { id: 'demo-f003', email: 'functionary3@demo.ccpm' }

const json = async (cookie: string, path: string, body: unknown) => {
  const res = await request(path, {
    method: 'POST',
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json()) as Record<string, unknown> & { id: string } }
}

async function acknowledged(saba: string, coordinator: string, periodStart: string, periodEnd: string) {
  const created = await json(saba, '/api/v1/requests', {
    title: 'Information management after Hurricane Erin',
    situation: 'Our EOT has worked 40 hours without relief.',
    phase: 'warm',
    priority: 'urgent',
    periodStart,
    periodEnd,
    contact: 'EOC Saba, +599 416 3311',
    needs: [
      {
        kind: 'functionary',
        role: 'information_manager',
        count: 1,
        minLevel: 'qualified',
        languages: ['en'],
      },
      {
        kind: 'functionary',
        role: 'information_manager',
        count: 1,
        minLevel: 'qualified',
        languages: ['en'],
      },
    ],
  })
  expect(created.status).toBe(201)
  const id = created.body.id
  expect((await json(saba, `/api/v1/requests/${id}/status`, { status: 'submitted' })).status).toBe(200)
  expect((await json(coordinator, `/api/v1/requests/${id}/status`, { status: 'acknowledged' })).status).toBe(
    200,
  )
  const needs = created.body.needs as { id: string }[]
  return { id, needs: needs.map((n) => n.id) }
}

const actions = async (entity: string, id: string) =>
  (
    await env.DB.prepare('select action from audit_events where entity = ? and entity_id = ? order by rowid')
      .bind(entity, id)
      .all<{ action: string }>()
  ).results.map((r) => r.action)

describe('the assignment loop on D1', () => {
  it('runs from alert to completion, and the .ics is delivered by worker-mailer', async () => {
    const saba = await login('saba@demo.ccpm', '192.0.2.21')
    const coordinator = await login('coordinator@demo.ccpm', '192.0.2.22')
    const { id, needs } = await acknowledged(saba, coordinator, '2027-01-10', '2027-01-24')
    const needId = needs[0]!

    // alert Anna and answer through her link
    const deadline = new Date(Date.now() + 86_400_000).toISOString()
    expect(
      (await json(coordinator, `/api/v1/needs/${needId}/alerts`, { functionaryIds: [ANNA.id], deadline }))
        .status,
    ).toBe(201)
    const mail = await env.DB.prepare(
      'select text from outbox where "to" = ? and text like ? order by created_at desc',
    )
      .bind(ANNA.email, '%/answer/%')
      .first<{ text: string }>()
    const link = /(\/answer\/[a-z0-9]{16}\.[a-z0-9]{32})/.exec(mail!.text)![1]!
    const answered = await request(link, {
      method: 'POST',
      headers: {
        origin: ORIGIN,
        'content-type': 'application/x-www-form-urlencoded',
        'cf-connecting-ip': '192.0.2.23',
      },
      body: new URLSearchParams({ answer: 'available' }),
    })
    expect(answered.status).toBe(200)

    // ranked first with the answer bonus
    const list = (await (
      await request(`/api/v1/needs/${needId}/candidates`, { headers: { cookie: coordinator } })
    ).json()) as {
      eligible: { functionaryId: string; alert: string; parts: { answer: number } }[]
    }
    expect(list.eligible[0]).toMatchObject({
      functionaryId: ANNA.id,
      alert: 'available',
      parts: { answer: 131 },
    })

    const proposed = await json(coordinator, `/api/v1/needs/${needId}/assignments`, {
      functionaryId: ANNA.id,
    })
    expect(proposed.status).toBe(201)
    const a = proposed.body.id
    const step = (who: string, body: Record<string, unknown>) =>
      json(who, `/api/v1/assignments/${a}/status`, body)
    expect((await step(coordinator, { status: 'offered', version: 1 })).body.status).toBe('offered')
    expect((await step(saba, { status: 'accepted', version: 2 })).body.status).toBe('accepted')
    // a stale repeat writes nothing
    expect((await step(saba, { status: 'accepted', version: 2 })).status).toBe(409)
    const travel = {
      etd: '2027-01-10T12:00:00.000Z',
      eta: '2027-01-10T14:00:00.000Z',
      transport: 'charter_flight',
      reference: 'PJ 42',
    }
    expect((await step(coordinator, { status: 'travelling', travel })).body).toMatchObject({
      status: 'travelling',
      travel,
    })
    expect((await step(saba, { status: 'on_site' })).body.status).toBe('on_site')
    const req = (await (await request(`/api/v1/requests/${id}`, { headers: { cookie: saba } })).json()) as {
      status: string
      needs: { filled: number; offered: number }[]
    }
    expect(req.status).toBe('in_progress')
    expect(req.needs[0]).toMatchObject({ filled: 1, offered: 0 })
    expect((await step(saba, { status: 'released' })).body.status).toBe('released')
    expect((await step(coordinator, { status: 'completed' })).body).toMatchObject({
      status: 'completed',
      version: 7,
    })

    expect(await actions('assignment', a)).toEqual([
      'assignment.proposed',
      'assignment.offered',
      'assignment.accepted',
      'assignment.travelling',
      'assignment.on_site',
      'assignment.released',
      'assignment.completed',
    ])
    expect((await actions('request', id)).at(-1)).toBe('request.in_progress_on_arrival')
    const queued = await env.DB.prepare(
      'select subject, attachments from outbox where "to" = ? and attachments is not null',
    )
      .bind(ANNA.email)
      .all<{ subject: string; attachments: string }>()
    expect(queued.results.map((r) => r.subject.split(':')[0])).toEqual([
      'Deployment confirmed',
      'Travel details',
    ])

    // the scheduled run delivers them, the calendar file attached
    const ctx = {
      waitUntil: () => {},
      passThroughOnException: () => {},
      props: {},
    } as unknown as ExecutionContext
    await worker.scheduled(
      createScheduledController({ cron: '* * * * *', scheduledTime: Date.now() }),
      { ...env, SMTP_URL: env.TEST_SMTP_URL },
      ctx,
    )
    const received = (await (await fetch(env.TEST_SMTP_RECEIVED)).json()) as {
      to: string[]
      subject: string
      attachments: { filename: string; contentType: string; content: string }[]
    }[]
    const confirmed = received.find(
      (m) => m.to.includes(ANNA.email) && m.subject.startsWith('Deployment confirmed'),
    )
    expect(confirmed?.attachments).toHaveLength(1)
    expect(confirmed!.attachments[0]!.filename).toBe(`deployment-${a}.ics`)
    expect(confirmed!.attachments[0]!.contentType).toBe('text/calendar')
    expect(confirmed!.attachments[0]!.content).toContain(`UID:assignment-${a}@ccpm`)
    expect(confirmed!.attachments[0]!.content).toContain('DTSTART;VALUE=DATE:20270110')
  })

  it('two proposals of one person at once for overlapping needs: one 201, one 409', async () => {
    const saba = await login('saba@demo.ccpm', '192.0.2.24')
    const coordinator = await login('coordinator@demo.ccpm', '192.0.2.25')
    const other = await login('coordinator@demo.ccpm', '192.0.2.26')
    const { needs } = await acknowledged(saba, coordinator, '2027-03-01', '2027-03-12')
    for (let round = 0; round < 5; round++) {
      const results = await Promise.all([
        json(coordinator, `/api/v1/needs/${needs[0]}/assignments`, { functionaryId: ANNA.id }),
        json(other, `/api/v1/needs/${needs[1]}/assignments`, { functionaryId: ANNA.id }),
      ])
      expect(results.map((r) => r.status).sort()).toEqual([201, 409])
      const won = results.find((r) => r.status === 201)!.body.id
      expect(
        (
          await json(coordinator, `/api/v1/assignments/${won}/status`, {
            status: 'cancelled',
            reason: 'Next round',
          })
        ).status,
      ).toBe(200)
    }
  })
})
