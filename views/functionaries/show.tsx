/** The page of one pool member: what they can do, contact (coordinators only), status, and the trail of changes. */
import type { Child } from 'hono/jsx'
import type { FunctionaryRecord } from '../../pool/functionaries/index.ts'
import type { AuditEvent } from '../../pool/shared/index.ts'
import { DualTime } from '../components/clock.tsx'
import { FormKey } from '../components/form.tsx'
import type { ViewCtx } from '../context.ts'
import { translatorFor } from '../i18n/index.ts'
import { ExpiredFlags, ExpiredWarning } from './documents.tsx'
import type { PoolRefs } from './form.tsx'

const nameOf = (list: { code: string; name: string }[], code: string) =>
  list.find((x) => x.code === code)?.name ?? code

/** Roles, languages, base and organisation: what anyone allowed to see the person sees. */
export function Skills({ ctx, f, refs }: { ctx: ViewCtx; f: FunctionaryRecord; refs: PoolRefs }) {
  const { t } = ctx
  return (
    <>
      <dt>{t('pool.base')}</dt>
      <dd>{nameOf(refs.bases, f.base)}</dd>
      <dt>{t('pool.organisation')}</dt>
      <dd>{f.organisation || '—'}</dd>
      <dt>{t('pool.roles')}</dt>
      <dd>
        <ul>
          {f.roles.map((r) => (
            <li>
              {nameOf(refs.roles, r.role)}: {t(`level.${r.level}`)}
            </li>
          ))}
        </ul>
      </dd>
      <dt>{t('pool.languages')}</dt>
      <dd>
        {f.languages
          .map((l) => `${nameOf(refs.languages, l.language)} (${t(`prof.${l.proficiency}`)})`)
          .join(', ') || '—'}
      </dd>
      <dt>{t('pool.remote')}</dt>
      <dd>{f.remoteCapable ? t('pool.yes') : t('pool.no')}</dd>
    </>
  )
}

export function FunctionaryPage(props: {
  ctx: ViewCtx
  f: FunctionaryRecord
  refs: PoolRefs
  showContact: boolean
  canManage: boolean
  timeline: AuditEvent[]
  conflict?: boolean
  /** The account part (views/accounts/invite.tsx), for those who may invite. */
  invite?: Child
}) {
  const { ctx, f, refs } = props
  const { t } = ctx
  return (
    <section>
      <p>
        <a href="/pool">{t('pool.back')}</a>
      </p>
      <h1>{f.name}</h1>
      {props.conflict ? (
        <p class="note" role="alert">
          {t('pool.conflict')}
        </p>
      ) : null}
      {f.active ? null : <p class="note">{t('pool.isInactive')}</p>}
      {props.showContact ? <ExpiredWarning ctx={ctx} person={f} /> : null}
      <dl class="summary">
        <Skills ctx={ctx} f={f} refs={refs} />
        {props.showContact ? (
          <>
            <dt>{t('pool.email')}</dt>
            <dd>
              <a href={`mailto:${f.email}`}>{f.email}</a>
            </dd>
            <dt>{t('pool.phone')}</dt>
            <dd>{f.phone ? <a href={`tel:${f.phone.replace(/[^+0-9]/g, '')}`}>{f.phone}</a> : '—'}</dd>
            <dt>{t('pool.travelDoc')}</dt>
            <dd>
              {f.travelDocumentExpiry ? ctx.f.date(f.travelDocumentExpiry) : '—'}{' '}
              <ExpiredFlags ctx={ctx} person={{ travelDocumentExpiry: f.travelDocumentExpiry }} />
            </dd>
            <dt>{t('pool.medical')}</dt>
            <dd>
              {f.medicalFitnessExpiry ? ctx.f.date(f.medicalFitnessExpiry) : '—'}{' '}
              <ExpiredFlags ctx={ctx} person={{ medicalFitnessExpiry: f.medicalFitnessExpiry }} />
            </dd>
            <dt>{t('pool.notes')}</dt>
            <dd class="prose">{f.notes || '—'}</dd>
          </>
        ) : null}
      </dl>
      {props.canManage ? (
        <div class="actions">
          <a class="button" href={`/pool/${f.id}/edit`}>
            {t('pool.edit')}
          </a>
          <form method="post" action={`/pool/${f.id}/status`}>
            <FormKey ctx={ctx} />
            <input type="hidden" name="version" value={String(f.version)} />
            <input type="hidden" name="active" value={f.active ? '0' : '1'} />
            <button type="submit" class="secondary">
              {f.active ? t('pool.deactivate') : t('pool.reactivate')}
            </button>
          </form>
        </div>
      ) : null}
      {props.invite ?? null}
      {props.canManage && props.timeline.length ? (
        <>
          <h2>{t('pool.history')}</h2>
          <ol class="timeline">
            {props.timeline.map((e) => (
              <li>
                <DualTime ctx={ctx} at={e.at} /> — {translatorFor(ctx.locale).audit(e)}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  )
}
