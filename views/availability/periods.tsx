/** A functionary's unavailability: the list and the add form, for themself (/me) and for a coordinator. */
import { lengthInDays } from '../../pool/availability/index.ts'
import { UNAVAILABILITY_REASONS } from '../../pool/reference/index.ts'
import { ErrorSummary, Field, type FieldErrors, FormKey } from '../components/form.tsx'
import { period } from '../components/status.tsx'
import { TableRegion } from '../components/table.tsx'
import type { ViewCtx } from '../context.ts'

export interface PeriodView {
  id: string
  start: string
  end: string
  reason: (typeof UNAVAILABILITY_REASONS)[number]
  note: string
  createdByName: string | null
}

export interface PeriodValues {
  start?: string
  end?: string
  reason?: string
  note?: string
}

export interface PlanningProps {
  ctx: ViewCtx
  heading: string
  intro: string
  inactive?: boolean
  periods: PeriodView[]
  /** Where the add form posts; each period's delete form posts to `${action}/${id}/delete`. */
  action: string
  values: PeriodValues
  errors: FieldErrors
  back?: { href: string; label: string }
}

export function PlanningPage(props: PlanningProps) {
  const { ctx, back } = props
  return (
    <section>
      {back ? (
        <p>
          <a href={back.href}>{back.label}</a>
        </p>
      ) : null}
      <h1>{props.heading}</h1>
      <p>{props.intro}</p>
      {props.inactive ? <p class="note">{ctx.t('period.inactive')}</p> : null}
      <PeriodForm ctx={ctx} action={props.action} values={props.values} errors={props.errors} />
      <h2>{ctx.t('period.list')}</h2>
      <PeriodList ctx={ctx} periods={props.periods} action={props.action} />
    </section>
  )
}

export function PeriodList({
  ctx,
  periods,
  action,
}: {
  ctx: ViewCtx
  periods: PeriodView[]
  action: string
}) {
  const { t } = ctx
  if (periods.length === 0) return <p id="periods">{t('period.none')}</p>
  return (
    <TableRegion label={t('period.list')} id="periods">
      <table class="cards">
        <thead>
          <tr>
            <th scope="col">{t('period.period')}</th>
            <th scope="col">{t('period.reason')}</th>
            <th scope="col">{t('period.noteShort')}</th>
            <th scope="col">{t('period.by')}</th>
            <td />
          </tr>
        </thead>
        <tbody>
          {periods.map((p) => {
            const when = period(ctx, p.start, p.end)
            return (
              <tr>
                <td data-label={t('period.period')}>
                  {when}
                  <br />
                  <span class="muted">{t('period.days', { n: lengthInDays(p) })}</span>
                </td>
                <td data-label={t('period.reason')}>{t(`period.reason.${p.reason}`)}</td>
                <td class="prose" data-label={t('period.noteShort')}>
                  {p.note}
                </td>
                <td data-label={t('period.by')}>{p.createdByName ?? '—'}</td>
                <td>
                  <form method="post" action={`${action}/${p.id}/delete`} class="inline">
                    <FormKey ctx={ctx} />
                    <button
                      type="submit"
                      class="secondary"
                      aria-label={t('period.deleteLabel', { period: when })}
                    >
                      {t('period.delete')}
                    </button>
                  </form>
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <p class="muted">{t('period.pastHidden')}</p>
    </TableRegion>
  )
}

export function PeriodForm(props: {
  ctx: ViewCtx
  action: string
  values: PeriodValues
  errors: FieldErrors
}) {
  const { ctx, values: v, errors } = props
  const { t } = ctx
  const described = (name: string) => (errors[name] ? `e-${name}` : undefined)
  return (
    <form method="post" action={props.action} novalidate id="period-form">
      <h2>{t('period.add')}</h2>
      <ErrorSummary ctx={ctx} errors={errors} />
      <FormKey ctx={ctx} />
      <div class="row">
        <Field ctx={ctx} name="start" label={t('period.start')} error={errors.start}>
          <input
            type="date"
            id="f-start"
            name="start"
            value={v.start ?? ''}
            required
            aria-describedby={described('start')}
          />
        </Field>
        <Field ctx={ctx} name="end" label={t('period.end')} error={errors.end}>
          <input
            type="date"
            id="f-end"
            name="end"
            value={v.end ?? ''}
            required
            aria-describedby={described('end')}
          />
        </Field>
        <Field ctx={ctx} name="reason" label={t('period.reason')} error={errors.reason}>
          <select id="f-reason" name="reason" aria-describedby={described('reason')}>
            {UNAVAILABILITY_REASONS.map((r) => (
              <option value={r} selected={v.reason === r}>
                {t(`period.reason.${r}`)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field ctx={ctx} name="note" label={t('period.note')} error={errors.note}>
        <textarea id="f-note" name="note" rows={2} maxlength={500} aria-describedby={described('note')}>
          {v.note ?? ''}
        </textarea>
      </Field>
      <button type="submit">{t('period.save')}</button>
    </form>
  )
}
