/**
 * The island's side: the people offered to it, each with what it needs to decide and one form to
 * accept or decline (a reason to decline); and the people on their way or present, with the
 * arrival and release steps. Plain forms: no script needed.
 */
import type { Assignment } from '../../pool/assignments/index.ts'
import { FieldError, type FieldErrors, FormKey } from '../components/form.tsx'
import { period } from '../components/status.tsx'
import type { ViewCtx } from '../context.ts'
import { StatusTag, TravelText } from './show.tsx'
import { StepForm } from './steps.tsx'

export interface OfferView {
  assignment: Assignment
  name: string
  base: string
  role: string
  title: string
  person: { level: string | null; languages: readonly string[]; organisation: string }
  travelMinutes: number | null
}

export interface OffersData {
  offers: readonly OfferView[]
  present: readonly { assignment: Assignment; name: string; role: string }[]
}

function Decide({
  ctx,
  o,
  errors,
  reason,
}: {
  ctx: ViewCtx
  o: OfferView
  errors?: FieldErrors
  reason?: string
}) {
  const { t } = ctx
  const a = o.assignment
  const id = `f-${a.id}-reason`
  const error = errors?.[`${a.id}-reason`] ?? errors?.[`${a.id}-status`]
  return (
    <form method="post" action={`/assignments/${a.id}/status`} class="decide">
      <FormKey ctx={ctx} />
      <input type="hidden" name="version" value={String(a.version)} />
      <input type="hidden" name="back" value="/offers" />
      <div class={error ? 'field invalid' : 'field'}>
        <label for={id}>{t('offer.reason')}</label>
        <FieldError ctx={ctx} message={error} />
        <textarea id={id} name="reason" rows={2} maxlength={2000}>
          {reason ?? ''}
        </textarea>
      </div>
      <div class="actions">
        <button type="submit" name="status" value="accepted">
          {t('step.accepted')}
          <span class="vh"> {o.name}</span>
        </button>
        <button type="submit" name="status" value="declined" class="secondary">
          {t('step.declined')}
          <span class="vh"> {o.name}</span>
        </button>
      </div>
    </form>
  )
}

export function OffersPage(props: {
  ctx: ViewCtx
  data: OffersData
  failed?: { id: string; errors: FieldErrors; reason: string }
}) {
  const { ctx, data } = props
  const { t, f } = ctx
  return (
    <article>
      <h1>{t('offer.title')}</h1>
      <h2>{t('offer.waiting', { n: data.offers.length })}</h2>
      {data.offers.length === 0 ? <p>{t('offer.none')}</p> : null}
      {data.offers.map((o) => {
        const a = o.assignment
        const failed = props.failed?.id === a.id ? props.failed : undefined
        return (
          <section class="offer" aria-labelledby={`o-${a.id}`}>
            <h3 id={`o-${a.id}`}>
              <a href={`/assignments/${a.id}`}>{o.name}</a>: {f.role(o.role)}
              {o.person.level ? `, ${f.name('level', o.person.level)}` : ''}
            </h3>
            <p>
              {period(ctx, a.periodStart, a.periodEnd)} ·{' '}
              {f.list(o.person.languages.map((l) => f.name('language', l)))} · {o.person.organisation || '—'}{' '}
              · {t('offer.basedOn', { base: f.name('island', o.base) })}
              {o.travelMinutes != null
                ? ` · ${t('asg.travelTime', { hours: f.num(Math.round(o.travelMinutes / 6) / 10) })}`
                : ''}
            </p>
            <p class="muted">{o.title}</p>
            <Decide ctx={ctx} o={o} errors={failed?.errors} reason={failed?.reason} />
          </section>
        )
      })}
      <h2>{t('offer.present', { n: data.present.length })}</h2>
      {data.present.length === 0 ? (
        <p>{t('offer.nonePresent')}</p>
      ) : (
        <table class="cards">
          <thead>
            <tr>
              <th scope="col">{t('cand.person')}</th>
              <th scope="col">{t('req.status')}</th>
              <th scope="col">{t('asg.travel')}</th>
              <th scope="col">{t('cand.action')}</th>
            </tr>
          </thead>
          <tbody>
            {data.present.map((p) => {
              const a = p.assignment
              const next = a.status === 'travelling' ? 'on_site' : a.status === 'on_site' ? 'released' : null
              return (
                <tr>
                  <td>
                    <a href={`/assignments/${a.id}`}>{p.name}</a>
                    <div class="muted">
                      {f.role(p.role)} · {period(ctx, a.periodStart, a.periodEnd)}
                    </div>
                  </td>
                  <td data-label={t('req.status')}>
                    <StatusTag ctx={ctx} status={a.status} />
                  </td>
                  <td data-label={t('asg.travel')}>
                    <TravelText ctx={ctx} a={a} />
                  </td>
                  <td>{next ? <StepForm ctx={ctx} a={a} to={next} back="/offers" /> : null}</td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </article>
  )
}
