/**
 * One need (line item) of the request form. Every row holds the fields of all three kinds and a
 * choice of kind; the stylesheet shows only the chosen kind's fields (`:has`, no script), and a row
 * with no kind chosen is a blank row that saving skips. So a request of several needs of any kinds
 * is typed and filed in one post, which matters on a satellite link.
 */
import { NEED_KINDS } from '../../pool/reference/index.ts'
import { FieldError, type FieldErrors } from '../components/form.tsx'
import type { ViewCtx } from '../context.ts'

export interface NeedValues {
  id?: string
  /** '' for a blank row: no kind chosen yet. */
  kind: 'functionary' | 'capacity' | 'other' | ''
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

type Kind = (typeof NEED_KINDS)[number]

/** The class that shows a field only for these kinds of need (views/app.css). */
const only = (...kinds: Kind[]) => `field if-kind ${kinds.map((k) => `for-${k}`).join(' ')}`

export function NeedFields(props: {
  ctx: ViewCtx
  need: NeedValues
  index: number
  errors: FieldErrors
  refs: RequestRefs
  remove: Record<string, string>
  /** The row just added: the page lands on it, and its first field takes the focus. */
  added?: boolean
}) {
  const { ctx, need, index: i, errors, refs, added } = props
  const { t } = ctx
  const name = (field: string) => `needs[${i}][${field}]`
  const key = (field: string) => `needs.${i}.${field}`
  const err = (field: string) => <FieldError ctx={ctx} message={errors[key(field)]} />
  const cls = (field: string, base = 'field') => (errors[key(field)] ? `${base} invalid` : base)
  // The first field of the chosen kind takes the focus when the row was just added (htmx honours it too).
  const first = { functionary: 'role', capacity: 'unitType', other: 'description', '': '' }[need.kind]
  const focus = (field: string) => (added && field === first ? { autofocus: true } : {})
  const input = (
    field: keyof NeedValues,
    label: string,
    kinds: Kind[],
    attrs: Record<string, unknown> = {},
  ) => (
    <div class={cls(field, only(...kinds))}>
      <label for={`f-${key(field)}`}>{label}</label>
      {err(field)}
      <input
        id={`f-${key(field)}`}
        name={name(field)}
        value={(need[field] as string) ?? ''}
        {...attrs}
        {...focus(field)}
      />
    </div>
  )
  const select = (field: keyof NeedValues, label: string, kinds: Kind[], options: [string, string][]) => (
    <div class={cls(field, only(...kinds))}>
      <label for={`f-${key(field)}`}>{label}</label>
      {err(field)}
      <select id={`f-${key(field)}`} name={name(field)} {...focus(field)}>
        {options.map(([value, text]) => (
          <option value={value} selected={need[field] === value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  )
  const languages = (field: 'languages' | 'preferredLanguages', label: string) => (
    <fieldset class={cls(field, `${only('functionary')} langs`)} id={`f-${key(field)}`}>
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
  const number = { type: 'number', min: 1, max: 500, inputmode: 'numeric' }
  return (
    <fieldset class="need" id={`need-${i}`}>
      <legend id={added ? 'new-need' : undefined}>{t('need.legend', { n: i + 1 })}</legend>
      {need.id ? <input type="hidden" name={name('id')} value={need.id} /> : null}
      <fieldset class={cls('kind', 'kind')} id={`f-${key('kind')}`}>
        <legend>{t('need.kind')}</legend>
        {err('kind')}
        {NEED_KINDS.map((k) => (
          <label class="check">
            <input type="radio" name={name('kind')} value={k} checked={need.kind === k} /> {t(`need.${k}`)}
          </label>
        ))}
      </fieldset>
      <div class="row">
        {select(
          'role',
          t('need.role'),
          ['functionary'],
          [['', '—'], ...refs.roles.map((r): [string, string] => [r.code, r.name])],
        )}
        {select(
          'unitType',
          t('need.unitType'),
          ['capacity'],
          [['', '—'], ...refs.unitTypes.map((u): [string, string] => [u.code, u.name])],
        )}
        {input('description', t('need.description'), ['other'], { maxlength: 500 })}
        {input('count', t('need.count'), ['functionary', 'capacity'], number)}
        {input('quantity', t('need.quantity'), ['other'], number)}
        {select(
          'minLevel',
          t('need.minLevel'),
          ['functionary'],
          [
            ['trainee', t('level.trainee')],
            ['qualified', t('level.qualified')],
            ['senior', t('level.senior')],
          ],
        )}
      </div>
      {languages('languages', t('need.languages'))}
      {languages('preferredLanguages', t('need.preferredLanguages'))}
      <div class={only('functionary')}>
        <label class="check">
          <input type="checkbox" name={name('remoteOk')} value="on" checked={need.remoteOk} />{' '}
          {t('need.remoteOk')}
        </label>
      </div>
      <div class="row">
        {input('periodStart', `${t('need.period')}: ${t('req.periodStart')}`, ['functionary'], {
          type: 'date',
        })}
        {input('periodEnd', t('req.periodEnd'), ['functionary'], { type: 'date' })}
        {input('notes', t('need.notes'), ['functionary', 'capacity'], { maxlength: 2000 })}
      </div>
      <button type="submit" name="_action" value={`remove:${i}`} class="link" {...props.remove}>
        {t('need.remove')}
      </button>
    </fieldset>
  )
}
