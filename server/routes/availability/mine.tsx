/** Self-service: a functionary's own unavailability periods (/me/availability). */
import { Hono } from 'hono'
import type { AppEnv } from '../../env.ts'
import { ownFunctionary } from '../../policy.ts'
import { postDelete, postPeriod, showPlanning } from './planning.tsx'

export const myAvailabilityPages = new Hono<AppEnv>()
  .get('/availability', (c) => {
    const { user, id } = ownFunctionary(c)
    return showPlanning(c, user, 'me', id)
  })
  .post('/availability', (c) => {
    const { user, id } = ownFunctionary(c)
    return postPeriod(c, user, 'me', id)
  })
  .post('/availability/:periodId/delete', (c) => {
    const { user, id } = ownFunctionary(c)
    return postDelete(c, user, 'me', id)
  })
