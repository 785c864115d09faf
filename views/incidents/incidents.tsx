/** Incident list, page and form: one component each, used by the pages and after actions. */
import { HAZARDS, type IncidentStatus, ISLAND_CODES } from '../../pool/reference/index.ts'
import type { AuditEvent, Msg } from '../../pool/shared/index.ts'
import { DualTime } from '../components/clock.tsx'
import { ErrorSummary, FieldError, type FieldErrors, FormKey } from '../components/form.tsx'
import { Pager, type Paging } from '../components/pager.tsx'
import { StatusBadge } from '../components/status.tsx'
import { TableRegion } from '../components/table.tsx'
import type { ViewCtx } from '../context.ts'
import { translatorFor } from '../i18n/index.ts'
import { ProposalActions, type ProposalError } from './proposal.tsx'

export interface IncidentView {
  id: string
  name: string
  hazard: string
  islands: string[]
  phase: 'warm' | 'cold'
  status: IncidentStatus
  openedAt: number
  closedAt: number | null
  /** The island that proposed it, and why a coordinator turned it down. */
  proposedBy?: string | null
  reason?: string | null
  version: number
}

export const hazardName = (ctx: ViewCtx, code: string) => ctx.f.name('hazard', code)
const islandNames = (ctx: ViewCtx, codes: readonly string[]) =>
  codes.map((c) => ctx.f.name('island', c)).join(', ')

