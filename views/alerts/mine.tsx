/**
 * The alerts a functionary received, answered right here when signed in (the same rules as the
 * link: until the deadline, not once an offer locked it). One item component serves "My alerts"
 * and the overview, where the questions still waiting are answered.
 */

import type { Msg } from '../../pool/shared/index.ts'
import { msg } from '../../pool/shared/index.ts'
import { DualTime, ISLAND_ZONE } from '../components/clock.tsx'
import { FormKey } from '../components/form.tsx'
import { period } from '../components/status.tsx'
import type { ViewCtx } from '../context.ts'
import { AnswerFields } from './answer-form.tsx'

export interface MyAlertView {
  id: string
  island: string
  title: string
  role: string | null
  start: string
  end: string
  sentAt: number
  deadline: number
  answer: 'available' | 'unavailable' | null
  note: string | null
  reminders: number
  remindedAt: number | null
  /** An offer for the need locked the answer (1/true): call LOCC-KCR2 instead. */
  locked: number | boolean
}

/** A refused answer, shown in its own item with what was typed. */
export interface MyAnswerError {
  id: string
  message: Msg
  chosen?: string
  note?: string
}

function Answer({ ctx, alert: a }: { ctx: ViewCtx; alert: MyAlertView }) {
  if (a.answer) return <b>{ctx.t(`myAlerts.${a.answer}`)}</b>
  return <span>{ctx.t(ctx.now > a.deadline ? 'myAlerts.expired' : 'myAlerts.open')}</span>
}

/**
 * One alert: what it asks, its answer, and the form while it is open. `back` is where the form
 * returns to (this page or the overview); `recorded` says the answer was just taken.
 */
export function MyAlertItem(props: {
  ctx: ViewCtx
  alert: MyAlertView
  back: '/' | '/me/alerts'
  recorded?: boolean
  error?: MyAnswerError | undefined
  heading?: 'h2' | 'h3'
}) {
  const { ctx, alert: a } = props
  const { t } = ctx
  const open = !a.locked && ctx.now < a.deadline
  const error = props.error?.id === a.id ? props.error : undefined
  const Heading = props.heading ?? 'h2'
  return (
    <li id={`alert-${a.id}`}>
      <Heading>
        {ctx.f.name('island', a.island)} · {a.role ? ctx.f.role(a.role) : '—'}
      </Heading>
      <dl class="summary">
        <dt>{t('answer.request')}</dt>
        <dd>{a.title}</dd>
        <dt>{t('myAlerts.period')}</dt>
        <dd>{period(ctx, a.start, a.end)}</dd>
        <dt>{t('myAlerts.sentAt')}</dt>
        <dd>
          <DualTime ctx={ctx} at={a.sentAt} />
          {a.reminders && a.remindedAt ? (
            <div>
              {t('myAlerts.reminded', { n: a.reminders, at: ctx.f.dayTime(a.remindedAt, ISLAND_ZONE) })}
            </div>
          ) : null}
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
      {props.recorded && a.answer ? (
        <p role="status" class="note">
          {t('myAlerts.recorded', { answer: t(`alert.${a.answer}`) })}
        </p>
      ) : null}
      {a.locked ? <p class="note">{ctx.m(msg('assignment.answer.locked'))}</p> : null}
      {!a.locked && !open && a.answer ? <p class="note">{t('answer.closed')}</p> : null}
      {open ? (
        <form method="post" action={`/me/alerts/${a.id}`}>
          <FormKey ctx={ctx} />
          <input type="hidden" name="back" value={props.back} />
          <AnswerFields
            ctx={ctx}
            idPrefix={`a-${a.id}`}
            chosen={error ? error.chosen : a.answer}
            note={error ? error.note : a.note}
            error={error?.message}
          />
          <button type="submit">{t(a.answer ? 'answer.change' : 'answer.send')}</button>
        </form>
      ) : null}
    </li>
  )
}

export function MyAlerts(props: {
  ctx: ViewCtx
  items: MyAlertView[]
  answered?: string
  error?: MyAnswerError | undefined
}) {
  const { ctx, items } = props
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
            <MyAlertItem
              ctx={ctx}
              alert={a}
              back="/me/alerts"
              recorded={props.answered === a.id}
              error={props.error}
            />
          ))}
        </ol>
      )}
    </section>
  )
}
