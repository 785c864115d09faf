/** Form pieces shared by every form: the one-time key, labelled fields, the error summary. */
import type { Child } from 'hono/jsx'
import type { Msg } from '../../pool/shared/index.ts'
import type { ViewCtx } from '../context.ts'

/** The hidden one-time key that makes a repeated POST replay instead of redo. */
export function FormKey({ ctx }: { ctx: ViewCtx }) {
  return <input type="hidden" name="_key" value={ctx.formKey()} />
}

/** Messages by field key (`title`, `needs.0.count`), as pool/ gives them: codes, said in the reader's language here. */
export type FieldErrors = Record<string, Msg>

export function ErrorSummary({ ctx, errors }: { ctx: ViewCtx; errors: FieldErrors }) {
  const entries = Object.entries(errors)
  if (entries.length === 0) return null
  return (
    <div class="error-summary" role="alert" tabindex={-1} id="error-summary">
      <h2>{ctx.t('error.422')}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li>
            <a href={`#f-${field}`}>{ctx.m(message)}</a>
          </li>
        ))}
      </ul>
    </div>
  )
}

/** One field's message, in the reader's language; nothing when there is none. */
export function FieldError({ ctx, message, id }: { ctx: ViewCtx; message?: Msg | undefined; id?: string }) {
  return message ? (
    <p class="field-error" id={id}>
      {ctx.m(message)}
    </p>
  ) : null
}

export function Field(props: {
  ctx: ViewCtx
  name: string
  label: string
  error?: Msg | undefined
  children: Child
}) {
  return (
    <div class={props.error ? 'field invalid' : 'field'}>
      <label for={`f-${props.name}`}>{props.label}</label>
      <FieldError ctx={props.ctx} message={props.error} id={`e-${props.name}`} />
      {props.children}
    </div>
  )
}
