/**
 * The page behind an alert link: no sign-in, no script, under 5 KB. It shows the request's
 * essentials (never anyone else's data), the answer given so far, and the form to give or change
 * it until the deadline. A link replaced by a reminder says so and takes no answer.
 */
import type { Msg } from '../../pool/shared/index.ts'
import { msg } from '../../pool/shared/index.ts'
import { FormKey } from '../components/form.tsx'
import { Head } from '../components/head.tsx'
import type { ViewCtx } from '../context.ts'
import { AnswerFields, deadlineText } from './answer-form.tsx'

export interface AnswerData {
  name: string
  /** The person's base: in the Netherlands, the deadline is also given in Amsterdam time. */
  base: string
  answer: 'available' | 'unavailable' | null
  note: string | null
  answeredAt: number | null
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

/**
 * `ask`: no answer yet; `change`: answered, still open; `recorded`: just answered; `closed`:
 * answered, deadline passed; `expired`: no answer by the deadline; `locked`: offered, call
 * LOCC-KCR2; `replaced`: a reminder sent a newer link.
 */
export type AnswerState = 'ask' | 'change' | 'recorded' | 'closed' | 'expired' | 'locked' | 'replaced'

function Status({ ctx, data, state }: { ctx: ViewCtx; data: AnswerData; state: AnswerState }) {
  const { t } = ctx
  const answer = data.answer ? t(`alert.${data.answer}`) : ''
  const deadline = deadlineText(ctx, data.deadline, data.base)
  const say = (text: string) => (
    <p role="status" class="note">
      {text}
    </p>
  )
  switch (state) {
    case 'recorded':
      return say(`${t('answer.recorded', { answer })} ${t('answer.changeUntil', { deadline })}`)
    case 'change':
      return say(`${t('answer.current', { answer })} ${t('answer.changeUntil', { deadline })}`)
    case 'closed':
      return say(`${t('answer.current', { answer })} ${t('answer.closed')}`)
    case 'locked':
      return say(ctx.m(msg('assignment.answer.locked')))
    case 'expired':
      return say(t('answer.expired'))
    case 'replaced':
      return say(t('answer.replaced'))
    default:
      return null
  }
}

export function AnswerPage(props: {
  ctx: ViewCtx
  data: AnswerData
  state: AnswerState
  chosen?: string
  error?: Msg
  /** The note as typed, kept when the answer has to be asked again. */
  note?: string
  /** This page's own path (the link): a recorded answer links back to it to change. */
  self: string
}) {
  const { ctx, data, state } = props
  const { t, f } = ctx
  const e = data.essentials
  const role = e.role ? f.role(e.role) : ''
  const question = t('answer.question', {
    role,
    island: f.name('island', e.island),
    period: f.period(e.periodStart, e.periodEnd, false),
  })
  const open = state === 'ask' || state === 'change'
  return (
    <html lang={ctx.locale}>
      <Head title={t('answer.title')} css={ctx.assets.css} noindex />
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
            <dd>{deadlineText(ctx, data.deadline, data.base)}</dd>
          </dl>
          <Status ctx={ctx} data={data} state={state} />
          {state === 'recorded' ? (
            <p>
              <a href={props.self}>{t('answer.changeLink')}</a>
            </p>
          ) : null}
          {open ? (
            <form method="post">
              <FormKey ctx={ctx} />
              <AnswerFields
                ctx={ctx}
                idPrefix="f"
                chosen={props.chosen ?? data.answer}
                note={props.note ?? data.note}
                error={props.error}
              />
              <button type="submit">{t(state === 'change' ? 'answer.change' : 'answer.send')}</button>
            </form>
          ) : null}
        </main>
      </body>
    </html>
  )
}
