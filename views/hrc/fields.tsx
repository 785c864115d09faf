/**
 * Labelled form fields for the HRC forms, keyed as the input is (`leader.email`, `capacity.weightKg`)
 * so that a field error lands next to its field and the summary links to it. Values are the
 * strings as typed: a form that comes back with a 422 shows exactly what was sent.
 */
import type { Child } from 'hono/jsx'
import { FieldError, type FieldErrors } from '../components/form.tsx'
import type { ViewCtx } from '../context.ts'

export type FormValues = Record<string, string | string[] | undefined>

export interface FormProps {
  ctx: ViewCtx
  values: FormValues
  errors: FieldErrors
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? ''))
const many = (v: string | string[] | undefined) => (Array.isArray(v) ? v : v ? [v] : [])
const idOf = (name: string) => `f-${name}`

function Wrap(props: FormProps & { name: string; label: string; hint?: string; children: Child }) {
  const error = props.errors[props.name]
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={idOf(props.name)}>{props.label}</label>
      {props.hint ? <p class="muted">{props.hint}</p> : null}
      <FieldError ctx={props.ctx} message={error} />
      {props.children}
    </div>
  )
}

export function Input(
  props: FormProps & {
    name: string
    label: string
    hint?: string
    type?: string
    attrs?: Record<string, unknown>
  },
) {
  return (
    <Wrap {...props}>
      <input
        id={idOf(props.name)}
        name={props.name}
        type={props.type ?? 'text'}
        value={one(props.values[props.name])}
        aria-invalid={props.errors[props.name] ? 'true' : undefined}
        {...props.attrs}
      />
    </Wrap>
  )
}

export function TextArea(
  props: FormProps & { name: string; label: string; hint?: string; rows?: number; max?: number },
) {
  return (
    <Wrap {...props}>
      <textarea
        id={idOf(props.name)}
        name={props.name}
        rows={props.rows ?? 4}
        maxlength={props.max}
        aria-invalid={props.errors[props.name] ? 'true' : undefined}
      >
        {one(props.values[props.name])}
      </textarea>
    </Wrap>
  )
}

export function Choice(
  props: FormProps & {
    name: string
    label: string
    hint?: string
    options: readonly (readonly [string, string])[]
  },
) {
  const chosen = one(props.values[props.name])
  return (
    <Wrap {...props}>
      <select id={idOf(props.name)} name={props.name}>
        {props.options.map(([value, text]) => (
          <option value={value} selected={value === chosen}>
            {text}
          </option>
        ))}
      </select>
    </Wrap>
  )
}

/** Check boxes under one legend; the fieldset carries the field's id for the error summary's link. */
export function Checks(
  props: FormProps & { name: string; legend: string; options: readonly (readonly [string, Child])[] },
) {
  const chosen = many(props.values[props.name])
  const error = props.errors[props.name]
  return (
    <fieldset id={idOf(props.name)} class={error ? 'invalid' : ''}>
      <legend>{props.legend}</legend>
      <FieldError ctx={props.ctx} message={error} />
      {props.options.map(([value, label], i) => (
        <label class="check" for={`${idOf(props.name)}-${i}`}>
          <input
            id={`${idOf(props.name)}-${i}`}
            type="checkbox"
            name={props.name}
            value={value}
            checked={chosen.includes(value)}
          />{' '}
          {label}
        </label>
      ))}
    </fieldset>
  )
}
