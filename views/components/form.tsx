/** Form pieces shared by every form: the one-time key, labelled fields, the error summary. */
import type { Child } from 'hono/jsx'
import type { Message } from '../../pool/shared/index.ts'
import type { ViewCtx } from '../context.ts'
import { say } from './message.ts'

/** The hidden one-time key that makes a repeated POST replay instead of redo. */
export function FormKey({ ctx }: { ctx: ViewCtx }) {
  return <input type="hidden" name="_key" value={ctx.formKey()} />
}

/** Messages by field key (`title`, `needs.0.count`), as pool/ gives them: in English, localised here. */
export type FieldErrors = Record<string, Message>

export function ErrorSummary({ ctx, errors }: { ctx: ViewCtx; errors: FieldErrors }) {
  const entries = Object.entries(errors)
  if (entries.length === 0) return null
  return (
    <div class="error-summary" role="alert" tabindex={-1} id="error-summary">
      <h2>{ctx.t('error.422')}</h2>
      <ul>
        {entries.map(([field, message]) => (
          <li>
            <a href={`#f-${field}`}>{say(ctx, message)}</a>
          </li>
        ))}
      </ul>
    </div>
  )
}

/** One field's message, in the reader's language; nothing when there is none. */
export function FieldError({
  ctx,
  message,
  id,
}: {
  ctx: ViewCtx
  message?: Message | undefined
  id?: string
}) {
  return message ? (
    <p class="field-error" id={id}>
      {say(ctx, message)}
    </p>
  ) : null
}

export function Field(props: {
  ctx: ViewCtx
  name: string
  label: string
  error?: Message | undefined
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
