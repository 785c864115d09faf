/**
 * The coordinator's form for one person (new and edit), and the field groups that the
 * functionary's own profile form reuses. A select per role and per language: no JavaScript needed.
 */
import type { FunctionaryRecord } from '../../pool/functionaries/index.ts'
import { ErrorSummary, FieldError, type FieldErrors, FormKey } from '../components/form.tsx'
import type { ViewCtx } from '../context.ts'
import { ExpiredFlags } from './documents.tsx'

export interface Named {
  code: string
  name: string
}
export interface PoolRefs {
  bases: Named[]
  roles: Named[]
  languages: Named[]
}

/** What the form shows: typed text as typed, roles and languages as code → level / proficiency. */
export interface FunctionaryValues {
  name?: string
  email?: string
  phone?: string
  base?: string
  organisation?: string
  roles: Record<string, string>
  languages: Record<string, string>
  remoteCapable?: boolean
  travelDocumentExpiry?: string
  medicalFitnessExpiry?: string
  notes?: string
  version?: string
}

export function valuesFromForm(fields: Record<string, string | string[]>): FunctionaryValues {
  const one = (k: string) => [fields[k] ?? ''].flat()[0] ?? ''
  const map = (group: string) =>
    Object.fromEntries(
      Object.keys(fields)
        .map((k) => new RegExp(`^${group}\\[([a-z_]+)\\]$`).exec(k))
        .filter((m): m is RegExpExecArray => m !== null)
        .map((m) => [m[1]!, one(m[0])]),
    )
  return {
    name: one('name'),
    email: one('email'),
    phone: one('phone'),
    base: one('base'),
    organisation: one('organisation'),
    roles: map('roles'),
    languages: map('languages'),
    remoteCapable: [fields.remoteCapable ?? []].flat().some((v) => v === 'on' || v === '1'),
    travelDocumentExpiry: one('travelDocumentExpiry'),
    medicalFitnessExpiry: one('medicalFitnessExpiry'),
    notes: one('notes'),
    version: one('version'),
  }
}

export function valuesFromRecord(r: FunctionaryRecord): FunctionaryValues {
  return {
    ...r,
    roles: Object.fromEntries(r.roles.map((x) => [x.role, x.level])),
    languages: Object.fromEntries(r.languages.map((x) => [x.language, x.proficiency])),
    travelDocumentExpiry: r.travelDocumentExpiry ?? '',
    medicalFitnessExpiry: r.medicalFitnessExpiry ?? '',
    version: String(r.version),
  }
}

type Props = { ctx: ViewCtx; values: FunctionaryValues; errors: FieldErrors }

function cls(errors: FieldErrors, name: string, base = 'field') {
  return errors[name] ? `${base} invalid` : base
}
function Err({ ctx, errors, name }: { ctx: ViewCtx; errors: FieldErrors; name: string }) {
  return <FieldError ctx={ctx} message={errors[name]} id={`e-${name}`} />
}

export function TextField(
  props: Props & { name: keyof FunctionaryValues; label: string; attrs?: Record<string, unknown> },
) {
  const { values, errors, name } = props
  return (
    <div class={cls(errors, name)}>
      <label for={`f-${name}`}>{props.label}</label>
      <Err ctx={props.ctx} errors={errors} name={name} />
      <input id={`f-${name}`} name={name} value={String(values[name] ?? '')} {...props.attrs} />
    </div>
  )
}

/** One select per language: none, basic, working, fluent, native. */
export function LanguageFields(props: Props & { refs: PoolRefs }) {
  const { ctx, values, errors } = props
  const { t } = ctx
  return (
    <fieldset class={cls(errors, 'languages')} id="f-languages">
      <legend>{t('pool.languages')}</legend>
      <Err ctx={props.ctx} errors={errors} name="languages" />
      <div class="columns">
        {props.refs.languages.map((l) => (
          <div class="field">
            <label for={`f-lang-${l.code}`}>{l.name}</label>
            <select id={`f-lang-${l.code}`} name={`languages[${l.code}]`}>
              <option value="">{t('pool.noRole')}</option>
              {(['basic', 'working', 'fluent', 'native'] as const).map((p) => (
                <option value={p} selected={values.languages[l.code] === p}>
                  {t(`prof.${p}`)}
                </option>
              ))}
            </select>
          </div>
        ))}
      </div>
    </fieldset>
  )
}

