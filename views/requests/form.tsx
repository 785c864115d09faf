/**
 * The request form, for a new draft and for edits. It offers blank need rows (need-fields.tsx), so
 * a typical request is filed in one post. One component serves the page and the htmx response that
 * adds or removes a need; without JavaScript the same buttons post the whole form and it comes back
 * with one more (or one fewer) row, nothing typed lost, landing on the row added.
 */
import { ErrorSummary, FieldError, type FieldErrors, FormKey } from '../components/form.tsx'
import type { ViewCtx } from '../context.ts'
import { NeedFields, type NeedValues, type RequestRefs } from './need-fields.tsx'

export type { NeedValues, RequestRefs }

export interface RequestValues {
  island?: string
  title?: string
  situation?: string
  phase?: string
  priority?: string
  periodStart?: string
  periodEnd?: string
  incidentId?: string
  contact?: string
  version?: string
  needs: NeedValues[]
}

const ADD = {
  functionary: 'need.addFunctionary',
  capacity: 'need.addCapacity',
  other: 'need.addOther',
} as const

export function RequestForm(props: {
  ctx: ViewCtx
  action: string
  values: RequestValues
  errors: FieldErrors
  refs: RequestRefs
  chooseIsland: boolean
  editing: boolean
  /** The index of the row an "Add … need" button just added. */
  added?: number | null
}) {
  const { ctx, values: v, errors, refs, action } = props
  const { t } = ctx
  const text = (name: keyof RequestValues, label: string, attrs: Record<string, unknown> = {}) => (
    <div class={errors[name] ? 'field invalid' : 'field'}>
      <label for={`f-${name}`}>{label}</label>
      <FieldError ctx={ctx} message={errors[name]} />
      <input id={`f-${name}`} name={name} value={(v[name] as string) ?? ''} {...attrs} />
    </div>
  )
  const choice = (name: keyof RequestValues, label: string, options: [string, string][]) => (
    <div class={errors[name] ? 'field invalid' : 'field'}>
      <label for={`f-${name}`}>{label}</label>
      <FieldError ctx={ctx} message={errors[name]} />
      <select id={`f-${name}`} name={name}>
        {options.map(([value, label]) => (
          <option value={value} selected={v[name] === value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  )
  // htmx posts the whole form with the clicked button to /requests/form and swaps the answer in.
  const hx = { 'hx-post': '/requests/form', 'hx-target': '#request-form', 'hx-swap': 'outerHTML' }
  return (
    <form id="request-form" method="post" action={action} novalidate>
      <ErrorSummary ctx={ctx} errors={errors} />
      <FormKey ctx={ctx} />
      <input type="hidden" name="_form" value={action} />
      {v.version ? <input type="hidden" name="version" value={v.version} /> : null}
      {props.chooseIsland
        ? choice('island', t('req.island'), [
            ['', '—'],
            ...refs.islands.map((i): [string, string] => [i.code, i.name]),
          ])
        : null}
      {text('title', t('req.title'), { maxlength: 200, required: true })}
      <div class={errors.situation ? 'field invalid' : 'field'}>
        <label for="f-situation">{t('req.situation')}</label>
        <FieldError ctx={ctx} message={errors.situation} />
        <textarea id="f-situation" name="situation" rows={6} maxlength={5000}>
          {v.situation ?? ''}
        </textarea>
      </div>
      <div class="row">
        {choice('phase', t('req.phase'), [
          ['warm', t('phase.warm')],
          ['cold', t('phase.cold')],
        ])}
        {choice('priority', t('req.priority'), [
          ['normal', t('priority.normal')],
          ['high', t('priority.high')],
          ['urgent', t('priority.urgent')],
        ])}
        {text('periodStart', `${t('req.period')}: ${t('req.periodStart')}`, { type: 'date' })}
        {text('periodEnd', t('req.periodEnd'), { type: 'date' })}
      </div>
      {choice('incidentId', t('req.incident'), [
        ['', t('req.noIncident')],
        ...refs.incidents.map((i): [string, string] => [i.id, i.name]),
      ])}
      {ctx.user?.role === 'island' ? (
        <p class="muted">
          {t('req.incidentHint')} <a href="/incidents/new">{t('inc.propose')}</a>
        </p>
      ) : null}
      {text('contact', t('req.contact'), { maxlength: 500, autocomplete: 'off' })}
      <h2 id="needs-heading">{t('req.needs')}</h2>
      <p class="muted">{t('need.rowsHint')}</p>
      <FieldError ctx={ctx} message={errors.needs} />
      {v.needs.map((need, i) => (
        <NeedFields
          ctx={ctx}
          need={need}
          index={i}
          errors={errors}
          refs={refs}
          remove={hx}
          added={i === props.added}
        />
      ))}
      <p class="add-needs">
        {(['functionary', 'capacity', 'other'] as const).map((kind) => (
          <>
            {/* Without JavaScript the form comes back scrolled to the row added (#new-need). */}
            <button
              type="submit"
              name="_action"
              value={`add:${kind}`}
              formaction={`${action}#new-need`}
              class="secondary"
              {...hx}
            >
              {t(ADD[kind])}
            </button>{' '}
          </>
        ))}
      </p>
      <p>
        <button type="submit" name="_action" value="save">
          {props.editing ? t('req.saveChanges') : t('req.save')}
        </button>
      </p>
      {props.editing ? null : <p class="muted">{t('req.draftHint')}</p>}
    </form>
  )
}
