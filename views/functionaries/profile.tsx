/** A functionary's own profile: what LOCC-KCR2 records (read-only) and the form for what they keep up themself. */
import type { FunctionaryRecord } from '../../pool/functionaries/index.ts'
import { type ListRow, MyDeployments } from '../assignments/list.tsx'
import { ErrorSummary, type FieldErrors, FormKey } from '../components/form.tsx'
import type { ViewCtx } from '../context.ts'
import { ExpiredWarning } from './documents.tsx'
import { DocumentFields, type FunctionaryValues, LanguageFields, type PoolRefs, TextField } from './form.tsx'
import { Skills } from './show.tsx'

export function ProfilePage(props: {
  ctx: ViewCtx
  f: FunctionaryRecord
  refs: PoolRefs
  values: FunctionaryValues
  errors: FieldErrors
  saved?: boolean
  conflict?: boolean
  /** The person's own deployments: shown above the profile form. */
  deployments?: readonly ListRow[]
}) {
  const { ctx, f, refs, values, errors } = props
  const { t } = ctx
  const fields = { ctx, values, errors, refs }
  return (
    <section>
      <h1>{t('me.title')}</h1>
      {props.saved ? (
        <p class="note" role="status">
          {t('me.saved')}
        </p>
      ) : null}
      {props.conflict ? (
        <p class="note" role="alert">
          {t('pool.conflict')}
        </p>
      ) : null}
      <ExpiredWarning ctx={ctx} person={f} />
      {props.deployments ? <MyDeployments ctx={ctx} rows={props.deployments} /> : null}
      <p>{t('me.intro')}</p>
      <dl class="summary">
        <dt>{t('pool.name')}</dt>
        <dd>{f.name}</dd>
        <dt>{t('pool.email')}</dt>
        <dd>{f.email}</dd>
        <Skills ctx={ctx} f={f} refs={refs} />
      </dl>
      <p class="muted">{t('me.rolesNote')}</p>
      <form id="profile-form" method="post" action="/me" novalidate>
        <ErrorSummary ctx={ctx} errors={errors} />
        <FormKey ctx={ctx} />
        <input type="hidden" name="version" value={values.version ?? ''} />
        <TextField {...fields} name="phone" label={t('pool.phone')} attrs={{ type: 'tel', maxlength: 50 }} />
        <LanguageFields {...fields} />
        <DocumentFields {...fields} />
        <p>
          <button type="submit">{t('pool.save')}</button>
        </p>
      </form>
    </section>
  )
}
