/** Self-service: a functionary keeps their own profile (contact, languages, documents); roles stay read-only. */
import { type Context, Hono } from 'hono'
import { findFunctionary } from '../../../db/queries/functionaries.ts'
import type { SessionUser } from '../../../db/queries/sessions.ts'
import {
  type FunctionaryRecord,
  formToInput,
  SELF_SERVICE_FIELDS,
} from '../../../pool/functionaries/index.ts'
import { msg } from '../../../pool/shared/index.ts'
import type { FieldErrors } from '../../../views/components/form.tsx'
import {
  type FunctionaryValues,
  valuesFromForm,
  valuesFromRecord,
} from '../../../views/functionaries/form.tsx'
import { ProfilePage } from '../../../views/functionaries/profile.tsx'
import type { AppEnv } from '../../env.ts'
import { formFields } from '../../forms.ts'
import { authorize, currentUser } from '../../policy.ts'
import { Refused } from '../../refused.ts'
import { page, viewCtx } from '../../render.tsx'
import { myDeployments } from '../../services/assignment-pages.ts'
import { editFromInput, poolRefs } from '../../services/functionaries.ts'

type C = Context<AppEnv>

async function own(c: C, user: SessionUser): Promise<FunctionaryRecord> {
  const found = user.functionaryId
    ? await findFunctionary(c.get('deps').db, user, user.functionaryId)
    : undefined
  if (!found) throw new Refused(404, msg('app.profile.notLinked'))
  return found
}

async function render(
  c: C,
  f: FunctionaryRecord,
  values: FunctionaryValues,
  errors: FieldErrors,
  status = 200,
  note: { saved?: boolean; conflict?: boolean } = {},
) {
  const ctx = viewCtx(c)
  const [refs, deployments] = await Promise.all([
    poolRefs(c.get('deps').db, ctx.locale).then((r) => r.view),
    myDeployments(c.get('deps').db, currentUser(c)),
  ])
  const body = (
    <ProfilePage
      ctx={ctx}
      f={f}
      refs={refs}
      values={values}
      errors={errors}
      deployments={deployments}
      {...note}
    />
  )
  return page(c, ctx.t('me.title'), body, status)
}

export const profilePages = new Hono<AppEnv>()
  .get('/', async (c) => {
    const user = authorize(c, 'profile:own')
    const f = await own(c, user)
    return render(c, f, valuesFromRecord(f), {}, 200, { saved: c.req.query('saved') === '1' })
  })
  .post('/', async (c) => {
    const user = authorize(c, 'profile:own')
    const f = await own(c, user)
    const fields = await formFields(c)
    const posted = formToInput(fields)
    // Only the self-service fields are read from this form, whatever else is posted.
    const input = Object.fromEntries(
      SELF_SERVICE_FIELDS.filter((k) => posted[k] !== undefined).map((k) => [k, posted[k]]),
    )
    const version = Number(fields.version) || undefined
    const result = await editFromInput(
      { db: c.get('deps').db, now: c.get('deps').now() },
      user,
      f.id,
      input,
      version,
    )
    if (result.ok) return c.redirect('/me?saved=1', 303)
    if (result.error === 'invalid_input') return render(c, f, valuesFromForm(fields), result.errors, 422)
    if (result.error === 'conflict' && result.current)
      return render(c, result.current, valuesFromRecord(result.current), {}, 409, { conflict: true })
    throw new Refused(result.error === 'forbidden' ? 403 : 404, result.message)
  })
