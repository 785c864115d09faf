/** Lapsed papers, flagged beside the person (lists, their page) and warned of in the forms where they are entered. */
import { today } from '../../pool/availability/index.ts'
import { expiredDocuments, type FunctionaryFields } from '../../pool/functionaries/index.ts'
import type { ViewCtx } from '../context.ts'

type Papers = Partial<Pick<FunctionaryFields, 'travelDocumentExpiry' | 'medicalFitnessExpiry'>>

/** "Travel document expired 30 Jun 2025" badges; nothing when all is valid. */
export function ExpiredFlags({ ctx, person }: { ctx: ViewCtx; person: Papers }) {
  const expired = expiredDocuments(person, today(ctx.now))
  if (expired.length === 0) return null
  return (
    <span class="flags">
      {expired.map((m) => (
        <span class="badge expired">{ctx.m(m)}</span>
      ))}
    </span>
  )
}

/** The warning above a form that holds a lapsed date: saved as entered, but the person cannot be deployed on it. */
export function ExpiredWarning({ ctx, person }: { ctx: ViewCtx; person: Papers }) {
  const expired = expiredDocuments(person, today(ctx.now))
  if (expired.length === 0) return null
  return (
    <div class="note" role="alert" id="expired">
      <p>
        <b>{expired.map((m) => ctx.m(m)).join('. ')}.</b> {ctx.t('pool.expiredWarning')}
      </p>
    </div>
  )
}
