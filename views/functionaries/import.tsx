/** CSV import: the upload/paste form, then the preview (per-row errors, a summary) with the confirm button. */
import type { ImportPlan, RowProblem } from '../../pool/functionaries/index.ts'
import type { Msg } from '../../pool/shared/index.ts'
import { FormKey } from '../components/form.tsx'
import { TableRegion } from '../components/table.tsx'
import type { ViewCtx } from '../context.ts'

/** "email: Enter a valid e-mail address …": the column as the file names it, then why. */
const problem = (ctx: ViewCtx, p: RowProblem) => `${p.column ? `${p.column}: ` : ''}${ctx.m(p.message)}`

export function ImportForm({ ctx, text = '' }: { ctx: ViewCtx; text?: string }) {
  const { t } = ctx
  return (
    <form method="post" action="/pool/import" enctype="multipart/form-data">
      <div class="field">
        <label for="f-file">{t('import.file')}</label>
        <input type="file" id="f-file" name="file" accept=".csv,text/csv,text/plain" />
      </div>
      <div class="field">
        <label for="f-csv">{t('import.paste')}</label>
        <textarea id="f-csv" name="csv" rows={8} spellcheck={false}>
          {text}
        </textarea>
      </div>
      <p>
        <button type="submit">{t('import.preview')}</button>
      </p>
    </form>
  )
}

export function ImportPage({ ctx, done }: { ctx: ViewCtx; done?: string | undefined }) {
  return (
    <section>
      <h1>{ctx.t('import.title')}</h1>
      {done ? (
        <p class="note" role="status">
          {done}
        </p>
      ) : null}
      <p>{ctx.t('import.intro')}</p>
      <ImportForm ctx={ctx} />
    </section>
  )
}

/** The preview: nothing is written until the confirm form (carrying the same text) is posted. */
export function ImportPreview(props: { ctx: ViewCtx; plan: ImportPlan; text: string; message?: Msg }) {
  const { ctx, plan, text } = props
  const { t } = ctx
  const writes = plan.summary.new + plan.summary.updated
  return (
    <section>
      <h1>{t('import.previewTitle')}</h1>
      {props.message ? (
        <p class="note" role="alert">
          {ctx.m(props.message)}
        </p>
      ) : null}
      {plan.fileErrors.length ? (
        <div class="error-summary" role="alert">
          <ul>
            {plan.fileErrors.map((e) => (
              <li>{ctx.m(e)}</li>
            ))}
          </ul>
        </div>
      ) : (
        <p>
          <strong>{t('import.summary', plan.summary)}</strong>
        </p>
      )}
      {plan.ignoredColumns.length ? (
        <p class="muted">{t('import.ignored', { columns: plan.ignoredColumns.join(', ') })}</p>
      ) : null}
      {plan.ok && writes > 0 ? (
        <form method="post" action="/pool/import/confirm">
          <FormKey ctx={ctx} />
          <input type="hidden" name="csv" value={text} />
          <button type="submit">{t('import.confirm', { count: writes })}</button>
        </form>
      ) : plan.ok ? (
        <p>{t('import.nothing')}</p>
      ) : (
        <p class="note">{t('import.fixFirst')}</p>
      )}
      {plan.rows.length ? (
        <TableRegion label={t('import.preview')}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('import.row')}</th>
                <th scope="col">{t('pool.name')}</th>
                <th scope="col">{t('pool.email')}</th>
                <th scope="col">{t('import.outcome')}</th>
                <th scope="col">{t('import.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.rows.map((r) => (
                <tr class={r.outcome === 'error' ? 'invalid' : undefined}>
                  <td>{r.row}</td>
                  <td>{r.name}</td>
                  <td>{r.email}</td>
                  <td>{t(`import.${r.outcome}`)}</td>
                  <td>
                    {r.errors.length ? (
                      <ul class="field-error">
                        {r.errors.map((e) => (
                          <li>{problem(ctx, e)}</li>
                        ))}
                      </ul>
                    ) : (
                      r.changed.join(', ')
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableRegion>
      ) : null}
      <h2>{t('import.again')}</h2>
      <ImportForm ctx={ctx} text={text} />
    </section>
  )
}
