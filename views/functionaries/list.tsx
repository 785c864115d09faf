/** The pool register: a GET form of filters, a page of people, links to the pages before and after. */
import type { FunctionaryRecord } from '../../pool/functionaries/index.ts'
import { FieldError, type FieldErrors } from '../components/form.tsx'
import { TableRegion } from '../components/table.tsx'
import type { ViewCtx } from '../context.ts'
import { ExpiredFlags } from './documents.tsx'
import type { PoolRefs } from './form.tsx'

/** The filters as they stand in the URL (the names of the API's query parameters). */
export type PoolQuery = Partial<
  Record<'q' | 'role' | 'level' | 'language' | 'base' | 'free_from' | 'free_to' | 'active', string>
>

export function poolHref(path: string, query: PoolQuery, extra: Record<string, string | number> = {}) {
  const params = new URLSearchParams()
  for (const [k, v] of Object.entries({ ...query, ...extra }))
    if (v !== undefined && v !== '') params.set(k, String(v))
  const s = params.toString()
  return s ? `${path}?${s}` : path
}

export function PoolList(props: {
  ctx: ViewCtx
  items: FunctionaryRecord[]
  total: number
  page: { limit: number; offset: number }
  query: PoolQuery
  errors: FieldErrors
  refs: PoolRefs
  canManage: boolean
}) {
  const { ctx, query } = props
  const { t } = ctx
  return (
    <section>
      <h1>{t('pool.title')}</h1>
      {props.canManage ? (
        <p class="actions">
          <a class="button" href="/pool/new">
            {t('pool.add')}
          </a>
          <a href="/pool/import">{t('pool.import')}</a>
          <a href={poolHref('/pool/export.csv', query)}>{t('pool.export')}</a>
          <a href={poolHref('/pool/export.csv', query, { delimiter: 'semicolon' })}>{t('pool.exportNl')}</a>
        </p>
      ) : null}
      <Filters {...props} />
      <PoolRows {...props} />
    </section>
  )
}

function Filters(props: { ctx: ViewCtx; query: PoolQuery; errors: FieldErrors; refs: PoolRefs }) {
  const { ctx, query, errors, refs } = props
  const { t } = ctx
  const select = (name: keyof PoolQuery, label: string, options: [string, string][]) => (
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
  const date = (name: 'free_from' | 'free_to', label: string) => (
    <div class={errors[name] ? 'field invalid' : 'field'}>
      <label for={`q-${name}`}>{label}</label>
      <FieldError ctx={ctx} message={errors[name]} />
      <input type="date" id={`q-${name}`} name={name} value={query[name] ?? ''} />
    </div>
  )
  const any: [string, string] = ['', t('pool.any')]
  const pairs = (list: { code: string; name: string }[]) =>
    list.map((x): [string, string] => [x.code, x.name])
  return (
    <form method="get" action="/pool" class="filters" role="search">
      <div class="field">
        <label for="q-q">{t('pool.search')}</label>
        <input type="search" id="q-q" name="q" value={query.q ?? ''} maxlength={200} />
      </div>
      {select('role', t('pool.role'), [any, ...pairs(refs.roles)])}
      {select('level', t('pool.minLevel'), [
        any,
        ...(['trainee', 'qualified', 'senior'] as const).map((l): [string, string] => [l, t(`level.${l}`)]),
      ])}
      {select('language', t('pool.language'), [any, ...pairs(refs.languages)])}
      {select('base', t('pool.base'), [any, ...pairs(refs.bases)])}
      <fieldset class="filters">
        <legend>{t('pool.free')}</legend>
        {date('free_from', t('pool.freeFrom'))}
        {date('free_to', t('pool.freeTo'))}
      </fieldset>
      {select('active', t('pool.status'), [
        ['', t('pool.active')],
        ['0', t('pool.inactive')],
        ['all', t('pool.all')],
      ])}
      <div class="field">
        <button type="submit">{t('pool.filter')}</button>
      </div>
    </form>
  )
}

/** The name of a code from the reference lists, already in the reader's language. */
const nameIn = (list: { code: string; name: string }[], code: string) =>
  list.find((x) => x.code === code)?.name ?? code

export function PoolRows(props: {
  ctx: ViewCtx
  items: FunctionaryRecord[]
  total: number
  page: { limit: number; offset: number }
  query: PoolQuery
  refs: PoolRefs
  canManage: boolean
}) {
  const { ctx, items, total, page, query, refs } = props
  const { t } = ctx
  if (items.length === 0) return <p id="pool-rows">{t('pool.none')}</p>
  const prev = page.offset > 0 ? Math.max(page.offset - page.limit, 0) : null
  const next = page.offset + page.limit < total ? page.offset + page.limit : null
  const pager = (
    <nav class="actions" aria-label={t('pool.paging')}>
      {prev !== null ? (
        <a href={poolHref('/pool', query, prev ? { offset: prev } : {})} rel="prev">
          {t('pool.prev')}
        </a>
      ) : null}
      {next !== null ? (
        <a href={poolHref('/pool', query, { offset: next })} rel="next">
          {t('pool.next')}
        </a>
      ) : null}
    </nav>
  )
  return (
    <div id="pool-rows">
      <p>{t('pool.count', { from: page.offset + 1, to: page.offset + items.length, total })}</p>
      <TableRegion label={t('pool.title')}>
        <table class="cards">
          <thead>
            <tr>
              <th scope="col">{t('pool.name')}</th>
              <th scope="col">{t('pool.base')}</th>
              <th scope="col">{t('pool.roles')}</th>
              <th scope="col">{t('pool.languages')}</th>
              <th scope="col">{t('pool.organisation')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((f) => (
              <tr>
                <td data-label={t('pool.name')}>
                  <a href={`/pool/${f.id}`}>{f.name}</a>
                  {f.active ? null : <span class="badge"> {t('pool.inactive')}</span>}{' '}
                  <ExpiredFlags ctx={ctx} person={f} />
                </td>
                <td data-label={t('pool.base')}>{nameIn(refs.bases, f.base)}</td>
                <td data-label={t('pool.roles')}>
                  {f.roles.map((r) => `${nameIn(refs.roles, r.role)} (${t(`level.${r.level}`)})`).join(', ')}
                </td>
                <td data-label={t('pool.languages')}>
                  {f.languages.map((l) => nameIn(refs.languages, l.language)).join(', ')}
                </td>
                <td data-label={t('pool.organisation')}>{f.organisation}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableRegion>
      {pager}
    </div>
  )
}
