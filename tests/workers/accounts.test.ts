/**
 * Accounts on D1 in workerd: the invitation batch (account, link, audit, mail), a link used once
 * under its guard, a role change that ends sessions, and the reset whose batch writes nothing for
 * an unknown address.
 */
import { env } from 'cloudflare:workers'
import { describe, expect, it } from 'vitest'
import { login, ORIGIN, request } from './helpers.ts'

const send = (method: string, cookie: string, path: string, body: unknown) =>
  request(path, {
    method,
    headers: { cookie, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
const form = (path: string, body: Record<string, string>, cookie = '') =>
  request(path, {
    method: 'POST',
    headers: {
      origin: ORIGIN,
      'content-type': 'application/x-www-form-urlencoded',
      cookie,
      'cf-connecting-ip': '192.0.2.77',
    },
    body: new URLSearchParams(body),
  })
async function linkTo(to: string): Promise<string> {
  const row = await env.DB.prepare('select text from outbox where "to" = ? order by rowid desc limit 1')
    .bind(to)
    .first<{ text: string }>()
  return /\/password\/[a-z0-9]{16}\.[a-z0-9]{32}/.exec(row?.text ?? '')![0]
}

describe('accounts on D1', () => {
  it('invites, sets a password once, changes the role (sessions end) and resets without telling', async () => {
    const admin = await login('admin@demo.ccpm')
    const created = await send('POST', admin, '/api/v1/users', {
      name: 'Wim Worker',
      email: 'wim@example.org',
      role: 'observer',
    })
    expect(created.status).toBe(201)
    const user = (await created.json()) as { id: string }
    const path = await linkTo('wim@example.org')
    expect((await request(path)).status).toBe(200)
    expect((await form(path, { password: 'clouds over the caribbean' })).status).toBe(200)
    expect((await form(path, { password: 'clouds over the caribbean' })).status).toBe(410)

    const signedIn = await form('/login', { email: 'wim@example.org', password: 'clouds over the caribbean' })
    expect(signedIn.status).toBe(303)
    const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]!
    expect((await request('/account', { headers: { cookie } })).status).toBe(200)
    expect((await send('PATCH', admin, `/api/v1/users/${user.id}`, { role: 'dispatcher' })).status).toBe(200)
    expect((await request('/account', { headers: { cookie } })).status).toBe(303)
    const events = await env.DB.prepare('select action from audit_events where entity_id = ? order by rowid')
      .bind(user.id)
      .all<{ action: string }>()
    expect(events.results.map((e) => e.action)).toEqual([
      'user.created',
      'user.password_set',
      'user.role_changed',
    ])

    const before = await env.DB.prepare('select count(*) as n from user_tokens').first<{ n: number }>()
    expect((await form('/password-reset', { email: 'nobody@example.org' })).status).toBe(303)
    const after = await env.DB.prepare('select count(*) as n from user_tokens').first<{ n: number }>()
    expect(after!.n).toBe(before!.n)
    expect((await form('/password-reset', { email: 'wim@example.org' })).status).toBe(303)
    expect(await linkTo('wim@example.org')).not.toBe(path)
  })
})
