/** One's own account, for every role: name and language, password, and where one is signed in. */
import { UI_LOCALES } from '../../pool/reference/index.ts'
import { DualTime } from '../components/clock.tsx'
import { ErrorSummary, Field, type FieldErrors, FormKey } from '../components/form.tsx'
import type { ViewCtx } from '../context.ts'
import { LOCALES } from '../i18n/index.ts'

export interface SessionRow {
  id: string
  current: boolean
  browser: string | null
  os: string | null
  createdAt: number
  lastSeenAt: number
}

export const deviceName = (ctx: ViewCtx, s: Pick<SessionRow, 'browser' | 'os'>) =>
  ctx.t('device.on', { browser: s.browser ?? ctx.t('device.unknown'), os: s.os ?? ctx.t('device.otherOs') })

export function AccountPage(props: {
  ctx: ViewCtx
  name: string
  email: string
  locale: string
  sessions: SessionRow[]
  errors: FieldErrors
  notice?: string
}) {
  const { ctx, errors } = props
  const { t } = ctx
  return (
    <section>
      <h1>{t('account.title')}</h1>
      {props.notice ? (
        <p class="note" role="status">
          {props.notice}
        </p>
      ) : null}
      <ErrorSummary ctx={ctx} errors={errors} />
      <h2>{t('account.profile')}</h2>
      <form method="post" action="/account" class="narrow">
        <FormKey ctx={ctx} />
        <p>
          {t('account.email')}: <strong>{props.email}</strong>
        </p>
        <Field ctx={ctx} name="name" label={t('account.name')} error={errors.name}>
          <input id="f-name" name="name" type="text" required maxlength={120} value={props.name} />
        </Field>
        <Field ctx={ctx} name="locale" label={t('account.locale')} error={errors.locale}>
          <select id="f-locale" name="locale">
            {UI_LOCALES.map((l) => (
              <option value={l} selected={props.locale === l} lang={l}>
                {LOCALES[l]}
              </option>
            ))}
          </select>
        </Field>
        <button type="submit">{t('account.saveProfile')}</button>
      </form>
      <h2>{t('account.password')}</h2>
      <form method="post" action="/account/password" class="narrow">
        <FormKey ctx={ctx} />
        <input type="hidden" name="username" autocomplete="username" value={props.email} />
        <Field ctx={ctx} name="current" label={t('account.current')} error={errors.current}>
          <input id="f-current" name="current" type="password" autocomplete="current-password" required />
        </Field>
        <Field ctx={ctx} name="password" label={t('account.new')} error={errors.password}>
          <p class="muted" id="h-password">
            {t('link.hint')} {t('account.passwordHint')}
          </p>
          <input
            id="f-password"
            name="password"
            type="password"
            autocomplete="new-password"
            minlength={12}
            maxlength={1000}
            required
            aria-describedby="h-password"
          />
        </Field>
        <button type="submit">{t('account.changePassword')}</button>
      </form>
      <h2>{t('account.sessions')}</h2>
      <div class="scroll" tabindex={0} role="region" aria-label={t('account.sessions')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('account.device')}</th>
              <th scope="col">{t('account.signedIn')}</th>
              <th scope="col">{t('account.lastSeen')}</th>
              <td />
            </tr>
          </thead>
          <tbody>
            {props.sessions.map((s) => (
              <tr>
                <td>{deviceName(ctx, s)}</td>
                <td>
                  <DualTime ctx={ctx} at={s.createdAt} />
                </td>
                <td>
                  <DualTime ctx={ctx} at={s.lastSeenAt} />
                </td>
                <td>
                  {s.current ? (
                    <strong>{t('account.thisDevice')}</strong>
                  ) : (
                    <form method="post" action={`/account/sessions/${s.id}/end`}>
                      <FormKey ctx={ctx} />
                      <button
                        type="submit"
                        class="secondary"
                        aria-label={t('account.endLabel', { device: deviceName(ctx, s) })}
                      >
                        {t('account.end')}
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  )
}
