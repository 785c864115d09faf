/** The request page: what is asked, how far each need is filled, what can be done now, what happened. */
import { can } from '../../pool/access/index.ts'
import type { IncidentStatus, RequestStatus } from '../../pool/reference/index.ts'
import type { Need, RequestRecord } from '../../pool/requests/index.ts'
import type { AuditEvent, Msg } from '../../pool/shared/index.ts'
import { DualTime } from '../components/clock.tsx'
import { nextLabel, period, StatusBadge } from '../components/status.tsx'
import { TableRegion } from '../components/table.tsx'
import type { ViewCtx } from '../context.ts'
import { translatorFor } from '../i18n/index.ts'
import { StatusActions, type StatusError } from './actions.tsx'

export interface RequestPageData {
  request: RequestRecord
  needs: Need[]
  filled: Map<string, number>
  /** Functionary needs: people offered to the island, waiting for its decision. */
  offered?: Map<string, number>
  /** Per functionary need: people asked and those who said available (counts only). */
  answers?: Map<string, { asked: number; available: number }>
  incidentName: string | null
  /** Shown beside the name unless the incident is open: "proposed", "rejected", "closed". */
  incidentStatus?: IncidentStatus | null
  actions: RequestStatus[]
  canEdit: boolean
  timeline: AuditEvent[]
}

/** A need in a table cell: the role, its minimum level and languages; the unit type; or the description. */
export function needText(ctx: ViewCtx, need: Need): string {
  const { t, f } = ctx
  if (need.kind === 'functionary') {
    const langs = need.languages.length
      ? ` · ${need.languages.map((l) => f.name('language', l)).join(', ')}`
      : ''
    return `${f.role(need.role)} (≥ ${f.name('level', need.minLevel)})${langs}`
  }
  if (need.kind === 'capacity') return `${t('need.capacity')}: ${f.name('unitType', need.unitType)}`
  return `${f.num(need.quantity)} × ${need.description}`
}

