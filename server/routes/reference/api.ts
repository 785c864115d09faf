/** JSON API, version 1: the same rules and queries as the pages, session-cookie auth. */
import { Hono } from 'hono'
import { listIslands, listRoles } from '../../../db/queries/reference.ts'
import { LEVELS } from '../../../pool/reference/index.ts'
import type { AppEnv } from '../../env.ts'
import { authorize } from '../../policy.ts'

export const apiReference = new Hono<AppEnv>()
  .get('/islands', async (c) => {
    authorize(c, 'reference:read')
    const rows = await listIslands(c.get('deps').db)
    return c.json({
      items: rows.map(({ sort: _s, isBaseOnly, ...i }) => ({ ...i, kind: isBaseOnly ? 'base' : 'island' })),
    })
  })
  .get('/roles', async (c) => {
    authorize(c, 'reference:read')
    const rows = await listRoles(c.get('deps').db)
    return c.json({ items: rows.map(({ sort: _s, ...r }) => r), levels: LEVELS })
  })
