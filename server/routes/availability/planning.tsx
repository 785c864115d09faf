/** The planning page (periods and the add form) and its POSTs, shared by /me/availability and /pool/availability/:id. */
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { SessionUser } from '../../../db/queries/sessions.ts'
import { today } from '../../../pool/availability/index.ts'
import type { Refusal } from '../../../pool/shared/index.ts'
import { type PeriodValues, PlanningPage } from '../../../views/availability/periods.tsx'
import type { FieldErrors } from '../../../views/components/form.tsx'
import type { AppEnv } from '../../env.ts'
import { formFields } from '../../forms.ts'
import { Refused } from '../../refused.ts'
import { page, viewCtx } from '../../render.tsx'
import { addPeriod, planningOf, removePeriod } from '../../services/availability.ts'

type C = Context<AppEnv>
/** Whose page: the person's own (/me) or a coordinator's view of anyone (/pool/availability/:id). */
export type Door = 'me' | 'pool'

const actionOf = (door: Door, functionaryId: string) =>
  door === 'me' ? '/me/availability' : `/pool/availability/${functionaryId}`

function refuse(r: Refusal): never {
  if (r.error === 'forbidden') throw new Refused(403, r.message)
  throw new HTTPException(404, { message: '' })
}

export async function showPlanning(
  c: C,
  user: SessionUser,
  door: Door,
  functionaryId: string,
  form: { values: PeriodValues; errors: FieldErrors } = { values: {}, errors: {} },
  status = 200,
) {
  const { db, now } = c.get('deps')
  const found = await planningOf(db, user, functionaryId, today(now()))
  if (!found.ok) refuse(found)
  const ctx = viewCtx(c)
  const name = found.functionary.name
  const heading = door === 'me' ? ctx.t('nav.myAvailability') : ctx.t('avail.plan', { name })
  return page(
    c,
    heading,
    <PlanningPage
      ctx={ctx}
      heading={heading}
      intro={door === 'me' ? ctx.t('period.intro.mine') : ctx.t('period.intro.other', { name })}
      inactive={!found.functionary.active}
      periods={found.periods}
      action={actionOf(door, functionaryId)}
      values={form.values}
      errors={form.errors}
      back={door === 'pool' ? { href: '/pool/availability', label: ctx.t('avail.back') } : undefined}
    />,
    status,
  )
}

export async function postPeriod(c: C, user: SessionUser, door: Door, functionaryId: string) {
  const fields = await formFields(c)
  const values: PeriodValues = {
    start: String(fields.start ?? ''),
    end: String(fields.end ?? ''),
    reason: String(fields.reason ?? ''),
    note: String(fields.note ?? ''),
  }
  const { db, now } = c.get('deps')
  const result = await addPeriod({ db, now: now() }, user, functionaryId, values)
  if (result.ok) return c.redirect(actionOf(door, functionaryId), 303)
  if (result.error === 'invalid_input')
    return showPlanning(c, user, door, functionaryId, { values, errors: result.errors }, 422)
  refuse(result)
}

export async function postDelete(c: C, user: SessionUser, door: Door, functionaryId: string) {
  const { db, now } = c.get('deps')
  const result = await removePeriod({ db, now: now() }, user, functionaryId, c.req.param('periodId') ?? '')
  if (!result.ok) refuse(result)
  return c.redirect(actionOf(door, functionaryId), 303)
}
