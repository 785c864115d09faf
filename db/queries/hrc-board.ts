/**
 * What the readiness board costs when nothing changed: one small query. Versions only grow and
 * rows are never deleted, so a count and a sum of versions per table change with every write;
 * together with the open threats' arrival times they decide whether the board must be drawn again.
 */
import { eq, sql } from 'drizzle-orm'
import type { IslandOutlook } from '../../pool/hrc/index.ts'
import { hrcThreats } from '../schema/index.ts'
import type { Db } from '../types.ts'

export async function boardMark(db: Db): Promise<{ mark: string; winds: IslandOutlook[][] }> {
  const [[row], open] = await Promise.all([
    db.all<{ u: string; d: string; t: string; r: string }>(sql`select
      (select count(*) || '.' || coalesce(sum(version), 0) from hrc_units) as u,
      (select count(*) || '.' || coalesce(sum(version), 0) from hrc_dispatches) as d,
      (select count(*) || '.' || coalesce(sum(version), 0) from hrc_threats) as t,
      (select count(*) || '.' || coalesce(sum(r.version), 0) from requests r
        where exists (select 1 from needs n where n.request_id = r.id and n.kind = 'capacity')) as r`),
    db.select({ islands: hrcThreats.islands }).from(hrcThreats).where(eq(hrcThreats.status, 'open')),
  ])
  return { mark: `${row?.u}-${row?.d}-${row?.t}-${row?.r}`, winds: open.map((o) => o.islands) }
}
