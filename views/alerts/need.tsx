/** The coordinator's page for one functionary need: candidates to alert, and the answers as they arrive. */
import type { FunctionaryNeed, RequestRecord } from '../../pool/requests/index.ts'
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

export interface NeedPageData {
  request: RequestRecord
  need: FunctionaryNeed
  period: { start: string; end: string }
  candidates: {
    id: string
    name: string
    base: string
    roles: { role: string; level: string }[]
    languages: { language: string }[]
  }[]
  pending: Set<string>
  answers: AnswerRow[]
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
      hx-trigger="every 20s"
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

export function NeedPage(props: {
  ctx: ViewCtx
  data: NeedPageData
  errors?: FieldErrors
  deadline: string
  chosen?: string[]
}) {
  const { ctx, data } = props
  const { t, f } = ctx
  const { need, request } = data
  const errors = props.errors ?? {}
  const languages = (codes: readonly string[]) => codes.map((l) => f.name('language', l)).join(', ')
  return (
    <article>
      <p>
        <a href={`/requests/${request.id}`}>{t('alert.back')}</a>
      </p>
      <h1>
        {t('alert.needTitle', {
          count: need.count,
          role: f.role(need.role),
          island: f.name('island', request.island),
        })}
      </h1>
      <p>
        {request.title} · {period(ctx, data.period.start, data.period.end)} · ≥{' '}
        {f.name('level', need.minLevel)}
        {need.languages.length ? ` · ${languages(need.languages)}` : ''}
      </p>
      <AnswersBoard ctx={ctx} needId={need.id} answers={data.answers} />
      <h2>{t('alert.candidates')}</h2>
      <p class="muted">
        {t('alert.candidatesIntro', {
          level: f.name('level', need.minLevel),
          period: period(ctx, data.period.start, data.period.end),
        })}
      </p>
      {data.candidates.length === 0 ? (
        <p>{t('alert.none')}</p>
      ) : (
        <form method="post" action={`/needs/${need.id}/alerts`} novalidate>
          <ErrorSummary ctx={ctx} errors={errors} />
          <FormKey ctx={ctx} />
          <fieldset id="f-functionaryIds" class={errors.functionaryIds ? 'invalid' : ''}>
            <legend>{t('alert.candidates')}</legend>
            <FieldError ctx={ctx} message={errors.functionaryIds} />
            <ul class="candidates">
              {data.candidates.map((c) => {
                const level = c.roles.find((r) => r.role === need.role)?.level
                return (
                  <li>
                    <label class="check">
                      <input
                        type="checkbox"
                        name="functionaryIds"
                        value={c.id}
                        checked={props.chosen?.includes(c.id)}
                      />{' '}
                      {c.name} — {f.name('island', c.base)}, {level ? f.name('level', level) : '—'},{' '}
                      {languages(c.languages.map((l) => l.language))}
                      {data.pending.has(c.id) ? ` (${t('alert.pending')})` : ''}
                    </label>
                  </li>
                )
              })}
            </ul>
          </fieldset>
          <div class={errors.deadline ? 'field invalid' : 'field'}>
            <label for="f-deadline">{t('alert.deadline')}</label>
            <FieldError ctx={ctx} message={errors.deadline} />
            <input id="f-deadline" name="deadline" type="datetime-local" value={props.deadline} required />
          </div>
          <button type="submit">{t('alert.send')}</button>
        </form>
      )}
    </article>
  )
}
