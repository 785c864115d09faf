/** "Our requests" for an island, the inbox for coordinators, a read-only list for others. */
import { ISLAND_CODES, type RequestStatus } from '../../pool/reference/index.ts'
import type { RequestRecord } from '../../pool/requests/index.ts'
import { Pager, type Paging } from '../components/pager.tsx'
import { age, nextLabel, StatusBadge } from '../components/status.tsx'
import { TableRegion } from '../components/table.tsx'
import type { ViewCtx } from '../context.ts'
import { QuickActions } from './actions.tsx'

export interface ListRow {
  request: RequestRecord & { createdAt: number }
  actions: RequestStatus[]
}

export interface ListFilters {
  island: string
  status: string
  phase: string
  incident: string
}

export function RequestList(props: {
  ctx: ViewCtx
  rows: ListRow[]
  filters: ListFilters
  paging: Paging
  incidents: { id: string; name: string }[]
  canCreate: boolean
  /** The request a triage button just moved: said at the top, with a link, since its row may have left the list. */
  done?: Pick<RequestRecord, 'id' | 'title' | 'status'> | undefined
}) {
  const { ctx, rows, filters, done } = props
  const { t, user } = ctx
  const island = user?.role === 'island'
  return (
    <section>
      <h1>{island ? t('req.our') : t('req.inbox')}</h1>
      {props.canCreate ? (
        <p>
          <a class="button" href="/requests/new">
            {t('nav.newRequest')}
          </a>
        </p>
      ) : null}
      {done ? (
        <p class="note" role="status" id="done">
          {t('req.done', { status: t(`status.${done.status}`) })}{' '}
          <a href={`/requests/${done.id}`}>{done.title}</a>
        </p>
      ) : null}
      {island ? null : <Filters ctx={ctx} filters={filters} incidents={props.incidents} />}
      <RequestRows ctx={ctx} rows={rows} back={listHref(filters)} />
      <RequestPager ctx={ctx} filters={filters} paging={props.paging} />
    </section>
  )
}

function Filters(props: { ctx: ViewCtx; filters: ListFilters; incidents: { id: string; name: string }[] }) {
  const { ctx, filters, incidents } = props
  const { t } = ctx
  const select = (name: keyof ListFilters, label: string, options: [string, string][]) => (
    <span class="filter">
      <label for={`q-${name}`}>{label}</label>{' '}
      <select id={`q-${name}`} name={name}>
        {options.map(([value, text]) => (
          <option value={value} selected={filters[name] === value}>
            {text}
          </option>
        ))}
      </select>
    </span>
  )
  const statuses = [
    'submitted',
    'acknowledged',
    'in_progress',
    'closed',
    'rejected',
    'withdrawn',
    'draft',
  ] as const
  const islands = ISLAND_CODES.map((c): [string, string] => [c, ctx.f.name('island', c)])
  return (
    <form method="get" action="/requests" class="filters" role="search">
      {select('island', t('req.island'), [['', t('req.all')], ...islands])}
      {select('status', t('req.status'), [
        ['all', t('req.all')],
        ...statuses.map((s): [string, string] => [s, t(`status.${s}`)]),
      ])}
      {select('phase', t('req.phase'), [
        ['', t('req.all')],
        ['warm', t('phase.warm')],
        ['cold', t('phase.cold')],
      ])}
      {select('incident', t('req.incident'), [
        ['', t('req.all')],
        ...incidents.map((i): [string, string] => [i.id, i.name]),
      ])}{' '}
      <button type="submit">{t('req.filter')}</button>
    </form>
  )
}

const island = (ctx: ViewCtx) => ctx.user?.role === 'island'

/** The list with its filters, as a triage form's way back. */
function listHref(filters: ListFilters): string {
  const q = new URLSearchParams(Object.entries(filters).filter(([, v]) => v !== ''))
  return q.size ? `/requests?${q}` : '/requests'
}

export function RequestRows({ ctx, rows, back }: { ctx: ViewCtx; rows: ListRow[]; back: string }) {
  const { t } = ctx
  if (rows.length === 0) return <p id="request-rows">{t('req.none')}</p>
  return (
    <TableRegion label={island(ctx) ? t('req.our') : t('req.inbox')} id="request-rows">
      <table class="cards">
        <thead>
          <tr>
            <th scope="col">{t('req.title')}</th>
            <th scope="col">{t('req.island')}</th>
            <th scope="col">{t('req.priority')}</th>
            <th scope="col">{t('req.status')}</th>
            <th scope="col">{t('req.next')}</th>
            <th scope="col">{t('req.age')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ request: r, actions }) => (
            <tr>
              <td data-label={t('req.title')}>
                <a href={`/requests/${r.id}`}>{r.title}</a>
              </td>
              <td data-label={t('req.island')}>{ctx.f.name('island', r.island)}</td>
              <td data-label={t('req.priority')}>
                <span class={`badge p-${r.priority}`}>{t(`priority.${r.priority}`)}</span>
              </td>
              <td data-label={t('req.status')}>
                <StatusBadge ctx={ctx} status={r.status} />
              </td>
              <td data-label={t('req.next')}>
                {nextLabel(ctx, r, ctx.user?.role ?? 'observer')}
                <QuickActions ctx={ctx} request={r} actions={actions} back={back} />
              </td>
              <td data-label={t('req.age')}>{age(ctx, r.submittedAt ?? r.createdAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableRegion>
  )
}

/** The page links, keeping the filters. */
function RequestPager(props: { ctx: ViewCtx; filters: ListFilters; paging: Paging }) {
  const { ctx, filters, paging } = props
  const href = (page: number) => {
    const q = new URLSearchParams({ ...filters, page: String(page) })
    for (const [k, v] of [...q]) if (!v) q.delete(k)
    return `/requests?${q}`
  }
  const summary = ctx.t('req.pageOf', { page: paging.page, pages: paging.pages, total: paging.total })
  return <Pager ctx={ctx} paging={paging} href={href} summary={summary} />
}
