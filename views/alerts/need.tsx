/** The answers to a need's alerts as they arrive: a board the candidates page polls (htmx, every 20 s). */
import { DualTime } from '../components/clock.tsx'
import { ErrorSummary, FieldError, type FieldErrors, FormKey } from '../components/form.tsx'
import { period } from '../components/status.tsx'
import { TableRegion } from '../components/table.tsx'
import type { ViewCtx } from '../context.ts'

export interface AnswerRow {
  id: string
  name: string
  base: string
  sentAt: number
  deadline: number
  answer: 'available' | 'unavailable' | null
  note: string | null
  answeredAt: number | null
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
  const count = (a: AnswerRow['answer']) => answers.filter((x) => x.answer === a).length
  const waiting = answers.filter((x) => !x.answer && x.deadline > ctx.now).length
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
              unavailable: count('unavailable'),
              waiting,
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
                </tr>
              </thead>
              <tbody>
                {answers.map((a) => (
                  <tr>
                    <td data-label={t('alert.name')}>{a.name}</td>
                    <td data-label={t('alert.base')}>{ctx.f.name('island', a.base)}</td>
                    <td data-label={t('alert.answer')}>
                      <span class={`badge a-${a.answer ?? 'none'}`}>
                        {a.answer
                          ? t(`alert.${a.answer}`)
                          : a.deadline > ctx.now
                            ? t('alert.waiting')
                            : t('alert.expired')}
                      </span>
                    </td>
                    <td data-label={t('alert.note')}>{a.note ?? ''}</td>
                    <td data-label={t('alert.sent')}>
                      <DualTime ctx={ctx} at={a.sentAt} />
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
