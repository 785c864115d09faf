/** Small figures for the overview page, each only for the roles that may see it. */
import { asc, count, eq } from 'drizzle-orm'
import { can } from '../../pool/access/index.ts'
import type { Actor } from '../../pool/shared/index.ts'
import { functionaries, hrcUnits } from '../schema/index.ts'
import type { Db } from '../types.ts'

export async function hrcUnitsFor(db: Db, actor: Actor) {
  if (!can(actor, 'hrc:read')) return null
  return db.select().from(hrcUnits).orderBy(asc(hrcUnits.code))
}

export async function poolSizeFor(db: Db, actor: Actor) {
  if (!can(actor, 'pool:read')) return null
  const [row] = await db.select({ n: count() }).from(functionaries).where(eq(functionaries.active, true))
  return row?.n ?? 0
}
