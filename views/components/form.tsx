/** Form pieces shared by every form: the one-time key, labelled fields, the error summary. */
import type { Child } from 'hono/jsx'
import type { ViewCtx } from '../context.ts'

/** The hidden one-time key that makes a repeated POST replay instead of redo. */
export function FormKey({ ctx }: { ctx: ViewCtx }) {
  return <input type="hidden" name="_key" value={ctx.formKey()} />
}

export type FieldErrors = Record<string, string>

export function ErrorSummary({ ctx, errors }: { ctx: ViewCtx; errors: FieldErrors }) {
  const entries = Object.entries(errors)
  if (entries.length === 0) return null
  return (
    <div class="error-summary" role="alert" tabindex={-1} id="error-summary">
      <h2>{ctx.t('error.422')}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li>
            <a href={`#f-${field}`}>{message}</a>
          </li>
        ))}
      </ul>
    </div>
  )
}

export function Field(props: { name: string; label: string; error?: string | undefined; children: Child }) {
  return (
    <div class={props.error ? 'field invalid' : 'field'}>
      <label for={`f-${props.name}`}>{props.label}</label>
      {props.error ? (
        <p class="field-error" id={`e-${props.name}`}>
          {props.error}
        </p>
      ) : null}
      {props.children}
    </div>
  )
}
