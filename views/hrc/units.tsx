/** The HRC unit register: the list, one unit with its readiness steps and history, and the unit form. */
import type { ActiveDispatchRef, UnitRecord } from '../../pool/hrc/index.ts'
import { BASE_CODES, ISLAND_CODES, type Readiness, UNIT_TYPES } from '../../pool/reference/index.ts'
import type { AuditEvent } from '../../pool/shared/index.ts'
import { ErrorSummary, type FieldErrors, FormKey } from '../components/form.tsx'
import type { ViewCtx } from '../context.ts'
import { DispatchBadge, History, ReadinessBadge, type StepError, StepForm, When } from './common.tsx'
import { Checks, Choice, type FormValues, Input, TextArea } from './fields.tsx'

export function UnitList(props: {
  ctx: ViewCtx
  units: readonly { unit: UnitRecord; dispatch: ActiveDispatchRef | null }[]
  canManage: boolean
}) {
  const { ctx } = props
  const { t, f } = ctx
  return (
    <section>
      <h1>{t('hrc.units')}</h1>
      {props.canManage ? (
        <p>
          <a class="button" href="/hrc/units/new">
            {t('hrc.unit.add')}
          </a>
        </p>
      ) : null}
      <table class="cards">
        <thead>
          <tr>
            <th scope="col">{t('unit.code')}</th>
            <th scope="col">{t('unit.name')}</th>
            <th scope="col">{t('unit.type')}</th>
            <th scope="col">{t('unit.people')}</th>
            <th scope="col">{t('unit.readiness')}</th>
            <th scope="col">{t('hrc.unit.location')}</th>
          </tr>
        </thead>
        <tbody>
          {props.units.map(({ unit: u, dispatch }) => (
            <tr>
              <td data-label={t('unit.code')}>
                <a href={`/hrc/units/${u.id}`}>{u.code}</a>
              </td>
              <td data-label={t('unit.name')}>{u.name}</td>
              <td data-label={t('unit.type')}>{f.name('unitType', u.type)}</td>
              <td data-label={t('unit.people')}>{f.num(u.people)}</td>
              <td data-label={t('unit.readiness')}>
                <ReadinessBadge ctx={ctx} status={u.readiness} />
                {dispatch ? (
                  <>
                    {' '}
                    <a href={`/hrc/dispatches/${dispatch.id}`}>
                      <DispatchBadge ctx={ctx} status={dispatch.status} />
                    </a>
                  </>
                ) : null}
              </td>
              <td data-label={t('hrc.unit.location')}>{f.name('island', u.location)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}

export interface UnitPageData {
  unit: UnitRecord
  dispatch: ActiveDispatchRef | null
  steps: Readiness[]
  history: AuditEvent[]
}

export function UnitPage(props: { ctx: ViewCtx; data: UnitPageData; canManage: boolean; error?: StepError }) {
  const { ctx, data } = props
  const { t, f } = ctx
  const u = data.unit
  const row = (label: string, value: unknown) => (
    <>
      <dt>{label}</dt>
      <dd>{value as string}</dd>
    </>
  )
  return (
    <article>
      <p>
        <a href="/hrc/units">{t('hrc.units')}</a>
      </p>
      <h1>
        {u.code} · {u.name}
      </h1>
      <p>
        <ReadinessBadge ctx={ctx} status={u.readiness} />{' '}
        {u.readinessAt ? (
          <span class="muted">
            {t('hrc.since')} <When ctx={ctx} at={u.readinessAt} />
          </span>
        ) : null}
      </p>
      {data.dispatch ? (
        <p class="note">
          {t('hrc.unit.inDispatch')}{' '}
          <a href={`/hrc/dispatches/${data.dispatch.id}`}>
            <DispatchBadge ctx={ctx} status={data.dispatch.status} />
          </a>
        </p>
      ) : null}
      {data.steps.length ? (
        <div class="actions" id="steps">
          {data.steps.map((to) => (
            <StepForm
              ctx={ctx}
              action={`/hrc/units/${u.id}/status`}
              to={to}
              label={t('hrc.unit.stepTo', { status: f.name('readiness', to) })}
              version={u.version}
              error={props.error}
            />
          ))}
        </div>
      ) : null}
      {props.error && !data.steps.includes(props.error.to as Readiness) ? (
        <div class="error-summary" role="alert">
          <p>{ctx.m(props.error.message)}</p>
        </div>
      ) : null}
      <dl class="summary">
        {row(t('unit.type'), f.name('unitType', u.type))}
        {row(t('unit.people'), f.num(u.people))}
        {row(
          t('hrc.unit.leader'),
          u.leader ? [u.leader.name, u.leader.phone, u.leader.email].filter(Boolean).join(' · ') : '—',
        )}
        {row(t('hrc.unit.load'), t('hrc.load', { kg: f.num(u.weightKg), m3: f.num(u.volumeM3) }))}
        {row(
          t('hrc.unit.selfSufficient'),
          u.selfSufficientDays == null ? '—' : t('hrc.days', { n: u.selfSufficientDays }),
        )}
        {row(t('hrc.unit.base'), f.name('island', u.base))}
        {row(t('hrc.unit.location'), f.name('island', u.location))}
        {row(t('hrc.unit.islands'), f.list(u.islands.map((i) => f.name('island', i))))}
        {row(t('hrc.unit.notes'), u.notes || '—')}
      </dl>
      {props.canManage ? (
        <p>
          <a href={`/hrc/units/${u.id}/edit`}>{t('hrc.unit.edit')}</a>
        </p>
      ) : null}
      <h2>{t('hrc.history')}</h2>
      <History ctx={ctx} events={data.history} />
    </article>
  )
}

/** A unit's fields as the form shows them. */
export function unitValues(u: UnitRecord): FormValues {
  return {
    name: u.name,
    code: u.code,
    type: u.type,
    people: String(u.people),
    'leader.name': u.leader?.name ?? '',
    'leader.phone': u.leader?.phone ?? '',
    'leader.email': u.leader?.email ?? '',
    weightKg: String(u.weightKg),
    volumeM3: String(u.volumeM3),
    selfSufficientDays: u.selfSufficientDays == null ? '' : String(u.selfSufficientDays),
    base: u.base,
    location: u.location,
    islands: [...u.islands],
    notes: u.notes,
    version: String(u.version),
  }
}

export function UnitForm(props: { ctx: ViewCtx; action: string; values: FormValues; errors: FieldErrors }) {
  const { ctx, values, errors } = props
  const { t, f } = ctx
  const p = { ctx, values, errors }
  const bases = BASE_CODES.map((c) => [c, f.name('island', c)] as const)
  const editing = props.action !== '/hrc/units'
  return (
    <section>
      <h1>{editing ? t('hrc.unit.edit') : t('hrc.unit.add')}</h1>
      <form method="post" action={props.action} novalidate>
        <ErrorSummary ctx={ctx} errors={errors} />
        <FormKey ctx={ctx} />
        {values.version ? <input type="hidden" name="version" value={String(values.version)} /> : null}
        <Input {...p} name="name" label={t('unit.name')} attrs={{ maxlength: 120, required: true }} />
        <div class="row">
          <Choice
            {...p}
            name="type"
            label={t('unit.type')}
            options={[['', '—'], ...UNIT_TYPES.map((c) => [c, f.name('unitType', c)] as const)]}
          />
          <Input
            {...p}
            name="code"
            label={t('hrc.unit.code')}
            hint={t('hrc.unit.codeHint')}
            attrs={{ maxlength: 20 }}
          />
          <Input {...p} name="people" type="number" label={t('unit.people')} attrs={{ min: 1, max: 500 }} />
        </div>
        <fieldset>
          <legend>{t('hrc.unit.leader')}</legend>
          <div class="row">
            <Input {...p} name="leader.name" label={t('hrc.unit.leaderName')} attrs={{ maxlength: 120 }} />
            <Input {...p} name="leader.phone" type="tel" label={t('hrc.unit.leaderPhone')} />
            <Input {...p} name="leader.email" type="email" label={t('hrc.unit.leaderEmail')} />
          </div>
        </fieldset>
        <div class="row">
          <Input {...p} name="weightKg" label={t('hrc.unit.weight')} attrs={{ inputmode: 'decimal' }} />
          <Input {...p} name="volumeM3" label={t('hrc.unit.volume')} attrs={{ inputmode: 'decimal' }} />
          <Input
            {...p}
            name="selfSufficientDays"
            type="number"
            label={t('hrc.unit.selfSufficient')}
            attrs={{ min: 0, max: 60 }}
          />
        </div>
        <div class="row">
          <Choice {...p} name="base" label={t('hrc.unit.base')} options={[['', '—'], ...bases]} />
          <Choice {...p} name="location" label={t('hrc.unit.location')} options={[['', '—'], ...bases]} />
        </div>
        <Checks
          {...p}
          name="islands"
          legend={t('hrc.unit.islands')}
          options={ISLAND_CODES.map((c) => [c, f.name('island', c)] as const)}
        />
        <TextArea {...p} name="notes" label={t('hrc.unit.notes')} max={2000} />
        <button type="submit">{editing ? t('hrc.save') : t('hrc.unit.add')}</button>
      </form>
    </section>
  )
}
