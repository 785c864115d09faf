// `node scripts/wrangler-flow.mjs [RUNS]`: the whole flow, RUNS times (default 5), against the real
// local Workers server (`npx wrangler dev` on a fresh local D1 in a temp dir) with a real SMTP server
// in this process. Each run: a form post from another origin (403, the trap of the local 503, docs/workers.md), the
// sign-ins, a request filed, submitted and acknowledged, an alert round whose mail arrives here
// (sent right after the change, no cron), the answer through the mailed link, the assignment of
// the person who answered (candidates → proposed → offered → the island accepts → … → completed,
// the offer and the .ics mailed), and an HRC dispatch against the request's capacity need through
// its whole machine (offered → … → returned).
// Prints one line per step; exits 1 when any run failed. docs/workers.md, "wrangler dev".
import { startLocal } from './wrangler-local.mjs'

const RUNS = Number(process.argv[2] ?? 5)
const server = await startLocal()
const { received } = server
const BASE = server.base

const day = (n) => new Date(Date.now() + n * 86_400_000).toISOString().slice(0, 10)
const HOUR = 3_600_000

class StepFailed extends Error {}
async function expectStatus(res, status, step) {
  if (res.status !== status)
    throw new StepFailed(`${step}: ${res.status} (expected ${status}) ${(await res.text()).slice(0, 200)}`)
  return res
}
const form = (path, body, cookie = '', origin = BASE) =>
  fetch(`${BASE}${path}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { origin, cookie, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(body),
  })
const json = (method, path, cookie, body) =>
  fetch(`${BASE}${path}`, {
    method,
    redirect: 'manual',
    headers: { cookie, 'content-type': 'application/json' },
    ...(body ? { body: JSON.stringify(body) } : {}),
  })

async function signIn(email) {
  await expectStatus(await fetch(`${BASE}/login`), 200, `GET /login`)
  const res = await expectStatus(await form('/login', { email, password: 'demo' }), 303, `sign in ${email}`)
  return res.headers.get('set-cookie').split(';')[0]
}

async function run(n) {
  const steps = []
  const step = async (name, work) => {
    const t = performance.now()
    const out = await work()
    steps.push(`${name} ${Math.round(performance.now() - t)} ms`)
    return out
  }
  // the trap: a form post refused before its body was read, then a real one on the same connection
  await step('403 cross-origin post', async () =>
    expectStatus(
      await form('/login', { email: 'saba@demo.ccpm', password: 'demo' }, '', 'https://evil.example'),
      403,
      'cross-origin post',
    ),
  )
  const saba = await step('sign in saba', () => signIn('saba@demo.ccpm'))
  const coordinator = await step('sign in coordinator', () => signIn('coordinator@demo.ccpm'))
  const dispatcher = await step('sign in dispatcher', () => signIn('dispatcher@demo.ccpm'))
  const r = await step('request filed', async () => {
    const res = await expectStatus(
      await json('POST', '/api/v1/requests', saba, {
        title: `Flow run ${n}`,
        situation: 'Roofs gone; the EOT needs relief.',
        phase: 'warm',
        priority: 'urgent',
        periodStart: day(10),
        periodEnd: day(20),
        needs: [
          {
            kind: 'functionary',
            role: 'information_manager',
            count: 1,
            minLevel: 'qualified',
            languages: ['en'],
          },
          { kind: 'capacity', unitType: 'light_usar', count: 1 },
        ],
      }),
      201,
      'file request',
    )
    return res.json()
  })
  await step('submitted', async () =>
    expectStatus(
      await json('POST', `/api/v1/requests/${r.id}/status`, saba, { status: 'submitted' }),
      200,
      'submit',
    ),
  )
  await step('acknowledged', async () =>
    expectStatus(
      await json('POST', `/api/v1/requests/${r.id}/status`, coordinator, { status: 'acknowledged' }),
      200,
      'acknowledge',
    ),
  )
  await step('request page', async () =>
    expectStatus(
      await fetch(`${BASE}/requests/${r.id}`, { headers: { cookie: coordinator } }),
      200,
      'request page',
    ),
  )
  const need = r.needs.find((x) => x.kind === 'functionary')
  const capacity = r.needs.find((x) => x.kind === 'capacity')
  const eligible = await step('candidates', async () => {
    const res = await expectStatus(
      await json('GET', `/api/v1/needs/${need.id}/candidates`, coordinator),
      200,
      'candidates',
    )
    return new Set((await res.json()).eligible.map((x) => x.functionaryId))
  })
  const person = await step('pool search', async () => {
    const res = await expectStatus(
      await json(
        'GET',
        `/api/v1/functionaries?role=information_manager&level=qualified&language=en&limit=50`,
        coordinator,
      ),
      200,
      'pool search',
    )
    const items = (await res.json()).items.filter((x) => eligible.has(x.id))
    if (items.length === 0) throw new StepFailed('no eligible person in the pool search')
    return items[n % items.length]
  })
  const since = received.length
  await step('alert sent', async () =>
    expectStatus(
      await json('POST', `/api/v1/needs/${need.id}/alerts`, coordinator, {
        functionaryIds: [person.id],
        deadline: new Date(Date.now() + 24 * HOUR).toISOString(),
      }),
      201,
      'alert',
    ),
  )
  const link = await step('alert mail arrived (no cron)', async () => {
    for (let i = 0; i < 100; i++) {
      const mail = received.slice(since).find((m) => m.to.includes(person.email) && /\/answer\//.test(m.text))
      if (mail) return /\/answer\/[a-z0-9]{16}\.[a-z0-9]{32}/.exec(mail.text)[0]
      await new Promise((res) => setTimeout(res, 100))
    }
    throw new StepFailed(`no alert mail to ${person.email}`)
  })
  await step('answer page', async () =>
    expectStatus(await fetch(`${BASE}${link}?a=available`), 200, 'answer page'),
  )
  await step('answered', async () =>
    expectStatus(await form(link, { answer: 'available', note: `run ${n}` }), 200, 'answer'),
  )
  const answers = await step('answers listed', async () => {
    const res = await expectStatus(
      await json('GET', `/api/v1/needs/${need.id}/alerts`, coordinator),
      200,
      'answers',
    )
    return (await res.json()).items
  })
  if (!answers.some((a) => a.functionaryId === person.id && a.answer === 'available'))
    throw new StepFailed('answer not recorded')
  const ranked = await step('candidates after the answer', async () => {
    const res = await expectStatus(
      await json('GET', `/api/v1/needs/${need.id}/candidates`, coordinator),
      200,
      'candidates',
    )
    return (await res.json()).eligible.find((x) => x.functionaryId === person.id)
  })
  if (ranked?.alert !== 'available') throw new StepFailed(`candidate's alert is ${ranked?.alert}`)
  const a = await step('assignment proposed', async () => {
    const res = await expectStatus(
      await json('POST', `/api/v1/needs/${need.id}/assignments`, coordinator, { functionaryId: person.id }),
      201,
      'propose',
    )
    return res.json()
  })
  const mailed = received.length
  const travel = {
    etd: `${day(10)}T12:00:00.000Z`,
    eta: `${day(10)}T14:00:00.000Z`,
    transport: 'charter_flight',
    reference: `PJ ${n}`,
  }
  for (const [who, body] of [
    [coordinator, { status: 'offered', version: 1 }],
    [saba, { status: 'accepted', version: 2 }],
    [coordinator, { status: 'travelling', travel }],
    [saba, { status: 'on_site' }],
    [saba, { status: 'released' }],
    [coordinator, { status: 'completed' }],
  ]) {
    await step(`assignment ${body.status}`, async () => {
      const res = await expectStatus(
        await json('POST', `/api/v1/assignments/${a.id}/status`, who, body),
        200,
        `assignment ${body.status}`,
      )
      const out = await res.json()
      if (out.status !== body.status) throw new StepFailed(`assignment is ${out.status}, not ${body.status}`)
    })
  }
  await step('offer and confirmation mailed (.ics)', async () => {
    for (let i = 0; i < 100; i++) {
      const since = received.slice(mailed)
      const offer = since.find((m) => m.to.includes('saba@demo.ccpm'))
      const confirmed = since.find(
        (m) => m.to.includes(person.email) && m.attachments.some((f) => f.endsWith('.ics')),
      )
      if (offer && confirmed) return
      await new Promise((res) => setTimeout(res, 100))
    }
    throw new StepFailed(`no offer mail to the island or no .ics to ${person.email}`)
  })
  await step('request in progress', async () => {
    const res = await expectStatus(await json('GET', `/api/v1/requests/${r.id}`, saba), 200, 'request')
    const out = await res.json()
    const filled = out.needs.find((x) => x.id === need.id)?.filled
    if (out.status !== 'in_progress' || filled !== 1)
      throw new StepFailed(`request ${out.status}, filled ${filled}`)
  })
  const d = await step('dispatch offered', async () => {
    const res = await expectStatus(
      await json('POST', '/api/v1/hrc/dispatches', dispatcher, {
        unitIds: ['demo-lusar-1'],
        needId: capacity.id,
        etd: new Date(Date.now() + 6 * HOUR).toISOString(),
        eta: new Date(Date.now() + 14 * HOUR).toISOString(),
        transport: 'military_airlift',
      }),
      201,
      'dispatch',
    )
    return res.json()
  })
  for (const [who, status] of [
    [saba, 'accepted'],
    [dispatcher, 'in_transit'],
    [saba, 'arrived'],
    [saba, 'released'],
    [dispatcher, 'returned'],
  ]) {
    await step(`dispatch ${status}`, async () =>
      expectStatus(
        await json('POST', `/api/v1/hrc/dispatches/${d.id}/status`, who, { status }),
        200,
        `dispatch ${status}`,
      ),
    )
  }
  await step('board', async () =>
    expectStatus(await fetch(`${BASE}/hrc`, { headers: { cookie: dispatcher } }), 200, 'board'),
  )
  await step('sign out', async () => expectStatus(await form('/logout', {}, saba), 303, 'sign out'))
  return steps
}

let failed = 0
for (let n = 1; n <= RUNS; n++) {
  const t = performance.now()
  try {
    const steps = await run(n)
    console.log(
      `run ${n}: passed in ${Math.round(performance.now() - t)} ms (${steps.length} steps)\n  ${steps.join('\n  ')}`,
    )
  } catch (err) {
    failed++
    console.log(`run ${n}: FAILED ${err.message}`)
  }
}
const unavailable = (server.log.match(/ 503 /g) ?? []).length
console.log(`${RUNS - failed} of ${RUNS} runs passed; wrangler logged ${unavailable} answers 503`)
await server.stop()
process.exit(failed ? 1 : 0)
