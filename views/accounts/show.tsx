/** One account for the admin: its form, deactivate or reactivate, a new invitation, and its history in words. */
import type { UserRecord } from '../../pool/accounts/index.ts'
import type { AuditEvent, Msg } from '../../pool/shared/index.ts'
import { DualTime } from '../components/clock.tsx'
import { type FieldErrors, FormKey } from '../components/form.tsx'
import type { ViewCtx } from '../context.ts'
import { UserForm, type UserValues } from './form.tsx'

export const valuesFromUser = (u: UserRecord): UserValues => ({
  name: u.name,
  email: u.email,
  role: u.role,
  island: u.island ?? '',
  functionaryId: u.functionaryId ?? '',
  locale: u.locale,
  version: String(u.version),
})

/** "Alex Admin changed role Observer → Coordinator; the sessions ended", in the reader's language. */
export function auditLine(ctx: ViewCtx, e: AuditEvent): string {
  const params = { actor: e.actorLabel, before: e.before, after: e.after }
  return ctx.m({ code: `audit.${e.action}`, params } as unknown as Msg)
}

export function UserPage(props: {
  ctx: ViewCtx
  user: UserRecord
  values: UserValues
  errors: FieldErrors
  history: AuditEvent[]
  notice?: string
  conflict?: boolean
}) {
  const { ctx, user } = props
  const { t } = ctx
  return (
    <section>
      <p>
        <a href="/admin/users">{t('users.back')}</a>
      </p>
      <h1>{user.name}</h1>
      {props.notice ? (
        <p class="note" role="status">
          {props.notice}
        </p>
      ) : null}
      {props.conflict ? (
        <p class="note" role="alert">
          {t('users.conflict')}
        </p>
      ) : null}
      {user.active ? null : <p class="note">{t('users.isInactive')}</p>}
      <UserForm
        ctx={ctx}
        action={`/admin/users/${user.id}`}
        values={props.values}
        errors={props.errors}
        submit={t('users.save')}
      />
      <div class="actions">
        <form method="post" action={`/admin/users/${user.id}/status`}>
          <FormKey ctx={ctx} />
          <input type="hidden" name="version" value={String(user.version)} />
          <input type="hidden" name="active" value={user.active ? '0' : '1'} />
          <button type="submit" class="secondary" aria-describedby={user.active ? 'h-deactivate' : undefined}>
            {user.active ? t('users.deactivate') : t('users.reactivate')}
          </button>
        </form>
        {user.active && !user.hasPassword ? (
          <form method="post" action={`/admin/users/${user.id}/invitation`}>
            <FormKey ctx={ctx} />
            <button type="submit" class="secondary">
              {t('users.resend')}
            </button>
          </form>
        ) : null}
      </div>
      {user.active ? (
        <p class="muted" id="h-deactivate">
          {t('users.deactivateHint')}
        </p>
      ) : null}
      {props.history.length ? (
        <>
          <h2>{t('users.history')}</h2>
          <ol class="timeline">
            {props.history.map((e) => (
              <li>
                <DualTime ctx={ctx} at={e.at} /> {auditLine(ctx, e)}
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  )
}
