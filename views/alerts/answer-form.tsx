/** The two answers and the note: one set of fields for the link's page, "My alerts" and the overview. */
import type { Msg } from '../../pool/shared/index.ts'
import { ISLAND_ZONE } from '../components/clock.tsx'
import type { ViewCtx } from '../context.ts'

export type Answer = 'available' | 'unavailable'

/**
 * `idPrefix` keeps the note's id unique when a page holds several forms (one per alert);
 * `chosen` and `note` are what the person typed or answered before.
 */
export function AnswerFields(props: {
  ctx: ViewCtx
  idPrefix: string
  chosen?: string | null
  note?: string | null
  error?: Msg
}) {
  const { ctx, idPrefix } = props
  const { t } = ctx
  const errorId = `${idPrefix}-error`
  return (
    <>
      {props.error ? (
        <p class="field-error" role="alert" id={errorId}>
          {ctx.m(props.error)}
        </p>
      ) : null}
      <fieldset aria-describedby={props.error ? errorId : undefined}>
        <legend>{t('answer.title')}</legend>
        <label class="check">
          <input type="radio" name="answer" value="available" checked={props.chosen === 'available'} />{' '}
          {t('answer.yes')}
        </label>
        <label class="check">
          <input type="radio" name="answer" value="unavailable" checked={props.chosen === 'unavailable'} />{' '}
          {t('answer.no')}
        </label>
      </fieldset>
      <div class="field">
        <label for={`${idPrefix}-note`}>{t('answer.note')}</label>
        <textarea id={`${idPrefix}-note`} name="note" rows={3} maxlength={1000}>
          {props.note ?? ''}
        </textarea>
      </div>
    </>
  )
}

/** "Mon 7 Sep 08:00 (UTC−4)", and for someone based in the Netherlands also "Mon 7 Sep 14:00 Amsterdam time". */
export function deadlineText(ctx: ViewCtx, at: number, base: string | null | undefined): string {
  const islands = `${ctx.f.moment(at, ISLAND_ZONE)} (UTC−4)`
  if (base !== 'NL') return islands
  return `${islands}, ${ctx.t('answer.amsterdam', { time: ctx.f.moment(at, 'Europe/Amsterdam') })}`
}
