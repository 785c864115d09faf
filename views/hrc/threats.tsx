/** Threats: the list, the form that records one or gives it a new advisory, and the threat's page. */
import {
  type IslandOutlook,
  type Proposal,
  proposalMessage,
  type ThreatRecord,
} from '../../pool/hrc/index.ts'
import {
  STORM_CATEGORIES,
  type StormCategory,
  type ThreatStatus,
  timeZoneOf,
} from '../../pool/reference/index.ts'
import type { AuditEvent } from '../../pool/shared/index.ts'
import { ErrorSummary, FieldError, type FieldErrors, FormKey } from '../components/form.tsx'
import type { ViewCtx } from '../context.ts'
import { History, hoursUntil, type StepError, StepForm, When } from './common.tsx'
import { Choice, type FormValues, Input, TextArea } from './fields.tsx'

export interface ThreatItem {
  id: string
  name: string
  category: StormCategory
  status: ThreatStatus
  updatedAt: number
}

export function ThreatList(props: { ctx: ViewCtx; threats: readonly ThreatItem[]; canKeep: boolean }) {
  const { ctx } = props
  const { t, f } = ctx
  return (
    <section>
      <h1>{t('hrc.threats')}</h1>
      {props.canKeep ? (
        <p>
          <a class="button" href="/hrc/threats/new">
            {t('hrc.threat.record')}
          </a>
        </p>
      ) : null}
      {props.threats.length === 0 ? <p>{t('hrc.threat.none')}</p> : null}
      <ul>
        {props.threats.map((th) => (
          <li>
            <a href={`/hrc/threats/${th.id}`}>{th.name}</a> — {f.name('storm', th.category)} ·{' '}
            {f.name('threat', th.status)} · {t('hrc.threat.updated')} <When ctx={ctx} at={th.updatedAt} />
          </li>
        ))}
      </ul>
    </section>
  )
}

/** The fields of a threat, new or updated: name, category, and one source — pasted advisory or typed track. */
export function ThreatFields(props: {
  ctx: ViewCtx
  values: FormValues
  errors: FieldErrors
  updating: boolean
}) {
  const { ctx } = props
  const { t, f } = ctx
  const p = { ctx, values: props.values, errors: props.errors }
  return (
    <>
      <div class="row">
        <Input {...p} name="name" label={props.updating ? t('hrc.threat.nameKeep') : t('hrc.threat.name')} />
        <Choice
          {...p}
          name="category"
          label={t('hrc.threat.category')}
          options={[
            ['', t('hrc.threat.categoryRead')],
            ...STORM_CATEGORIES.map((c) => [c, f.name('storm', c)] as const),
          ]}
        />
      </div>
      <FieldError ctx={ctx} message={props.errors.source} />
      <TextArea
        {...p}
        name="advisory"
        label={t('hrc.threat.advisory')}
        hint={t('hrc.threat.advisoryHint')}
        rows={8}
      />
      <TextArea {...p} name="track" label={t('hrc.threat.track')} hint={t('hrc.threat.trackHint')} rows={4} />
    </>
  )
}

export function ThreatForm(props: { ctx: ViewCtx; values: FormValues; errors: FieldErrors }) {
  const { ctx } = props
  return (
    <section>
      <h1>{ctx.t('hrc.threat.record')}</h1>
      <form method="post" action="/hrc/threats" novalidate>
        <ErrorSummary ctx={ctx} errors={props.errors} />
        <FormKey ctx={ctx} />
        <ThreatFields ctx={ctx} values={props.values} errors={props.errors} updating={false} />
        <button type="submit">{ctx.t('hrc.threat.record')}</button>
      </form>
    </section>
  )
}

