/** Who is free when: a role's members by week, in words (not colour alone), paged without script. */

import { addDays, type Cell, type Period } from '../../pool/availability/index.ts'
import { TableRegion } from '../components/table.tsx'
import type { ViewCtx } from '../context.ts'

export interface OverviewView {
  role: string
  roles: string[]
  from: string
  weeks: Period[]
  rows: { member: { id: string; name: string; base: string; level: string }; cells: Cell[] }[]
  freeAllWeek: number[]
  total: number
  page: number
  pages: number
}

/** "6–12 Sep", or "28 Sep–4 Oct" across a month. */
const weekLabel = (ctx: ViewCtx, w: Period) => ctx.f.period(w.start, w.end, false)

function CellText({ ctx, cell }: { ctx: ViewCtx; cell: Cell }) {
  if (cell.state === 'free') return <td class="av-free">{ctx.t('avail.free')}</td>
  if (cell.state === 'busy')
    return (
      <td class="av-busy">
        <b>
          {cell.reasons.every((r) => r.startsWith('assignment:'))
            ? ctx.t('asg.deployedCell')
            : ctx.t('avail.busy')}
        </b>
      </td>
    )
  return <td class="av-partly">{ctx.t('avail.partly', { n: cell.freeDays })}</td>
}

export function RoleOverview({ ctx, data }: { ctx: ViewCtx; data: OverviewView }) {
  const { t, f } = ctx
  const link = (over: { from?: string; page?: number }) => {
    const q = new URLSearchParams({ role: data.role, from: over.from ?? data.from })
    if (over.page && over.page > 1) q.set('page', String(over.page))
    return `/pool/availability?${q}`
  }
  return (
    <section>
      <h1>{t('avail.title')}</h1>
      <form method="get" action="/pool/availability" class="filters" role="search">
        <span>
          <label for="q-role">{t('avail.role')}</label>{' '}
          <select id="q-role" name="role">
            {data.roles.map((code) => (
              <option value={code} selected={code === data.role}>
                {f.role(code)}
              </option>
            ))}
          </select>
        </span>
        <span>
          <label for="q-from">{t('avail.from')}</label>{' '}
          <input type="date" id="q-from" name="from" value={data.from} />
        </span>{' '}
        <button type="submit">{t('avail.show')}</button>
      </form>
      <p class="muted">{t('avail.explain')}</p>
      {data.total === 0 ? (
        <p>{t('avail.none')}</p>
      ) : (
        <TableRegion label={t('avail.title')}>
          <table id="availability">
            <caption>
              {t('avail.caption', {
                role: f.role(data.role),
                count: data.total,
                from: f.day(data.from),
              })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('avail.member')}</th>
                {data.weeks.map((w) => (
                  <th scope="col">{weekLabel(ctx, w)}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.rows.map(({ member: m, cells }) => (
                <tr>
                  <th scope="row">
                    <a href={`/pool/availability/${m.id}`}>{m.name}</a>
                    <br />
                    <span class="muted">
                      {f.name('level', m.level)} · {f.name('island', m.base)}
                    </span>
                  </th>
                  {cells.map((cell) => (
                    <CellText ctx={ctx} cell={cell} />
                  ))}
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">{t('avail.freeAllWeek')}</th>
                {data.freeAllWeek.map((n) => (
                  <td>{n}</td>
                ))}
              </tr>
            </tfoot>
          </table>
        </TableRegion>
      )}
      <nav class="actions" aria-label={t('avail.pageOf', { page: data.page, pages: data.pages })}>
        <a href={link({ from: addDays(data.from, -56) })}>← {t('avail.earlier')}</a>
        <a href={link({ from: addDays(data.from, 56) })}>{t('avail.later')} →</a>
        {data.pages > 1 ? (
          <>
            <span>{t('avail.pageOf', { page: data.page, pages: data.pages })}</span>
            {data.page > 1 ? <a href={link({ page: data.page - 1 })}>{t('avail.prevPage')}</a> : null}
            {data.page < data.pages ? (
              <a href={link({ page: data.page + 1 })}>{t('avail.nextPage')}</a>
            ) : null}
          </>
        ) : null}
      </nav>
    </section>
  )
}
