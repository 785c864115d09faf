/** The alerts a functionary received, with their answers: read-only, the e-mail link answers. */
import { DualTime } from '../components/clock.tsx'
import { period } from '../components/status.tsx'
import type { ViewCtx } from '../context.ts'

export interface MyAlertView {
  id: string
  island: string
  role: string | null
  start: string
  end: string
  sentAt: number
  deadline: number
  answer: 'available' | 'unavailable' | null
  note: string | null
}

function Answer({ ctx, alert: a }: { ctx: ViewCtx; alert: MyAlertView }) {
  if (a.answer) return <b>{ctx.t(`myAlerts.${a.answer}`)}</b>
  return <span>{ctx.t(ctx.now > a.deadline ? 'myAlerts.expired' : 'myAlerts.open')}</span>
}

export function MyAlerts({ ctx, items }: { ctx: ViewCtx; items: MyAlertView[] }) {
  const { t } = ctx
  return (
    <section>
      <h1>{t('nav.myAlerts')}</h1>
      <p>{t('myAlerts.intro')}</p>
      {items.length === 0 ? (
        <p id="my-alerts">{t('myAlerts.none')}</p>
      ) : (
        <ol id="my-alerts" class="alerts">
          {items.map((a) => (
            <li>
              <h2>
                {ctx.f.name('island', a.island)} · {a.role ? ctx.f.role(a.role) : '—'}
              </h2>
              <dl class="summary">
                <dt>{t('myAlerts.period')}</dt>
                <dd>{period(ctx, a.start, a.end)}</dd>
                <dt>{t('myAlerts.sentAt')}</dt>
                <dd>
                  <DualTime ctx={ctx} at={a.sentAt} />
                </dd>
                <dt>{t('myAlerts.deadline')}</dt>
                <dd>
                  <DualTime ctx={ctx} at={a.deadline} />
                </dd>
                <dt>{t('myAlerts.answer')}</dt>
                <dd>
                  <Answer ctx={ctx} alert={a} />
                </dd>
                {a.note ? (
                  <>
                    <dt>{t('myAlerts.note')}</dt>
                    <dd class="prose">{a.note}</dd>
                  </>
                ) : null}
              </dl>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
