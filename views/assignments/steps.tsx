/**
 * The step forms of an assignment, one plain form per step the reader may take now: what each asks
 * (a reason, the travel, how the person confirmed) and nothing more. Field ids carry the step, so
 * two forms on one page never share an id; the error summary links to them the same way.
 */
import type { Child } from 'hono/jsx'
import type { Assignment } from '../../pool/assignments/index.ts'
import { type AssignmentStatus, CONFIRM_CHANNELS, TRANSPORTS } from '../../pool/reference/index.ts'
import { FieldError, type FieldErrors, FormKey } from '../components/form.tsx'
import type { ViewCtx } from '../context.ts'
import type { MessageKey } from '../i18n/index.ts'

/** What was typed into a step's form, kept when it comes back with errors. */
export type StepValues = Record<string, string>

/** Errors of one step's form, keyed `<step>-<field>` (`declined-reason`, `travelling-travel.eta`). */
export const stepErrors = (to: string, fields: Record<string, unknown> | undefined, fallback: unknown) => {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(fields ?? {})) out[`${to}-${k}`] = v
  if (Object.keys(out).length === 0) out[`${to}-status`] = fallback
  return out as FieldErrors
}

function Text(props: {
  ctx: ViewCtx
  to: string
  name: string
  label: string
  values: StepValues
  errors: FieldErrors
  type?: string
  area?: boolean
  required?: boolean
}) {
  const id = `f-${props.to}-${props.name}`
  const error = props.errors[`${props.to}-${props.name}`]
  const value = props.values[props.name] ?? ''
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={id}>{props.label}</label>
      <FieldError ctx={props.ctx} message={error} />
      {props.area ? (
        <textarea id={id} name={props.name} rows={3} maxlength={2000} required={props.required}>
          {value}
        </textarea>
      ) : (
        <input
          id={id}
          name={props.name}
          type={props.type ?? 'text'}
          value={value}
          required={props.required}
        />
      )}
    </div>
  )
}

export function StepForm(props: {
  ctx: ViewCtx
  a: Assignment
  to: AssignmentStatus
  /** The person answered "available" to the alert: an offer needs no other confirmation. */
  answeredAvailable?: boolean
  values?: StepValues
  errors?: FieldErrors
  /** Where to come back after the step (the offers page), when not the assignment's own page. */
  back?: string
}) {
  const { ctx, a, to } = props
  const { t, f } = ctx
  const values = props.values ?? {}
  const errors = props.errors ?? {}
  const field = { ctx, to, values, errors }
  const button = (
    <button type="submit" class={to === 'cancelled' || to === 'declined' ? 'secondary' : ''}>
      {t(`step.${to}` as MessageKey, { island: f.name('island', a.island) })}
    </button>
  )
  const form = (children: Child) => (
    <form method="post" action={`/assignments/${a.id}/status`} class="step">
      <FormKey ctx={ctx} />
      <input type="hidden" name="status" value={to} />
      <input type="hidden" name="version" value={String(a.version)} />
      {props.back ? <input type="hidden" name="back" value={props.back} /> : null}
      <FieldError ctx={ctx} message={errors[`${to}-status`] ?? errors[`${to}-version`]} />
      {children}
      {button}
    </form>
  )
  if (to === 'offered') {
    const id = `f-${to}-confirmedBy.channel`
    const chosen = values['confirmedBy.channel'] ?? ''
    return form(
      <>
        <fieldset id={id} class={errors[`${to}-confirmedBy.channel`] ? 'invalid' : ''}>
          <legend>{t('step.confirm')}</legend>
          <FieldError ctx={ctx} message={errors[`${to}-confirmedBy.channel`]} />
          {props.answeredAvailable ? (
            <label class="check">
              <input type="radio" name="confirmedBy.channel" value="" checked={chosen === ''} />{' '}
              {t('step.confirm.answer')}
            </label>
          ) : null}
          {CONFIRM_CHANNELS.map((c) => (
            <label class="check">
              <input type="radio" name="confirmedBy.channel" value={c} checked={chosen === c} />{' '}
              {f.name('confirmChannel', c)}
            </label>
          ))}
        </fieldset>
        <Text {...field} name="confirmedBy.note" label={t('step.confirm.note')} />
      </>,
    )
  }
  if (to === 'declined' || to === 'cancelled')
    return (
      <details class="reason" open={errors[`${to}-reason`] ? true : undefined}>
        <summary>{t(`step.${to}` as MessageKey, { island: f.name('island', a.island) })}</summary>
        {form(<Text {...field} name="reason" label={t('req.reasonFor')} area required />)}
      </details>
    )
  if (to === 'travelling') {
    const tid = `f-${to}-travel.transport`
    const transport = values['travel.transport'] ?? ''
    return form(
      <>
        <p class="muted">{t('step.travel.zone')}</p>
        <div class="row">
          <Text {...field} name="travel.etd" label={t('step.travel.etd')} type="datetime-local" required />
          <Text {...field} name="travel.eta" label={t('step.travel.eta')} type="datetime-local" required />
        </div>
        <div class="row">
          <div class={errors[`${to}-travel.transport`] ? 'field invalid' : 'field'}>
            <label for={tid}>{t('step.travel.transport')}</label>
            <FieldError ctx={ctx} message={errors[`${to}-travel.transport`]} />
            <select id={tid} name="travel.transport" required>
              <option value="">—</option>
              {TRANSPORTS.map((code) => (
                <option value={code} selected={code === transport}>
                  {f.name('transport', code)}
                </option>
              ))}
            </select>
          </div>
          <Text {...field} name="travel.reference" label={t('step.travel.reference')} />
        </div>
      </>,
    )
  }
  return form(null)
}
