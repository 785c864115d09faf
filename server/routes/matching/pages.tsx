/** The candidates of a need (rank, alert, propose) and the plan under scarcity, as pages for coordinators. */
import { type Context, Hono } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { Msg } from '../../../pool/shared/index.ts'
import type { FieldErrors } from '../../../views/components/form.tsx'
import { type CandidatesData, CandidatesPage, ExcludedPage } from '../../../views/matching/candidates.tsx'
import { type LostLine, PlanPage } from '../../../views/matching/plan.tsx'
import type { AppEnv } from '../../env.ts'
import { formFields } from '../../forms.ts'
import { authorize } from '../../policy.ts'
import { page, viewCtx } from '../../render.tsx'
import { proposePerson } from '../../services/assignments.ts'
import { applyPlan, type Candidates, candidatesOf, planOf } from '../../services/matching.ts'

type C = Context<AppEnv>

/** A deadline 12 hours ahead on the hour, as island time (UTC−4) for a datetime-local field. */
export const defaultDeadline = (now: number) =>
  new Date(Math.ceil((now + 12 * 3_600_000) / 3_600_000) * 3_600_000 - 4 * 3_600_000)
    .toISOString()
    .slice(0, 16)

const EXCLUDED_PAGE = 100

function viewData(d: Candidates): CandidatesData {
  const r = d.row
  return {
    need: {
      id: r.id,
      requestId: r.requestId,
      title: r.title,
      island: r.island,
      role: r.role ?? '',
      count: r.count ?? 1,
      minLevel: r.minLevel ?? 'qualified',
      languages: r.languages ?? [],
      start: r.periodStart,
      end: r.periodEnd,
      status: r.status,
    },
    eligible: d.ranking.eligible,
    excluded: d.ranking.excluded,
    lackingRole: d.lackingRole,
    answers: d.answers,
    assignments: d.assignments.map((a) => ({
      id: a.assignment.id,
      name: a.name,
      status: a.assignment.status,
      flaggedAt: a.assignment.flaggedAt,
    })),
  }
}

/** `holders`: the candidates page ranks the role's holders and counts the rest (the excluded page lists everyone). */
async function load(c: C, holders = false) {
  const user = authorize(c, 'assignments:propose')
  const { db, now } = c.get('deps')
  const data = await candidatesOf(db, user, c.req.param('id') ?? '', now(), { holders })
  if (!data) throw new HTTPException(404, { message: '' })
  return data
}

/** The candidates page; also what the alert form and a refused proposal answer with. */
export async function showCandidates(
  c: C,
  opts: {
    status?: number
    errors?: FieldErrors
    reasons?: readonly Msg[]
    deadline?: string
    chosen?: string[]
  } = {},
) {
  const count = (name: string) => Math.max(0, Number.parseInt(c.req.query(name) ?? '', 10) || 0)
  const outcome = { asked: count('asked'), reminded: count('reminded'), lost: count('lost') }
  const data = await load(c, true)
  const ctx = viewCtx(c)
  const body = (
    <CandidatesPage
      ctx={ctx}
      data={viewData(data)}
      errors={opts.errors}
      reasons={opts.reasons}
      deadline={opts.deadline ?? defaultDeadline(c.get('deps').now())}
      chosen={opts.chosen}
      outcome={c.req.method === 'GET' ? outcome : undefined}
    />
  )
  return page(c, ctx.f.role(data.need.role), body, opts.status ?? 200)
}

/** Plan lines as a form posts them: `needId:functionaryId`. */
function linesFrom(fields: Record<string, string | string[]>) {
  return [fields.lines ?? []]
    .flat()
    .map((v) => v.split(':'))
    .filter((p): p is [string, string] => p.length === 2 && !!p[0] && !!p[1])
    .map(([needId, functionaryId]) => ({ needId, functionaryId }))
}

/** Lost lines travel back to the plan page in its query: `need~person~code`, comma-separated. */
const LOST = /^([\w-]+)~([\w-]+)~([\w.]+)$/

export const matchingPages = new Hono<AppEnv>()
  .get('/needs/:id', (c) => showCandidates(c))
  .get('/needs/:id/excluded', async (c) => {
    const data = await load(c)
    const ctx = viewCtx(c)
    const all = data.ranking.excluded
    const pages = Math.max(1, Math.ceil(all.length / EXCLUDED_PAGE))
    const n = Math.min(pages, Math.max(1, Number.parseInt(c.req.query('page') ?? '1', 10) || 1))
    const people = all.slice((n - 1) * EXCLUDED_PAGE, n * EXCLUDED_PAGE)
    const need = viewData(data).need
    return page(
      c,
      ctx.t('cand.excludedTitle', { role: ctx.f.role(need.role), island: ctx.f.name('island', need.island) }),
      <ExcludedPage ctx={ctx} need={need} people={people} page={n} pages={pages} total={all.length} />,
    )
  })
  .post('/needs/:id/assignments', async (c) => {
    const user = authorize(c, 'assignments:propose')
    const { db, now, config } = c.get('deps')
    const fields = await formFields(c)
    const functionaryId = String(fields.functionaryId ?? '')
    const result = await proposePerson(
      { db, now: now(), baseUrl: config.baseUrl },
      user,
      c.req.param('id'),
      functionaryId,
    )
    if (result.ok) return c.redirect(`/assignments/${result.assignment.id}`, 303)
    if (result.error === 'not_found') throw new HTTPException(404, { message: '' })
    const status = result.error === 'conflict' ? 409 : result.error === 'forbidden' ? 403 : 422
    return showCandidates(c, {
      status,
      errors: { functionaryIds: result.message },
      reasons: result.reasons,
    })
  })
  .get('/plan', async (c) => {
    const user = authorize(c, 'assignments:propose')
    const { db, now } = c.get('deps')
    const incident = c.req.query('incident') || undefined
    const view = await planOf(db, user, incident, now())
    const lost: LostLine[] = (c.req.query('lost') ?? '')
      .split(',')
      .map((x) => LOST.exec(x))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ needId: m[1]!, functionaryId: m[2]!, code: m[3]! }))
    const done = Number.parseInt(c.req.query('proposed') ?? '', 10)
    const ctx = viewCtx(c)
    return page(
      c,
      ctx.t('plan.title'),
      <PlanPage
        ctx={ctx}
        view={view}
        incident={incident ?? ''}
        outcome={Number.isFinite(done) ? { proposed: done, lost } : undefined}
      />,
    )
  })
  .post('/plan', async (c) => {
    const user = authorize(c, 'assignments:propose')
    const { db, now, config } = c.get('deps')
    const fields = await formFields(c)
    const incident = typeof fields.incident === 'string' ? fields.incident : ''
    const { created, failed } = await applyPlan(
      { db, now: now(), baseUrl: config.baseUrl },
      user,
      linesFrom(fields),
    )
    const q = new URLSearchParams({ proposed: String(created.length) })
    if (incident) q.set('incident', incident)
    if (failed.length)
      q.set('lost', failed.map((f) => `${f.needId}~${f.functionaryId}~${f.refusal.message.code}`).join(','))
    return c.redirect(`/plan?${q}`, 303)
  })
