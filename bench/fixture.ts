// The benches' data: a libSQL file with the real migrations, the demo seed and a season's worth of
// work done through the app itself (requests, acknowledgements, alerts and answers, a proposal, a
// threat and a dispatch), so that every page in every role's navigation shows rows. Built
// in-process and closed, then served by whichever server a bench starts on the file.
import { sql } from 'drizzle-orm'
import { openDatabase } from '../db/client.ts'
import { outbox } from '../db/schema/index.ts'
import { seed } from '../db/seed/index.ts'
import type { Role } from '../pool/shared/index.ts'
import { createApp } from '../server/app.ts'
import { hashPassword } from '../server/auth/password.ts'
import { parseConfig } from '../server/config.ts'

const ORIGIN = 'http://localhost:3000'
const DAY = 86_400_000
const HOUR = 3_600_000
/** The demo accounts hash with few iterations (a stored hash carries its count): sign-ins are cheap in a bench. */
export const BENCH_ITERATIONS = 1000

/** The account each role signs in with (functionary3@ has alerts, an answer and a proposal). */
export const ACCOUNTS: Record<Role, string> = {
  island: 'saba@demo.ccpm',
  coordinator: 'coordinator@demo.ccpm',
  dispatcher: 'dispatcher@demo.ccpm',
  functionary: 'functionary3@demo.ccpm',
  observer: 'observer@demo.ccpm',
  admin: 'admin@demo.ccpm',
}
export const ROLES = Object.keys(ACCOUNTS) as Role[]

export interface Fixture {
  /** An acknowledged request and its first (functionary) need, for the detail and candidates pages. */
  requestId: string
  needId: string
  requestIds: string[]
}

const iso = (at: number) => new Date(at).toISOString().slice(0, 10)

/** Builds the bench database in `file` (a path) at the wall clock's `now`; returns ids the cases use. */
export async function buildFixture(file: string, now = Date.now(), requests = 120): Promise<Fixture> {
  const { db, close } = await openDatabase(`file:${file}`)
  await db.run(sql`PRAGMA synchronous=OFF`) // building only; the server opens the file anew
  let clock = now - 2 * DAY
  await seed(db, { demo: true, demoPasswordHash: await hashPassword('demo', BENCH_ITERATIONS), now: clock })
  const config = { ...parseConfig({ BASE_URL: ORIGIN }), passwordIterations: BENCH_ITERATIONS }
  const app = createApp({
    db,
    config,
    assets: { css: '/assets/app.css', htmx: '/assets/htmx.js' },
    now: () => clock,
    log: () => {},
    clientAddress: () => '127.0.0.1',
  })
  const call = async (method: string, path: string, body: unknown, cookie?: string, form = false) => {
    const res = await app.request(`${ORIGIN}${path}`, {
      method,
      body:
        method === 'GET'
          ? null
          : form
            ? new URLSearchParams(body as Record<string, string>)
            : JSON.stringify(body),
      headers: {
        origin: ORIGIN,
        'content-type': form ? 'application/x-www-form-urlencoded' : 'application/json',
        ...(cookie ? { cookie } : {}),
      },
    })
    if (res.status >= 400) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
    return res
  }
  const login = async (email: string) => {
    const res = await call('POST', '/login', { email, password: 'demo' }, undefined, true)
    return res.headers.get('set-cookie')!.split(';')[0]!
  }
  const saba = await login('saba@demo.ccpm')
  const coord = await login('coordinator@demo.ccpm')
  const dispatcher = await login('dispatcher@demo.ccpm')

  const body = (i: number) => ({
    title: `Request ${i}`,
    situation: 'Roofs gone at The Bottom and Windwardside; our EOT has worked 40 hours without relief.',
    phase: 'warm',
    priority: i % 4 === 0 ? 'urgent' : 'high',
    periodStart: iso(now + DAY),
    periodEnd: iso(now + 15 * DAY),
    needs: [
      {
        kind: 'functionary',
        role: 'information_manager',
        count: 2,
        minLevel: 'qualified',
        languages: ['en'],
      },
      { kind: 'functionary', role: 'crisis_communication_adviser', count: 1, minLevel: 'qualified' },
      { kind: 'capacity', unitType: 'reconnaissance', count: 1 },
    ],
  })
  const requestIds: string[] = []
  const needs: string[] = []
  for (let i = 0; i < requests; i++) {
    clock += 60_000
    const r = await (await call('POST', '/api/v1/requests', body(i), saba)).json()
    await call('POST', `/api/v1/requests/${r.id}/status`, { status: 'submitted' }, saba)
    if (i % 3 === 0) {
      await call('POST', `/api/v1/requests/${r.id}/status`, { status: 'acknowledged' }, coord)
      needs.push(r.needs[0].id)
    }
    requestIds.push(r.id)
    if (i % 30 === 29) clock += 16 * 60_000 // the mailing limit's window (120 changes per 15 minutes)
  }
  // Alerts on ten needs to the top candidates (functionary3@, an information manager on Saba,
  // among them), answers from some, and a proposal: /me, /me/alerts, /offers, /assignments show rows.
  for (const [n, needId] of needs.slice(0, 10).entries()) {
    clock += 16 * 60_000
    const { eligible } = await (await call('GET', `/api/v1/needs/${needId}/candidates`, null, coord)).json()
    const ids = [
      ...new Set([
        'demo-f003',
        ...eligible.slice(0, 7).map((e: { functionaryId: string }) => e.functionaryId),
      ]),
    ]
    await call(
      'POST',
      `/api/v1/needs/${needId}/alerts`,
      { functionaryIds: ids, deadline: new Date(clock + 2 * DAY).toISOString() },
      coord,
    )
    if (n < 3) {
      const mail = (await db.select().from(outbox)).filter((m) => m.to === 'functionary3@demo.ccpm').at(-1)!
      const link = /(\/answer\/[a-z0-9]{16}\.[a-z0-9]{32})\?a=available/.exec(mail.text)![1]!
      await call('POST', link, { answer: 'available' }, undefined, true)
    }
  }
  await call('POST', `/api/v1/needs/${needs[0]}/assignments`, { functionaryId: 'demo-f003' }, coord)
  // The HRC: a threat with its proposals and one order under way.
  const track = [
    { at: new Date(clock).toISOString(), lat: 11.634, lon: -63.24, maxWindKt: 90, r34Nm: 60 },
    { at: new Date(clock + 72 * HOUR).toISOString(), lat: 17.63, lon: -63.24, maxWindKt: 90, r34Nm: 60 },
  ]
  await call('POST', '/api/v1/hrc/threats', { name: 'Testa', track }, coord)
  await call(
    'POST',
    '/api/v1/hrc/dispatches',
    {
      unitIds: ['demo-recce-1'],
      island: 'SA',
      etd: new Date(clock + 6 * HOUR).toISOString(),
      eta: new Date(clock + 14 * HOUR).toISOString(),
      transport: 'military_airlift',
      carrier: 'RNLAF C-130',
    },
    dispatcher,
  )
  close()
  return { requestId: requestIds[0]!, needId: needs[0]!, requestIds }
}
