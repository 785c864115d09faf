/** The answers to a need's alerts as they arrive: a board the candidates page polls (htmx, every 20 s). */
import { DualTime } from '../components/clock.tsx'
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
          <div class="scroll">
            <table>
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
                    <td>{a.name}</td>
                    <td>{ctx.f.name('island', a.base)}</td>
                    <td>
                      <span class={`badge a-${a.answer ?? 'none'}`}>
                        {a.answer
                          ? t(`alert.${a.answer}`)
                          : a.deadline > ctx.now
                            ? t('alert.waiting')
                            : t('alert.expired')}
                      </span>
                    </td>
                    <td>{a.note ?? ''}</td>
                    <td>
                      <DualTime ctx={ctx} at={a.sentAt} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  )
}
