/**
 * Dispatch orders: the list (for an island, the units sent to it), the order form, and an order's
 * page with the steps the reader may take — accept, decline, confirm arrival, release for the
 * island; send on the way, record arrival on the island's behalf, cancel, mark returned for USAR.NL.
 */
import {
  DISPATCH_STEPS,
  type DispatchRecord,
  type HrcMessage,
  type UnitRecord,
} from '../../pool/hrc/index.ts'
import { type DispatchStatus, ISLAND_CODES, TRANSPORTS, timeZoneOf } from '../../pool/reference/index.ts'
import type { AuditEvent } from '../../pool/shared/index.ts'
import { ErrorSummary, type FieldErrors, FormKey } from '../components/form.tsx'
import type { ViewCtx } from '../context.ts'
import { DispatchBadge, History, Notice, ReadinessBadge, type StepError, StepForm, When } from './common.tsx'
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

const codesOf = (d: DispatchRecord, units: readonly UnitRecord[]) =>
  d.unitIds.map((id) => units.find((u) => u.id === id)?.code ?? id)

export function DispatchList(props: {
  ctx: ViewCtx
  orders: readonly DispatchRecord[]
  units: readonly UnitRecord[]
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

export interface DispatchPageData {
  dispatch: DispatchRecord
  units: UnitRecord[]
  need: NeedChoice | null
  steps: DispatchStatus[]
  warnings: HrcMessage[]
  history: AuditEvent[]
}

const STEP_LABEL: Record<DispatchStatus, `hrc.step.${DispatchStatus}`> = {
  offered: 'hrc.step.offered',
  ordered: 'hrc.step.ordered',
  accepted: 'hrc.step.accepted',
  declined: 'hrc.step.declined',
  in_transit: 'hrc.step.in_transit',
  arrived: 'hrc.step.arrived',
  released: 'hrc.step.released',
  returned: 'hrc.step.returned',
  cancelled: 'hrc.step.cancelled',
}

export function DispatchPage(props: { ctx: ViewCtx; data: DispatchPageData; error?: StepError }) {
  const { ctx, data } = props
  const { t, f, user } = ctx
  const d = data.dispatch
  const zone = timeZoneOf(d.island)
  const reasonOf = (to: DispatchStatus) => DISPATCH_STEPS.find((s) => s.to === to && s.from.length)?.reason
  const row = (label: string, value: unknown) => (
    <>
      <dt>{label}</dt>
      <dd>{value as string}</dd>
    </>
  )
  return (
    <article>
      <p>
        <a href="/hrc/dispatches">{user?.role === 'island' ? t('nav.hrcIsland') : t('hrc.dispatches')}</a>
      </p>
      <h1>
        {t('hrc.dispatch.title', {
          units: f.list(codesOf(d, data.units)),
          island: f.name('island', d.island),
        })}
      </h1>
      <p>
        <DispatchBadge ctx={ctx} status={d.status} />{' '}
        <span class="muted">
          {t('hrc.since')} <When ctx={ctx} at={d.statusAt} zone={zone} />
        </span>
      </p>
      {props.error && !data.steps.includes(props.error.to as DispatchStatus) ? (
        <Notice ctx={ctx} messages={[props.error.message]} />
      ) : null}
      {data.steps.length ? (
        <div class="actions" id="steps">
          {data.steps.map((to) => {
            const reason = reasonOf(to)
            return (
              <StepForm
                ctx={ctx}
                action={`/hrc/dispatches/${d.id}/status`}
                to={to}
                label={t(STEP_LABEL[to])}
                version={d.version}
                reason={reason === 'none' ? undefined : reason}
                error={props.error}
                primary={to === 'accepted' || to === 'in_transit' || to === 'arrived'}
              />
            )
          })}
        </div>
      ) : null}
      <Notice ctx={ctx} messages={data.warnings} kind="warning" />
      <dl class="summary">
        {row(
          t('hrc.dispatch.kind'),
          data.need
            ? needLabel(ctx, data.need)
            : d.needId
              ? t('hrc.dispatch.forNeed')
              : t('hrc.dispatch.prepositioning'),
        )}
        {d.requestId && user?.role !== 'observer' ? (
          <>
            <dt>{t('hrc.dispatch.request')}</dt>
            <dd>
              <a href={`/requests/${d.requestId}`}>{data.need?.requestTitle ?? t('hrc.dispatch.request')}</a>
            </dd>
          </>
        ) : null}
        <dt>{t('hrc.dispatch.etd')}</dt>
        <dd>
          <When ctx={ctx} at={d.etd} zone={zone} />
        </dd>
        <dt>{t('hrc.dispatch.eta')}</dt>
        <dd>
          <When ctx={ctx} at={d.eta} zone={zone} />
        </dd>
        {row(
          t('hrc.dispatch.transport'),
          [f.name('transport', d.transport), d.carrier].filter(Boolean).join(', '),
        )}
        {row(
          t('hrc.dispatch.payload'),
          t('hrc.payload', {
            people: f.num(d.payload.people),
            kg: f.num(d.payload.weightKg),
            m3: f.num(d.payload.volumeM3),
          }),
        )}
        {d.capacity
          ? row(
              t('hrc.dispatch.capacity'),
              [
                d.capacity.weightKg == null ? null : `${f.num(d.capacity.weightKg)} kg`,
                d.capacity.volumeM3 == null ? null : `${f.num(d.capacity.volumeM3)} m³`,
              ]
                .filter(Boolean)
                .join(', '),
            )
          : null}
        {d.reason ? row(t('hrc.dispatch.reason'), d.reason) : null}
        {d.cause ? row(t('hrc.dispatch.cause'), t(`hrc.cause.${d.cause}`)) : null}
        {d.onBehalf ? row(t('hrc.dispatch.arrival'), t('hrc.dispatch.onBehalf')) : null}
      </dl>
      <h2>{t('hrc.dispatch.units')}</h2>
      <table class="cards">
        <thead>
          <tr>
            <th scope="col">{t('unit.code')}</th>
            <th scope="col">{t('unit.type')}</th>
            <th scope="col">{t('unit.people')}</th>
            <th scope="col">{t('hrc.unit.leader')}</th>
            <th scope="col">{t('unit.readiness')}</th>
          </tr>
        </thead>
        <tbody>
          {data.units.map((u) => (
            <tr>
              <td data-label={t('unit.code')}>
                {user?.role === 'island' ? u.code : <a href={`/hrc/units/${u.id}`}>{u.code}</a>} {u.name}
              </td>
              <td data-label={t('unit.type')}>{f.name('unitType', u.type)}</td>
              <td data-label={t('unit.people')}>{f.num(u.people)}</td>
              <td data-label={t('hrc.unit.leader')}>
                {u.leader ? [u.leader.name, u.leader.phone].filter(Boolean).join(', ') : '—'}
              </td>
              <td data-label={t('unit.readiness')}>
                <ReadinessBadge ctx={ctx} status={u.readiness} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('hrc.history')}</h2>
      <History ctx={ctx} events={data.history} />
    </article>
  )
}
