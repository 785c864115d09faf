/**
 * The page behind an alert link: no sign-in, no script, under 5 KB. It shows the request's
 * essentials (never anyone else's data), takes an optional note, and records the answer once.
 */
import type { AlertMessage } from '../../pool/alerts/index.ts'
import { msg } from '../../pool/shared/index.ts'
import { ISLAND_ZONE } from '../components/clock.tsx'
import { FormKey } from '../components/form.tsx'
import type { ViewCtx } from '../context.ts'

export interface AnswerData {
  name: string
  answer: 'available' | 'unavailable' | null
  deadline: number
  essentials: {
    island: string
    title: string
    priority: string
    periodStart: string
    periodEnd: string
    role: string | null
  }
}

export type AnswerState = 'ask' | 'recorded' | 'already' | 'expired' | 'locked'

export function AnswerPage(props: {
  ctx: ViewCtx
  data: AnswerData
  state: AnswerState
  chosen?: string
  error?: AlertMessage
  /** The note as typed, kept when the answer has to be asked again. */
  note?: string
}) {
  const { ctx, data, state } = props
  const { t, f } = ctx
  const e = data.essentials
  const role = e.role ? f.role(e.role) : ''
  const answer = data.answer ? t(`alert.${data.answer}`) : ''
  const question = t('answer.question', {
    role,
    island: f.name('island', e.island),
    period: f.period(e.periodStart, e.periodEnd, false),
  })
  return (
    <html lang={ctx.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <link rel="icon" href="data:," />
        <title>{t('answer.title')}</title>
        <link rel="stylesheet" href={ctx.assets.css} />
      </head>
      <body>
        <main id="main" class="narrow">
          <h1>{question}</h1>
          <p>{data.name}</p>
          <dl class="summary">
            <dt>{t('answer.request')}</dt>
            <dd>{e.title}</dd>
            <dt>{t('answer.priority')}</dt>
            <dd>{f.name('priority', e.priority)}</dd>
            <dt>{t('answer.before')}</dt>
            <dd>{`${f.moment(data.deadline, ISLAND_ZONE)} (UTC−4)`}</dd>
          </dl>
          {state === 'recorded' ? (
            <p role="status" class="note">
              {t('answer.recorded', { answer })}
            </p>
          ) : null}
          {state === 'already' ? (
            <p role="status" class="note">
              {t('answer.already', { answer })}
            </p>
          ) : null}
          {state === 'locked' ? (
            <p role="status" class="note">
              {ctx.m(msg('assignment.answer.locked'))}
            </p>
          ) : null}
          {state === 'expired' ? (
            <p role="status" class="note">
              {t('answer.expired')}
            </p>
          ) : null}
          {state === 'ask' ? (
            <form method="post">
              <FormKey ctx={ctx} />
              {props.error ? (
                <p class="field-error" role="alert">
                  {ctx.m(props.error)}
                </p>
              ) : null}
              <fieldset>
                <legend>{t('answer.title')}</legend>
                <label class="check">
                  <input
                    type="radio"
                    name="answer"
                    value="available"
                    checked={props.chosen === 'available'}
                  />{' '}
                  {t('answer.yes')}
                </label>
                <label class="check">
                  <input
                    type="radio"
                    name="answer"
                    value="unavailable"
                    checked={props.chosen === 'unavailable'}
                  />{' '}
                  {t('answer.no')}
                </label>
              </fieldset>
              <div class="field">
                <label for="f-note">{t('answer.note')}</label>
                <textarea id="f-note" name="note" rows={3} maxlength={1000}>
                  {props.note ?? ''}
                </textarea>
              </div>
              <button type="submit">{t('answer.send')}</button>
            </form>
          ) : null}
        </main>
      </body>
    </html>
  )
}
