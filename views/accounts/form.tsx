/** The admin's form for one account (new and edit): plain selects, so that no JavaScript is needed. */
import { ISLAND_CODES, UI_LOCALES, USER_ROLES } from '../../pool/reference/index.ts'
import { ErrorSummary, Field, type FieldErrors, FormKey } from '../components/form.tsx'
import type { ViewCtx } from '../context.ts'
import { LOCALES } from '../i18n/index.ts'

/** What the form shows: what was typed, or the account as stored. */
export interface UserValues {
  name?: string
  email?: string
  role?: string
  island?: string
  functionaryId?: string
  locale?: string
  version?: string
}

export function valuesFromForm(fields: Record<string, string | string[]>): UserValues {
  const one = (k: string) => [fields[k] ?? ''].flat()[0] ?? ''
  return {
    name: one('name'),
    email: one('email'),
    role: one('role'),
    island: one('island'),
    functionaryId: one('functionaryId'),
    locale: one('locale'),
    version: one('version'),
  }
}

/** The form's fields as the account rules read them (blank island: none). */
export function inputFromForm(fields: Record<string, string | string[]>): Record<string, unknown> {
  const { version: _v, ...values } = valuesFromForm(fields)
  return values
}

export function UserForm(props: {
  ctx: ViewCtx
  action: string
  values: UserValues
  errors: FieldErrors
  submit: string
}) {
  const { ctx, values, errors } = props
  const { t } = ctx
  const option = (value: string, label: string, chosen: string | undefined) => (
    <option value={value} selected={(chosen ?? '') === value}>
      {label}
    </option>
  )
  return (
    <form method="post" action={props.action} class="narrow">
      <ErrorSummary ctx={ctx} errors={errors} />
      <FormKey ctx={ctx} />
      {values.version ? <input type="hidden" name="version" value={values.version} /> : null}
      <Field ctx={ctx} name="name" label={t('users.name')} error={errors.name}>
        <input id="f-name" name="name" type="text" required maxlength={120} value={values.name ?? ''} />
      </Field>
      <Field ctx={ctx} name="email" label={t('users.email')} error={errors.email}>
        <input
          id="f-email"
          name="email"
          type="email"
          required
          autocomplete="off"
          value={values.email ?? ''}
        />
      </Field>
      <Field ctx={ctx} name="role" label={t('users.role')} error={errors.role}>
        <select id="f-role" name="role">
          {USER_ROLES.map((r) => option(r, t(`role.${r}`), values.role))}
        </select>
      </Field>
      <Field ctx={ctx} name="island" label={t('users.island')} error={errors.island}>
        <p class="muted" id="h-island">
          {t('users.islandHint')}
        </p>
        <select id="f-island" name="island" aria-describedby="h-island">
          {option('', t('users.noIsland'), values.island)}
          {ISLAND_CODES.map((code) => option(code, ctx.f.name('island', code), values.island))}
        </select>
      </Field>
      <Field ctx={ctx} name="functionaryId" label={t('users.functionary')} error={errors.functionaryId}>
        <p class="muted" id="h-functionaryId">
          {t('users.functionaryHint')}
        </p>
        <input
          id="f-functionaryId"
          name="functionaryId"
          type="text"
          maxlength={64}
          aria-describedby="h-functionaryId"
          value={values.functionaryId ?? ''}
        />
      </Field>
      <Field ctx={ctx} name="locale" label={t('users.locale')} error={errors.locale}>
        <select id="f-locale" name="locale">
          {UI_LOCALES.map((l) => option(l, LOCALES[l], values.locale || 'en'))}
        </select>
      </Field>
      <button type="submit">{props.submit}</button>
    </form>
  )
}