export function IncidentList(props: {
  ctx: ViewCtx
  items: IncidentView[]
  canManage: boolean
  canPropose?: boolean
}) {
  const { ctx, items, canManage } = props
  const { t } = ctx
  return (
    <section>
      <h1>{t('inc.title')}</h1>
      {canManage || props.canPropose ? (
        <p>
          <a class="button" href="/incidents/new">
            {canManage ? t('inc.new') : t('inc.propose')}
          </a>
        </p>
      ) : null}
      {items.length === 0 ? (
        <p>{t('inc.none')}</p>
      ) : (
        <TableRegion label={t('inc.title')}>
          <table class="cards">
            <thead>
              <tr>
                <th scope="col">{t('inc.name')}</th>
                <th scope="col">{t('inc.hazard')}</th>
                <th scope="col">{t('inc.islands')}</th>
                <th scope="col">{t('req.phase')}</th>
                <th scope="col">{t('req.status')}</th>
                <th scope="col">{t('inc.openedAt')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((i) => (
                <tr>
                  <td data-label={t('inc.name')}>
                    <a href={`/incidents/${i.id}`}>{i.name}</a>
                  </td>
                  <td data-label={t('inc.hazard')}>{hazardName(ctx, i.hazard)}</td>
                  <td data-label={t('inc.islands')}>{islandNames(ctx, i.islands)}</td>
                  <td data-label={t('req.phase')}>{t(`phase.${i.phase}`)}</td>
                  <td data-label={t('req.status')}>
                    <StatusBadge ctx={ctx} status={i.status} />
                  </td>
                  <td data-label={t('inc.openedAt')}>
                    <DualTime ctx={ctx} at={i.openedAt} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      )}
    </section>
  )
}

export function IncidentPage(props: {
  ctx: ViewCtx
  incident: IncidentView
  requests: { id: string; title: string; island: string; status: string }[]
  /** The incident's requests come 50 a page (the pager of /requests). */
  paging: Paging
  history: AuditEvent[]
  canManage: boolean
  conflict?: Msg | undefined
  /** A refused open or reject, shown at its form. */
  decideError?: ProposalError | undefined
}) {
  const { ctx, incident: i, canManage } = props
  const { t } = ctx
  return (
    <article>
      {props.conflict ? (
        <div class="error-summary" role="alert">
          <h2>{t('error.409')}</h2>
          <p>{ctx.m(props.conflict)}</p>
        </div>
      ) : null}
      <h1>{i.name}</h1>
      <dl class="summary">
        <dt>{t('inc.hazard')}</dt>
        <dd>{hazardName(ctx, i.hazard)}</dd>
        <dt>{t('inc.islands')}</dt>
        <dd>{islandNames(ctx, i.islands)}</dd>
        <dt>{t('req.phase')}</dt>
        <dd>{t(`phase.${i.phase}`)}</dd>
        <dt>{t('req.status')}</dt>
        <dd>
          <StatusBadge ctx={ctx} status={i.status} />
          {i.reason ? <div>{`${t('req.reason')}: ${i.reason}`}</div> : null}
        </dd>
        {i.proposedBy ? (
          <>
            <dt>{t('inc.proposedBy')}</dt>
            <dd>{ctx.f.name('island', i.proposedBy)}</dd>
          </>
        ) : null}
        <dt>{t('inc.openedAt')}</dt>
        <dd>
          <DualTime ctx={ctx} at={i.openedAt} />
        </dd>
        {i.closedAt ? (
          <>
            <dt>{t('inc.closedAt')}</dt>
            <dd>
              <DualTime ctx={ctx} at={i.closedAt} />
            </dd>
          </>
        ) : null}
      </dl>
      {canManage && i.status === 'proposed' ? (
        <ProposalActions ctx={ctx} incident={i} error={props.decideError} />
      ) : null}
      {canManage && i.status === 'open' ? (
        <div class="actions">
          <a href={`/incidents/${i.id}/edit`}>{t('inc.edit')}</a>{' '}
          <form method="post" action={`/incidents/${i.id}/status`} class="inline">
            <FormKey ctx={ctx} />
            <input type="hidden" name="status" value="closed" />
            <input type="hidden" name="version" value={String(i.version)} />
            <button type="submit" class="secondary">
              {t('inc.close')}
            </button>
          </form>
        </div>
      ) : null}
      <h2>{t('inc.requests')}</h2>
      {props.requests.length === 0 ? (
        <p>{t('req.none')}</p>
      ) : (
        <ul>
          {props.requests.map((r) => (
            <li>
              <a href={`/requests/${r.id}`}>{r.title}</a> — {ctx.f.name('island', r.island)}
            </li>
          ))}
        </ul>
      )}
      <Pager
        ctx={ctx}
        paging={props.paging}
        href={(n) => `/incidents/${i.id}?page=${n}`}
        summary={t('req.pageOf', { ...props.paging })}
      />
      <IncidentHistory ctx={ctx} events={props.history} />
    </article>
  )
}

/** Who opened, changed and closed the incident, one sentence each in the reader's language. */
function IncidentHistory({ ctx, events }: { ctx: ViewCtx; events: AuditEvent[] }) {
  if (events.length === 0) return null
  const { audit } = translatorFor(ctx.locale)
  return (
    <>
      <h2>{ctx.t('inc.history')}</h2>
      <ol class="timeline">
        {events.map((e) => (
          <li>
            <DualTime ctx={ctx} at={e.at} /> — {audit(e)}
          </li>
        ))}
      </ol>
    </>
  )
}

export const incidentFormTitle = (ctx: ViewCtx, action: string, proposing: boolean) =>
  action !== '/incidents' ? ctx.t('inc.edit') : proposing ? ctx.t('inc.propose') : ctx.t('inc.new')

export interface IncidentValues {
  name?: string
  hazard?: string
  islands?: string[]
  phase?: string
  openedAt?: string
  version?: string
}

export function IncidentForm({
  ctx,
  action,
  values: v,
  errors,
  proposing = false,
}: {
  ctx: ViewCtx
  action: string
  values: IncidentValues
  errors: FieldErrors
  /** An island proposes (LOCC-KCR2 opens or rejects it); a coordinator opens. */
  proposing?: boolean
}) {
  const { t } = ctx
  const err = (k: string) => <FieldError ctx={ctx} message={errors[k]} />
  const cls = (k: string) => (errors[k] ? 'field invalid' : 'field')
  return (
    <section>
      <h1>{incidentFormTitle(ctx, action, proposing)}</h1>
      {proposing ? <p>{t('inc.proposeHint')}</p> : null}
      <form method="post" action={action} novalidate>
        <ErrorSummary ctx={ctx} errors={errors} />
        <FormKey ctx={ctx} />
        {v.version ? <input type="hidden" name="version" value={v.version} /> : null}
        <div class={cls('name')}>
          <label for="f-name">{t('inc.name')}</label>
          {err('name')}
          <input id="f-name" name="name" value={v.name ?? ''} maxlength={200} />
        </div>
        <div class={cls('hazard')}>
          <label for="f-hazard">{t('inc.hazard')}</label>
          {err('hazard')}
          <select id="f-hazard" name="hazard">
            {HAZARDS.map((code) => (
              <option value={code} selected={v.hazard === code}>
                {hazardName(ctx, code)}
              </option>
            ))}
          </select>
        </div>
        <fieldset class={cls('islands')} id="f-islands">
          <legend>{t('inc.islands')}</legend>
          {err('islands')}
          {ISLAND_CODES.map((code) => (
            <label class="check">
              <input type="checkbox" name="islands" value={code} checked={v.islands?.includes(code)} />{' '}
              {ctx.f.name('island', code)}
            </label>
          ))}
        </fieldset>
        <div class={cls('phase')}>
          <label for="f-phase">{t('req.phase')}</label>
          {err('phase')}
          <select id="f-phase" name="phase">
            <option value="warm" selected={v.phase !== 'cold'}>
              {t('phase.warm')}
            </option>
            <option value="cold" selected={v.phase === 'cold'}>
              {t('phase.cold')}
            </option>
          </select>
        </div>
        <div class={cls('openedAt')}>
          <label for="f-openedAt">{`${t('inc.openedAt')} (UTC−4)`}</label>
          {err('openedAt')}
          <input id="f-openedAt" name="openedAt" type="datetime-local" value={v.openedAt ?? ''} />
        </div>
        <button type="submit">{t('inc.save')}</button>
      </form>
    </section>
  )
}