/** Per island: closest approach (km, island time and Amsterdam), and when the winds may arrive. */
export function Outlook({ ctx, outlook }: { ctx: ViewCtx; outlook: readonly IslandOutlook[] }) {
  const { t, f } = ctx
  return (
    <table class="cards">
      <thead>
        <tr>
          <th scope="col">{t('hrc.island')}</th>
          <th scope="col">{t('hrc.threat.closest')}</th>
          <th scope="col">{t('hrc.threat.winds')}</th>
        </tr>
      </thead>
      <tbody>
        {outlook.map((o) => (
          <tr>
            <th scope="row">{f.name('island', o.island)}</th>
            <td data-label={t('hrc.threat.closest')}>
              {o.closestApproachKm == null ? '' : `${f.num(o.closestApproachKm)} km · `}
              <When ctx={ctx} at={o.closestApproachAt} zone={timeZoneOf(o.island)} />
            </td>
            <td data-label={t('hrc.threat.winds')}>
              {o.tropicalStormWindsAt == null ? (
                t('hrc.threat.noWinds')
              ) : (
                <>
                  <When ctx={ctx} at={o.tropicalStormWindsAt} zone={timeZoneOf(o.island)} />{' '}
                  <b>{t('hrc.inHours', { h: hoursUntil(o.tropicalStormWindsAt, ctx.now) })}</b>
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

export interface ThreatPageData {
  threat: ThreatRecord
  outlook: IslandOutlook[]
  proposals: Proposal[]
  history: AuditEvent[]
}

function Proposals(props: { ctx: ViewCtx; data: ThreatPageData; canKeep: boolean; errors: FieldErrors }) {
  const { ctx, data } = props
  const { t } = ctx
  if (data.proposals.length === 0) return <p>{t('hrc.threat.noProposals')}</p>
  if (!props.canKeep)
    return (
      <ul>
        {data.proposals.map((p) => (
          <li>{ctx.m(proposalMessage(p))}</li>
        ))}
      </ul>
    )
  return (
    <form method="post" action={`/hrc/threats/${data.threat.id}/apply`} id="proposals">
      <ErrorSummary ctx={ctx} errors={props.errors} />
      <FormKey ctx={ctx} />
      <fieldset id="f-proposals">
        <legend>{t('hrc.threat.tick')}</legend>
        {data.proposals.map((p, i) => (
          <div>
            <label class="check" for={`apply-${i}`}>
              <input
                id={`apply-${i}`}
                type="checkbox"
                name="apply"
                value={`${p.unitId}:${p.status}`}
                checked
              />{' '}
              {ctx.m(proposalMessage(p))}
            </label>
          </div>
        ))}
      </fieldset>
      <button type="submit">{t('hrc.threat.apply')}</button>
    </form>
  )
}

export function ThreatPage(props: {
  ctx: ViewCtx
  data: ThreatPageData
  canKeep: boolean
  errors?: FieldErrors
  values?: FormValues
  error?: StepError
}) {
  const { ctx, data } = props
  const { t, f } = ctx
  const th = data.threat
  const open = th.status === 'open'
  const errors = props.errors ?? {}
  return (
    <article>
      <p>
        <a href="/hrc/threats">{t('hrc.threats')}</a>
      </p>
      <h1>
        {th.name} — {f.name('storm', th.category)}
      </h1>
      <p>
        {f.name('threat', th.status)} · {t('hrc.threat.advisories', { n: th.advisories.length })}
      </p>
      {props.error ? (
        <div class="error-summary" role="alert">
          <p>{ctx.m(props.error.message)}</p>
        </div>
      ) : null}
      <h2>{t('hrc.threat.outlook')}</h2>
      <Outlook ctx={ctx} outlook={data.outlook} />
      <h2>{t('hrc.threat.proposals')}</h2>
      <Proposals
        ctx={ctx}
        data={data}
        canKeep={props.canKeep && open}
        errors={errors.proposals ? { proposals: errors.proposals } : {}}
      />
      {props.canKeep && open ? (
        <>
          <details open={props.values ? true : undefined}>
            <summary>{t('hrc.threat.newAdvisory')}</summary>
            <form method="post" action={`/hrc/threats/${th.id}`} novalidate>
              <ErrorSummary ctx={ctx} errors={props.values ? errors : {}} />
              <FormKey ctx={ctx} />
              <input type="hidden" name="version" value={String(th.version)} />
              <ThreatFields
                ctx={ctx}
                values={props.values ?? {}}
                errors={props.values ? errors : {}}
                updating
              />
              <button type="submit">{t('hrc.threat.update')}</button>
            </form>
          </details>
          <div class="actions">
            <StepForm
              ctx={ctx}
              action={`/hrc/threats/${th.id}/status`}
              to="closed"
              label={t('hrc.threat.close')}
              version={th.version}
            />
          </div>
        </>
      ) : null}
      <h2>{t('hrc.threat.history')}</h2>
      <ol>
        {th.advisories.map((a) => (
          <li>
            <When ctx={ctx} at={a.recordedAt} /> — {t(`hrc.source.${a.source}`)}
            {a.number ? ` ${t('hrc.threat.number', { number: a.number })}` : ''}
            {a.track.length ? ` · ${t('hrc.threat.points', { n: a.track.length })}` : ''}
          </li>
        ))}
      </ol>
      <History ctx={ctx} events={data.history} />
    </article>
  )
}
