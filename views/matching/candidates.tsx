/**
 * The candidates of one functionary need (coordinator): the ranked people with each score's parts
 * and their alert state, the answers as they arrive, the proposals made, and the excluded people
 * with their reasons behind a disclosure. One form: alert the ticked people, or propose one (each
 * row's button posts the same form elsewhere), so both work without JavaScript.
 */
import type { Excluded, Ranked } from '../../pool/matching/index.ts'
import { PARTS } from '../../pool/matching/index.ts'
import type { AlertState, AssignmentStatus } from '../../pool/reference/index.ts'
import type { Msg } from '../../pool/shared/index.ts'
import { type AnswerRow, AnswersBoard } from '../alerts/need.tsx'
import { ErrorSummary, FieldError, type FieldErrors, FormKey } from '../components/form.tsx'
import { period } from '../components/status.tsx'
import type { ViewCtx } from '../context.ts'
import type { MessageKey } from '../i18n/index.ts'

/** At most this many excluded people on the page; the rest are a link away (the page stays in 14 KB). */
export const EXCLUDED_SHOWN = 30

export interface CandidatesData {
  need: {
    id: string
    requestId: string
    title: string
    island: string
    role: string
    count: number
    minLevel: string
    languages: readonly string[]
    start: string
    end: string
    status: string
  }
  eligible: readonly Ranked[]
  /** The excluded who hold the role (or everyone excluded, when the whole pool was ranked). */
  excluded: readonly Excluded[]
  /** How many people do not hold the role at all. */
  lackingRole: number
  answers: AnswerRow[]
  assignments: readonly { id: string; name: string; status: AssignmentStatus; flaggedAt: number | null }[]
}

export interface RoundOutcome {
  asked: number
  reminded: number
  lost: number
}

/** "Alerted 2 people. Reminded 1 person.": said once, after the round's redirect. */
function Outcome({ ctx, outcome }: { ctx: ViewCtx; outcome: RoundOutcome }) {
  const parts = [
    outcome.asked ? ctx.t('alert.outcome.asked', { n: outcome.asked }) : '',
    outcome.reminded ? ctx.t('alert.outcome.reminded', { n: outcome.reminded }) : '',
    outcome.lost ? ctx.t('alert.outcome.lost', { n: outcome.lost }) : '',
  ].filter(Boolean)
  return parts.length ? (
    <p role="status" class="note" id="round-outcome">
      {parts.join(' ')}
    </p>
  ) : null
}

const ALERT_KEY: Record<AlertState | 'none', MessageKey> = {
  none: 'cand.alert.none',
  sent: 'cand.alert.sent',
  available: 'cand.alert.available',
  unavailable: 'cand.alert.unavailable',
  expired: 'cand.alert.expired',
}

/** "travel 16 · local 5 · languages 15": the parts that count, in the reader's words. */
export function partsText(ctx: ViewCtx, parts: Ranked['parts']): string {
  const shown = PARTS.filter((p) => parts[p] > 0).map((p) => `${ctx.t(`part.${p}`)} ${ctx.f.num(parts[p])}`)
  return shown.length ? shown.join(' · ') : '—'
}

/** Whoever holds the role, with every reason they are excluded. */
function ExcludedList({ ctx, people }: { ctx: ViewCtx; people: readonly Excluded[] }) {
  return (
    <ul class="excluded">
      {people.map((x) => (
        <li>
          <b>{x.name}</b>: {x.reasons.map((r) => ctx.m(r)).join('; ')}
        </li>
      ))}
    </ul>
  )
}

export const lacksRole = (x: Excluded) => x.reasons.some((r) => r.code === 'matching.excluded.role')

