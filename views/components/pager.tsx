/** Previous / next links between the pages of a list: plain GET links, no script; one pager for every list paged by number. */
import type { ViewCtx } from '../context.ts'

export interface Paging {
  page: number
  pages: number
  total: number
}

/** Page `n` of a list of `total` rows, `size` a page (a page past the end is still numbered: it shows nothing). */
export const pagingOf = (page: number, total: number, size: number): Paging => ({
  page,
  pages: Math.max(1, Math.ceil(total / size)),
  total,
})

/** `href(n)` is page n with the list's filters kept; `summary` tells where the reader is ("Page 2 of 5 (230 requests)"). */
export function Pager(props: {
  ctx: ViewCtx
  paging: Paging
  href: (page: number) => string
  summary: string
}) {
  const { ctx, paging, href } = props
  if (paging.pages <= 1) return null
  return (
    <nav class="pager" aria-label={ctx.t('pager.label')}>
      {paging.page > 1 ? (
        <a href={href(paging.page - 1)} rel="prev">
          {ctx.t('pager.prev')}
        </a>
      ) : null}{' '}
      <span>{props.summary}</span>{' '}
      {paging.page < paging.pages ? (
        <a href={href(paging.page + 1)} rel="next">
          {ctx.t('pager.next')}
        </a>
      ) : null}
    </nav>
  )
}