/** Remote support and the two expiry dates: what the functionary keeps up themself besides phone and languages. */
export function DocumentFields(props: Props) {
  const { ctx, values, errors } = props
  const { t } = ctx
  return (
    <fieldset>
      <legend>{t('pool.documents')}</legend>
      <ExpiredFlags ctx={ctx} person={values} />
      <div class="row">
        <TextField
          {...props}
          name="travelDocumentExpiry"
          label={t('pool.travelDoc')}
          attrs={{ type: 'date' }}
        />
        <TextField
          {...props}
          name="medicalFitnessExpiry"
          label={t('pool.medical')}
          attrs={{ type: 'date' }}
        />
      </div>
      <div class={cls(errors, 'remoteCapable')}>
        <Err ctx={props.ctx} errors={errors} name="remoteCapable" />
        <label class="check" for="f-remoteCapable">
          <input
            type="checkbox"
            id="f-remoteCapable"
            name="remoteCapable"
            value="on"
            checked={values.remoteCapable}
          />{' '}
          {t('pool.remote')}
        </label>
      </div>
    </fieldset>
  )
}

export function FunctionaryForm(props: Props & { action: string; refs: PoolRefs }) {
  const { ctx, values, errors, refs } = props
  const { t } = ctx
  return (
    <form id="functionary-form" method="post" action={props.action} novalidate>
      <ErrorSummary ctx={ctx} errors={errors} />
      <FormKey ctx={ctx} />
      {values.version ? <input type="hidden" name="version" value={values.version} /> : null}
      <div class="row">
        <TextField
          {...props}
          name="name"
          label={t('pool.name')}
          attrs={{ maxlength: 200, autocomplete: 'off' }}
        />
        <TextField
          {...props}
          name="email"
          label={t('pool.email')}
          attrs={{ type: 'email', maxlength: 254 }}
        />
        <TextField {...props} name="phone" label={t('pool.phone')} attrs={{ type: 'tel', maxlength: 50 }} />
      </div>
      <div class="row">
        <div class={cls(errors, 'base')}>
          <label for="f-base">{t('pool.base')}</label>
          <Err ctx={props.ctx} errors={errors} name="base" />
          <select id="f-base" name="base">
            <option value="">—</option>
            {refs.bases.map((b) => (
              <option value={b.code} selected={values.base === b.code}>
                {b.name}
              </option>
            ))}
          </select>
        </div>
        <TextField {...props} name="organisation" label={t('pool.organisation')} attrs={{ maxlength: 200 }} />
      </div>
      <fieldset class={cls(errors, 'roles')} id="f-roles">
        <legend>{t('pool.roles')}</legend>
        <p class="muted">{t('pool.rolesHint')}</p>
        <Err ctx={props.ctx} errors={errors} name="roles" />
        <div class="columns">
          {refs.roles.map((r) => (
            <div class="field">
              <label for={`f-role-${r.code}`}>{r.name}</label>
              <select id={`f-role-${r.code}`} name={`roles[${r.code}]`}>
                <option value="">{t('pool.noRole')}</option>
                {(['trainee', 'qualified', 'senior'] as const).map((l) => (
                  <option value={l} selected={values.roles[r.code] === l}>
                    {t(`level.${l}`)}
                  </option>
                ))}
              </select>
            </div>
          ))}
        </div>
      </fieldset>
      <LanguageFields {...props} />
      <DocumentFields {...props} />
      <div class={cls(errors, 'notes')}>
        <label for="f-notes">{t('pool.notes')}</label>
        <Err ctx={props.ctx} errors={errors} name="notes" />
        <textarea id="f-notes" name="notes" rows={3} maxlength={2000}>
          {values.notes ?? ''}
        </textarea>
      </div>
      <p>
        <button type="submit">{t('pool.save')}</button>
      </p>
    </form>
  )
}
