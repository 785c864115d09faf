/**
 * The functionary's overview: the questions waiting for their answer (answered right here), the
 * unavailability they declared ahead, and the deployments under way — each with a link to its page.
 */
import type { UnavailabilityReason } from '../../pool/reference/index.ts'
import { MyAlertItem, type MyAlertView, type MyAnswerError } from '../alerts/mine.tsx'
import type { ListRow } from '../assignments/list.tsx'
import { StatusTag } from '../assignments/show.tsx'
import { period } from '../components/status.tsx'
import type { ViewCtx } from '../context.ts'

export interface FunctionaryHomeView {
  alerts: MyAlertView[]
  away: readonly { id: string; start: string; end: string; reason: UnavailabilityReason; note: string }[]
  deployments: readonly ListRow[]
}

export function FunctionaryHome(props: {
  ctx: ViewCtx
  data: FunctionaryHomeView
  answered?: string
  error?: MyAnswerError | undefined
}) {
  const { ctx, data } = props
  const { t, f } = ctx
  return (
    <>
      <p>{t('home.me.intro')}</p>
      <section id="home-alerts" aria-labelledby="home-alerts-title">
        <h2 id="home-alerts-title">{t('home.me.alerts')}</h2>
        {data.alerts.length === 0 ? (
          <p>{t('home.me.noAlerts')}</p>
        ) : (
          <ol class="alerts">
            {data.alerts.map((a) => (
              <MyAlertItem
                ctx={ctx}
                alert={a}
                back="/"
                heading="h3"
                recorded={props.answered === a.id}
                error={props.error}
              />
            ))}
          </ol>
        )}
        <p>
          <a href="/me/alerts">{t('home.me.allAlerts')}</a>
        </p>
      </section>
      <section id="home-away" aria-labelledby="home-away-title">
        <h2 id="home-away-title">{t('home.me.away')}</h2>
        {data.away.length === 0 ? (
          <p>{t('home.me.noAway')}</p>
        ) : (
          <ul>
            {data.away.map((p) => (
              <li>
                <b>{period(ctx, p.start, p.end)}</b> — {t(`period.reason.${p.reason}`)}
                {p.note ? ` (${p.note})` : ''}
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href="/me/availability">{t('home.me.editAway')}</a>
        </p>
      </section>
      <section id="home-deployments" aria-labelledby="home-deployments-title">
        <h2 id="home-deployments-title">{t('home.me.deployments')}</h2>
        {data.deployments.length === 0 ? (
          <p>{t('home.me.noDeployments')}</p>
        ) : (
          <ul>
            {data.deployments.map((r) => (
              <li>
                <a href={`/assignments/${r.assignment.id}`}>
                  {f.role(r.role)}, {f.name('island', r.assignment.island)}
                </a>{' '}
                {period(ctx, r.assignment.periodStart, r.assignment.periodEnd)}{' '}
                <StatusTag ctx={ctx} status={r.assignment.status} />
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href="/me#deployments">{t('home.me.allDeployments')}</a>
        </p>
      </section>
    </>
  )
}
