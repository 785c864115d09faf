/**
 * One assignment, as its coordinator, its island and its person see it: who, for what, when, how
 * they travel, whom to report to; the steps the reader may take now; what happened so far.
 */
import type { Assignment } from '../../pool/assignments/index.ts'
import type { AssignmentStatus } from '../../pool/reference/index.ts'
import type { AuditEvent } from '../../pool/shared/index.ts'
import { DualTime } from '../components/clock.tsx'
import { ErrorSummary, type FieldErrors } from '../components/form.tsx'
import { period } from '../components/status.tsx'
import type { ViewCtx } from '../context.ts'
import { Timeline } from '../requests/show.tsx'
import { StepForm, type StepValues } from './steps.tsx'

export interface AssignmentView {
  assignment: Assignment
  name: string
  base: string
  role: string
  title: string
  contact: string
  /** What the island needs to decide on an offer; absent for readers who do not decide. */
  person?: { level: string | null; languages: readonly string[]; organisation: string }
  travelMinutes?: number | null
}

/** The statuses from which a person holds a confirmed deployment: a calendar file is worth having. */
export const hasCalendar = (a: Assignment) => a.acceptedAt !== null

export function StatusTag({ ctx, status }: { ctx: ViewCtx; status: AssignmentStatus }) {
  return <span class={`badge as-${status}`}>{ctx.f.name('status', `assignment.${status}`)}</span>
}

/** Departure and arrival, each on the islands' and Amsterdam's clocks, with the transport. */
export function TravelText({ ctx, a }: { ctx: ViewCtx; a: Assignment }) {
  if (!a.travel) return <>{ctx.t('asg.noTravel')}</>
  const { t, f } = ctx
  return (
    <>
      {t('asg.etd')} <DualTime ctx={ctx} at={a.travel.etd} />; {t('asg.eta')}{' '}
      <DualTime ctx={ctx} at={a.travel.eta} />
      {' · '}
      {f.name('transport', a.travel.transport)}
      {a.travel.reference ? ` ${a.travel.reference}` : ''}
    </>
  )
}

export function AssignmentPage(props: {
  ctx: ViewCtx
  view: AssignmentView
  steps: readonly AssignmentStatus[]
  answeredAvailable: boolean
  timeline: readonly AuditEvent[]
  canReadRequest: boolean
  failed?: { to: AssignmentStatus; values: StepValues; errors: FieldErrors }
}) {
  const { ctx, view } = props
  const { t, f } = ctx
  const a = view.assignment
  return (
    <article>
      <h1>
        {t('asg.title', { name: view.name, role: f.role(view.role), island: f.name('island', a.island) })}
      </h1>
      {props.failed ? <ErrorSummary ctx={ctx} errors={props.failed.errors} /> : null}
      {a.flaggedAt && a.status === 'proposed' ? (
        <p class="note" role="status">
          {t('asg.flaggedNote')}
        </p>
      ) : null}
      <dl class="summary">
        <dt>{t('req.status')}</dt>
        <dd>
          <StatusTag ctx={ctx} status={a.status} />
          {a.onBehalf && a.arrivedAt ? ` ${t('asg.onBehalf')}` : ''}
        </dd>
        <dt>{t('req.period')}</dt>
        <dd>{period(ctx, a.periodStart, a.periodEnd)}</dd>
        <dt>{t('asg.request')}</dt>
        <dd>{props.canReadRequest ? <a href={`/requests/${a.requestId}`}>{view.title}</a> : view.title}</dd>
        <dt>{t('asg.reportTo')}</dt>
        <dd>{view.contact || '—'}</dd>
        <dt>{t('asg.base')}</dt>
        <dd>
          {f.name('island', view.base)}
          {view.travelMinutes != null
            ? ` (${t('asg.travelTime', { hours: f.num(Math.round(view.travelMinutes / 6) / 10) })})`
            : ''}
        </dd>
        {view.person ? (
          <>
            <dt>{t('asg.level')}</dt>
            <dd>{view.person.level ? f.name('level', view.person.level) : '—'}</dd>
            <dt>{t('asg.languages')}</dt>
            <dd>{f.list(view.person.languages.map((l) => f.name('language', l)))}</dd>
            <dt>{t('asg.organisation')}</dt>
            <dd>{view.person.organisation || '—'}</dd>
          </>
        ) : null}
        <dt>{t('asg.travel')}</dt>
        <dd>
          <TravelText ctx={ctx} a={a} />
        </dd>
        {a.confirmedBy ? (
          <>
            <dt>{t('asg.confirmed')}</dt>
            <dd>
              {f.name('confirmChannel', a.confirmedBy.channel)}
              {a.confirmedBy.note ? `: ${a.confirmedBy.note}` : ''}
            </dd>
          </>
        ) : null}
        {a.reason ? (
          <>
            <dt>{t('req.reason')}</dt>
            <dd>{a.reason}</dd>
          </>
        ) : null}
      </dl>
      {hasCalendar(a) ? (
        <p>
          <a href={`/assignments/${a.id}/calendar.ics`} download>
            {t('asg.ics')}
          </a>
        </p>
      ) : null}
      {props.steps.length ? (
        <section class="actions" aria-label={t('asg.steps')}>
          {props.steps.map((to) => (
            <StepForm
              ctx={ctx}
              a={a}
              to={to}
              answeredAvailable={props.answeredAvailable}
              values={props.failed?.to === to ? props.failed.values : undefined}
              errors={props.failed?.to === to ? props.failed.errors : undefined}
            />
          ))}
        </section>
      ) : null}
      <h2>{t('req.timeline')}</h2>
      <Timeline ctx={ctx} events={[...props.timeline]} />
    </article>
  )
}
