/**
 * The answers to a need's alerts as they arrive: a board the candidates page polls (htmx, every
 * 20 s). Each person once, with their reminders, their deadline in both clocks, and "now
 * unavailable" when they declared time away in the need's period after they were asked.
 */
import { DualTime, ISLAND_ZONE } from '../components/clock.tsx'
import { period } from '../components/status.tsx'
import { TableRegion } from '../components/table.tsx'
import type { ViewCtx } from '../context.ts'

export interface AnswerRow {
  id: string
  functionaryId: string
  name: string
  base: string
  sentAt: number
  deadline: number
  answer: 'available' | 'unavailable' | null
  note: string | null
  answeredAt: number | null
  reminders: number
  remindedAt: number | null
  /** Their unavailability within the need's period. */
  away: readonly { start: string; end: string }[]
}

/** Where the person stands now: time away outweighs an answer given before it. */
const standing = (a: AnswerRow, now: number) =>
  a.away.length ? 'away' : (a.answer ?? (a.deadline > now ? 'waiting' : 'expired'))

function AnswerCell({ ctx, a }: { ctx: ViewCtx; a: AnswerRow }) {
  const { t } = ctx
  const state = standing(a, ctx.now)
  if (state === 'away')
    return (
      <>
        <span class="badge a-unavailable">{t('alert.nowUnavailable')}</span>{' '}
        {a.away.map((p) => period(ctx, p.start, p.end)).join(', ')}
        {a.answer ? (
          <span class="muted"> ({t('alert.answeredWas', { answer: t(`alert.${a.answer}`) })})</span>
        ) : null}
      </>
    )
  const label = a.answer ? t(`alert.${a.answer}`) : t(state === 'waiting' ? 'alert.waiting' : 'alert.expired')
  return <span class={`badge a-${a.answer ?? 'none'}`}>{label}</span>
}

export function AnswersBoard({
  ctx,
  needId,
  answers,
}: {
  ctx: ViewCtx
  needId: string
  answers: AnswerRow[]
}) {
  const { t } = ctx
  const states = answers.map((a) => standing(a, ctx.now))
  const count = (...s: string[]) => states.filter((x) => s.includes(x)).length
  return (
    <section
      id="answers"
      aria-live="polite"
      hx-get={`/needs/${needId}/answers`}
      hx-trigger={`every ${ctx.pollSeconds}s`}
      hx-swap="outerHTML"
    >
      <h2>{t('alert.answers')}</h2>
      {answers.length === 0 ? (
        <p>{t('alert.noneSent')}</p>
      ) : (
        <>
          <p>
            {t('alert.summary', {
              available: count('available'),
              unavailable: count('unavailable', 'away'),
              waiting: count('waiting'),
            })}
          </p>
          <TableRegion label={t('alert.answers')}>
            <table class="cards">
              <thead>
                <tr>
                  <th scope="col">{t('alert.name')}</th>
                  <th scope="col">{t('alert.base')}</th>
                  <th scope="col">{t('alert.answer')}</th>
                  <th scope="col">{t('alert.note')}</th>
                  <th scope="col">{t('alert.sent')}</th>
                  <th scope="col">{t('alert.deadlineCol')}</th>
                </tr>
              </thead>
              <tbody>
                {answers.map((a) => (
                  <tr id={`answer-${a.functionaryId}`}>
                    <td>
                      <b>{a.name}</b>
                    </td>
                    <td data-label={t('alert.base')}>{ctx.f.name('island', a.base)}</td>
                    <td data-label={t('alert.answer')}>
                      <AnswerCell ctx={ctx} a={a} />
                    </td>
                    <td data-label={t('alert.note')} class="prose">
                      {a.note ?? ''}
                    </td>
                    <td data-label={t('alert.sent')}>
                      <DualTime ctx={ctx} at={a.sentAt} />
                      {a.reminders && a.remindedAt ? (
                        <div class="reminded">
                          {t('alert.reminded', {
                            n: a.reminders,
                            at: ctx.f.dayTime(a.remindedAt, ISLAND_ZONE),
                          })}
                        </div>
                      ) : null}
                    </td>
                    <td data-label={t('alert.deadlineCol')}>
                      <DualTime ctx={ctx} at={a.deadline} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableRegion>
        </>
      )}
    </section>
  )
}
