/** The overview each role lands on after signing in. */

import type { RequestStatus } from '../../pool/reference/index.ts'
import type { MyAnswerError } from '../alerts/mine.tsx'
import { TableRegion } from '../components/table.tsx'
import type { ViewCtx } from '../context.ts'
import { FunctionaryHome, type FunctionaryHomeView } from './functionary.tsx'

export interface HomeData {
  units: { code: string; name: string; type: string; people: number; readiness: string }[] | null
  poolSize: number | null
  /** Visible requests per status; null for roles that do not see requests. */
  requests: Partial<Record<RequestStatus, number>> | null
  /** A functionary's own questions, time away and deployments; null for other roles. */
  mine: FunctionaryHomeView | null
}

const SHOWN: RequestStatus[] = ['draft', 'submitted', 'acknowledged', 'in_progress']

/** Open requests by status, each a link to the list filtered on it. */
function RequestFigures({ ctx, counts }: { ctx: ViewCtx; counts: Partial<Record<RequestStatus, number>> }) {
  return (
    <>
      <h2>{ctx.t('nav.requests')}</h2>
      <ul class="figures">
        {SHOWN.map((status) => (
          <li>
            <a href={`/requests?status=${status}`}>
              <b>{counts[status] ?? 0}</b> {ctx.t(`status.${status}`)}
            </a>
          </li>
        ))}
      </ul>
    </>
  )
}

export function HomeView(props: {
  ctx: ViewCtx
  data: HomeData
  /** For a functionary's overview: the alert just answered here, or the answer refused. */
  answered?: string
  error?: MyAnswerError | undefined
}) {
  const { ctx, data } = props
  const { t, f, user } = ctx
  if (!user) return null
  if (data.mine)
    return (
      <section>
        <h1>{t('home.title')}</h1>
        <p>{t('home.welcome', { name: user.name })}</p>
        <FunctionaryHome ctx={ctx} data={data.mine} answered={props.answered} error={props.error} />
      </section>
    )
  return (
    <section>
      <h1>{t('home.title')}</h1>
      <p>{t('home.welcome', { name: user.name })}</p>
      <p>
        {user.role === 'island'
          ? t('home.island', { island: f.name('island', user.island ?? '') })
          : t(`home.${user.role}`)}
      </p>
      {data.requests ? <RequestFigures ctx={ctx} counts={data.requests} /> : null}
      {data.poolSize != null ? <p>{t('home.pool', { count: data.poolSize })}</p> : null}
      {data.units ? (
        <>
          <h2>{t('home.units')}</h2>
          <TableRegion label={t('home.units')}>
            <table class="cards">
              <thead>
                <tr>
                  <th scope="col">{t('unit.code')}</th>
                  <th scope="col">{t('unit.name')}</th>
                  <th scope="col">{t('unit.type')}</th>
                  <th scope="col">{t('unit.people')}</th>
                  <th scope="col">{t('unit.readiness')}</th>
                </tr>
              </thead>
              <tbody>
                {data.units.map((u) => (
                  <tr>
                    <td data-label={t('unit.code')}>{u.code}</td>
                    <td data-label={t('unit.name')}>{u.name}</td>
                    <td data-label={t('unit.type')}>{f.name('unitType', u.type)}</td>
                    <td data-label={t('unit.people')}>{u.people}</td>
                    <td data-label={t('unit.readiness')}>
                      <span class={`badge ${u.readiness}`}>{f.name('readiness', u.readiness)}</span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </>
      ) : null}
    </section>
  )
}
