/**
 * One dispatch order's page, with the steps the reader may take: accept, decline, confirm arrival
 * and release for the island; on the way, arrival on the island's behalf, cancel and back home for
 * USAR.NL. A refused step comes back under its own button, the reason typed kept.
 */
import {
  DISPATCH_STEPS,
  type DispatchRecord,
  type HrcMessage,
  type UnitRecord,
} from '../../pool/hrc/index.ts'
import { type DispatchStatus, timeZoneOf } from '../../pool/reference/index.ts'
import type { AuditEvent } from '../../pool/shared/index.ts'
import type { ViewCtx } from '../context.ts'
import { DispatchBadge, History, Notice, ReadinessBadge, type StepError, StepForm, When } from './common.tsx'
import { codesOf, type NeedChoice, needLabel } from './dispatches.tsx'

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
        {d.requestId ? (
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
