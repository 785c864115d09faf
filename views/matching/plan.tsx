/**
 * The plan under scarcity (coordinator): the optimal lines need → person with their scores, what
 * greedy would fill beside it, and the shortfall per need with why. Every line starts ticked; the
 * coordinator unticks and proposes the rest in one post (no script needed).
 */

import type { PlanNeed } from '../../pool/allocation/index.ts'
import { type Plan, shortfallMessages } from '../../pool/allocation/index.ts'
import { FormKey } from '../components/form.tsx'
import { period } from '../components/status.tsx'
import type { ViewCtx } from '../context.ts'
import type { MessageKey } from '../i18n/index.ts'

export interface PlanPageView {
  needs: readonly { row: { title: string; requestId: string }; need: PlanNeed }[]
  result: Plan
  names: ReadonlyMap<string, string>
  incidents: readonly { id: string; name: string }[]
  /** Open needs in all, of which the plan covers the first `needs.length`. */
  total: number
}

/** A line of the plan that was not proposed: the code of its refusal. */
export interface LostLine {
  needId: string
  functionaryId: string
  code: string
}

const LOST: Record<string, MessageKey> = {
  'assignment.propose.overlap': 'plan.lost.overlap',
  'assignment.propose.excluded': 'plan.lost.excluded',
  'assignment.propose.requestNotOpen': 'plan.lost.closed',
  'assignment.needNotFound': 'plan.lost.closed',
}

export function PlanPage(props: {
  ctx: ViewCtx
  view: PlanPageView
  incident: string
  outcome?: { proposed: number; lost: readonly LostLine[] }
}) {
  const { ctx, view } = props
  const { t, f } = ctx
  const needs = new Map(view.needs.map((n) => [n.need.id, n]))
  const needLabel = (id: string) => {
    const n = needs.get(id)
    if (!n) return id
    return `${f.role(n.need.role)}, ${f.name('island', n.need.island)} (${t(`priority.${n.need.priority}` as MessageKey)})`
  }
  const open = view.needs.reduce((sum, n) => sum + Math.max(0, n.need.count - n.need.filled), 0)
  const r = view.result
  return (
    <article>
      <h1>{t('plan.title')}</h1>
      <p class="muted">{t('plan.intro')}</p>
      {view.total > view.needs.length ? (
        <p class="note">{t('plan.capped', { shown: view.needs.length, total: view.total })}</p>
      ) : null}
      <form method="get" action="/plan" class="filters">
        <div class="field">
          <label for="f-incident">{t('req.incident')}</label>
          <select id="f-incident" name="incident">
            <option value="">{t('plan.allNeeds')}</option>
            {view.incidents.map((i) => (
              <option value={i.id} selected={i.id === props.incident}>
                {i.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="secondary">
          {t('plan.show')}
        </button>
      </form>
      {props.outcome ? (
        <div class="note" role="status">
          <p>{t('plan.proposed', { n: props.outcome.proposed })}</p>
          {props.outcome.lost.length ? (
            <ul>
              {props.outcome.lost.map((l) => (
                <li>
                  {view.names.get(l.functionaryId) ?? l.functionaryId} → {needLabel(l.needId)}:{' '}
                  {t(LOST[l.code] ?? 'plan.lost.other')}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <ul class="figures">
        <li>{t('plan.fills', { filled: r.filled, open, score: r.score })}</li>
        <li>{t('plan.greedy', { filled: r.greedy.filled, score: r.greedy.score })}</li>
      </ul>
      {r.lines.length === 0 ? (
        <p>{t('plan.nothing')}</p>
      ) : (
        <form method="post" action="/plan">
          <FormKey ctx={ctx} />
          <input type="hidden" name="incident" value={props.incident} />
          <table class="cards">
            <thead>
              <tr>
                <th scope="col">{t('plan.person')}</th>
                <th scope="col">{t('plan.need')}</th>
                <th scope="col">{t('cand.score')}</th>
              </tr>
            </thead>
            <tbody>
              {r.lines.map((line) => {
                const n = needs.get(line.needId)
                return (
                  <tr>
                    <td>
                      <label class="check">
                        <input
                          type="checkbox"
                          name="lines"
                          value={`${line.needId}:${line.functionaryId}`}
                          checked
                        />{' '}
                        {view.names.get(line.functionaryId) ?? line.functionaryId}
                      </label>
                    </td>
                    <td data-label={t('plan.need')}>
                      <a href={`/needs/${line.needId}`}>{needLabel(line.needId)}</a>
                      {n ? (
                        <div class="muted">
                          {n.row.title} · {period(ctx, n.need.period.start, n.need.period.end)}
                        </div>
                      ) : null}
                    </td>
                    <td data-label={t('cand.score')}>{f.num(line.score)}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
          <p>
            <button type="submit">{t('plan.apply')}</button>
          </p>
        </form>
      )}
      <h2>{t('plan.shortfall')}</h2>
      {r.shortfall.length === 0 ? (
        <p>{t('plan.noShortfall')}</p>
      ) : (
        <ul>
          {r.shortfall.map((s) => (
            <li>
              <a href={`/needs/${s.needId}`}>{needLabel(s.needId)}</a>: {t('plan.missing', { n: s.missing })}{' '}
              —{' '}
              {shortfallMessages(s)
                .map((m) => ctx.m(m))
                .join('; ')}
            </li>
          ))}
        </ul>
      )}
    </article>
  )
}
