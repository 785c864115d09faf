/** A one-page summary to print, photograph and send when nothing else gets through. */
import type { ViewCtx } from '../context.ts'
import { NeedsTable, type RequestPageData, RequestSummary } from './show.tsx'

export function RequestPrint({ ctx, data }: { ctx: ViewCtx; data: RequestPageData }) {
  const r = data.request
  return (
    <article class="print-summary">
      <h1>{r.title}</h1>
      <RequestSummary ctx={ctx} data={data} />
      <h2>{ctx.t('req.situation')}</h2>
      <p class="prose">{r.situation}</p>
      <h2>{ctx.t('req.needs')}</h2>
      <NeedsTable ctx={ctx} data={data} />
      <p class="muted">
        CCPM · {r.id} · {ctx.t('req.revision', { revision: r.revision })}
      </p>
    </article>
  )
}