export function CandidatesPage(props: {
  ctx: ViewCtx
  data: CandidatesData
  errors?: FieldErrors
  /** Why a refused proposal's person does not meet the need (matching's reasons). */
  reasons?: readonly Msg[]
  deadline: string
  chosen?: readonly string[]
  /** What the last alert round did (after its redirect): first alerts, reminders, people lost to a concurrent round. */
  outcome?: RoundOutcome
}) {
  const { ctx, data } = props
  const { t, f } = ctx
  const { need } = data
  const errors = props.errors ?? {}
  const open = need.status === 'acknowledged' || need.status === 'in_progress'
  const holders = data.excluded.filter((x) => !lacksRole(x))
  const others = data.lackingRole
  const shown = holders.slice(0, EXCLUDED_SHOWN)
  const reminders = new Map(data.answers.map((a) => [a.functionaryId, a.reminders]))
  return (
    <article>
      <p>
        <a href={`/requests/${need.requestId}`}>{t('alert.back')}</a>
      </p>
      <h1>
        {t('alert.needTitle', {
          count: need.count,
          role: f.role(need.role),
          island: f.name('island', need.island),
        })}
      </h1>
      <p>
        {need.title} · {period(ctx, need.start, need.end)} · ≥ {f.name('level', need.minLevel)}
        {need.languages.length ? ` · ${need.languages.map((l) => f.name('language', l)).join(', ')}` : ''}
      </p>
      {open ? null : (
        <p class="note">{t('cand.closed', { status: t(`status.${need.status}` as MessageKey) })}</p>
      )}
      {data.assignments.length ? (
        <>
          <h2>{t('cand.assignments')}</h2>
          <ul>
            {data.assignments.map((a) => (
              <li>
                <a href={`/assignments/${a.id}`}>{a.name}</a> —{' '}
                <span class={`badge as-${a.status}`}>{f.name('status', `assignment.${a.status}`)}</span>
                {a.flaggedAt ? ` ${t('asg.flagged')}` : ''}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {props.outcome ? <Outcome ctx={ctx} outcome={props.outcome} /> : null}
      <AnswersBoard ctx={ctx} needId={need.id} answers={data.answers} />
      <h2 id="ranked">{t('cand.ranked', { n: data.eligible.length })}</h2>
      <p class="muted">{t('cand.intro')}</p>
      {data.eligible.length === 0 ? (
        <p>{t('alert.none')}</p>
      ) : (
        <form method="post" action={`/needs/${need.id}/alerts`} novalidate>
          <ErrorSummary ctx={ctx} errors={errors} />
          {props.reasons?.length ? (
            <ul class="field-error">
              {props.reasons.map((r) => (
                <li>{ctx.m(r)}</li>
              ))}
            </ul>
          ) : null}
          <FormKey ctx={ctx} />
          <div id="f-functionaryIds" class={errors.functionaryIds ? 'invalid' : ''}>
            <FieldError ctx={ctx} message={errors.functionaryIds ?? errors.functionaryId} />
            <table class="cards">
              <thead>
                <tr>
                  <th scope="col">{t('cand.person')}</th>
                  <th scope="col">{t('cand.score')}</th>
                  <th scope="col">{t('cand.parts')}</th>
                  <th scope="col">{t('cand.alert')}</th>
                  <th scope="col">{t('cand.action')}</th>
                </tr>
              </thead>
              <tbody>
                {data.eligible.map((c) => (
                  <tr>
                    <td>
                      <label class="check">
                        <input
                          type="checkbox"
                          name="functionaryIds"
                          value={c.id}
                          checked={props.chosen?.includes(c.id)}
                        />{' '}
                        {c.name}
                      </label>
                      {c.flags.length ? (
                        <div class="muted">{c.flags.map((m) => ctx.m(m)).join('; ')}</div>
                      ) : null}
                    </td>
                    <td data-label={t('cand.score')}>
                      <b>{f.num(c.score)}</b>
                    </td>
                    <td data-label={t('cand.parts')}>{partsText(ctx, c.parts)}</td>
                    <td data-label={t('cand.alert')}>
                      <span class={`badge a-${c.alert ?? 'none'}`}>{t(ALERT_KEY[c.alert ?? 'none'])}</span>
                      {reminders.get(c.id) ? ` · ${t('cand.reminded', { n: reminders.get(c.id)! })}` : ''}
                    </td>
                    <td>
                      {open ? (
                        <button
                          type="submit"
                          class="secondary"
                          formaction={`/needs/${need.id}/assignments`}
                          name="functionaryId"
                          value={c.id}
                        >
                          {t('cand.propose')}
                          <span class="vh"> {c.name}</span>
                        </button>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {open ? (
            <>
              <div class={errors.deadline ? 'field invalid' : 'field'}>
                <label for="f-deadline">{t('alert.deadline')}</label>
                <FieldError ctx={ctx} message={errors.deadline} />
                <input
                  id="f-deadline"
                  name="deadline"
                  type="datetime-local"
                  value={props.deadline}
                  required
                />
              </div>
              <p class="muted">{t('alert.remindHint')}</p>
              <button type="submit">{t('cand.alertSelected')}</button>
            </>
          ) : null}
        </form>
      )}
      <details class="excluded" id="excluded">
        <summary>{t('cand.excluded', { n: holders.length + others })}</summary>
        {shown.length ? <ExcludedList ctx={ctx} people={shown} /> : null}
        <p>
          {holders.length > shown.length
            ? `${t('cand.moreHolders', { n: holders.length - shown.length })} `
            : ''}
          {others ? `${t('cand.lackRole', { n: others, role: f.role(need.role) })} ` : ''}
          {holders.length + others ? (
            <a href={`/needs/${need.id}/excluded`}>{t('cand.allExcluded')}</a>
          ) : null}
        </p>
      </details>
    </article>
  )
}

/** Everyone excluded from the need, a page at a time, each with all their reasons. */
export function ExcludedPage(props: {
  ctx: ViewCtx
  need: CandidatesData['need']
  people: readonly Excluded[]
  page: number
  pages: number
  total: number
}) {
  const { ctx, need } = props
  const { t, f } = ctx
  const link = (n: number) => `/needs/${need.id}/excluded?page=${n}`
  return (
    <article>
      <p>
        <a href={`/needs/${need.id}`}>{t('cand.back')}</a>
      </p>
      <h1>{t('cand.excludedTitle', { role: f.role(need.role), island: f.name('island', need.island) })}</h1>
      <p>{t('cand.pageOf', { page: props.page, pages: props.pages, total: props.total })}</p>
      <ExcludedList ctx={ctx} people={props.people} />
      <nav aria-label={t('pager.label')} class="actions">
        {props.page > 1 ? <a href={link(props.page - 1)}>{t('pager.prev')}</a> : null}
        {props.page < props.pages ? <a href={link(props.page + 1)}>{t('pager.next')}</a> : null}
      </nav>
    </article>
  )
}