export function NeedsTable({
  ctx,
  data,
}: {
  ctx: ViewCtx
  data: Pick<RequestPageData, 'needs' | 'filled' | 'offered' | 'request' | 'answers'>
}) {
  const { t } = ctx
  if (data.needs.length === 0) return <p class="muted">{t('need.none')}</p>
  const user = ctx.user
  const alerting =
    user != null &&
    can({ id: '', role: user.role, island: user.island, functionaryId: null }, 'pool:manage') &&
    (data.request.status === 'acknowledged' || data.request.status === 'in_progress')
  return (
    <TableRegion label={t('req.needs')}>
      <table class="cards">
        <thead>
          <tr>
            <th scope="col">{t('need.kind')}</th>
            <th scope="col">{t('need.description')}</th>
            <th scope="col">{t('req.period')}</th>
            <th scope="col">{t('req.fill')}</th>
          </tr>
        </thead>
        <tbody>
          {data.needs.map((need) => {
            // A unit is wanted for the request's period; an "other" need is followed by phone, not filled here.
            const p =
              need.kind === 'functionary'
                ? [need.periodStart ?? data.request.periodStart, need.periodEnd ?? data.request.periodEnd]
                : need.kind === 'capacity'
                  ? [data.request.periodStart, data.request.periodEnd]
                  : [null, null]
            return (
              <tr>
                <td data-label={t('need.kind')}>{t(`need.${need.kind}`)}</td>
                <td data-label={t('need.description')}>
                  {needText(ctx, need)}
                  {need.kind === 'functionary' && alerting ? (
                    <div>
                      <a href={`/needs/${need.id}`}>{t('alert.findPeople')}</a>
                    </div>
                  ) : null}
                  {need.kind !== 'other' && need.notes ? <div class="muted">{need.notes}</div> : null}
                </td>
                <td data-label={t('req.period')}>{period(ctx, p[0] ?? null, p[1] ?? null)}</td>
                <td data-label={t('req.fill')}>
                  {need.kind === 'other'
                    ? '—'
                    : data.offered?.get(need.id)
                      ? t('asg.fillOffered', {
                          filled: data.filled.get(need.id) ?? 0,
                          count: need.count,
                          offered: data.offered.get(need.id) ?? 0,
                        })
                      : t('req.fillOf', { filled: data.filled.get(need.id) ?? 0, count: need.count })}
                  <AlertCounts ctx={ctx} counts={data.answers?.get(need.id)} />
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </TableRegion>
  )
}

/** "5 asked, 2 available" under a need's fill: how the search goes, without anyone's name. */
function AlertCounts({
  ctx,
  counts,
}: {
  ctx: ViewCtx
  counts?: { asked: number; available: number } | undefined
}) {
  if (!counts || counts.asked === 0) return null
  return <div class="muted">{ctx.t('req.asked', counts)}</div>
}

export function RequestSummary({ ctx, data }: { ctx: ViewCtx; data: RequestPageData }) {
  const { t } = ctx
  const r = data.request
  return (
    <dl class="summary">
      <dt>{t('req.island')}</dt>
      <dd>{ctx.f.name('island', r.island)}</dd>
      <dt>{t('req.status')}</dt>
      <dd>
        <StatusBadge ctx={ctx} status={r.status} />{' '}
        {r.revision > 1 ? t('req.revision', { revision: r.revision }) : ''}
        {r.reason ? <div>{`${t('req.reason')}: ${r.reason}`}</div> : null}
      </dd>
      <dt>{t('req.priority')}</dt>
      <dd>
        <span class={`badge p-${r.priority}`}>{t(`priority.${r.priority}`)}</span>
      </dd>
      <dt>{t('req.phase')}</dt>
      <dd>{t(`phase.${r.phase}`)}</dd>
      <dt>{t('req.period')}</dt>
      <dd>{period(ctx, r.periodStart, r.periodEnd)}</dd>
      <dt>{t('req.incident')}</dt>
      <dd>
        {data.incidentName ?? t('req.noIncident')}
        {data.incidentStatus && data.incidentStatus !== 'open'
          ? ` (${t(`status.${data.incidentStatus}`)})`
          : ''}
      </dd>
      <dt>{t('req.contact')}</dt>
      <dd>{r.contact || '—'}</dd>
      {r.submittedAt ? (
        <>
          <dt>{t('req.submittedAgo')}</dt>
          <dd>
            <DualTime ctx={ctx} at={r.submittedAt} />
          </dd>
        </>
      ) : null}
    </dl>
  )
}

/** What happened to the request, one sentence per event in the reader's language, with the reason given. */
export function Timeline({ ctx, events }: { ctx: ViewCtx; events: AuditEvent[] }) {
  const { t } = ctx
  const { audit } = translatorFor(ctx.locale)
  return (
    <ol class="timeline">
      {events.map((e) => {
        const reason = (e.after as { reason?: string } | null)?.reason
        return (
          <li>
            <DualTime ctx={ctx} at={e.at} /> — {audit(e)}
            {reason ? <div>{`${t('req.reason')}: ${reason}`}</div> : null}
          </li>
        )
      })}
    </ol>
  )
}

export function RequestPage({
  ctx,
  data,
  error,
}: {
  ctx: ViewCtx
  data: RequestPageData
  error?: StatusError
}) {
  const { t } = ctx
  const r = data.request
  return (
    <article id="request">
      <h1>{r.title}</h1>
      {r.onBehalf ? <p class="note">{t('req.onBehalf')}</p> : null}
      <p>
        <b>{t('req.next')}:</b> {nextLabel(ctx, r, ctx.user?.role ?? 'observer')}
      </p>
      <StatusActions ctx={ctx} request={r} actions={data.actions} error={error} />
      <p class="links">
        {data.canEdit ? <a href={`/requests/${r.id}/edit`}>{t('req.edit')}</a> : null}{' '}
        <a href={`/requests/${r.id}/print`}>{t('req.print')}</a>
      </p>
      <RequestSummary ctx={ctx} data={data} />
      <h2>{t('req.situation')}</h2>
      <p class="prose">{r.situation}</p>
      <h2>{t('req.needs')}</h2>
      <NeedsTable ctx={ctx} data={data} />
      <h2>{t('req.timeline')}</h2>
      <Timeline ctx={ctx} events={data.timeline} />
    </article>
  )
}

/** The 409 answer: what changed, and the request as it is now. */
export function ConflictNotice({
  ctx,
  message,
  data,
}: {
  ctx: ViewCtx
  message: Msg
  data: RequestPageData
}) {
  return (
    <>
      <div class="error-summary" role="alert">
        <h2>{ctx.t('error.409')}</h2>
        <p>{ctx.m(message)}</p>
        <p>{ctx.t('req.conflict', { status: ctx.t(`status.${data.request.status}`) })}</p>
      </div>
      <RequestPage ctx={ctx} data={data} />
    </>
  )
}
