/** One need (line item) of the request form: functionary, HRC capacity or other. */
import { FieldError, type FieldErrors } from '../components/form.tsx'
import type { ViewCtx } from '../context.ts'

export interface NeedValues {
  id?: string
  kind: 'functionary' | 'capacity' | 'other'
  role?: string
  count?: string
  minLevel?: string
  languages?: string[]
  preferredLanguages?: string[]
  remoteOk?: boolean
  periodStart?: string
  periodEnd?: string
  notes?: string
  unitType?: string
  description?: string
  quantity?: string
}

export interface RequestRefs {
  islands: { code: string; name: string }[]
  roles: { code: string; name: string }[]
  languages: { code: string; name: string }[]
  unitTypes: { code: string; name: string }[]
  incidents: { id: string; name: string }[]
}

export function NeedFields(props: {
  ctx: ViewCtx
  need: NeedValues
  index: number
  errors: FieldErrors
  refs: RequestRefs
  remove: Record<string, string>
}) {
  const { ctx, need, index: i, errors, refs } = props
  const { t } = ctx
  const name = (field: string) => `needs[${i}][${field}]`
  const key = (field: string) => `needs.${i}.${field}`
  const err = (field: string) => <FieldError ctx={ctx} message={errors[key(field)]} />
  const cls = (field: string) => (errors[key(field)] ? 'field invalid' : 'field')
  const input = (field: keyof NeedValues, label: string, attrs: Record<string, unknown> = {}) => (
    <div class={cls(field)}>
      <label for={`f-${key(field)}`}>{label}</label>
      {err(field)}
      <input id={`f-${key(field)}`} name={name(field)} value={(need[field] as string) ?? ''} {...attrs} />
    </div>
  )
  const select = (field: keyof NeedValues, label: string, options: [string, string][]) => (
    <div class={cls(field)}>
      <label for={`f-${key(field)}`}>{label}</label>
      {err(field)}
      <select id={`f-${key(field)}`} name={name(field)}>
        {options.map(([value, text]) => (
          <option value={value} selected={need[field] === value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  )
  const languages = (field: 'languages' | 'preferredLanguages', label: string) => (
    <fieldset class={`${cls(field)} langs`} id={`f-${key(field)}`}>
      <legend>{label}</legend>
      {err(field)}
      {refs.languages.map((l) => (
        <label class="check">
          <input type="checkbox" name={name(field)} value={l.code} checked={need[field]?.includes(l.code)} />{' '}
          {l.name}
        </label>
      ))}
    </fieldset>
  )
  return (
    <fieldset class="need" id={`need-${i}`}>
      <legend>
        {t('need.legend', { n: i + 1 })}: {t(`need.${need.kind}`)}
      </legend>
      <input type="hidden" name={name('kind')} value={need.kind} />
      {need.id ? <input type="hidden" name={name('id')} value={need.id} /> : null}
      {need.kind === 'functionary' ? (
        <>
          <div class="row">
            {select('role', t('need.role'), [
              ['', '—'],
              ...refs.roles.map((r): [string, string] => [r.code, r.name]),
            ])}
            {input('count', t('need.count'), { type: 'number', min: 1, max: 500, inputmode: 'numeric' })}
            {select('minLevel', t('need.minLevel'), [
              ['trainee', t('level.trainee')],
              ['qualified', t('level.qualified')],
              ['senior', t('level.senior')],
            ])}
          </div>
          {languages('languages', t('need.languages'))}
          {languages('preferredLanguages', t('need.preferredLanguages'))}
          <div class="field">
            <label class="check">
              <input type="checkbox" name={name('remoteOk')} value="on" checked={need.remoteOk} />{' '}
              {t('need.remoteOk')}
            </label>
          </div>
          <div class="row">
            {input('periodStart', `${t('need.period')}: ${t('req.periodStart')}`, { type: 'date' })}
            {input('periodEnd', t('req.periodEnd'), { type: 'date' })}
          </div>
          {input('notes', t('need.notes'), { maxlength: 2000 })}
        </>
      ) : need.kind === 'capacity' ? (
        <div class="row">
          {select('unitType', t('need.unitType'), [
            ['', '—'],
            ...refs.unitTypes.map((u): [string, string] => [u.code, u.name]),
          ])}
          {input('count', t('need.count'), { type: 'number', min: 1, max: 500, inputmode: 'numeric' })}
          {input('notes', t('need.notes'), { maxlength: 2000 })}
        </div>
      ) : (
        <div class="row">
          {input('description', t('need.description'), { maxlength: 2000 })}
          {input('quantity', t('need.quantity'), { type: 'number', min: 1, max: 500, inputmode: 'numeric' })}
        </div>
      )}
      <button type="submit" name="_action" value={`remove:${i}`} class="link" {...props.remove}>
        {t('need.remove')}
      </button>
    </fieldset>
  )
}
