/** Administration pages. */
import { Hono } from 'hono'
import { listOutbox } from '../../../db/queries/outbox.ts'
import { OutboxView } from '../../../views/outbox/outbox.tsx'
import type { AppEnv } from '../../env.ts'
import { authorize } from '../../policy.ts'
import { page, viewCtx } from '../../render.tsx'

export const outboxPages = new Hono<AppEnv>().get('/outbox', async (c) => {
  authorize(c, 'outbox:read')
  const { db, config } = c.get('deps')
  const data = { ...(await listOutbox(db)), smtp: config.smtpUrl != null }
  const ctx = viewCtx(c)
  return page(c, ctx.t('outbox.title'), <OutboxView ctx={ctx} data={data} />)
})
