/** The admin's list of accounts: a GET form to search, a page of accounts, links to the pages around it. */
import type { UserRecord } from '../../pool/accounts/index.ts'
import { USER_ROLES } from '../../pool/reference/index.ts'
import type { ViewCtx } from '../context.ts'

export type UserQuery = Partial<Record<'q' | 'role' | 'active' | 'limit', string>>

export function usersHref(query: UserQuery, extra: Record<string, string | number> = {}) {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries({ ...query, ...extra }))
    if (v !== undefined && v !== '') params.set(k, String(v))
  const s = params.toString()
  return s ? `/admin/users?${s}` : '/admin/users'
}

export function UsersList(props: {
  ctx: ViewCtx
  items: UserRecord[]
  total: number
  page: { limit: number; offset: number }
  query: UserQuery
  notice?: string
}) {
  const { ctx, query } = props
  const { t } = ctx
  const select = (name: keyof UserQuery, label: string, options: [string, string][]) => (
    <div class="field">
      <label for={`q-${name}`}>{label}</label>
      <select id={`q-${name}`} name={name}>
        {options.map(([value, text]) => (
          <option value={value} selected={(query[name] ?? '') === value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  )
  return (
    <section>
      <h1>{t('users.title')}</h1>
      {props.notice ? (
        <p class="note" role="status">
          {props.notice}
        </p>
      ) : null}
      <p class="actions">
        <a class="button" href="/admin/users/new">
          {t('users.new')}
        </a>
      </p>
      <form method="get" action="/admin/users" class="filters" role="search">
        <div class="field">
          <label for="q-q">{t('users.search')}</label>
          <input type="search" id="q-q" name="q" value={query.q ?? ''} maxlength={200} />
        </div>
        {select('role', t('users.role'), [
          ['', t('users.anyRole')],
          ...USER_ROLES.map((r): [string, string] => [r, t(`role.${r}`)]),
        ])}
        {select('active', t('users.status'), [
          ['', t('users.active')],
          ['0', t('users.inactive')],
          ['all', t('users.all')],
        ])}
        <div class="field">
          <button type="submit">{t('users.filter')}</button>
        </div>
      </form>
      <UserRows {...props} />
    </section>
  )
}

export function UserRows(props: {
  ctx: ViewCtx
  items: UserRecord[]
  total: number
  page: { limit: number; offset: number }
  query: UserQuery
}) {
  const { ctx, items, total, page, query } = props
  const { t } = ctx
  if (items.length === 0) return <p id="user-rows">{t('users.none')}</p>
  const prev = page.offset > 0 ? Math.max(page.offset - page.limit, 0) : null
  const next = page.offset + page.limit < total ? page.offset + page.limit : null
  return (
    <div id="user-rows">
      <p>{t('users.count', { from: page.offset + 1, to: page.offset + items.length, total })}</p>
      <div class="scroll" tabindex={0} role="region" aria-label={t('users.title')}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('users.name')}</th>
              <th scope="col">{t('users.email')}</th>
              <th scope="col">{t('users.role')}</th>
              <th scope="col">{t('users.status')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((u) => (
              <tr>
                <td>
                  <a href={`/admin/users/${u.id}`}>{u.name}</a>
                </td>
                <td>{u.email}</td>
                <td>
                  {t(`role.${u.role}`)}
                  {u.island ? ` · ${ctx.f.name('island', u.island)}` : ''}
                </td>
                <td>
                  {!u.active ? t('users.inactive') : u.hasPassword ? t('users.active') : t('users.invited')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <nav class="actions" aria-label={t('users.paging')}>
        {prev !== null ? (
          <a href={usersHref(query, prev ? { offset: prev } : {})} rel="prev">
            {t('users.prev')}
          </a>
        ) : null}
        {next !== null ? (
          <a href={usersHref(query, { offset: next })} rel="next">
            {t('users.next')}
          </a>
        ) : null}
      </nav>
    </div>
  )
}
