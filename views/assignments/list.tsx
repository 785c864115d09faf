/**
 * Lists of assignments: the coordinator's board (by status, the flagged ones marked) and the
 * functionary's own deployments on /me (dates, island, whom to report to, travel, the .ics).
 */
import type { Assignment } from '../../pool/assignments/index.ts'
import { ASSIGNMENT_STATUSES } from '../../pool/reference/index.ts'
import { period } from '../components/status.tsx'
import type { ViewCtx } from '../context.ts'
import { hasCalendar, StatusTag, TravelText } from './show.tsx'

export interface ListRow {
  assignment: Assignment
  name: string
  role: string
  title: string
  contact: string
}

export function AssignmentsList(props: { ctx: ViewCtx; rows: readonly ListRow[]; status: string }) {
  const { ctx, rows } = props
  const { t, f } = ctx
  return (
    <article>
      <h1>{t('nav.assignments')}</h1>
      <form method="get" action="/assignments" class="filters">
        <div class="field">
          <label for="f-status">{t('req.status')}</label>
          <select id="f-status" name="status">
            <option value="active" selected={props.status === 'active'}>
              {t('asg.active')}
            </option>
            <option value="all" selected={props.status === 'all'}>
              {t('req.all')}
            </option>
            {ASSIGNMENT_STATUSES.map((s) => (
              <option value={s} selected={props.status === s}>
                {f.name('status', `assignment.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="secondary">
          {t('req.filter')}
        </button>
      </form>
      {rows.length === 0 ? (
        <p>{t('asg.none')}</p>
      ) : (
        <table class="cards">
          <thead>
            <tr>
              <th scope="col">{t('cand.person')}</th>
              <th scope="col">{t('plan.need')}</th>
              <th scope="col">{t('req.period')}</th>
              <th scope="col">{t('req.status')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const a = r.assignment
              return (
                <tr>
                  <td>
                    <a href={`/assignments/${a.id}`}>{r.name}</a>
                  </td>
                  <td data-label={t('plan.need')}>
                    {f.role(r.role)}, {f.name('island', a.island)}
                    <div class="muted">{r.title}</div>
                  </td>
                  <td data-label={t('req.period')}>{period(ctx, a.periodStart, a.periodEnd)}</td>
                  <td data-label={t('req.status')}>
                    <StatusTag ctx={ctx} status={a.status} />
                    {a.flaggedAt && a.status === 'proposed' ? <div>{t('asg.flagged')}</div> : null}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </article>
  )
}

/** "My deployments" on /me: each with its dates, island, contact, travel and calendar file. */
export function MyDeployments({ ctx, rows }: { ctx: ViewCtx; rows: readonly ListRow[] }) {
  const { t, f } = ctx
  return (
    <section id="deployments" aria-labelledby="deployments-title">
      <h2 id="deployments-title">{t('me.deployments')}</h2>
      {rows.length === 0 ? (
        <p>{t('me.noDeployments')}</p>
      ) : (
        <ul class="deployments">
          {rows.map((r) => {
            const a = r.assignment
            return (
              <li>
                <b>
                  <a href={`/assignments/${a.id}`}>
                    {f.role(r.role)}, {f.name('island', a.island)}
                  </a>
                </b>{' '}
                <StatusTag ctx={ctx} status={a.status} />
                <dl class="summary">
                  <dt>{t('req.period')}</dt>
                  <dd>{period(ctx, a.periodStart, a.periodEnd)}</dd>
                  <dt>{t('asg.reportTo')}</dt>
                  <dd>{r.contact || '—'}</dd>
                  <dt>{t('asg.travel')}</dt>
                  <dd>
                    <TravelText ctx={ctx} a={a} />
                  </dd>
                </dl>
                {hasCalendar(a) ? (
                  <a href={`/assignments/${a.id}/calendar.ics`} download>
                    {t('asg.ics')}
                  </a>
                ) : null}
              </li>
            )
          })}
        </ul>
      )}
    </section>
  )
}
