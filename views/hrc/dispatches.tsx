/** Dispatch orders: the list (for an island, the units sent to it) and the order form. */
import type { DispatchRecord, UnitRecord } from '../../pool/hrc/index.ts'
import { ISLAND_CODES, TRANSPORTS, timeZoneOf } from '../../pool/reference/index.ts'
import { ErrorSummary, type FieldErrors, FormKey } from '../components/form.tsx'
import { Pager, type Paging } from '../components/pager.tsx'
import type { ViewCtx } from '../context.ts'
import { DispatchBadge, ReadinessBadge, When } from './common.tsx'
import { Checks, Choice, type FormValues, Input } from './fields.tsx'

/** A capacity need as the form and the board name it. */
export interface NeedChoice {
  id: string
  requestId: string
  island: string
  unitType: string
  count: number
  requestTitle: string
  filled: number
  offered: number
}

export const codesOf = (d: DispatchRecord, units: readonly UnitRecord[]) =>
  d.unitIds.map((id) => units.find((u) => u.id === id)?.code ?? id)

export function DispatchList(props: {
  ctx: ViewCtx
  orders: readonly DispatchRecord[]
  units: readonly UnitRecord[]
  paging: Paging
  canCreate: boolean
}) {
  const { ctx } = props
  const { t, f, user } = ctx
  const island = user?.role === 'island' ? user.island : null
  return (
    <section>
      <h1>{island ? t('hrc.dispatch.toUs', { island: f.name('island', island) }) : t('hrc.dispatches')}</h1>
      {props.canCreate ? (
        <p>
          <a class="button" href="/hrc/dispatches/new">
            {t('hrc.dispatch.new')}
          </a>
        </p>
      ) : null}
      {props.orders.length === 0 ? <p>{t('hrc.dispatch.none')}</p> : null}
      <table class="cards">
        <thead>
          <tr>
            <th scope="col">{t('hrc.dispatch.units')}</th>
            <th scope="col">{t('hrc.island')}</th>
            <th scope="col">{t('hrc.dispatch.status')}</th>
            <th scope="col">{t('hrc.dispatch.eta')}</th>
          </tr>
        </thead>
        <tbody>
          {props.orders.map((d) => (
            <tr>
              <td data-label={t('hrc.dispatch.units')}>
                <a href={`/hrc/dispatches/${d.id}`}>{f.list(codesOf(d, props.units))}</a>
                {d.needId ? null : <span class="muted"> ({t('hrc.dispatch.prepositioning')})</span>}
              </td>
              <td data-label={t('hrc.island')}>{f.name('island', d.island)}</td>
              <td data-label={t('hrc.dispatch.status')}>
                <DispatchBadge ctx={ctx} status={d.status} />
              </td>
              <td data-label={t('hrc.dispatch.eta')}>
                <When ctx={ctx} at={d.eta} zone={timeZoneOf(d.island)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Pager
        ctx={ctx}
        paging={props.paging}
        href={(page) => `/hrc/dispatches?page=${page}`}
        summary={t('hrc.dispatch.pageOf', { ...props.paging })}
      />
    </section>
  )
}

export function needLabel(ctx: ViewCtx, n: NeedChoice): string {
  return ctx.t('hrc.need', {
    island: ctx.f.name('island', n.island),
    title: n.requestTitle,
    count: n.count,
    type: ctx.f.name('unitType', n.unitType),
    filled: n.filled,
    offered: n.offered,
  })
}

export function DispatchForm(props: {
  ctx: ViewCtx
  units: readonly UnitRecord[]
  needs: readonly NeedChoice[]
  values: FormValues
  errors: FieldErrors
}) {
  const { ctx, values, errors } = props
  const { t, f } = ctx
  const p = { ctx, values, errors }
  return (
    <section>
      <h1>{t('hrc.dispatch.new')}</h1>
      <form method="post" action="/hrc/dispatches" novalidate>
        <ErrorSummary ctx={ctx} errors={errors} />
        <FormKey ctx={ctx} />
        {props.units.length === 0 ? <p class="note">{t('hrc.dispatch.noneFree')}</p> : null}
        <Checks
          {...p}
          name="unitIds"
          legend={t('hrc.dispatch.units')}
          options={props.units.map(
            (u) =>
              [
                u.id,
                <>
                  <b>{u.code}</b> {u.name} · {f.name('unitType', u.type)} ·{' '}
                  {t('hrc.load', { kg: f.num(u.weightKg), m3: f.num(u.volumeM3) })} ·{' '}
                  <ReadinessBadge ctx={ctx} status={u.readiness} />
                </>,
              ] as const,
          )}
        />
        <Choice
          {...p}
          name="needId"
          label={t('hrc.dispatch.against')}
          options={[
            ['', t('hrc.dispatch.prepositioning')],
            ...props.needs.map((n) => [n.id, needLabel(ctx, n)] as const),
          ]}
        />
        <Choice
          {...p}
          name="island"
          label={t('hrc.island')}
          hint={t('hrc.dispatch.islandHint')}
          options={[['', '—'], ...ISLAND_CODES.map((c) => [c, f.name('island', c)] as const)]}
        />
        <div class="row">
          <Input {...p} name="etd" type="datetime-local" label={t('hrc.dispatch.etdLocal')} />
          <Input {...p} name="eta" type="datetime-local" label={t('hrc.dispatch.etaLocal')} />
        </div>
        <div class="row">
          <Choice
            {...p}
            name="transport"
            label={t('hrc.dispatch.transport')}
            options={[['', '—'], ...TRANSPORTS.map((c) => [c, f.name('transport', c)] as const)]}
          />
          <Input {...p} name="carrier" label={t('hrc.dispatch.carrier')} attrs={{ maxlength: 120 }} />
        </div>
        <div class="row">
          <Input
            {...p}
            name="capacity.weightKg"
            label={t('hrc.dispatch.capacityKg')}
            attrs={{ inputmode: 'decimal' }}
          />
          <Input
            {...p}
            name="capacity.volumeM3"
            label={t('hrc.dispatch.capacityM3')}
            attrs={{ inputmode: 'decimal' }}
          />
        </div>
        <button type="submit">{t('hrc.dispatch.send')}</button>
      </form>
    </section>
  )
}
